//! `share encode` and `share decode`.

use super::{input, load_instrument, read_answers, stdin_once, Outcome};
use crate::args::ShareAction;
use samenwerkingsscan::{
    decode_share, encode_share, left_out_of_share, Lang, LeftOut, NoticeKind, MAX_FILE_BYTES,
};
use std::io::Write;
use std::path::Path;

/// How many answers a code cannot carry are named on stderr (as many as
/// the core writes out of a file's notices); the rest are counted.
const NAMED_NOT_CARRIED: usize = samenwerkingsscan::NOTICES_SHOWN;

/// Encodes one respondent's answers, or decodes a code into answers JSON.
pub fn run(action: ShareAction) -> Outcome {
    match action {
        ShareAction::Encode {
            with_context,
            instrument,
            path,
        } => {
            stdin_once([path.as_path()].into_iter().chain(instrument.as_deref()))?;
            let instrument = load_instrument(instrument.as_deref())?;
            let (answers, array) = read_answers(&path, MAX_FILE_BYTES, Lang::En)?;
            if array {
                return input(format!(
                    "{}: a share code holds one respondent, not a list",
                    path.display()
                ));
            }
            // What a code cannot carry is said on stderr (a line each, the
            // first twenty), so that nobody thinks the code holds everything.
            let not_carried = left_out_of_share(&instrument, &answers[0], with_context);
            let mut stderr = std::io::stderr().lock();
            for notice in not_carried.iter().take(NAMED_NOT_CARRIED) {
                let _ = writeln!(
                    stderr,
                    "samenwerkingsscan: not in the code: {}: {}",
                    notice.path,
                    notice
                        .text(samenwerkingsscan::Lang::En)
                        .replace(['\n', '\r'], " ")
                );
            }
            // "… and N more problems in the file" stands for N.
            let weight = |n: &samenwerkingsscan::Notice<LeftOut>| match n.kind {
                LeftOut::Unused(NoticeKind::MoreProblems { count }) => count,
                _ => 1,
            };
            let total: usize = not_carried.iter().map(weight).sum();
            let named: usize = not_carried.iter().take(NAMED_NOT_CARRIED).map(weight).sum();
            if total > named {
                let _ = writeln!(
                    stderr,
                    "samenwerkingsscan: not in the code: {} more",
                    total - named
                );
            }
            Ok(format!(
                "{}\n",
                encode_share(&instrument, &answers[0], with_context)
            ))
        }
        ShareAction::Decode { instrument, code } => {
            if let Some(path) = instrument.as_deref() {
                stdin_once([path])?;
            }
            let instrument = load_instrument(instrument.as_deref())?;
            let code = if code == ["-"] {
                // `-`: the code on standard input (e.g. piped from a mail).
                super::read(Path::new("-"), MAX_FILE_BYTES)?
            } else {
                code.join("")
            };
            let answers = decode_share(&instrument, &code)
                .or_else(|e| input(format!("the share code cannot be read: {e}")))?;
            Ok(answers.to_json() + "\n")
        }
    }
}
