//! The scorer reads CSV with the `csv` crate; the widget, which shares the engine with it,
//! must not carry that crate into the visitor's download. `cargo tree` is the ground truth.

use std::process::Command;

/// The names in `cargo tree -p <package> -e normal --target all --prefix none`.
fn dependencies_of(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["tree", "-p", package, "-e", "normal", "--target", "all"])
        .args(["--prefix", "none"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect()
}

#[test]
fn the_csv_crate_reaches_the_scorer_and_not_the_widget() {
    let scorer = dependencies_of("selfcheck-score");
    assert!(scorer.iter().any(|n| n == "csv"), "{scorer:?}");
    let widget = dependencies_of("selfcheck-widget");
    assert!(
        widget.iter().any(|n| n == "selfcheck-engine"),
        "unexpected cargo tree output: {widget:?}"
    );
    for native_only in ["csv", "csv-core", "selfcheck-score"] {
        assert!(
            !widget.iter().any(|n| n == native_only),
            "the widget depends on {native_only}: {widget:?}"
        );
    }
}
