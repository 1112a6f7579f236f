//! `validate <instrument.json>`: every problem of a custom instrument.

use super::{input, read, to_json, Outcome};
use crate::args::ProblemFormat;
use samenwerkingsscan::{Instrument, Problem};
use std::io::Write;

/// The problems go to stdout (they are the output); the verdict is the one
/// line on stderr and the exit code (1 when there is any problem).
pub fn run(path: &str, format: ProblemFormat) -> Outcome {
    let error = match Instrument::from_json(&read(path)?) {
        Ok(instrument) => {
            return match format {
                ProblemFormat::Json => to_json(&Vec::<Problem>::new()),
                ProblemFormat::Text => Ok(format!(
                    "{path}: valid ({} factors, {} statements, languages {})\n",
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
        ProblemFormat::Text => error
            .problems
            .iter()
            .map(|p| format!("{}: {}\n", p.path, p.message))
            .collect(),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(listing.as_bytes());
    let _ = stdout.flush();
    input(format!("{path}: {} problem(s) found", error.problems.len()))
}
