//! Detect, don't assume: finds or installs every tool the build and the tests need, and skips
//! whatever is already there, so a second run is quick.
//!
//! Two routes to a wasm32 standard library:
//! - rustup already has the `wasm32-unknown-unknown` target (a laptop with internet): plain cargo.
//! - it does not and cannot download it (these Debian machines): Debian's `rustc-web`, which ships
//!   the std *source*, builds std for wasm32 with `-Zbuild-std` (see ../shared/TOOLCHAIN.md).

use crate::util::{is_executable, project_root, read, run, skip, step, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const DEBIAN_RUST_PACKAGES: [&str; 4] = ["rustc-web", "cargo-web", "rust-web-src", "lld-22"];

/// How to invoke cargo for the wasm32 target on this machine.
pub struct WasmToolchain {
    cargo: PathBuf,
    envs: Vec<(String, String)>,
    /// True on the Debian route: std is compiled from source for wasm32.
    builds_std: bool,
    target_dir: PathBuf,
}

impl WasmToolchain {
    /// A cargo command for wasm32 with the route's environment, target and target dir set.
    /// `release` adds the size-focused std features and immediate-abort panics.
    pub fn cargo(&self, subcommand: &str, release: bool) -> Command {
        let mut command = Command::new(&self.cargo);
        command.arg(subcommand);
        command.envs(self.envs.iter().map(|(key, value)| (key, value)));
        command.args(["--target", WASM_TARGET, "--target-dir"]);
        command.arg(&self.target_dir);
        if self.builds_std {
            command.arg("-Zbuild-std=std,panic_abort");
            if release {
                command.arg("-Zbuild-std-features=optimize_for_size");
                // Replaces the old `panic_immediate_abort` std feature: no panic strings or
                // formatting machinery in the shipped wasm. Release only: it hides messages.
                // `location-detail=none` drops the file/line/column of `#[track_caller]`
                // call sites, which immediate-abort never prints (−0.5 kB brotli).
                command.env(
                    "RUSTFLAGS",
                    "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none",
                );
            }
        }
        if release {
            // Unstripped: wasm-bindgen reads the target-features section, and the names let
            // `twiggy` say what each byte is (cargo xtask dist --names); wasm-opt strips dist.
            command.env("CARGO_PROFILE_RELEASE_STRIP", "false");
        }
        command
    }

    pub fn target_dir(&self) -> &Path {
        &self.target_dir
    }
}

pub fn command(_args: &[String]) -> Result {
    wasm_toolchain()?;
    wasm_bindgen()?;
    node_modules()?;
    chromium()?;
    step("set-up complete");
    Ok(())
}

pub fn wasm_toolchain() -> Result<WasmToolchain> {
    step("Rust toolchain for wasm32");
    let root = project_root();
    if rustup_has_wasm_target() {
        skip("rustup has the wasm32-unknown-unknown target: using it as is");
        return Ok(WasmToolchain {
            cargo: PathBuf::from("cargo"),
            envs: Vec::new(),
            builds_std: false,
            target_dir: root.join("target"),
        });
    }
    skip("rustup has no wasm32 std here: using Debian's rustc-web to build std from source");
    if !debian_rust_ready() {
        apt_install(&DEBIAN_RUST_PACKAGES)?;
        if !debian_rust_ready() {
            return Err(
                "Debian's rustc-web, rust-web-src and lld are still missing after apt-get".into(),
            );
        }
    } else {
        skip("rustc-web, rust-web-src and rust-lld are installed");
    }
    // /usr/bin first so cargo's `rustc`, `rustdoc` and `rust-lld` are Debian's, not rustup's
    // proxies; RUSTC_BOOTSTRAP unlocks -Zbuild-std on this stable compiler.
    let path = format!("/usr/bin:{}", std::env::var("PATH").unwrap_or_default());
    Ok(WasmToolchain {
        cargo: PathBuf::from("/usr/bin/cargo"),
        envs: vec![
            ("PATH".into(), path),
            ("RUSTC".into(), "/usr/bin/rustc".into()),
            ("RUSTDOC".into(), "/usr/bin/rustdoc".into()),
            ("RUSTC_BOOTSTRAP".into(), "1".into()),
        ],
        builds_std: true,
        // Apart from the native target dir: two compilers sharing one would rebuild each other's
        // build scripts on every switch.
        target_dir: root.join("target").join("wasm"),
    })
}

fn rustup_has_wasm_target() -> bool {
    let Some(libdir) =
        read(Command::new("rustc").args(["--print", "target-libdir", "--target", WASM_TARGET]))
    else {
        return false;
    };
    let libdir = PathBuf::from(libdir.trim());
    std::fs::read_dir(libdir)
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("libstd-"))
        })
        .unwrap_or(false)
}

fn debian_rust_ready() -> bool {
    let Some(sysroot) = read(Command::new("/usr/bin/rustc").args(["--print", "sysroot"])) else {
        return false;
    };
    let std_source = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/std");
    is_executable(Path::new("/usr/bin/cargo"))
        && std_source.is_dir()
        && Path::new("/usr/bin/rust-lld").exists()
}

fn apt_install(packages: &[&str]) -> Result {
    step(&format!("apt-get install {}", packages.join(" ")));
    let as_root = read(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.args(["-n", "apt-get"]);
            sudo
        };
        command.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        command
    };
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(packages);
    if run(&mut install).is_ok() {
        return Ok(());
    }
    // A fresh machine's package lists may be stale or empty.
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(packages);
    run(&mut install)
}

/// The wasm-bindgen CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
pub fn wasm_bindgen() -> Result<PathBuf> {
    step("wasm-bindgen CLI");
    let root = project_root();
    let version = locked_version(&root, "wasm-bindgen")?;
    let bin_dir = root.join(".tools").join("bin");
    let cli = bin_dir.join("wasm-bindgen");
    let installed = read(Command::new(&cli).arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(version.as_str())
        && is_executable(&bin_dir.join("wasm-bindgen-test-runner"))
    {
        skip(&format!("wasm-bindgen {version} is in .tools/bin"));
        return Ok(bin_dir);
    }
    // No --locked: one of the CLI's locked dependency versions is missing from the registry.
    run(Command::new("cargo")
        .args(["install", "wasm-bindgen-cli", "--version"])
        .arg(format!("={version}"))
        .arg("--root")
        .arg(root.join(".tools")))?;
    Ok(bin_dir)
}

pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    if !lock_path.exists() {
        run(Command::new("cargo")
            .arg("generate-lockfile")
            .current_dir(root))?;
    }
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("`{package}` is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(lock[start..end].to_string())
}

/// npm tools pinned by the committed package-lock.json: binaryen's wasm-opt, Playwright, axe.
pub fn node_modules() -> Result {
    step("npm tools (package-lock.json)");
    let root = project_root();
    if read(Command::new("node").arg("--version")).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let up_to_date = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => installed >= lock,
        _ => false,
    };
    if up_to_date {
        skip("node_modules matches package-lock.json");
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&root))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// terser from the committed package-lock.json: minifies the shipped selfcheck.js.
pub fn terser() -> PathBuf {
    project_root()
        .join("node_modules")
        .join(".bin")
        .join("terser")
}

pub fn wasm_opt() -> PathBuf {
    project_root()
        .join("node_modules")
        .join(".bin")
        .join("wasm-opt")
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's Chromium: Playwright and wasm-bindgen-test drive it; nothing downloads a browser.
pub fn chromium() -> Result {
    step("Chromium and ChromeDriver");
    if is_executable(Path::new(CHROMIUM)) && is_executable(Path::new(CHROMEDRIVER)) {
        skip("installed");
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}
