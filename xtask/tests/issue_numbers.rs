//! No file of the repository refers to an issue by its number. "See issue 6" tells a reader of
//! the code nothing unless they can open that tracker, and the tracker may move or vanish; the
//! comment or document says the reason itself instead (the budget, the measurement, the rule).
//!
//! Every file git knows or would add (tracked, plus untracked files that are not ignored) is
//! scanned, so a new file is held to the rule before it is committed. Web addresses are left
//! out: a link to another project's issue tracker is a source a reader can follow.

use std::path::Path;
use std::process::Command;

/// This file: its test cases below spell out the references it looks for.
const THIS_FILE: &str = "xtask/tests/issue_numbers.rs";

/// The line's text without web addresses (a token containing `://` is one).
fn without_addresses(line: &str) -> String {
    line.split_whitespace()
        .filter(|token| !token.contains("://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text[at..]` starts a word, i.e. the character before it is not part of a word.
fn starts_word(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// After "issue" or "issues": optional spaces, an optional `#` or "no."/"number", then a digit.
fn numbered_after_issue(rest: &str) -> bool {
    let rest = rest.strip_prefix('s').unwrap_or(rest).trim_start();
    let rest = ["#", "no.", "number"]
        .iter()
        .find_map(|prefix| rest.strip_prefix(prefix))
        .unwrap_or(rest)
        .trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// `#` and digits standing alone (`#7`, `(#12)`), but not what may be a CSS colour such as
/// `#000` or `#333333` (3, 4, 6 or 8 digits, unless in parentheses on its own; after "see",
/// "closes" and the like, `issue_references` finds those too).
fn hash_reference(line: &str, at: usize) -> bool {
    let before = line[..at].chars().next_back();
    if !before.is_none_or(|c| c.is_whitespace() || c == '(' || c == '[') {
        return false;
    }
    let digits = line[at + 1..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = line[at + 1 + digits..].chars().next();
    if digits == 0 || after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let colour_length = matches!(digits, 3 | 4 | 6 | 8);
    !colour_length || (before == Some('(') && after == Some(')'))
}

/// Words that, followed by `#` and a number, name an issue or a pull request.
const HASH_WORDS: [&str; 8] = [
    "pr",
    "pull request",
    "ticket",
    "bug",
    "see",
    "closes",
    "fixes",
    "resolves",
];

/// The references to issue numbers in `text`: (line number, the line).
fn issue_references(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, original) in text.lines().enumerate() {
        let line = without_addresses(original).to_lowercase();
        let by_word = line.match_indices("issue").any(|(at, word)| {
            starts_word(&line, at) && numbered_after_issue(&line[at + word.len()..])
        }) || HASH_WORDS.iter().any(|word| {
            line.match_indices(word).any(|(at, _)| {
                let rest = line[at + word.len()..].trim_start();
                starts_word(&line, at)
                    && rest
                        .strip_prefix('#')
                        .is_some_and(|number| number.starts_with(|c: char| c.is_ascii_digit()))
            })
        });
        let by_hash = line
            .match_indices('#')
            .any(|(at, _)| hash_reference(&line, at));
        if by_word || by_hash {
            found.push((index + 1, original.trim().to_owned()));
        }
    }
    found
}

/// Every file git tracks or would add, relative to the repository's root.
fn repository_files(root: &Path) -> Vec<String> {
    let output = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output()
        .expect("git runs (the scan lists the repository's files with git ls-files)");
    assert!(
        output.status.success(),
        "git ls-files failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("file names are UTF-8")
        .split('\0')
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_file_refers_to_an_issue_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let files = repository_files(&root);
    assert!(
        files.iter().any(|name| name == "README.md") && files.iter().any(|n| n == THIS_FILE),
        "the scan sees the repository: {} files",
        files.len()
    );
    let mut offenders = Vec::new();
    for name in files.iter().filter(|name| *name != THIS_FILE) {
        // A file deleted in the work tree but still tracked, or a binary one, has no text.
        let Ok(text) = std::fs::read_to_string(root.join(name)) else {
            continue;
        };
        for (line, content) in issue_references(&text) {
            offenders.push(format!("{name}:{line}: {content}"));
        }
    }
    assert!(
        offenders.is_empty(),
        "write the reason instead of the issue number:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn issue_references_are_found_in_every_spelling() {
    for line in [
        "// Not serde_json (issue 6).",
        "/// Measured for Issue 11: 12 → 1 ms.",
        "see issue #7",
        "as issues 4 and 6 asked",
        "fixed in PR #12",
        "the same as #7 says",
        "(#123)",
        "closes #4521, reopened",
    ] {
        assert_eq!(issue_references(line).len(), 1, "{line}");
    }
}

#[test]
fn colours_addresses_and_plain_words_are_not_issue_references() {
    for line in [
        "color: #333; background: #fff; border-color: #333333;",
        "--accent: #1a5fb4 #0000 #12345678",
        "(https://github.com/WordPress/twentytwentyfive/issues/412) is another project's tracker",
        "an issue's rule, no issue here, 6 issues",
        "#[cfg(test)] r#\"raw\"# {:#04x}",
        "wordpress.com/support/#5 page#2",
        "the tissue 5 and a debugger 3",
    ] {
        assert_eq!(issue_references(line), Vec::new(), "{line}");
    }
}
