//! The JavaScript loader must observe exactly the attributes the engine reads (plus `config`),
//! or changing one of them after mount would silently do nothing.
#![cfg(not(target_arch = "wasm32"))]

const LOADER: &str = include_str!("../js/loader.js");

fn observed_by_loader() -> Vec<String> {
    let start = LOADER
        .find("var ATTRIBUTES = [")
        .expect("the loader lists its attributes")
        + "var ATTRIBUTES = [".len();
    let end = start + LOADER[start..].find(']').expect("the list ends");
    LOADER[start..end]
        .split(',')
        .map(|name| name.trim().trim_matches('"').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn the_loader_observes_every_configuration_attribute() {
    let mut expected: Vec<String> = selfcheck_engine::ATTRIBUTES
        .iter()
        .map(|name| name.to_string())
        .collect();
    expected.push("config".into());
    expected.sort();
    let mut observed = observed_by_loader();
    observed.sort();
    assert_eq!(observed, expected);
}

#[test]
fn the_loader_keeps_its_placeholders_for_the_build() {
    assert!(LOADER.contains("/*@WASM_BINDGEN_GLUE@*/"));
    assert!(LOADER.contains("@WASM_INTEGRITY@"));
}
