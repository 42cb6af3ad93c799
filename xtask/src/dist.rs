//! `cargo xtask dist`: the files a clinic self-hosts, an embed page whose snippet carries
//! Subresource Integrity hashes, `integrity.json` for the snippet builder (builder.html), and
//! the size of each file as a CDN would serve it.

use crate::build::{self, integrity, SCRIPT, WASM};
use crate::util::{project_root, read_file, step, write, Result};
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    let names = match args {
        [] => false,
        [flag] if flag == "--names" => true,
        [flag] if flag == "--pseudo-rtl" => {
            build_pseudo_rtl_dist()?;
            return Ok(());
        }
        _ => return Err("usage: cargo xtask dist [--names | --pseudo-rtl]".into()),
    };
    crate::budget::every_language(&build_dist()?)?;
    if names {
        size_by_name()?;
    }
    Ok(())
}

/// What each byte of the wasm is: the dist build optimized again with its function names
/// kept (`-g`), then `twiggy top` on it when twiggy is installed: where to look
/// first when the wasm grows towards its size budget.
fn size_by_name() -> Result {
    let root = project_root();
    let bindgen = root.join("target/wasm/bindgen").join(WASM);
    let named = root.join("target/wasm/names").join(WASM);
    std::fs::create_dir_all(named.parent().unwrap_or(&root))
        .map_err(|error| format!("cannot create target/wasm/names: {error}"))?;
    step("wasm with names (target/wasm/names/selfcheck_bg.wasm)");
    crate::util::run(
        std::process::Command::new(crate::setup::wasm_opt())
            .args(
                build::WASM_OPT_FLAGS
                    .iter()
                    .filter(|flag| !flag.starts_with("--strip")),
            )
            .arg("-g")
            .arg(&bindgen)
            .arg("-o")
            .arg(&named),
    )?;
    let twiggy = root.join(".tools/bin/twiggy");
    if twiggy.is_file() {
        crate::util::run(
            std::process::Command::new(twiggy)
                .args(["top", "-n", "30"])
                .arg(&named),
        )
    } else {
        crate::util::skip(
            "twiggy is not installed: `cargo install twiggy --root .tools`, then \
             `.tools/bin/twiggy top target/wasm/names/selfcheck_bg.wasm`",
        );
        Ok(())
    }
}

/// Builds dist/ and returns its path. Once per xtask run: the e2e and budget suites of
/// `cargo xtask test` both need it, and wasm-opt is slow.
pub fn build_dist() -> Result<PathBuf> {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    if let Some(dir) = BUILT.get() {
        return Ok(dir.clone());
    }
    let dir = build_dist_now()?;
    Ok(BUILT.get_or_init(|| dir).clone())
}

/// target/dist-rtl/: dist/ plus the right-to-left pseudo-locale, for the end-to-end tests of
/// right-to-left layout (served at /dist-rtl/). Never shipped. Once per xtask run.
pub fn build_pseudo_rtl_dist() -> Result<PathBuf> {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    if let Some(dir) = BUILT.get() {
        return Ok(dir.clone());
    }
    let dir = project_root().join("target/dist-rtl");
    step("target/dist-rtl (dist/ with the right-to-left pseudo-locale, for tests)");
    build::widget_variant(&dir, build::Variant::PseudoRtl)?;
    Ok(BUILT.get_or_init(|| dir).clone())
}

fn build_dist_now() -> Result<PathBuf> {
    let dist = project_root().join("dist");
    let (script, _) = build::widget(&dist)?;
    let (plus_script, _) = build::widget_variant(&dist, build::Variant::Plus)?;
    step("dist/embed.html and dist/integrity.json (snippet with SRI)");
    let script_integrity = integrity(&read_file(&script)?);
    let snippet = snippet(&script_integrity, SCRIPT);
    write(&dist.join("embed.html"), embed_page(&snippet))?;
    write(
        &dist.join("integrity.json"),
        integrity_json(&[
            (SCRIPT, &script_integrity),
            (build::PLUS_SCRIPT, &integrity(&read_file(&plus_script)?)),
        ]),
    )?;
    step("dist/selfcheck.facts.json (the configuration contract, for the snippet builder)");
    write(&dist.join(FACTS), facts_json())?;
    Ok(dist)
}

/// The engine's configuration facts: every attribute and JSON key, what each takes, the
/// instruments, crisis regions and languages. The snippet builder reads its choices from it.
pub const FACTS: &str = "selfcheck.facts.json";

fn facts_json() -> String {
    // Each language also gets the line the builder writes inside a snippet's <self-check>, shown
    // until the widget starts: from the language's pack, like every word the widget shows.
    let mut facts: serde_json::Value =
        serde_json::from_str(&selfcheck_engine::facts()).expect("the engine writes JSON");
    if let Some(languages) = facts["languages"].as_array_mut() {
        for entry in languages {
            let lang = entry["code"]
                .as_str()
                .and_then(selfcheck_engine::Lang::parse)
                .unwrap_or_default();
            let text = |name| selfcheck_engine::pack::loader_text(lang, name);
            entry["loading"] = serde_json::json!({
                "loading": text("loading"),
                "bookingSentence": text("loading_book"),
                "bookingLink": text("book_link"),
            });
        }
    }
    format!("{facts}\n")
}

