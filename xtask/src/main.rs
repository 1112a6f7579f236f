//! Build automation for the Samenwerkingsscan, run as `cargo xtask <command>`.
//!
//! Everything a newcomer needs goes through here so that a fresh machine that
//! reaches only the package registries can set up, build, serve and test the
//! project with one command each (see README.md).

mod bench;
mod build;
mod dist;
mod npm;
mod serve;
mod setup;
mod sizes;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup               install what the project needs (idempotent)
  build [--dev]       build the widget into dist/ and print its sizes
  serve [--port N]    setup + build + serve dist/ on 127.0.0.1 (default port 8080)
        [--no-build]  serve the existing dist/ as is (used by the e2e tests)
  test                the full test suite: fmt, clippy, unit, property and
                      doc tests, size budget and the browser end-to-end tests
  dist [--no-build]   the release bundle: a versioned folder and zip in
                      target/release-bundle/ with SHA256SUMS and an embed
                      snippet with integrity hashes
  npm                 the JavaScript API as a typed npm package, packed into
                      target/npm/samenwerkingsscan-<version>.tgz
  bench [--runs N]    the widget against SurveyJS and plain HTML in headless
        [--no-build]  Chromium, Slow 4G and CPU 4x (default 5 rounds); not
                      part of `test`
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let rest = &args[1..];
    let result = match command.as_str() {
        "setup" => setup::run(),
        "build" => build::run(build::Profile::from_args(rest)).map(|_| ()),
        "serve" => serve::run(rest),
        "test" => test::run(),
        "bench" => bench::run(rest),
        "dist" => dist::run(rest),
        "npm" => npm::run(),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}").into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
