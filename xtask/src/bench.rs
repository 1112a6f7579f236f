//! `cargo xtask bench`: the widget against its peer (SurveyJS) and the
//! plain-HTML floor in headless Chromium; see `tests/bench/run.mjs` for what
//! is measured and how. Not part of `cargo xtask test`: its figures depend
//! on the machine and belong in README "Speed", not in a pass/fail.

use crate::build::{self, Profile};
use crate::setup;
use crate::util::{exec, root, Result};
use std::process::Command;

pub fn run(args: &[String]) -> Result {
    let runs = match args.iter().position(|a| a == "--runs") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n > 0)
            .ok_or("--runs needs a number above 0, e.g. --runs 5")?,
        None => 5,
    };
    setup::run()?;
    if !args.iter().any(|a| a == "--no-build") {
        build::run(Profile::Release)?;
    }
    // The peer is pinned in its own package (tests/bench/package-lock.json),
    // so the test command never installs it; this command does.
    // Installed every time (a few seconds): a changed lock file is always
    // what runs.
    let bench = root().join("tests/bench");
    exec(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&bench),
    )?;
    exec(
        Command::new("node")
            .arg(bench.join("run.mjs"))
            .args(["--runs", &runs.to_string()])
            .current_dir(root()),
    )
}
