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

/// A file the set-up checks for, and the Debian package that provides it: the set-up installs
/// exactly the packages of the files it checks, and names both when one is still missing.
#[derive(Clone, Copy, Debug)]
pub struct Needed {
    pub file: &'static str,
    pub package: &'static str,
}

/// The Debian route's files. `rust-lld` comes from `rust-web-llvm`, which `rustc-web` only
/// *recommends*: with `--no-install-recommends` it must be named, or the wasm link fails.
/// The std source sits under `rustc --print sysroot`, which is `/usr` for Debian's rustc-web.
pub const DEBIAN_RUST: &[Needed] = &[
    Needed {
        file: "/usr/bin/rustc",
        package: "rustc-web",
    },
    Needed {
        file: "/usr/bin/cargo",
        package: "cargo-web",
    },
    Needed {
        file: "/usr/lib/rustlib/src/rust/library/std/src/lib.rs",
        package: "rust-web-src",
    },
    Needed {
        file: "/usr/bin/rust-lld",
        package: "rust-web-llvm",
    },
    Needed {
        file: "/usr/bin/ld.lld-22",
        package: "lld-22",
    },
];

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
    firefox()?;
    webkit()?;
    fhir_validator()?;
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
    ensure("Debian's Rust for the web", DEBIAN_RUST)?;
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

/// Installs the packages of whichever files are missing, then checks again; a file still missing
/// is named with its package, so the next step is obvious (`apt-get install PACKAGE`).
pub fn ensure(what: &str, needed: &[Needed]) -> Result {
    ensure_with(what, needed, apt_install)
}

fn ensure_with(what: &str, needed: &[Needed], install: impl Fn(&[&str]) -> Result) -> Result {
    let missing = |needed: &[Needed]| -> Vec<Needed> {
        needed
            .iter()
            .copied()
            .filter(|need| !Path::new(need.file).exists())
            .collect()
    };
    let before = missing(needed);
    if before.is_empty() {
        skip(&format!("{what}: installed"));
        return Ok(());
    }
    let mut packages: Vec<&str> = Vec::new();
    for need in &before {
        if !packages.contains(&need.package) {
            packages.push(need.package);
        }
    }
    let installed = install(&packages);
    let after = missing(needed);
    if after.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = after
        .iter()
        .map(|need| format!("{} (package {})", need.file, need.package))
        .collect();
    let why = installed
        .err()
        .map(|error| format!("; apt-get: {error}"))
        .unwrap_or_default();
    Err(format!(
        "{what}: still missing after apt-get: {}{why}",
        names.join(", ")
    ))
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

/// Chromium for Playwright and wasm-bindgen-test.
pub const BROWSERS: &[Needed] = &[
    Needed {
        file: CHROMIUM,
        package: "chromium",
    },
    Needed {
        file: CHROMEDRIVER,
        package: "chromium-driver",
    },
];

pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const XVFB: &str = "/usr/bin/Xvfb";

/// Firefox ESR, which puppeteer-core drives over WebDriver BiDi (no geckodriver).
pub const FIREFOX_NEEDS: &[Needed] = &[Needed {
    file: FIREFOX,
    package: "firefox-esr",
}];

/// WebKitGTK: WebKitWebDriver (its package pulls in libwebkit2gtk-4.1 and its MiniBrowser) and
/// an X server without a screen, since WebKitGTK has no headless mode. Fonts need no entry:
/// fontconfig, which both browsers depend on, depends on a font package.
pub const WEBKIT_NEEDS: &[Needed] = &[
    Needed {
        file: WEBKIT_WEBDRIVER,
        package: "webkit2gtk-driver",
    },
    Needed {
        file: XVFB,
        package: "xvfb",
    },
];

/// Every table of files the set-up checks, so one test can hold each against dpkg.
#[cfg(test)]
pub const EVERY_NEEDED: &[&[Needed]] = &[
    DEBIAN_RUST,
    BROWSERS,
    FIREFOX_NEEDS,
    WEBKIT_NEEDS,
    PYTHON_VENV_NEEDS,
];

/// Debian's Python with its venv module, for the FHIR validator's own environment.
pub const PYTHON_VENV_NEEDS: &[Needed] = &[
    Needed {
        file: "/usr/bin/python3",
        package: "python3-minimal",
    },
    Needed {
        file: "/usr/lib/python3.11/ensurepip/__init__.py",
        package: "python3.11-venv",
    },
];

/// The FHIR R4 validator of the `fhir` suite: fhir.resources in a virtual environment of its
/// own, `.tools/fhir`, with every version pinned in tests/fhir/requirements.txt (from PyPI).
/// Returns its Python. Skipped when the environment holds exactly those requirements.
pub fn fhir_validator() -> Result<PathBuf> {
    step("FHIR R4 validator (tests/fhir/requirements.txt into .tools/fhir)");
    ensure("Python with venv", PYTHON_VENV_NEEDS)?;
    let root = project_root();
    let venv = root.join(".tools/fhir");
    let python = venv.join("bin/python");
    let wanted = std::fs::read_to_string(root.join("tests/fhir/requirements.txt"))
        .map_err(|error| format!("cannot read tests/fhir/requirements.txt: {error}"))?;
    let marker = venv.join("installed-requirements.txt");
    if python.is_file() && std::fs::read_to_string(&marker).ok().as_deref() == Some(&wanted) {
        skip("the FHIR validator is installed with tests/fhir/requirements.txt");
        return Ok(python);
    }
    run(Command::new("/usr/bin/python3")
        .args(["-m", "venv", "--clear"])
        .arg(&venv))?;
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(root.join("tests/fhir/requirements.txt")))?;
    std::fs::write(&marker, wanted)
        .map_err(|error| format!("cannot write {}: {error}", marker.display()))?;
    Ok(python)
}

