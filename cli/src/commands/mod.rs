//! The commands: each reads its input, calls the core and returns the text
//! for stdout. Reading files and naming what failed is all they add.

mod evaluate;
mod instrument;
mod share;
mod validate;

use crate::args::{Command, ReportArgs};
use samenwerkingsscan::{Answers, GroupOptions, Instrument, Lang, Stage, MAX_FILE_BYTES};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

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
        Command::Template {
            lang,
            stage,
            instrument,
        } => template(lang, stage, instrument.as_deref()),
    }
}

/// `template [--lang nl|en]`: the header row for survey tools as CSV (`;`
/// in Dutch, as Dutch Excel reads it; `,` in English), with a byte order
/// mark so Excel reads the accents.
fn template(lang: Option<Lang>, stage: Option<Stage>, instrument: Option<&Path>) -> Outcome {
    if let Some(path) = instrument {
        stdin_once([path])?;
    }
    let instrument = load_instrument(instrument)?;
    let lang = lang_of(lang, &instrument)?;
    Ok(samenwerkingsscan::template_csv(&instrument, lang, stage))
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Outcome {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .or_else(|e| input(format!("cannot write JSON: {e}")))
}

/// The most a group file may hold (a file of respondents for `evaluate` or
/// `compare`; 2,000 respondents are about 7 MB): read no further.
pub(crate) const GROUP_FILE_BYTES: usize = 256_000_000;

/// A file's text, at most `limit` bytes; `-` is standard input. A path
/// is shown as it is, whatever its bytes.
pub(crate) fn read(path: &Path, limit: usize) -> Result<String, Failure> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes)
        .or_else(|_| input(format!("{}: the file is not UTF-8 text", path.display())))
}

/// As [`read`], the bytes as they are.
pub(crate) fn read_bytes(path: &Path, limit: usize) -> Result<Vec<u8>, Failure> {
    let name = path.display();
    let too_large = || {
        input(format!(
            "{name}: the file is larger than {}, the most this command reads",
            megabytes(limit)
        ))
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
    } else {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() && meta.len() > limit as u64 => return too_large(),
            Ok(meta) if meta.is_dir() => return input(format!("{name}: is a folder, not a file")),
            _ => {}
        }
        std::fs::File::open(path).and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        let why = e.to_string();
        // "No such file or directory (os error 2)": the words, not the number.
        let why = why.split(" (os error").next().unwrap_or(&why);
        return if path == Path::new("-") {
            input(format!("cannot read standard input: {why}"))
        } else {
            input(format!("cannot read {name}: {why}"))
        };
    }
    if bytes.len() > limit {
        return too_large();
    }
    Ok(bytes)
}

/// `bytes` as people say it: "1 MB", "256 MB" (10⁶ bytes, as the core's
/// limit is said).
fn megabytes(bytes: usize) -> String {
    format!("{} MB", (bytes as f64 / 1e6).round() as u64)
}

/// Standard input can be read once: `-` given twice (two files, or a file
/// and `--instrument`) is wrong usage.
pub(crate) fn stdin_once<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Result<(), Failure> {
    if paths.into_iter().filter(|p| *p == Path::new("-")).count() > 1 {
        return usage("standard input (-) can be read only once");
    }
    Ok(())
}

/// The built-in instrument, or a custom one (validated) from `--instrument`.
pub(crate) fn load_instrument(path: Option<&Path>) -> Result<Instrument, Failure> {
    let Some(path) = path else {
        return Ok(Instrument::builtin().clone());
    };
    Instrument::from_json(&read(path, MAX_FILE_BYTES)?).or_else(|error| {
        input(format!(
            "{name}: {} (run 'samenwerkingsscan validate {name}' for all)",
            error.summary(),
            name = path.display()
        ))
    })
}

/// The respondents in one answers file, and whether the file held an array;
/// problems in the report's language (the core says where and what, in
/// words: the person who made the file reads it).
pub(crate) fn read_answers(
    path: &Path,
    limit: usize,
    lang: Lang,
) -> Result<(Vec<Answers>, bool), Failure> {
    let text = read(path, limit)?;
    Answers::from_json_many(&text)
        .or_else(|e| input(format!("{}: {}", path.display(), e.text(lang))))
}

/// The report language: the one asked for, when the instrument has it;
/// without `--lang` Dutch, or the instrument's own when it has no Dutch.
pub(crate) fn lang_of(asked: Option<Lang>, instrument: &Instrument) -> Result<Lang, Failure> {
    match instrument.reading_language(asked) {
        Some(lang) => Ok(lang),
        None => usage(format!(
            "this instrument has no texts in '{}' (it has {})",
            asked.unwrap_or_default(),
            instrument.languages.join(", ")
        )),
    }
}

/// The group options of `evaluate` and `compare`, checked by the core;
/// a problem quotes what was typed.
pub(crate) fn group_options(args: &ReportArgs) -> Result<GroupOptions, Failure> {
    let number = |text: &Option<String>| -> Option<f64> {
        text.as_deref()
            .map(|t| t.trim().parse().unwrap_or(f64::NAN))
    };
    GroupOptions::checked(number(&args.min_group_size), number(&args.gap_threshold)).or_else(|e| {
        let (flag, typed) = match e {
            samenwerkingsscan::OptionError::MinGroupSize => {
                ("--min-group-size", &args.min_group_size)
            }
            samenwerkingsscan::OptionError::GapThreshold => {
                ("--gap-threshold", &args.gap_threshold)
            }
        };
        let typed: String = typed
            .as_deref()
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect();
        usage(format!("{flag} {e}, not '{typed}'"))
    })
}
