//! The engine ships inside the widget's wasm and is shared with native tools: it
//! must never depend on the web stack, and the scorer's native-only crates must never reach
//! the widget. `cargo tree` is the ground truth.

use std::process::Command;

/// `cargo tree -p selfcheck-engine -e normal --target all --prefix none` plus `extra`.
fn engine_tree(extra: &[&str]) -> String {
    tree("selfcheck-engine", extra)
}

/// `cargo tree -p <package> -e normal --target all --prefix none` plus `extra`.
fn tree(package: &str, extra: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree", "-p", package, "-e", "normal", "--target", "all", "--prefix", "none",
        ])
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_engine_depends_on_no_web_crate() {
    let tree = engine_tree(&[]);
    assert!(
        tree.contains("selfcheck-engine"),
        "unexpected cargo tree output: {tree}"
    );
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for web in ["wasm-bindgen", "web-sys", "js-sys", "yew", "gloo"] {
        assert!(
            !names.iter().any(|n| n.starts_with(web)),
            "the engine depends on {web}:\n{tree}"
        );
    }
}

#[test]
fn the_engine_depends_on_serde_only() {
    let tree = engine_tree(&["--depth", "1"]);
    let mut direct: Vec<&str> = tree
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    direct.sort_unstable();
    direct.dedup();
    // Not serde_json: the widget's JSON goes through the engine's own `json`,
    // which took 18.6 kB brotli off a wasm that must fit in a 100 kB budget.
    assert_eq!(direct, ["serde"], "{tree}");
}

/// The crate names in a `cargo tree` output.
fn names(tree: &str) -> Vec<&str> {
    tree.lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn the_scorers_csv_crate_reaches_the_scorer_and_not_the_widget() {
    let scorer = tree("selfcheck-score", &[]);
    assert!(names(&scorer).contains(&"csv"), "{scorer}");
    let widget = tree("selfcheck-widget", &[]);
    let widget_names = names(&widget);
    assert!(
        widget_names.contains(&"selfcheck-engine"),
        "unexpected cargo tree output: {widget}"
    );
    for native_only in ["csv", "csv-core", "selfcheck-score"] {
        assert!(
            !widget_names.contains(&native_only),
            "the widget depends on {native_only}:\n{widget}"
        );
    }
}