/// Debian's Chromium: Playwright and wasm-bindgen-test drive it; nothing downloads a browser.
pub fn chromium() -> Result {
    step("Chromium and ChromeDriver");
    ensure("Chromium", BROWSERS)
}

/// Debian's Firefox ESR for the `firefox` suite.
pub fn firefox() -> Result {
    step("Firefox ESR");
    ensure("Firefox", FIREFOX_NEEDS)
}

/// Debian's WebKitGTK WebDriver and Xvfb for the `webkit` suite.
pub fn webkit() -> Result {
    step("WebKitGTK (WebKitWebDriver) and Xvfb");
    ensure("WebKit", WEBKIT_NEEDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package dpkg says owns `file`, or the file a symlink leads to (the std source sits
    /// behind `/usr/lib/rustlib/src/rust`, a link into `/usr/src`).
    fn owner(file: &str) -> Option<String> {
        let ask = |path: &Path| {
            read(Command::new("dpkg-query").arg("-S").arg(path))
                .and_then(|out| out.lines().next().map(str::to_owned))
                .and_then(|line| line.split_once(':').map(|(package, _)| package.to_owned()))
        };
        ask(Path::new(file)).or_else(|| ask(&std::fs::canonicalize(file).ok()?))
    }

    #[test]
    fn each_checked_file_belongs_to_the_package_installed_for_it() {
        if read(Command::new("dpkg-query").arg("--version")).is_none() {
            eprintln!("not a Debian machine: nothing to hold the tables against");
            return;
        }
        let mut held = 0;
        for need in EVERY_NEEDED.iter().flat_map(|table| table.iter()) {
            if !Path::new(need.file).exists() {
                // Not installed here (for example rustup has the wasm target): `ensure`
                // would install `need.package` and then name the file if it is still missing.
                continue;
            }
            assert_eq!(
                owner(need.file).as_deref(),
                Some(need.package),
                "{} is checked by the set-up, which installs {} for it",
                need.file,
                need.package
            );
            held += 1;
        }
        eprintln!("{held} checked files held against dpkg");
        if std::env::var_os("CI").is_some() {
            // `cargo xtask test` sets everything up before the native suite: in CI, the browsers
            // at least are installed through these tables, so none held means none checked.
            assert!(
                held > 0,
                "no checked file is installed: the tables were not exercised"
            );
        }
    }

    #[test]
    fn ensure_names_the_missing_file_and_its_package() {
        // An install that "succeeds" without providing the file, as with a missing recommends.
        let needed = [
            Needed {
                file: "/nonexistent/selfcheck-test-file",
                package: "selfcheck-missing-package",
            },
            Needed {
                file: "/",
                package: "selfcheck-present-package",
            },
        ];
        let asked = std::cell::RefCell::new(Vec::new());
        let error = ensure_with("test", &needed, |packages| {
            asked
                .borrow_mut()
                .extend(packages.iter().map(|p| p.to_string()));
            Ok(())
        })
        .expect_err("the file cannot appear");
        assert_eq!(*asked.borrow(), ["selfcheck-missing-package"]);
        assert!(
            error.contains("/nonexistent/selfcheck-test-file"),
            "{error}"
        );
        assert!(
            error.contains("package selfcheck-missing-package"),
            "{error}"
        );
        assert!(!error.contains("selfcheck-present-package"), "{error}");
    }
}
