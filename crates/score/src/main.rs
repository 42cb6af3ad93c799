//! The `selfcheck-score` command: argument handling only; see the library.

use std::io::{self, Write};
use std::process::ExitCode;

use selfcheck_engine::PtsdCutoff;
use selfcheck_score::{run, Format};

const USAGE: &str = "\
selfcheck-score: score PHQ-9, GAD-7 and PC-PTSD-5 answer sets in batches

Usage: selfcheck-score [--format jsonl|csv] [--ptsd-cutoff 3|4] < answers > results.jsonl

Reads answer sets from standard input, one per line (JSON Lines, the default) or
one per row after a header (--format csv), and writes one JSON object per answer
set: the scores, bands, flags and the recommendation level, or an error with the
line number. Blank lines are skipped.

Exit status: 0 if every line was scored, 1 if any line failed, 2 for usage errors.
The input formats are described in the README.

Options:
  --format FORMAT    jsonl (default) or csv
  --ptsd-cutoff N    the PC-PTSD-5 total that screens positive: 3 (default; more
                     sensitive) or 4 (best balances false negatives and false
                     positives overall, Bovin et al. 2021)
  -h, --help         print this help
";

fn usage_error(message: &str) -> ExitCode {
    eprintln!("selfcheck-score: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// `--name value` or `--name=value`; `None` if `arg` is another option.
fn option_value(
    name: &str,
    arg: &str,
    args: &mut impl Iterator<Item = String>,
) -> Option<Result<String, String>> {
    if arg == name {
        return Some(args.next().ok_or_else(|| format!("{name} needs a value")));
    }
    arg.strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('='))
        .map(|value| Ok(value.to_string()))
}

fn main() -> ExitCode {
    let mut format = Format::Jsonl;
    let mut ptsd_cutoff = PtsdCutoff::default();
    let allowed_cutoffs = PtsdCutoff::ALLOWED.map(|at| at.to_string()).join(" or ");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if matches!(arg.as_str(), "-h" | "--help") {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        if let Some(value) = option_value("--format", &arg, &mut args) {
            format = match value.as_deref() {
                Ok("jsonl") => Format::Jsonl,
                Ok("csv") => Format::Csv,
                Ok(other) => {
                    return usage_error(&format!("unknown format `{other}`; use jsonl or csv"))
                }
                Err(why) => return usage_error(&format!("{why}: jsonl or csv")),
            };
        } else if let Some(value) = option_value("--ptsd-cutoff", &arg, &mut args) {
            let value = match value {
                Ok(value) => value,
                Err(why) => return usage_error(&format!("{why}: {allowed_cutoffs}")),
            };
            ptsd_cutoff = match PtsdCutoff::parse(&value) {
                Some(cutoff) => cutoff,
                None => {
                    return usage_error(&format!(
                        "--ptsd-cutoff `{value}` is not a PC-PTSD-5 cut-off that can be chosen; use {allowed_cutoffs}"
                    ))
                }
            };
        } else {
            return usage_error(&format!("unknown argument `{arg}`"));
        }
    }
    let stdout = io::stdout();
    match run(
        io::stdin().lock(),
        io::BufWriter::new(stdout.lock()),
        format,
        ptsd_cutoff,
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
