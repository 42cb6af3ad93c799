//! Turns the instrument and crisis data files into `static` Rust tables, so the
//! wasm build carries no JSON to parse at run time for them, and the language packs
//! into the flat packs the widget downloads. Malformed data fails the build with a
//! message naming the file and the field instead of failing a visitor.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/config/check.rs"]
mod check;

#[path = "build/emit.rs"]
mod emit;
#[path = "build/model.rs"]
mod model;
#[path = "build/packs.rs"]
mod packs;
#[allow(dead_code)]
#[path = "src/pseudo.rs"]
mod pseudo;
#[path = "build/validate.rs"]
mod validate;

use model::{CrisisFile, InstrumentFile, PrecheckFile};

/// The instruments in `InstrumentId` order; a data file for each must exist, and no other.
const INSTRUMENT_IDS: [(&str, &str); 5] = [
    ("phq9", "Phq9"),
    ("gad7", "Gad7"),
    ("pcptsd5", "Pcptsd5"),
    ("auditc", "Auditc"),
    ("sqds", "Sqds"),
];

/// What a clinic gets without choosing (`InstrumentId::DEFAULT`): depression, anxiety and
/// post-traumatic stress. The wording of every other instrument goes in the extra packs.
const IN_DEFAULT: [&str; 3] = ["phq9", "gad7", "pcptsd5"];

/// The pre-treatment checks in `Precheck` order; a data file for each must exist, and no other.
const PRECHECK_IDS: [(&str, &str); 1] = [("ketamine", "Ketamine")];

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/config/check.rs");
    let data = Path::new("data");
    let mut errors = Vec::new();

    let files = read_listed::<InstrumentFile>(
        &data.join("instruments"),
        &INSTRUMENT_IDS,
        "unknown instrument; add a variant to InstrumentId and to INSTRUMENT_IDS in build.rs",
        InstrumentFile::check,
        &mut errors,
    );
    let precheck_files = read_listed::<PrecheckFile>(
        &data.join("precheck"),
        &PRECHECK_IDS,
        "unknown pre-check; add a variant to Precheck and to PRECHECK_IDS in build.rs",
        PrecheckFile::check,
        &mut errors,
    );
    let crisis = match read::<CrisisFile>("data/crisis.json") {
        Ok(parsed) => {
            parsed.check(&mut |field, message| {
                errors.push(format!("data/crisis.json: {field}: {message}"))
            });
            Some(parsed)
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let structures: Vec<&InstrumentFile> = files.iter().map(|(_, file)| file).collect();
    println!("cargo:rerun-if-changed=src/pseudo.rs");
    let prechecks: Vec<&PrecheckFile> = precheck_files.iter().map(|(_, file)| file).collect();
    let packs = match &crisis {
        Some(crisis)
            if structures.len() == INSTRUMENT_IDS.len()
                && prechecks.len() == PRECHECK_IDS.len() =>
        {
            let mut packs =
                packs::Packs::read(&structures, &prechecks, crisis, &IN_DEFAULT, &mut errors);
            // Tests only: see src/pseudo.rs.
            if std::env::var_os("CARGO_FEATURE_PSEUDO_RTL").is_some() {
                packs.add_pseudo_rtl();
            }
            Some(packs)
        }
        _ => None,
    };

    if !errors.is_empty() {
        let mut report = String::from("\n\nselfcheck-engine: the data files are malformed:\n");
        for e in &errors {
            let _ = writeln!(report, "  - {e}");
        }
        panic!("{report}");
    }
    let (Some(crisis), Some(packs)) = (crisis, packs) else {
        unreachable!("every read failure is in `errors`");
    };
    packs.fix_key_order(&structures);
    // The default build (selfcheck.js) has the default instruments' tables alone and no
    // pre-check; `plus` (selfcheck-plus.js, and every native build) has them all. The packs are
    // the same files for both builds, so they are written from every data file either way.
    let plus = plus_cfg();
    let built: Vec<_> = files
        .iter()
        .filter(|(_, file)| plus || IN_DEFAULT.contains(&file.id.as_str()))
        .collect();
    if !plus {
        for (_, file) in &built {
            if file.options_per_item || file.item_note.is_some() || file.count_max.is_some() {
                panic!(
                    "data/instruments/{}.json: per-item options, an item note and a count are \
                     left out of the default build (Instrument::options_of, note_for, count_max); \
                     an instrument in IN_DEFAULT cannot use them",
                    file.id
                );
            }
        }
    }
    let mut instruments = format!(
        "const INSTRUMENT_COUNT: usize = {};\nstatic INSTRUMENTS: [Instrument; INSTRUMENT_COUNT] = [\n",
        built.len()
    );
    let mut loinc = String::from(
        "/// Each instrument's LOINC codes, by `InstrumentId` index (`Instrument::loinc`).\nstatic LOINC: [Option<Loinc>; INSTRUMENT_COUNT] = [\n",
    );
    for (variant, file) in built {
        instruments.push_str(&file.emit(variant, &packs));
        loinc.push_str(&file.emit_loinc());
    }
    instruments.push_str("];\n");
    loinc.push_str("];\n");
    instruments.push_str(&loinc);
    // What the default build must refuse by name, pointing at selfcheck-plus.js.
    let plus_only: Vec<&str> = if plus {
        Vec::new()
    } else {
        INSTRUMENT_IDS
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| !IN_DEFAULT.contains(id))
            .chain(PRECHECK_IDS.iter().map(|(id, _)| *id))
            .collect()
    };
    let _ = writeln!(
        instruments,
        "/// The instruments and pre-checks only the plus build has; empty in the plus build itself.\npub const PLUS_ONLY: &[&str] = &{plus_only:?};"
    );
    let default: Vec<String> = IN_DEFAULT
        .iter()
        .filter_map(|id| INSTRUMENT_IDS.iter().find(|(known, _)| known == id))
        .map(|(_, variant)| format!("InstrumentId::{variant}"))
        .collect();
    let _ = writeln!(
        instruments,
        "/// The default configuration's instruments (`IN_DEFAULT` in build.rs).\nconst IN_DEFAULT: [InstrumentId; {}] = [{}];",
        default.len(),
        default.join(", ")
    );
    let built_prechecks = if plus { &precheck_files[..] } else { &[] };
    let mut precheck_tables = format!(
        "static PRECHECKS: [PrecheckTable; {}] = [\n",
        built_prechecks.len()
    );
    for (variant, file) in built_prechecks {
        precheck_tables.push_str(&file.emit(variant));
    }
    precheck_tables.push_str("];\n");

    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
    };
    write("instruments.rs", &instruments);
    write("prechecks.rs", &precheck_tables);
    write("crisis.rs", &crisis.emit(&packs));
    write("lang.rs", &packs.emit_lang(&structures));
    std::fs::create_dir_all(out.join("packs")).expect("OUT_DIR is writable");
    for pack in &packs.list {
        let (core, extra) = packs.runtime(pack, &structures);
        write(&format!("packs/{}.json", pack.code), &core);
        write(&format!("packs/{}.extra.json", pack.code), &extra);
    }
}

