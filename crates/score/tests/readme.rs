//! The README's `echo '…' | selfcheck-score` examples produce what they claim.

mod support;

use serde_json::Value;
use support::run_scorer;

struct Example {
    input: String,
    args: Vec<String>,
    expected: Vec<String>,
}

/// Every ```sh block of the form `echo '<input>' | selfcheck-score [args]`, each
/// with the ```json block that follows it.
fn examples(readme: &str) -> Vec<Example> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```").filter(|l| !l.is_empty()) {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((lang.to_string(), body.join("\n")));
        }
    }
    let mut found = Vec::new();
    for (i, (lang, body)) in blocks.iter().enumerate() {
        let Some(rest) = body.strip_prefix("echo '").filter(|_| lang == "sh") else {
            continue;
        };
        let Some(at) = rest.rfind("' | selfcheck-score") else {
            continue;
        };
        let args = rest[at + "' | selfcheck-score".len()..]
            .split_whitespace()
            .map(String::from)
            .collect();
        let (next_lang, json) = blocks
            .get(i + 1)
            .unwrap_or_else(|| panic!("no json block after {body}"));
        assert_eq!(next_lang, "json", "the block after `{body}` should be json");
        let expected = json
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect();
        found.push(Example {
            input: format!("{}\n", &rest[..at]),
            args,
            expected,
        });
    }
    found
}

fn run(example: &Example) -> (String, Option<i32>) {
    let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
    let output = run_scorer(&args, &example.input);
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code(),
    )
}

#[test]
fn the_readme_examples_produce_what_they_claim() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 4,
        "expected the README's scorer examples, found {}",
        examples.len()
    );
    assert!(
        examples.iter().any(|e| e.args == ["--format", "csv"]),
        "no CSV example"
    );
    assert!(
        examples.iter().any(|e| e.args.is_empty()),
        "no JSON Lines example"
    );
    assert!(
        examples
            .iter()
            .any(|e| e.expected.iter().any(|l| l.contains("\"error\""))),
        "no error example"
    );
    for example in &examples {
        let (stdout, code) = run(example);
        let got: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let want: Vec<Value> = example
            .expected
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(got, want, "for input:\n{}", example.input);
        let failed = want.iter().any(|v| v.get("error").is_some());
        assert_eq!(
            code,
            Some(i32::from(failed)),
            "exit status for input:\n{}",
            example.input
        );
    }
}
