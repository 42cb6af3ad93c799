//! `selfcheck-score`: scores paper screening forms in batches, for every instrument the
//! engine knows.
//!
//! Reads JSON Lines or CSV, writes one JSON object per input record: the engine's
//! report, or an error with the line number; the run goes on past bad lines. All
//! scoring is the engine's; this crate only reads input and writes output. It is a
//! native tool: its dependencies (the `csv` crate among them) never reach the widget.

mod input;
mod rows;
mod sheet;

use std::fmt;
use std::io::{self, BufRead, Write};

use selfcheck_engine::{instrument, CutoffChoice, Cutoffs, InstrumentId, InstrumentResult, Level};
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

/// The instruments whose data offers a choice of cut-off, with that choice. The scorer's
/// option for each is `--<attribute>` (`--ptsd-cutoff`), so an instrument given a choice in
/// its data file gets its option, and its line in `--help`, without code here.
pub fn cutoff_choices() -> impl Iterator<Item = (InstrumentId, &'static CutoffChoice)> {
    InstrumentId::ALL.into_iter().filter_map(|id| {
        instrument(id)
            .scoring
            .cutoff_choice
            .as_ref()
            .map(|choice| (id, choice))
    })
}

/// `3 or 4`, `3, 4 or 5`: choices as a message or the help names them.
pub fn or_list<T: fmt::Display>(choices: &[T]) -> String {
    let words: Vec<String> = choices.iter().map(T::to_string).collect();
    match words.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Physical lines with 1-based numbers, `\r\n` or `\n`; a line that is not UTF-8
/// becomes an error for that line alone. A read error ends the input: reading again
/// would most likely fail again, forever.
pub(crate) fn lines<R: BufRead>(
    mut input: R,
) -> impl Iterator<Item = (usize, Result<String, String>)> {
    let mut number = 0;
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
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
                failed = true;
                Some((number, Err(format!("cannot be read: {e}"))))
            }
        }
    })
}

/// Scores every record of `input`, each instrument against its cut-off in `cutoffs`, and
/// writes one JSON line each to `output`.
pub fn run<R: BufRead, W: Write>(
    input: R,
    mut output: W,
    format: Format,
    cutoffs: Cutoffs,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut emit = |line: usize, sheet: Result<Sheet, (Option<Value>, String)>| -> io::Result<()> {
        let scored = sheet.and_then(|s| match s.score(cutoffs) {
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
            let mut rows = rows::rows(input);
            let header = match rows.next() {
                None => return Ok(summary),
                Some(row) => row
                    .fields
                    .and_then(|f| Header::parse(&f))
                    .map_err(|e| (row.line, e)),
            };
            match header {
                Err((line, why)) => emit(line, Err((None, format!("header: {why}"))))?,
                Ok(header) => {
                    for row in rows {
                        match row.fields {
                            Ok(f) if f.iter().all(|c| c.trim().is_empty()) => {}
                            Ok(f) => emit(row.line, header.sheet(&f))?,
                            Err(why) => emit(row.line, Err((None, why)))?,
                        }
                    }
                }
            }
        }
    }
    output.flush()?;
    Ok(summary)
}
