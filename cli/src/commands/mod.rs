//! The commands: each reads its input, calls the core and returns the text
//! for stdout. Reading files and naming what failed is all they add.

mod evaluate;
mod instrument;
mod share;
mod validate;

use crate::args::{Command, ReportArgs};
use samenwerkingsscan::{Answers, GroupOptions, Instrument, Lang};
use serde::Serialize;
use std::io::Read;

pub use evaluate::{compare, evaluate};

/// Why a command failed: wrong usage (exit 2) or bad input (exit 1).
#[derive(Debug, PartialEq)]
pub enum Failure {
    /// The command line asks for something that cannot be (exit 2).
    Usage(String),
    /// A file cannot be read or holds something the core refuses (exit 1).
    Input(String),
}

/// The text for stdout, or why not.
pub type Outcome = Result<String, Failure>;

pub(crate) fn usage<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Usage(message.into()))
}

pub(crate) fn input<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Input(message.into()))
}

/// Runs one parsed command.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Instrument { lang } => instrument::run(lang),
        Command::Validate { path, format } => validate::run(&path, format),
        Command::Evaluate { report, files } => evaluate(&report, &files),
        Command::Compare {
            report,
            baseline,
            current,
        } => compare(&report, &baseline, &current),
        Command::Share { action } => share::run(action),
    }
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Outcome {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .or_else(|e| input(format!("cannot write JSON: {e}")))
}

/// A file's text; `-` is standard input.
pub(crate) fn read(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut text = String::new();
        return match std::io::stdin().read_to_string(&mut text) {
            Ok(_) => Ok(text),
            Err(e) => input(format!("cannot read standard input: {e}")),
        };
    }
    std::fs::read_to_string(path).or_else(|e| input(format!("cannot read {path}: {e}")))
}

/// The built-in instrument, or a custom one (validated) from `--instrument`.
pub(crate) fn load_instrument(path: Option<&str>) -> Result<Instrument, Failure> {
    let Some(path) = path else {
        return Ok(Instrument::builtin().clone());
    };
    Instrument::from_json(&read(path)?).or_else(|error| {
        input(format!(
            "{path}: {} (run 'samenwerkingsscan validate {path}' for all)",
            error.summary()
        ))
    })
}

/// The respondents in one answers file, and whether the file held an array;
/// problems in `lang` (the core says where and what, in words).
pub(crate) fn read_answers(path: &str, lang: Lang) -> Result<(Vec<Answers>, bool), Failure> {
    let text = read(path)?;
    Answers::from_json_many(&text).or_else(|e| input(format!("{path}: {}", e.text(lang))))
}

/// The report language, when the instrument has it (a custom instrument
/// may be in Dutch only).
pub(crate) fn lang_of(lang: Lang, instrument: &Instrument) -> Result<Lang, Failure> {
    if instrument.speaks(lang) {
        Ok(lang)
    } else {
        usage(format!(
            "unknown language '{lang}' (this instrument has {})",
            instrument.languages.join(", ")
        ))
    }
}

/// The group options of `evaluate` and `compare`, checked by the core.
pub(crate) fn group_options(args: &ReportArgs) -> Result<GroupOptions, Failure> {
    GroupOptions::checked(args.min_group_size, args.gap_threshold).or_else(|e| {
        let (flag, value) = match e {
            samenwerkingsscan::OptionError::MinGroupSize => {
                ("--min-group-size", args.min_group_size)
            }
            samenwerkingsscan::OptionError::GapThreshold => ("--gap-threshold", args.gap_threshold),
        };
        usage(format!("{flag} {e}, not '{}'", value.unwrap_or_default()))
    })
}
