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

pub const SCRIPT: &str = selfcheck_engine::DEFAULT_SCRIPT;
pub const WASM: &str = "selfcheck_bg.wasm";
/// The plus build's script, named by the engine (its configuration messages name it too).
pub const PLUS_SCRIPT: &str = selfcheck_engine::PLUS_SCRIPT;
const WASM_FILE_PLACEHOLDER: &str = "@WASM_FILE@";
const BINDGEN_PLACEHOLDER: &str = "/*@WASM_BINDGEN_GLUE@*/";
const INTEGRITY_PLACEHOLDER: &str = "@WASM_INTEGRITY@";
const PACKS_PLACEHOLDER: &str = "\"@PACKS@\"";
const FALLBACK_PLACEHOLDER: &str = "\"@FALLBACK@\"";

/// The file of a language pack in dist/, next to the wasm.
pub fn pack_file(code: &str) -> String {
    format!("selfcheck.{code}.json")
}

/// The code of a language's extra pack (`en.extra`): the wording only a clinic's choice needs,
/// fetched only for a widget configured to show it.
pub fn extra_code(code: &str) -> String {
    format!("{code}.extra")
}

/// Each beyond plain `-Oz` measured on the widget (kB of brotli): `--low-memory-unused`
/// −0.8 kB (safe: Rust puts a 1 MiB stack first, so addresses below 1024 are only reached by a
/// stack overflow); `--flatten --rereloop` and a second `-Oz` −0.8 kB, a third −0.1 kB
/// (`--converge` saved less, `--gufa` made it larger); stripping the names,
/// producers and target features the unstripped cargo build keeps for twiggy.
/// `--one-caller-inline-max-function-size=50`: by default wasm-opt inlines every function that
/// has one caller, which folded every screen's view into one 40 kB function that the browser
/// compiled whole before it could show the intro; capped, each view stays its own function and
/// is compiled when first shown (−1.3 kB brotli as well; 0, 200 and 1000 measured larger).
pub const WASM_OPT_FLAGS: [&str; 16] = [
    "--one-caller-inline-max-function-size=50",
    "--low-memory-unused",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
    "-Oz",
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-reference-types",
];

/// Builds the widget into `out_dir` and returns the paths of the script and the wasm.
pub fn widget(out_dir: &Path) -> Result<(PathBuf, PathBuf)> {
    widget_variant(out_dir, Variant::Shipped)
}

/// What a build is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// dist/selfcheck.js: what clinics get, with the default instruments.
    Shipped,
    /// dist/selfcheck-plus.js: the same widget with every instrument and the pre-treatment
    /// checks, for clinics that choose them (the `plus` feature; `cfg(plus)` in the crates).
    Plus,
    /// The same widget plus the right-to-left pseudo-locale (crates/engine/src/pseudo.rs), for
    /// the end-to-end tests of right-to-left layout only.
    PseudoRtl,
}

