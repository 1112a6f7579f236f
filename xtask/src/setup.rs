//! `cargo xtask setup`: installs what the project needs on a fresh machine.
//!
//! Idempotent: every step first checks whether its tool is already there, so
//! a re-run with everything present takes seconds. Nothing is downloaded from
//! GitHub; everything comes from the registries this machine can reach:
//! rustup (wasm target), crates.io (wasm-bindgen via `wasm-bindgen-cli-support`,
//! compiled into xtask itself), npm (`binaryen` for wasm-opt, Playwright,
//! axe-core, pinned in package-lock.json) and Debian apt (Chromium).

use crate::util::{exec, on_path, root, Result};
use std::path::Path;
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn run() -> Result {
    wasm_target()?;
    chromium()?;
    npm_packages()?;
    eprintln!("setup: everything is in place");
    Ok(())
}

fn wasm_target() -> Result {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc is missing ({e}): install Rust with rustup"))?;
    let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_string();
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        return Ok(());
    }
    if !on_path("rustup") {
        return Err(format!(
            "the {WASM_TARGET} target is missing and rustup is not on PATH: install Rust with rustup"
        )
        .into());
    }
    exec(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn chromium() -> Result {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    if !on_path("apt-get") {
        return Err("Chromium is missing and apt-get is not available: install the Debian packages `chromium` and `chromium-driver`".into());
    }
    // Root installs directly; anyone else needs sudo.
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0");
    let apt = |args: &[&str]| -> Command {
        let mut command = if is_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    if !is_root && !on_path("sudo") {
        return Err("Chromium is missing and installing it needs root: run `sudo apt-get install chromium chromium-driver`".into());
    }
    exec(&mut apt(&["update", "-q"]))?;
    exec(&mut apt(&[
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ]))
}

/// `npm ci` when package-lock.json changed since the last install.
fn npm_packages() -> Result {
    if !on_path("npm") || !on_path("node") {
        return Err(
            "Node.js and npm are missing: install them (Debian: `apt-get install nodejs npm`)"
                .into(),
        );
    }
    let lock = std::fs::read(root().join("package-lock.json"))?;
    let stamp_path = root().join("node_modules/.xtask-lock-stamp");
    let stamp = format!("{:x}", fnv1a(&lock));
    let installed = std::fs::read_to_string(&stamp_path).unwrap_or_default();
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    if installed.trim() == stamp && wasm_opt.exists() {
        return Ok(());
    }
    exec(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    if !wasm_opt.exists() {
        return Err("npm ci did not provide wasm-opt: is `binaryen` in package.json?".into());
    }
    std::fs::write(stamp_path, stamp)?;
    Ok(())
}

/// A tiny stable hash (FNV-1a) so we notice when package-lock.json changes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
