//! The JavaScript loader keeps the placeholders the build fills: the wasm-bindgen glue, the wasm's
//! hash and file name, the language packs' hashes, the English failure message, and the attributes to observe, which come from the engine's own list (the build's test
//! `the_loader_observes_the_attributes_the_engine_reads_and_config` checks the result).
#![cfg(not(target_arch = "wasm32"))]

const LOADER: &str = include_str!("../js/loader.js");

#[test]
fn the_loader_keeps_its_placeholders_for_the_build() {
    assert!(LOADER.contains("/*@WASM_BINDGEN_GLUE@*/"));
    assert!(LOADER.contains("@WASM_INTEGRITY@"));
    // selfcheck_bg.wasm or selfcheck-plus_bg.wasm: the build says which wasm its script fetches.
    assert!(LOADER.contains("var WASM_FILE = \"@WASM_FILE@\";"));
    assert!(LOADER.contains("var ATTRIBUTES = \"@OBSERVED_ATTRIBUTES@\";"));
    // The packs' hashes, and the English message for when the widget cannot start.
    assert!(LOADER.contains("var PACKS = \"@PACKS@\";"));
    assert!(LOADER.contains("var FALLBACK = \"@FALLBACK@\";"));
}