pub fn widget_variant(out_dir: &Path, variant: Variant) -> Result<(PathBuf, PathBuf)> {
    let toolchain = setup::wasm_toolchain()?;
    let bindgen_dir = setup::wasm_bindgen()?;
    setup::node_modules()?;
    let root = project_root();

    step("cargo build (release, wasm32)");
    let mut cargo = toolchain.cargo("build", true);
    cargo.args(["--release", "--package", "selfcheck-widget", "--lib"]);
    match variant {
        Variant::Shipped => {}
        Variant::Plus => {
            cargo.args(["--features", "plus"]);
        }
        Variant::PseudoRtl => {
            cargo.args(["--features", "pseudo-rtl"]);
        }
    }
    run(cargo.current_dir(&root))?;
    let compiled = toolchain
        .target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("selfcheck_widget.wasm");

    step("wasm-bindgen");
    let glue_dir = toolchain.target_dir().join(match variant {
        Variant::Shipped => "bindgen",
        Variant::Plus => "bindgen-plus",
        Variant::PseudoRtl => "bindgen-pseudo-rtl",
    });
    let (script_name, wasm_name) = variant.files();
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
    let wasm = out_dir.join(&wasm_name);
    std::fs::create_dir_all(out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    let optimized = glue_dir.join("optimized.wasm");
    // wasm-bindgen names every import `__wbg_<name>_<16 hex digits>`: incompressible text, once
    // in the wasm and once in the glue. wasm-opt renames imports and exports to one or two
    // letters and prints the mapping, which `rename_wasm_names` applies to the glue
    // (−2.0 kB brotli of wasm, −1.3 kB of script).
    let output = Command::new(setup::wasm_opt())
        .args(WASM_OPT_FLAGS)
        .arg("--minify-imports-and-exports-and-modules")
        .arg(glue_dir.join(WASM))
        .arg("-o")
        .arg(&optimized)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|error| format!("could not start wasm-opt: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "wasm-opt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let mapping = String::from_utf8_lossy(&output.stdout);
    write(&wasm, read_file(&optimized)?)?;

    step(&format!("{script_name} (loader + glue, minified)"));
    let glue =
        String::from_utf8(read_file(&glue_dir.join(SCRIPT))?).map_err(|_| "glue is not UTF-8")?;
    let glue = rename_wasm_names(&glue, &mapping, &import_modules(&read_file(&wasm)?)?)?;
    let loader = String::from_utf8(read_file(&root.join("crates/widget/js/loader.js"))?)
        .map_err(|_| "loader is not UTF-8")?;
    step("language packs (selfcheck.<lang>.json)");
    let packs = write_packs(out_dir, variant)?;
    let script = assemble_script(
        &loader,
        &[
            (BINDGEN_PLACEHOLDER, &glue),
            (INTEGRITY_PLACEHOLDER, &pinned(&read_file(&wasm)?)),
            (WASM_FILE_PLACEHOLDER, &wasm_name),
            (PACKS_PLACEHOLDER, &packs),
            (
                FALLBACK_PLACEHOLDER,
                &fallback_text(selfcheck_engine::Lang::En).to_string(),
            ),
            (OBSERVED_ATTRIBUTES_PLACEHOLDER, &observed_attributes()),
        ],
    )?;
    let assembled = glue_dir.join("assembled.js");
    write(&assembled, script)?;
    let script_path = out_dir.join(script_name);
    // terser, pinned in package-lock.json: the glue is written for reading, not for shipping
    // (−2.5 kB brotli). The licence comment (`/*!`) stays.
    run(Command::new(setup::terser())
        .arg(&assembled)
        .args(["--compress", "--mangle", "--comments", "/^!/", "--format"])
        .arg(format!("preamble={COMPILE_HINT:?}"))
        .arg("--output")
        .arg(&script_path))?;
    Ok((script_path, wasm))
}

impl Variant {
    /// The script a page loads and the wasm it fetches, both in `out_dir`.
    pub fn files(self) -> (&'static str, String) {
        let script = match self {
            Variant::Plus => PLUS_SCRIPT,
            Variant::Shipped | Variant::PseudoRtl => SCRIPT,
        };
        let stem = script.strip_suffix(".js").unwrap_or(script);
        (script, format!("{stem}_bg.wasm"))
    }
}

/// V8's explicit compile hint (Chrome 136 and later; a plain comment to other engines), the
/// script's first line: compile every function of it on a background thread while it streams
/// in, rather than each one on the main thread at its first call. Nearly all of them (the wasm
/// imports) are called while the widget starts: at 4× CPU, 165 → 47 compiles on the main
/// thread, 33 → 16 ms.
const COMPILE_HINT: &str = "//# allFunctionsCalledOnLoad";

/// Applies wasm-opt's `--minify-imports-and-exports-and-modules` mapping (JSON on its standard
/// output) to the glue: import names wherever they appear as identifiers, export names where
/// the glue reads them (`wasm.<name>`), and the one import module's name, which the mapping
/// does not give: `modules` are the module names the minified wasm imports from. Fails if an
/// old name survives, so a wasm-bindgen that writes its glue differently breaks the build
/// rather than the widget.
fn rename_wasm_names(glue: &str, mapping: &str, modules: &[String]) -> Result<String> {
    let start = mapping
        .find('{')
        .ok_or("wasm-opt printed no name mapping")?;
    let map: serde_json::Value = serde_json::from_str(&mapping[start..])
        .map_err(|error| format!("wasm-opt's name mapping is not JSON: {error}"))?;
    let pairs = |key: &str, old: usize, new: usize| -> Result<Vec<(String, String)>> {
        map[key]
            .as_array()
            .ok_or_else(|| format!("no {key} in wasm-opt's name mapping"))?
            .iter()
            .map(|entry| match (entry[old].as_str(), entry[new].as_str()) {
                (Some(old), Some(new)) => Ok((old.to_string(), new.to_string())),
                _ => Err(format!("odd entry in wasm-opt's name mapping: {entry}")),
            })
            .collect()
    };
    let old_modules: Vec<&str> = map["imports"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry[0].as_str())
        .collect();
    let glue = match (old_modules.first(), modules) {
        (None, _) => glue.to_string(),
        (Some(old), [new]) if old_modules.iter().all(|m| m == old) => {
            let quoted = format!("\"{old}\"");
            if glue.matches(&quoted).count() != 1 {
                return Err(format!(
                    "the glue names the import module {quoted} more than once, or never"
                ));
            }
            glue.replace(&quoted, &format!("\"{new}\""))
        }
        _ => return Err(format!("expected one import module, found {modules:?}")),
    };
    let glue = glue.as_str();
    let imports: std::collections::HashMap<String, String> =
        pairs("imports", 1, 2)?.into_iter().collect();
    let exports: std::collections::HashMap<String, String> =
        pairs("exports", 0, 1)?.into_iter().collect();
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let len = rest[start..]
            .find(|c: char| !is_ident(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        let renamed = if out.ends_with("wasm.") {
            exports.get(word)
        } else {
            imports.get(word)
        };
        out.push_str(renamed.map_or(word, String::as_str));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    if let Some(old) = imports.keys().find(|old| out.contains(old.as_str())) {
        return Err(format!(
            "the glue still names the import `{old}` after renaming"
        ));
    }
    if let Some(old) = exports.keys().find(|old| {
        out.contains(&format!("wasm.{old}")) && !exports.values().any(|new| new == *old)
    }) {
        return Err(format!(
            "the glue still reads the export `{old}` after renaming"
        ));
    }
    Ok(out)
}

/// Writes every language pack the engine built into `out_dir`, each with its language's message
/// for when the widget cannot start (`fallback`: the loader shows it if the pack has loaded),
/// and returns the loader's table of their hashes by code.
fn write_packs(out_dir: &Path, variant: Variant) -> Result<String> {
    let mut table = serde_json::Map::new();
    // Only the plus build fetches extra packs: the default script carries no hash for them (each
    // is 71 characters of base64, which brotli cannot shrink).
    let fetches_extra = variant == Variant::Plus;
    let mut add = |code: &str, pack: &str, fallback: serde_json::Value| -> Result {
        let mut pack: serde_json::Value =
            serde_json::from_str(pack).map_err(|error| format!("the {code} pack: {error}"))?;
        // English's is in the loader already; a visitor in English never reads it from the pack,
        // and an extra pack is only fetched with its core one.
        if code != "en" && !fallback.is_null() {
            pack["fallback"] = fallback;
        }
        let text = pack.to_string();
        write(&out_dir.join(pack_file(code)), &text)?;
        if fetches_extra || pack.get("part").is_none() {
            table.insert(code.into(), pinned(text.as_bytes()).into());
        }
        Ok(())
    };
    for lang in selfcheck_engine::Lang::ALL {
        add(
            lang.code(),
            selfcheck_engine::pack::built_in(lang),
            fallback_text(lang),
        )?;
        add(
            &extra_code(lang.code()),
            selfcheck_engine::pack::built_in_extra(lang),
            serde_json::Value::Null,
        )?;
    }
    if variant == Variant::PseudoRtl {
        // English, every text mirrored, in the order the pseudo-rtl wasm numbers them (the same
        // order as every pack).
        let english = selfcheck_engine::pack::texts(selfcheck_engine::Lang::En)
            .ok_or("the English pack is not built in")?;
        let mirrored: Vec<String> = english
            .iter()
            .map(|text| selfcheck_engine::pseudo::mirror(text))
            .collect();
        let pack = serde_json::json!({
            "lang": selfcheck_engine::pseudo::CODE,
            "texts": mirrored,
        });
        let mut fallback = fallback_text(selfcheck_engine::Lang::En);
        if let Some(texts) = fallback.as_object_mut() {
            for text in texts.values_mut() {
                *text = selfcheck_engine::pseudo::mirror(text.as_str().unwrap_or_default()).into();
            }
        }
        add(selfcheck_engine::pseudo::CODE, &pack.to_string(), fallback)?;
        let english_extra: serde_json::Value = serde_json::from_str(
            selfcheck_engine::pack::built_in_extra(selfcheck_engine::Lang::En),
        )
        .map_err(|error| format!("the English extra pack: {error}"))?;
        let mirrored: Vec<String> = english_extra["texts"]
            .as_array()
            .ok_or("the English extra pack has no texts")?
            .iter()
            .map(|text| selfcheck_engine::pseudo::mirror(text.as_str().unwrap_or_default()))
            .collect();
        let extra = serde_json::json!({
            "lang": selfcheck_engine::pseudo::CODE,
            "part": "extra",
            "texts": mirrored,
        });
        add(
            &extra_code(selfcheck_engine::pseudo::CODE),
            &extra.to_string(),
            serde_json::Value::Null,
        )?;
    }
    Ok(serde_json::Value::Object(table).to_string())
}

/// The loader's own message for when the widget cannot start, from the pack's texts: it must
/// not depend on downloading the pack.
fn fallback_text(lang: selfcheck_engine::Lang) -> serde_json::Value {
    use selfcheck_engine::ui;
    let loader = |name| selfcheck_engine::pack::loader_text(lang, name);
    serde_json::json!({
        "title": loader("title"),
        "body": loader("body"),
        "book": ui::booking_default.get(lang),
        "help": ui::local_emergency.get(lang),
    })
}

/// The loader with each placeholder replaced by what the build made for it (the glue, the
/// hashes, the packs' table, the English failure message, the observed attributes). Each must
/// stand in the loader exactly once: a missing one would ship a script that cannot work.
fn assemble_script(loader: &str, fills: &[(&str, &str)]) -> Result<String> {
    for (placeholder, _) in fills {
        if loader.matches(placeholder).count() != 1 {
            return Err(format!("loader.js must contain {placeholder} once"));
        }
    }
    // The glue declares `let wasm_bindgen` at its top level; inside the loader's closure that
    // binding stays private to the widget.
    Ok(fills
        .iter()
        .fold(loader.to_string(), |script, (placeholder, value)| {
            script.replace(placeholder, value)
        }))
}

const OBSERVED_ATTRIBUTES_PLACEHOLDER: &str = "\"@OBSERVED_ATTRIBUTES@\"";

/// The attributes the element observes (`observedAttributes`): the ones the engine reads, and
/// `config`, as a JSON array.
pub fn observed_attributes() -> String {
    let names = selfcheck_engine::ATTRIBUTES
        .iter()
        .chain([&selfcheck_engine::CONFIG_ATTRIBUTE]);
    serde_json::Value::from(names.copied().collect::<Vec<_>>()).to_string()
}

/// The distinct module names of a wasm binary's imports, in order of first use.
fn import_modules(wasm: &[u8]) -> Result<Vec<String>> {
    fn leb(bytes: &[u8], at: &mut usize) -> Result<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = *bytes.get(*at).ok_or("truncated wasm")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
        }
    }
    fn name(bytes: &[u8], at: &mut usize) -> Result<String> {
        let len = leb(bytes, at)?;
        let text = bytes.get(*at..*at + len).ok_or("truncated wasm")?;
        *at += len;
        Ok(String::from_utf8_lossy(text).into_owned())
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        if id != 2 {
            at += size;
            continue;
        }
        let mut modules: Vec<String> = Vec::new();
        for _ in 0..leb(wasm, &mut at)? {
            let module = name(wasm, &mut at)?;
            name(wasm, &mut at)?;
            // The import's description: a kind byte, then a type index (function), a table
            // type, limits (memory), or a value type and mutability (global).
            let kind = *wasm.get(at).ok_or("truncated wasm")?;
            at += 1;
            match kind {
                0 => {
                    leb(wasm, &mut at)?;
                }
                1 | 2 => {
                    if kind == 1 {
                        at += 1;
                    }
                    let flags = leb(wasm, &mut at)?;
                    leb(wasm, &mut at)?;
                    if flags & 1 == 1 {
                        leb(wasm, &mut at)?;
                    }
                }
                3 => at += 2,
                other => return Err(format!("unknown import kind {other}")),
            }
            if !modules.contains(&module) {
                modules.push(module);
            }
        }
        return Ok(modules);
    }
    Ok(Vec::new())
}

/// The Subresource Integrity value selfcheck.js carries for the files it fetches (the wasm, the
/// packs): sha256, as strong for pinning a file as sha384 and 20 characters shorter, characters
/// that do not compress and that every visitor downloads once per pinned file. The snippet's own
/// hash for selfcheck.js stays sha384 (`integrity`): it is in the clinic's page, not a download.
pub fn pinned(bytes: &[u8]) -> String {
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
    )
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
        let loader = format!(
            "(function(){{{BINDGEN_PLACEHOLDER}\nconst i='{INTEGRITY_PLACEHOLDER}';var p={PACKS_PLACEHOLDER};var f={FALLBACK_PLACEHOLDER};}})();"
        );
        let script = assemble_script(
            &loader,
            &[
                (BINDGEN_PLACEHOLDER, "let wasm_bindgen = 1;"),
                (INTEGRITY_PLACEHOLDER, "sha384-abc"),
                (PACKS_PLACEHOLDER, "{\"en\":1}"),
                (FALLBACK_PLACEHOLDER, "{\"title\":\"t\"}"),
            ],
        )
        .unwrap();
        assert_eq!(
            script,
            "(function(){let wasm_bindgen = 1;\nconst i='sha384-abc';var p={\"en\":1};var f={\"title\":\"t\"};})();"
        );
    }

    #[test]
    fn wasm_names_are_renamed_where_the_glue_uses_them() {
        let mapping = r#"[wasm-opt] {
 "imports": [["./selfcheck_bg.js", "__wbg_focus_d5e2fdbdb56416f0", "z"]],
 "exports": [["mount", "gb"], ["memory", "eb"]]
}"#;
        let glue = "const i = { __wbg_focus_d5e2fdbdb56416f0: function(a) { a.focus(); } };\n\
                    function mount(h) { return wasm.mount(h); } wasm.memory.buffer; x.mount;\n\
                    return { \"./selfcheck_bg.js\": i };";
        assert_eq!(
            rename_wasm_names(glue, mapping, &["a".into()]).unwrap(),
            "const i = { z: function(a) { a.focus(); } };\n\
             function mount(h) { return wasm.gb(h); } wasm.eb.buffer; x.mount;\n\
             return { \"a\": i };"
        );
    }

    #[test]
    fn a_glue_that_names_imports_some_other_way_is_refused() {
        let mapping = r#"{"imports": [["m", "__wbg_x_0123456789abcdef", "a"]], "exports": []}"#;
        // Part of a longer identifier: not renamed, so it would survive and break loading.
        let glue = "imports.wbg[\"__wbg_x_0123456789abcdef\" + suffix]";
        let glue = glue.replace(" + suffix", "_2");
        assert!(rename_wasm_names(&glue, mapping, &["a".into()]).is_err());
    }

    #[test]
    fn the_import_module_is_renamed_to_the_one_the_wasm_imports_from() {
        let mapping = r#"{"imports": [["./selfcheck_bg.js", "__wbg_f_0123456789abcdef", "b"]], "exports": []}"#;
        let glue = "const import0 = { __wbg_f_0123456789abcdef: f }; return { \"./selfcheck_bg.js\": import0 };";
        assert_eq!(
            rename_wasm_names(glue, mapping, &["a".into()]).unwrap(),
            "const import0 = { b: f }; return { \"a\": import0 };"
        );
        assert!(rename_wasm_names(glue, mapping, &["a".into(), "b".into()]).is_err());
    }

    #[test]
    fn import_modules_are_read_from_the_import_section() {
        // (import "a" "x" (func (type 0))) (import "env" "m" (memory 1)) (import "a" "g" (global i32))
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let section = b"\x03\x01a\x01x\x00\x00\x03env\x01m\x02\x00\x01\x01a\x01g\x03\x7f\x00";
        wasm.extend([2, section.len() as u8]);
        wasm.extend(section);
        assert_eq!(import_modules(&wasm).unwrap(), ["a", "env"]);
        assert_eq!(
            import_modules(b"\0asm\x01\0\0\0").unwrap(),
            Vec::<String>::new()
        );
    }

    /// The list as the shipped script carries it, read back from the real loader.
    fn observed_by(script: &str) -> Vec<String> {
        let start = script
            .find("var ATTRIBUTES = ")
            .expect("the loader declares its attributes")
            + "var ATTRIBUTES = ".len();
        let end = start + script[start..].find(';').expect("the declaration ends");
        serde_json::from_str(&script[start..end]).expect("a JSON array of names")
    }

    #[test]
    fn the_loader_observes_the_attributes_the_engine_reads_and_config() {
        let loader = std::fs::read_to_string(project_root().join("crates/widget/js/loader.js"))
            .expect("the loader");
        let assembled = assemble_script(
            &loader,
            &[(OBSERVED_ATTRIBUTES_PLACEHOLDER, &observed_attributes())],
        )
        .unwrap();
        let observed = observed_by(&assembled);
        let mut expected: Vec<String> = selfcheck_engine::ATTRIBUTES
            .iter()
            .map(|name| name.to_string())
            .collect();
        expected.push(selfcheck_engine::CONFIG_ATTRIBUTE.into());
        assert_eq!(observed, expected);
        assert!(!assembled.contains("@OBSERVED_ATTRIBUTES@"));
    }

    #[test]
    fn a_loader_without_the_attribute_placeholder_is_refused() {
        let fill = [(OBSERVED_ATTRIBUTES_PLACEHOLDER, "[]")];
        assert!(assemble_script("var ATTRIBUTES = [\"mode\"];", &fill).is_err());
    }

    #[test]
    fn a_loader_without_placeholders_is_refused() {
        let fills = [
            (BINDGEN_PLACEHOLDER, "glue"),
            (INTEGRITY_PLACEHOLDER, "sha384-x"),
        ];
        assert!(assemble_script("(function(){})()", &fills).is_err());
        // Twice is as wrong as never: the second copy would be left for the browser to read.
        let twice = format!("{BINDGEN_PLACEHOLDER}{BINDGEN_PLACEHOLDER}");
        assert!(assemble_script(&twice, &fills[..1]).is_err());
    }

    #[test]
    fn every_pack_is_written_with_its_hash_and_its_own_fallback_message() {
        let dir = std::env::temp_dir().join(format!("selfcheck-packs-{}", std::process::id()));
        let table: serde_json::Value =
            serde_json::from_str(&write_packs(&dir, Variant::Shipped).unwrap()).unwrap();
        let mut titles = Vec::new();
        for lang in selfcheck_engine::Lang::ALL {
            let written = std::fs::read(dir.join(pack_file(lang.code()))).unwrap();
            assert_eq!(
                table[lang.code()],
                pinned(&written),
                "{lang}: the hash of the file written"
            );
            let text = std::str::from_utf8(&written).unwrap();
            // The widget reads the texts and ignores the loader's `fallback`.
            assert!(selfcheck_engine::pack::install(text) == Ok(lang));
            let pack: serde_json::Value = serde_json::from_str(text).unwrap();
            let fallback = if lang == selfcheck_engine::Lang::En {
                fallback_text(lang)
            } else {
                pack["fallback"].clone()
            };
            let title = fallback["title"].as_str().unwrap().to_string();
            assert!(
                !title.is_empty() && !titles.contains(&title),
                "{lang}: {title}"
            );
            titles.push(title);
        }
        // Only selfcheck-plus.js fetches the extra packs, so only it carries their hashes.
        let plus: serde_json::Value =
            serde_json::from_str(&write_packs(&dir, Variant::Plus).unwrap()).unwrap();
        for lang in selfcheck_engine::Lang::ALL {
            let extra = extra_code(lang.code());
            assert!(table.get(&extra).is_none(), "{extra} in selfcheck.js");
            let written = std::fs::read(dir.join(pack_file(&extra))).unwrap();
            assert_eq!(
                plus[&extra],
                pinned(&written),
                "{extra} in selfcheck-plus.js"
            );
            assert_eq!(
                plus[lang.code()],
                table[lang.code()],
                "{lang}: one core pack for both"
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_pinned_file_carries_the_base64_sha256_of_its_bytes() {
        // Known answer from `printf abc | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            pinned(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
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
