//! `cargo xtask <command>`: everything beyond plain cargo that selfcheck needs — setting up the
//! WebAssembly toolchain on a bare machine, building the widget, serving the demo, running every
//! test suite, writing the distributable files and benchmarking them — so that the README stays
//! two commands.

mod bench;
mod budget;
mod build;
mod dist;
mod fhir;
mod serve;
mod setup;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--port N]     set up what is missing, build, and serve the demo (default port 8080)
  test [suite...]      fmt, clippy, native tests, wasm tests in Chromium, the size budget,
                       end-to-end tests, the visit in Firefox and in WebKit; ends with one
                       line: `N passed, N failed`
  dist [--names]       write dist/ (selfcheck.js, selfcheck_bg.wasm, a pack per language,
                       embed.html) and print what a visitor in each language downloads;
                       --names: what each byte of the wasm is (twiggy, if in .tools/bin);
                       --pseudo-rtl: only target/dist-rtl/, the test build with the
                       right-to-left pseudo-locale (served at /dist-rtl/)
  bench [--runs N]     size and speed of selfcheck against SurveyJS in headless Chromium
                       (default 15 runs each, without and with 4x CPU throttling)
  setup                only install what is missing (apt packages, wasm-bindgen, npm tools)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let outcome = match command {
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "dist" => dist::run(rest),
        "bench" => bench::run(rest),
        "setup" => setup::command(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
