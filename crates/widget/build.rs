//! Minifies styles/widget.css into OUT_DIR: every byte of the stylesheet ships in the wasm;
//! sets `cfg(plus)` as the engine's build script does.

#[path = "build/css.rs"]
mod css;

fn main() {
    // `cfg(plus)`: the screens a clinic must choose (AUDIT-C, the drug question, the pre-checks).
    // Native builds (the SSR tests) always have them; the wasm only with the `plus` feature
    // (selfcheck-plus.js), so the default selfcheck.js leaves their views out.
    println!("cargo:rustc-check-cfg=cfg(plus)");
    let plus = std::env::var_os("CARGO_FEATURE_PLUS").is_some()
        || std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch != "wasm32");
    if plus {
        println!("cargo:rustc-cfg=plus");
    }
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/../../styles/widget.css");
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build/css.rs");
    let stylesheet = std::fs::read_to_string(source)
        .unwrap_or_else(|error| panic!("cannot read {source}: {error}"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let target = std::path::Path::new(&out_dir).join("widget.min.css");
    let stylesheet = if plus {
        stylesheet
    } else {
        css::without_plus(&stylesheet).unwrap_or_else(|error| panic!("{source}: {error}"))
    };
    std::fs::write(&target, css::minify(&stylesheet))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", target.display()));
}
