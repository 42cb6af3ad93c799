//! The `selfcheck-score` command: argument handling only; see the library.

use std::io::{self, Write};
use std::process::ExitCode;

use selfcheck_score::{run, Format};

const USAGE: &str = "\
selfcheck-score: score PHQ-9, GAD-7 and PC-PTSD-5 answer sets in batches

Usage: selfcheck-score [--format jsonl|csv] < answers > results.jsonl

Reads answer sets from standard input, one per line (JSON Lines, the default) or
one per row after a header (--format csv), and writes one JSON object per answer
set: the scores, bands, flags and the recommendation level, or an error with the
line number. Blank lines are skipped.

Exit status: 0 if every line was scored, 1 if any line failed, 2 for usage errors.
The input formats are described in the README.

Options:
  --format FORMAT  jsonl (default) or csv
  -h, --help       print this help
";

fn usage_error(message: &str) -> ExitCode {
    eprintln!("selfcheck-score: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut format = Format::Jsonl;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--format" => match args.next() {
                Some(v) => v,
                None => return usage_error("--format needs a value: jsonl or csv"),
            },
            other => match other.strip_prefix("--format=") {
                Some(v) => v.to_string(),
                None => return usage_error(&format!("unknown argument `{other}`")),
            },
        };
        format = match value.as_str() {
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            other => return usage_error(&format!("unknown format `{other}`; use jsonl or csv")),
        };
    }
    let stdout = io::stdout();
    match run(
        io::stdin().lock(),
        io::BufWriter::new(stdout.lock()),
        format,
    ) {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // A closed pipe (`| head`) is the reader's choice, not a failure to report.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "selfcheck-score: {e}");
            ExitCode::from(1)
        }
    }
}
