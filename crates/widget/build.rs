//! Minifies styles/widget.css into OUT_DIR: every byte of the stylesheet ships in the wasm.

#[path = "build/css.rs"]
mod css;

fn main() {
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/../../styles/widget.css");
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build/css.rs");
    let stylesheet = std::fs::read_to_string(source)
        .unwrap_or_else(|error| panic!("cannot read {source}: {error}"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let target = std::path::Path::new(&out_dir).join("widget.min.css");
    std::fs::write(&target, css::minify(&stylesheet))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", target.display()));
}
