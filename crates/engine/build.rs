//! Turns the instrument and crisis data files into `static` Rust tables, so the
//! wasm build carries no JSON to parse at run time and malformed data fails the
//! build with a message naming the file and the field instead of failing a visitor.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/config/check.rs"]
mod check;

#[path = "build/emit.rs"]
mod emit;
#[path = "build/model.rs"]
mod model;
#[path = "build/validate.rs"]
mod validate;

use model::{CrisisFile, InstrumentFile};

/// The instruments in `InstrumentId` order; a data file for each must exist, and no other.
const INSTRUMENT_IDS: [(&str, &str); 3] =
    [("phq9", "Phq9"), ("gad7", "Gad7"), ("pcptsd5", "Pcptsd5")];

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/config/check.rs");
    let data = Path::new("data");
    let mut errors = Vec::new();

    let mut instruments = String::from("static INSTRUMENTS: [Instrument; 3] = [\n");
    let listed = std::fs::read_dir(data.join("instruments"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for name in &listed {
        let stem = name.strip_suffix(".json").unwrap_or(name);
        if !INSTRUMENT_IDS.iter().any(|(id, _)| *id == stem) {
            errors.push(format!(
                "data/instruments/{name}: unknown instrument; add a variant to InstrumentId and to INSTRUMENT_IDS in build.rs"
            ));
        }
    }
    for (id, variant) in INSTRUMENT_IDS {
        let file = format!("data/instruments/{id}.json");
        match read::<InstrumentFile>(&file) {
            Ok(parsed) => {
                let before = errors.len();
                parsed.check(id, &mut |field, message| {
                    errors.push(format!("{file}: {field}: {message}"))
                });
                if errors.len() == before {
                    instruments.push_str(&parsed.emit(variant));
                }
            }
            Err(e) => errors.push(e),
        }
    }
    instruments.push_str("];\n");

    let mut regions = String::new();
    match read::<CrisisFile>("data/crisis.json") {
        Ok(parsed) => {
            let before = errors.len();
            parsed.check(&mut |field, message| {
                errors.push(format!("data/crisis.json: {field}: {message}"))
            });
            if errors.len() == before {
                regions = parsed.emit();
            }
        }
        Err(e) => errors.push(e),
    }

    if !errors.is_empty() {
        let mut report = String::from("\n\nselfcheck-engine: the data files are malformed:\n");
        for e in &errors {
            let _ = writeln!(report, "  - {e}");
        }
        panic!("{report}");
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("instruments.rs"), instruments).expect("OUT_DIR is writable");
    std::fs::write(out.join("crisis.rs"), regions).expect("OUT_DIR is writable");
}

fn read<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
}
