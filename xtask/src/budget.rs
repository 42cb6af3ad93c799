//! The size budget: everything the widget loads — selfcheck.js, selfcheck_bg.wasm and
//! any stylesheet in dist/ — at most 100 kB (100,000 bytes) brotli in total. A kB here is 1,000
//! bytes, as in every figure of `cargo xtask bench` (SurveyJS's three files: 320.1 kB brotli).
//!
//! Size does not vary run to run, so besides `cargo xtask bench` this is a test suite of
//! `cargo xtask test` (`budget`).

use crate::dist::{self, Sizes};
use crate::util::Result;
use std::path::{Path, PathBuf};

pub const LIMIT_BROTLI: usize = 100_000;

/// One file as a CDN would serve it.
pub struct FileSize {
    pub name: String,
    pub size: Sizes,
}

/// The files an English visitor's browser downloads from dist/ (the default configuration on
/// an English page): the script, the wasm, the English pack, and any CSS.
pub fn widget_files(dist: &Path) -> Result<Vec<PathBuf>> {
    widget_files_in(dist, selfcheck_engine::Lang::En)
}

/// The files a visitor in `lang` downloads: the script, the wasm, that language's pack (only
/// that one), and any CSS.
pub fn widget_files_in(dist: &Path, lang: selfcheck_engine::Lang) -> Result<Vec<PathBuf>> {
    let mut files = vec![
        dist.join(crate::build::SCRIPT),
        dist.join(crate::build::WASM),
        dist.join(crate::build::pack_file(lang.code())),
    ];
    let entries = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot list {}: {error}", dist.display()))?;
    let mut css: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "css"))
        .collect();
    css.sort();
    files.extend(css);
    Ok(files)
}

pub fn measure(files: &[PathBuf]) -> Result<Vec<FileSize>> {
    files
        .iter()
        .map(|file| {
            Ok(FileSize {
                name: file
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                size: dist::sizes(file)?,
            })
        })
        .collect()
}

pub fn total(files: &[FileSize]) -> Sizes {
    files.iter().fold(
        Sizes {
            raw: 0,
            gzip: 0,
            brotli: 0,
        },
        |sum, file| Sizes {
            raw: sum.raw + file.size.raw,
            gzip: sum.gzip + file.size.gzip,
            brotli: sum.brotli + file.size.brotli,
        },
    )
}

/// Prints what a visitor in each language downloads from `dist` (a table per language, then a
/// verdict line each) and returns whether each is within the budget.
pub fn every_language(dist: &Path) -> Result<Vec<bool>> {
    let mut totals = Vec::new();
    for lang in selfcheck_engine::Lang::ALL {
        println!("\na visitor in `{lang}`:");
        totals.push((
            lang,
            dist::print_sizes(&widget_files_in(dist, lang)?)?.brotli,
        ));
    }
    // The default configuration never loads the plus build or the extra packs; a clinic that
    // chooses another instrument or a pre-treatment check loads selfcheck-plus.js and its wasm
    // instead of the default ones, and its visitors' language's extra pack as well.
    let (plus_script, plus_wasm) = crate::build::Variant::Plus.files();
    let plus_code =
        dist::sizes(&dist.join(plus_script))?.brotli + dist::sizes(&dist.join(plus_wasm))?.brotli;
    let default_code = dist::sizes(&dist.join(crate::build::SCRIPT))?.brotli
        + dist::sizes(&dist.join(crate::build::WASM))?.brotli;
    let mut extras = Vec::new();
    for lang in selfcheck_engine::Lang::ALL {
        let file = dist.join(crate::build::pack_file(&crate::build::extra_code(
            lang.code(),
        )));
        extras.push((lang, dist::sizes(&file)?.brotli));
    }
    println!();
    Ok(totals
        .into_iter()
        .zip(extras)
        .map(|((lang, brotli), (_, extra))| {
            let (pass, line) = verdict(brotli);
            println!("{lang}: {line}");
            let plus = brotli - default_code + plus_code + extra;
            println!(
                "{lang}:       with AUDIT-C, the drug question, the pre-check or carry=\"on\": {} brotli in all ({plus_script} and its wasm {}, the extra pack +{})",
                dist::kb(plus),
                dist::kb(plus_code),
                dist::kb(extra),
            );
            pass
        })
        .collect())
}

/// `PASS` or `FAIL` and the line that says so.
pub fn verdict(total_brotli: usize) -> (bool, String) {
    let pass = total_brotli <= LIMIT_BROTLI;
    (
        pass,
        format!(
            "{}  everything the widget loads: {} brotli, {total_brotli} bytes (budget {})",
            if pass { "PASS" } else { "FAIL" },
            dist::kb(total_brotli),
            dist::kb(LIMIT_BROTLI)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_inclusive_and_counted_in_bytes() {
        assert!(verdict(100_000).0);
        assert!(!verdict(100_001).0);
        assert!(verdict(99_500).1.starts_with("PASS"));
        assert!(verdict(120_000).1.contains("120.0 kB"));
    }

    #[test]
    fn stylesheets_in_dist_count_too() {
        let dir = std::env::temp_dir().join(format!("selfcheck-budget-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("theme.css"), "a{}").unwrap();
        std::fs::write(dir.join("embed.html"), "<p>").unwrap();
        let names: Vec<String> = widget_files(&dir)
            .unwrap()
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            names,
            [
                "selfcheck.js",
                "selfcheck_bg.wasm",
                "selfcheck.en.json",
                "theme.css"
            ]
        );
    }
}
