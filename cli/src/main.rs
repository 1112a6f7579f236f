//! `samenwerkingsscan`: the Samenwerkingsscan rules core on the command line,
//! for analysts. Prints the instrument, validates custom instruments,
//! evaluates answers files (one respondent or a group) into a report as JSON
//! or Markdown, compares a baseline with a later measurement, and encodes or
//! decodes share codes.
//!
//! Exit codes: 0 success, 1 bad input (unreadable file, invalid JSON, an
//! instrument with problems), 2 wrong usage. Errors are one line on stderr.
//! The command line is declared in `args.rs` (clap), each command lives in
//! `commands/`, the Markdown documents in `markdown/`.

mod args;
mod commands;
mod html;
mod markdown;

use clap::error::ErrorKind;
use clap::Parser;
use commands::{Failure, Outcome};
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

/// The file being read, for the panic hook: a reader we do not own
/// (calamine) can stop on a damaged .xlsx, and the release build aborts on
/// a panic, so the hook says which file and what to do, as one line.
pub(crate) static READING: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let file = READING
            .lock()
            .ok()
            .and_then(|reading| reading.clone())
            .unwrap_or_else(|| "the input".into());
        let detail = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        fail(&Failure::Input(format!(
            "{file} cannot be read: the reader stopped ({detail}). Open it in Excel and save it again as .xlsx or .csv."
        )));
        std::process::exit(1);
    }));
    match run(std::env::args_os()) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // `samenwerkingsscan … | head` is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(&Failure::Input(format!("cannot write the output: {e}"))),
            }
        }
        Err(failure) => fail(&failure),
    }
}

/// Parses a command line (with the program name) and runs it into the
/// text for stdout. Help and version are output too; every other problem
/// of the command line is a usage failure.
fn run<I: IntoIterator<Item = T>, T: Into<OsString> + Clone>(args: I) -> Outcome {
    match args::Cli::try_parse_from(args) {
        Ok(cli) => commands::run(cli.command),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let text = e.render().to_string();
            Ok(if text.ends_with('\n') {
                text
            } else {
                text + "\n"
            })
        }
        Err(e) => {
            // clap says what is wrong over a few lines (the missing
            // argument, the possible values, a tip); its usage block and
            // "For more information" are left out: `help` says that.
            let text = e.render().to_string();
            let mut said = Vec::new();
            let mut in_usage = false;
            for line in text.lines().map(str::trim) {
                if line.starts_with("Usage:") {
                    in_usage = true;
                } else if line.is_empty() {
                    in_usage = false;
                } else if !in_usage && !line.starts_with("For more information") {
                    said.push(line.trim_start_matches("error: ").to_string());
                }
            }
            Err(Failure::Usage(said.join(" ")))
        }
    }
}

/// The longest error line (an argument of 100 KB is not echoed whole).
const MAX_ERROR_CHARS: usize = 500;

fn fail(failure: &Failure) -> ExitCode {
    let (message, code) = match failure {
        Failure::Usage(m) => (format!("{m} (see 'samenwerkingsscan help')"), 2),
        Failure::Input(m) => (m.clone(), 1),
    };
    // One line, whatever the message holds: no line breaks or other control
    // characters (a terminal would act on them), and not endless.
    let line: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_ERROR_CHARS)
        .collect();
    let _ = writeln!(std::io::stderr(), "samenwerkingsscan: {line}");
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenwerkingsscan::{Instrument, Lang};
    use serde_json::Value;
    use std::path::Path;

    fn cli(args: &[&str]) -> Outcome {
        run(std::iter::once("samenwerkingsscan").chain(args.iter().copied()))
    }

    #[test]
    fn parses_options_with_and_without_equals() {
        let parsed = args::Cli::try_parse_from([
            "samenwerkingsscan",
            "evaluate",
            "--lang=en",
            "a.json",
            "--format",
            "markdown",
            "b.json",
        ])
        .unwrap();
        let args::Command::Evaluate { report, files } = parsed.command else {
            panic!("evaluate expected");
        };
        assert_eq!(report.lang, Some(Lang::En));
        assert_eq!(report.format, args::ReportFormat::Markdown);
        assert_eq!(files, [Path::new("a.json"), Path::new("b.json")]);
    }

    #[test]
    fn rejects_unknown_missing_and_repeated_options() {
        let usage = |a: &[&str]| match cli(a) {
            Err(Failure::Usage(m)) => m,
            other => panic!("{a:?}: {other:?}"),
        };
        assert!(usage(&["evaluate", "--colour", "red", "a.json"]).contains("--colour"));
        assert!(usage(&["evaluate", "a.json", "--lang"]).contains("--lang"));
        assert!(usage(&["evaluate", "--lang", "nl", "--lang", "en", "a.json"]).contains("--lang"));
        assert!(usage(&["evaluate", "-x", "a.json"]).contains("-x"));
        // "-" is stdin, and "--" ends the options.
        let parsed =
            args::Cli::try_parse_from(["s", "evaluate", "-", "--", "--odd-name.json"]).unwrap();
        let args::Command::Evaluate { files, .. } = parsed.command else {
            panic!("evaluate expected");
        };
        assert_eq!(files, [Path::new("-"), Path::new("--odd-name.json")]);
    }

    #[test]
    fn checks_option_values() {
        let usage = |a: &[&str]| matches!(cli(a), Err(Failure::Usage(_)));
        assert!(usage(&["evaluate", "--format", "pdf", "a.json"]));
        assert!(usage(&["evaluate", "--min-group-size", "0", "a.json"]));
        assert!(usage(&["evaluate", "--min-group-size", "three", "a.json"]));
        assert!(usage(&["evaluate", "--gap-threshold", "101", "a.json"]));
        assert!(usage(&["instrument", "--lang", "de"]));
        assert!(matches!(
            cli(&["evaluate", "--min-group-size", "-1", "a.json"]),
            Err(Failure::Usage(m)) if m == "--min-group-size must be a whole number of at least 1, not '-1'"
        ));
    }

    #[test]
    fn commands_fail_with_usage_or_input_errors() {
        assert!(matches!(cli(&[]), Err(Failure::Usage(_))));
        assert!(matches!(cli(&["frobnicate"]), Err(Failure::Usage(_))));
        assert!(matches!(cli(&["evaluate"]), Err(Failure::Usage(_))));
        assert!(matches!(
            cli(&["evaluate", "/does/not/exist.json"]),
            Err(Failure::Input(m)) if m.contains("cannot read /does/not/exist.json")
        ));
        assert!(matches!(
            cli(&["share", "decode", "HELLO"]),
            Err(Failure::Input(_))
        ));
        assert!(matches!(cli(&["share"]), Err(Failure::Usage(_))));
        assert!(matches!(cli(&["share", "zip"]), Err(Failure::Usage(_))));
        assert!(cli(&["help"]).unwrap().contains("Usage:"));
    }

    #[test]
    fn the_instrument_in_one_language_has_plain_strings_in_the_schema_s_order() {
        let out = cli(&["instrument", "--lang", "en"]).unwrap();
        let value: Value = serde_json::from_str(&out).unwrap();
        assert!(value["title"].is_string());
        assert!(value["factors"][0]["statements"][0]["text"].is_string());
        assert!(
            out.starts_with("{\n  \"schema_version\": 1,\n  \"id\":"),
            "{}",
            &out[..40]
        );
        assert_eq!(
            value["factors"][0]["name"],
            Instrument::builtin().factors[0].name.get(Lang::En)
        );
        let all: Value = serde_json::from_str(&cli(&["instrument"]).unwrap()).unwrap();
        assert!(all["title"]["nl"].is_string());
    }
}
