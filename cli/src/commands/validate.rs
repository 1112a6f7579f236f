//! `validate <instrument.json>`: every problem of a custom instrument.

use super::{input, read, to_json, Outcome};
use crate::args::ProblemFormat;
use samenwerkingsscan::MAX_FILE_BYTES;
use samenwerkingsscan::{Instrument, Problem};
use std::io::Write;
use std::path::Path;

/// The problems go to stdout (they are the output); the verdict is the one
/// line on stderr and the exit code (1 when there is any problem).
pub fn run(path: &Path, format: ProblemFormat) -> Outcome {
    let error = match Instrument::from_json(&read(path, MAX_FILE_BYTES)?) {
        Ok(instrument) => {
            return match format {
                ProblemFormat::Json => to_json(&Vec::<Problem>::new()),
                ProblemFormat::Text => Ok(format!(
                    "{}: valid ({} factors, {} statements, languages {})\n",
                    path.display(),
                    instrument.factors.len(),
                    instrument.statements().count(),
                    instrument.languages.join(", ")
                )),
            }
        }
        Err(error) => error,
    };
    let listing = match format {
        ProblemFormat::Json => to_json(&error.problems)?,
        ProblemFormat::Text => error.problems.iter().map(|p| format!("{p}\n")).collect(),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(listing.as_bytes());
    let _ = stdout.flush();
    input(format!(
        "{}: {} problem(s) found",
        path.display(),
        error.problems.len()
    ))
}
