//! `cargo xtask test`: the one command CI runs (via `.ci/run`).
//!
//! Order: cheap static checks first, then native tests, then the release
//! build with its size budget, then the end-to-end suite in headless Chromium.
//! Any failure stops the run with a non-zero exit.

use crate::build::{self, Profile};
use crate::setup::{self, WASM_TARGET};
use crate::sizes::{GZIP_BUDGET, WORKSHOP_GZIP_BUDGET};
use crate::util::{exec, root, Result};
use std::process::Command;
use std::time::Instant;

const WASM_CRATES: [&str; 3] = [
    "samenwerkingsscan-web",
    "samenwerkingsscan-js",
    "samenwerkingsscan-import",
];

pub fn run() -> Result {
    let started = Instant::now();
    let mut timings = Vec::new();
    let mut step = |name: &str, action: &mut dyn FnMut() -> Result| -> Result {
        let at = Instant::now();
        eprintln!("\n== {name}");
        action()?;
        timings.push((name.to_string(), at.elapsed().as_secs_f64()));
        Ok(())
    };

    if std::env::var_os("SCAN_ONLY").is_some_and(|v| !v.is_empty()) {
        return Err("SCAN_ONLY skips the workshop and import bundles, so their size ceilings would not be checked: unset it to run the tests".into());
    }
    step("setup", &mut setup::run)?;
    step("rustfmt", &mut || {
        exec(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    step("clippy (native)", &mut || {
        exec(
            cargo()
                .args(["clippy", "--workspace", "--all-targets"])
                .args(exclude_wasm())
                .args(["--", "-D", "warnings"]),
        )
    })?;
    step("clippy (wasm32)", &mut || {
        let mut command = cargo();
        command.args(["clippy", "--target", WASM_TARGET]);
        for krate in WASM_CRATES {
            command.args(["--package", krate]);
        }
        exec(command.args(["--all-features", "--", "-D", "warnings"]))?;
        // The scan bundle without workshop mode is a different build: lint it too.
        exec(cargo().args([
            "clippy",
            "--target",
            WASM_TARGET,
            "--package",
            "samenwerkingsscan-web",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("unit, property, golden and doc tests", &mut || {
        exec(cargo().args(["test", "--workspace"]).args(exclude_wasm()))
    })?;
    step(
        "widget unit tests (native: reducers, routes, pages)",
        &mut || {
            // The widget's pure parts (the reducers, `route.rs`, `pages.rs`)
            // need no browser: they run natively, with workshop mode.
            let web = [
                "--package",
                "samenwerkingsscan-web",
                "--lib",
                "--features",
                "workshop",
            ];
            exec(
                cargo()
                    .arg("clippy")
                    .args(web)
                    .args(["--tests", "--", "-D", "warnings"]),
            )?;
            exec(cargo().arg("test").args(web))
        },
    )?;
    step("release build and size budget", &mut || {
        let report = build::run(Profile::Release)?;
        let unaccounted = report.unaccounted();
        if !unaccounted.is_empty() {
            return Err(format!(
                "shipped files outside the size budget: {} (add them to PAGES in xtask/src/sizes.rs)",
                unaccounted.join(", ")
            )
            .into());
        }
        let total = report.total_gzip();
        if total > GZIP_BUDGET {
            return Err(format!(
                "size budget exceeded: {total} bytes gzip shipped, budget {GZIP_BUDGET}"
            )
            .into());
        }
        let import = report.import_gzip();
        if import > crate::sizes::IMPORT_GZIP_BUDGET {
            return Err(format!(
                "survey import size budget exceeded: {import} bytes gzip, budget {}",
                crate::sizes::IMPORT_GZIP_BUDGET
            )
            .into());
        }
        let workshop = report.workshop_gzip();
        if workshop > WORKSHOP_GZIP_BUDGET {
            return Err(format!(
                "workshop size budget exceeded: {workshop} bytes gzip, budget {WORKSHOP_GZIP_BUDGET}"
            )
            .into());
        }
        Ok(())
    })?;
    step("JavaScript API: the npm package (tsc, Node)", &mut || {
        let tarball = crate::npm::make()?;
        crate::npm::check(&tarball)
    })?;
    step("release bundle (cargo xtask dist)", &mut || {
        // From the release build above; tests/e2e/release.spec.mjs loads it.
        crate::dist::make().map(|_| ())
    })?;
    step("end-to-end (headless Chromium)", &mut || {
        exec(
            Command::new(root().join("node_modules/.bin/playwright")).args([
                "test",
                "--config",
                "tests/playwright.config.mjs",
            ]),
        )
    })?;

    eprintln!("\n== all tests passed");
    for (name, seconds) in &timings {
        eprintln!("{seconds:>8.1} s  {name}");
    }
    eprintln!("{:>8.1} s  total", started.elapsed().as_secs_f64());
    Ok(())
}

fn cargo() -> Command {
    Command::new(env!("CARGO"))
}

fn exclude_wasm() -> Vec<&'static str> {
    WASM_CRATES
        .iter()
        .flat_map(|krate| ["--exclude", krate])
        .collect()
}
