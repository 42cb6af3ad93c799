//! Running the built scorer the way a clinic does: arguments, stdin in, stdout and status out.

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn run_scorer(args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_selfcheck-score"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorer starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_ref())
        .expect("the scorer reads its input");
    child.wait_with_output().expect("the scorer finishes")
}