/// The tag a clinic pastes. The wasm's own hash is baked into selfcheck.js by the build, so the
/// script's hash covers both files.
pub fn snippet(script_integrity: &str, script_url: &str) -> String {
    format!(
        "<script src=\"{script_url}\" integrity=\"{script_integrity}\" crossorigin=\"anonymous\" defer></script>\n\
         <self-check booking-url=\"https://example.org/book\" clinic-name=\"Example Clinic\"></self-check>"
    )
}

/// `{"selfcheck.js":"sha384-…","selfcheck-plus.js":"sha384-…"}`: the snippet builder fetches it,
/// so the snippet it writes always carries the hash of the script actually built.
fn integrity_json(scripts: &[(&str, &str)]) -> String {
    let mut object = serde_json::Map::new();
    for (name, hash) in scripts {
        object.insert((*name).into(), (*hash).into());
    }
    format!("{}\n", serde_json::Value::Object(object))
}

fn embed_page(snippet: &str) -> String {
    let shown = snippet
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>selfcheck embed snippet</title>\n</head>\n<body>\n\
         <h1>selfcheck embed snippet</h1>\n\
         <p>Paste this where the questionnaire should appear. Replace the <code>src</code> with \
         the address where you host <code>{SCRIPT}</code> and <code>{WASM}</code> (same folder), \
         and the booking link and clinic name with your own.</p>\n\
         <pre><code>{shown}</code></pre>\n\
         <h2>Live</h2>\n{snippet}\n</body>\n</html>\n"
    )
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn sizes(path: &Path) -> Result<Sizes> {
    let bytes = read_file(path)?;
    Ok(Sizes {
        raw: bytes.len(),
        gzip: gzip(&bytes).len(),
        brotli: brotli(&bytes).len(),
    })
}

/// Kilobytes of 1,000 bytes, as CDNs and the size budget count them.
pub fn kb(bytes: usize) -> String {
    format!("{:.1} kB", bytes as f64 / 1000.0)
}

pub fn print_sizes(files: &[PathBuf]) -> Result<Sizes> {
    println!(
        "\n{:<22} {:>11} {:>11} {:>11}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for file in files {
        let size = sizes(file)?;
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{:<22} {:>11} {:>11} {:>11}",
            name,
            kb(size.raw),
            kb(size.gzip),
            kb(size.brotli)
        );
        total.raw += size.raw;
        total.gzip += size.gzip;
        total.brotli += size.brotli;
    }
    println!(
        "{:<22} {:>11} {:>11} {:>11}",
        "total",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_carries_integrity_and_cors() {
        let tag = snippet("sha384-xyz", "https://cdn.example/selfcheck.js");
        assert!(tag.contains("integrity=\"sha384-xyz\""));
        assert!(tag.contains("crossorigin=\"anonymous\""));
        assert!(tag.contains("<self-check"));
    }

    #[test]
    fn integrity_json_names_each_script_and_its_hash() {
        let json: serde_json::Value = serde_json::from_str(&integrity_json(&[
            ("selfcheck.js", "sha384-abc+/="),
            ("selfcheck-plus.js", "sha384-def"),
        ]))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "selfcheck.js": "sha384-abc+/=", "selfcheck-plus.js": "sha384-def" })
        );
    }

    #[test]
    fn the_embed_page_shows_the_snippet_as_text_and_runs_it() {
        let page = embed_page("<script src=\"a.js\"></script>");
        assert!(page.contains("&lt;script src=\"a.js\"&gt;&lt;/script&gt;"));
        assert!(page.contains("<script src=\"a.js\"></script>"));
    }

    #[test]
    fn every_language_in_the_facts_has_its_own_loading_line() {
        let facts: serde_json::Value = serde_json::from_str(&facts_json()).unwrap();
        let lines: Vec<&str> = facts["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|language| {
                let loading = &language["loading"];
                assert!(
                    loading["bookingSentence"]
                        .as_str()
                        .unwrap()
                        .contains("{link}"),
                    "{language}"
                );
                loading["loading"].as_str().unwrap()
            })
            .collect();
        assert_eq!(lines.len(), selfcheck_engine::Lang::ALL.len());
        assert!(lines.iter().all(|line| !line.is_empty()));
        let mut distinct = lines.clone();
        distinct.dedup();
        assert_eq!(distinct, lines, "each language its own words");
    }

    #[test]
    fn the_facts_file_names_the_attributes_the_loader_observes() {
        let facts: serde_json::Value = serde_json::from_str(&facts_json()).unwrap();
        let in_facts: Vec<&str> = facts["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["attribute"].as_str().unwrap())
            .collect();
        let observed: Vec<String> = serde_json::from_str(&build::observed_attributes()).unwrap();
        assert_eq!(in_facts, observed);
        for list in ["instruments", "crisisRegions", "languages"] {
            assert!(!facts[list].as_array().unwrap().is_empty(), "{list}");
        }
    }

    #[test]
    fn compression_round_trips_and_shrinks_repetitive_text() {
        let text = "Over the last 2 weeks, how often have you been bothered ".repeat(50);
        let packed = brotli(text.as_bytes());
        assert!(packed.len() < text.len() / 10);
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, text.as_bytes());
        assert!(gzip(text.as_bytes()).len() < text.len() / 5);
    }
}
