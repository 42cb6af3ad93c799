//! The `selfcheck-score` command: argument handling only; see the library.

use std::io::{self, Write};
use std::process::ExitCode;

use selfcheck_engine::{instrument, Cutoffs, InstrumentId};
use selfcheck_score::{cutoff_choices, or_list, run, Format};

/// The usage text. The instruments and the cut-off options come from the engine's data, so
/// an instrument added there is listed, and its cut-off choice offered, without code here.
fn usage() -> String {
    let ids: Vec<&str> = InstrumentId::ALL.iter().map(|id| id.as_str()).collect();
    let mut options_line = String::new();
    let mut options = String::new();
    for (id, choice) in cutoff_choices() {
        let inst = instrument(id);
        let values: Vec<String> = choice.choices.iter().map(u8::to_string).collect();
        options_line.push_str(&format!(" [--{} {}]", choice.attribute, values.join("|")));
        let named: Vec<String> = choice
            .choices
            .iter()
            .map(|&at| {
                if at == inst.scoring.positive_at {
                    format!("{at} (default)")
                } else {
                    at.to_string()
                }
            })
            .collect();
        let flag = format!("--{} N", choice.attribute);
        options.push_str(&format!(
            "  {flag:<22}the {} total that screens positive: {}\n",
            inst.short_name,
            or_list(&named)
        ));
    }
    format!(
        "\
selfcheck-score: score screening answer sets in batches ({ids})

Usage: selfcheck-score [--format jsonl|csv]{options_line} < answers > results.jsonl

Reads answer sets from standard input, one per line (JSON Lines, the default) or
one per row after a header (--format csv), and writes one JSON object per answer
set: the scores, bands, flags and the recommendation level, or an error with the
line number. Blank lines are skipped.

Exit status: 0 if every line was scored, 1 if any line failed, 2 for usage errors.
The input formats are described in the README, the cut-offs' sources in
docs/scoring.md.

Options:
  {format:<22}jsonl (default) or csv
{options}  {help:<22}print this help
",
        ids = ids.join(", "),
        format = "--format FORMAT",
        help = "-h, --help",
    )
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("selfcheck-score: {message}\n\n{}", usage());
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

/// Reads `arg` (and the value after it) if it is one of the cut-off options: `None` if it
/// is not one, otherwise the cut-offs with that choice made, or the usage error to give.
fn cutoff_option(
    arg: &str,
    args: &mut impl Iterator<Item = String>,
    cutoffs: Cutoffs,
) -> Option<Result<Cutoffs, String>> {
    cutoff_choices().find_map(|(id, choice)| {
        let name = format!("--{}", choice.attribute);
        let value = option_value(&name, arg, args)?;
        let allowed = or_list(choice.choices);
        Some(match value {
            Err(why) => Err(format!("{why}: {allowed}")),
            Ok(value) => Cutoffs::parse(id, &value)
                .and_then(|at| cutoffs.with(id, at))
                .ok_or_else(|| {
                    format!(
                        "{name} `{value}` is not one of the {} cut-offs that can be chosen; use {allowed}",
                        instrument(id).short_name
                    )
                }),
        })
    })
}

fn main() -> ExitCode {
    let mut format = Format::Jsonl;
    let mut cutoffs = Cutoffs::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if matches!(arg.as_str(), "-h" | "--help") {
            print!("{}", usage());
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
        } else if let Some(chosen) = cutoff_option(&arg, &mut args, cutoffs) {
            cutoffs = match chosen {
                Ok(chosen) => chosen,
                Err(why) => return usage_error(&why),
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
        cutoffs,
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
