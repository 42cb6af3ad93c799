//! `selfcheck-score`: scores paper PHQ-9, GAD-7 and PC-PTSD-5 forms in batches.
//!
//! Reads JSON Lines or CSV, writes one JSON object per input record: the engine's
//! report, or an error with the line number; the run goes on past bad lines. All
//! scoring is the engine's; this crate only reads input and writes output.

pub mod csv;
mod input;
mod sheet;

use std::io::{self, BufRead, Write};

use selfcheck_engine::{InstrumentResult, Level, PtsdCutoff};
use serde::Serialize;
use serde_json::Value;

pub use input::{sheet_from_json, Header};
pub use sheet::{Cell, Given, Sheet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

/// How a run went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub scored: usize,
    pub failed: usize,
}

#[derive(Serialize)]
struct Scored<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    results: &'a [InstrumentResult],
    level: Level,
}

#[derive(Serialize)]
struct Failed<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: &'a str,
}

/// Physical lines with 1-based numbers, `\r\n` or `\n`; a line that is not UTF-8
/// becomes an error for that line alone.
pub(crate) fn lines<R: BufRead>(
    mut input: R,
) -> impl Iterator<Item = (usize, Result<String, String>)> {
    let mut number = 0;
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                number += 1;
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                Some((
                    number,
                    String::from_utf8(buf).map_err(|_| "is not valid UTF-8".to_string()),
                ))
            }
            Err(e) => {
                number += 1;
                Some((number, Err(format!("cannot be read: {e}"))))
            }
        }
    })
}

/// Scores every record of `input`, the PC-PTSD-5 against `ptsd_cutoff`, and writes one JSON
/// line each to `output`.
pub fn run<R: BufRead, W: Write>(
    input: R,
    mut output: W,
    format: Format,
    ptsd_cutoff: PtsdCutoff,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut emit = |line: usize, sheet: Result<Sheet, (Option<Value>, String)>| -> io::Result<()> {
        let scored = sheet.and_then(|s| match s.score(ptsd_cutoff) {
            Ok(report) => Ok((s.id, report)),
            Err(e) => Err((s.id, e)),
        });
        match scored {
            Ok((id, report)) => {
                summary.scored += 1;
                let out = Scored {
                    line,
                    id: id.as_ref(),
                    results: &report.results,
                    level: report.level,
                };
                serde_json::to_writer(&mut output, &out)?;
            }
            Err((id, error)) => {
                summary.failed += 1;
                serde_json::to_writer(
                    &mut output,
                    &Failed {
                        line,
                        id: id.as_ref(),
                        error: &error,
                    },
                )?;
            }
        }
        output.write_all(b"\n")
    };
    match format {
        Format::Jsonl => {
            for (line, text) in lines(input) {
                match text {
                    Ok(t) if t.trim().is_empty() => {}
                    Ok(t) => emit(line, sheet_from_json(&t))?,
                    Err(why) => emit(line, Err((None, format!("line {line} {why}"))))?,
                }
            }
        }
        Format::Csv => {
            let mut records = csv::records(input);
            let header = match records.next() {
                None => return Ok(summary),
                Some(rec) => rec
                    .fields
                    .and_then(|f| Header::parse(&f))
                    .map_err(|e| (rec.line, e)),
            };
            match header {
                Err((line, why)) => emit(line, Err((None, format!("header: {why}"))))?,
                Ok(header) => {
                    for rec in records {
                        match rec.fields {
                            Ok(f) if f.iter().all(|c| c.trim().is_empty()) => {}
                            Ok(f) => emit(rec.line, header.sheet(&f))?,
                            Err(why) => emit(rec.line, Err((None, why)))?,
                        }
                    }
                }
            }
        }
    }
    output.flush()?;
    Ok(summary)
}
