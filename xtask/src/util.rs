//! Small helpers shared by the commands: where the project is, running programs visibly.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub type Result<T = ()> = std::result::Result<T, String>;

pub fn project_root() -> PathBuf {
    // xtask lives one level below the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent directory")
        .to_path_buf()
}

/// Announces a step so a slow first run never looks stuck.
pub fn step(message: &str) {
    println!("==> {message}");
}

pub fn skip(message: &str) {
    println!("    {message}");
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs a command with inherited output; fails with the command line if it fails.
pub fn run(command: &mut Command) -> Result {
    println!("    $ {}", describe(command));
    let started = Instant::now();
    let status = command
        .stdin(Stdio::null())
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if status.success() {
        let seconds = started.elapsed().as_secs_f32();
        if seconds > 5.0 {
            skip(&format!("({seconds:.0} s)"));
        }
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its stdout, or None if it cannot start or fails.
pub fn read(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

pub fn is_executable(path: &Path) -> bool {
    path.is_file()
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }
    // Write then rename, so a server reading the file meanwhile sees the old or the new one,
    // never half of one.
    let staging = path.with_extension("partial");
    std::fs::write(&staging, contents)
        .and_then(|()| std::fs::rename(&staging, path))
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}
