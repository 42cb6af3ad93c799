//! Release build of the widget: cargo → wasm-bindgen → wasm-opt → one classic script.
//!
//! The shipped `selfcheck.js` is the loader (crates/widget/js/loader.js) with wasm-bindgen's
//! `no-modules` glue inlined into the same closure, so the page gains no global but
//! `window.SelfCheck` and the file works as a classic `defer` script and as `type="module"`.

use crate::setup::{self, WASM_TARGET};
use crate::util::{project_root, read_file, run, step, write, Result};
use base64::Engine as _;
use sha2::Digest as _;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const SCRIPT: &str = "selfcheck.js";
pub const WASM: &str = "selfcheck_bg.wasm";
const BINDGEN_PLACEHOLDER: &str = "/*@WASM_BINDGEN_GLUE@*/";
const INTEGRITY_PLACEHOLDER: &str = "@WASM_INTEGRITY@";

const WASM_OPT_FLAGS: [&str; 7] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-reference-types",
];

/// Builds the widget into `out_dir` and returns the paths of the script and the wasm.
pub fn widget(out_dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let toolchain = setup::wasm_toolchain()?;
    let bindgen_dir = setup::wasm_bindgen()?;
    setup::node_modules()?;
    let root = project_root();

    step("cargo build (release, wasm32)");
    run(toolchain
        .cargo("build", true)
        .args(["--release", "--package", "selfcheck-widget", "--lib"])
        .current_dir(&root))?;
    let compiled = toolchain
        .target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("selfcheck_widget.wasm");

    step("wasm-bindgen");
    let glue_dir = toolchain.target_dir().join("bindgen");
    run(Command::new(bindgen_dir.join("wasm-bindgen"))
        .arg(&compiled)
        .args([
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-name",
            "selfcheck",
            "--out-dir",
        ])
        .arg(&glue_dir))?;

    step("wasm-opt");
    let wasm = out_dir.join(WASM);
    std::fs::create_dir_all(out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    let optimized = glue_dir.join("optimized.wasm");
    run(Command::new(setup::wasm_opt())
        .args(WASM_OPT_FLAGS)
        .arg(glue_dir.join(WASM))
        .arg("-o")
        .arg(&optimized))?;
    write(&wasm, read_file(&optimized)?)?;

    step("selfcheck.js (loader + glue)");
    let glue =
        String::from_utf8(read_file(&glue_dir.join(SCRIPT))?).map_err(|_| "glue is not UTF-8")?;
    let loader = String::from_utf8(read_file(&root.join("crates/widget/js/loader.js"))?)
        .map_err(|_| "loader is not UTF-8")?;
    let script = assemble_script(&loader, &glue, &integrity(&read_file(&wasm)?))?;
    let script_path = out_dir.join(SCRIPT);
    write(&script_path, script)?;
    Ok((script_path, wasm))
}

fn assemble_script(loader: &str, glue: &str, wasm_integrity: &str) -> Result<String> {
    if !loader.contains(BINDGEN_PLACEHOLDER) || !loader.contains(INTEGRITY_PLACEHOLDER) {
        return Err(format!(
            "loader.js must contain {BINDGEN_PLACEHOLDER} and {INTEGRITY_PLACEHOLDER}"
        ));
    }
    // The glue declares `let wasm_bindgen` at its top level; inside the loader's closure that
    // binding stays private to the widget.
    Ok(loader
        .replace(BINDGEN_PLACEHOLDER, glue)
        .replace(INTEGRITY_PLACEHOLDER, wasm_integrity))
}

/// Subresource Integrity value (sha384) for `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_and_integrity_land_inside_the_loader() {
        let loader =
            format!("(function(){{{BINDGEN_PLACEHOLDER}\nconst i='{INTEGRITY_PLACEHOLDER}';}})();");
        let script = assemble_script(&loader, "let wasm_bindgen = 1;", "sha384-abc").unwrap();
        assert_eq!(
            script,
            "(function(){let wasm_bindgen = 1;\nconst i='sha384-abc';})();"
        );
    }

    #[test]
    fn a_loader_without_placeholders_is_refused() {
        assert!(assemble_script("(function(){})()", "glue", "sha384-x").is_err());
    }

    #[test]
    fn integrity_is_the_base64_sha384_of_the_bytes() {
        // Known answer from `printf abc | openssl dgst -sha384 -binary | base64`.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