/// `cfg(plus)`: every instrument and the pre-checks. On for every native build (the scorer, the
/// tests, xtask) and for the wasm built with the `plus` feature (selfcheck-plus.js); off for the
/// default wasm (selfcheck.js), which leaves their code out.
fn plus_cfg() -> bool {
    println!("cargo:rustc-check-cfg=cfg(plus)");
    let plus = std::env::var_os("CARGO_FEATURE_PLUS").is_some()
        || std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch != "wasm32");
    if plus {
        println!("cargo:rustc-cfg=plus");
    }
    plus
}

/// Reads `dir/<id>.json` for every listed id, checked by `check`, with its variant; a file for
/// an id not in the list is an error too, so a data file cannot be silently ignored.
fn read_listed<T: serde::de::DeserializeOwned>(
    dir: &Path,
    ids: &[(&'static str, &'static str)],
    unknown: &str,
    check: fn(&T, &str, validate::Report),
    errors: &mut Vec<String>,
) -> Vec<(&'static str, T)> {
    let folder = dir.display().to_string();
    let names = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for name in &names {
        let stem = name.strip_suffix(".json").unwrap_or(name);
        if !ids.iter().any(|(id, _)| *id == stem) {
            errors.push(format!("{folder}/{name}: {unknown}"));
        }
    }
    let mut files = Vec::new();
    for &(id, variant) in ids {
        let file = format!("{folder}/{id}.json");
        match read::<T>(&file) {
            Ok(parsed) => {
                check(&parsed, id, &mut |field, message| {
                    errors.push(format!("{file}: {field}: {message}"))
                });
                files.push((variant, parsed));
            }
            Err(e) => errors.push(e),
        }
    }
    files
}

fn read<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
}
