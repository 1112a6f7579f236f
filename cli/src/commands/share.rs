//! `share encode` and `share decode`.

use super::{input, load_instrument, read_answers, Outcome};
use crate::args::ShareAction;
use samenwerkingsscan::{decode_share, encode_share, Lang};

/// Encodes one respondent's answers, or decodes a code into answers JSON.
pub fn run(action: ShareAction) -> Outcome {
    match action {
        ShareAction::Encode {
            with_context,
            instrument,
            path,
        } => {
            let instrument = load_instrument(instrument.as_deref())?;
            let (answers, array) = read_answers(&path, Lang::En)?;
            if array {
                return input(format!(
                    "{path}: a share code holds one respondent, not a list"
                ));
            }
            // What a code cannot carry is said on stderr, so that nobody
            // thinks the code holds everything in the file.
            for notice in answers[0].check(&instrument) {
                if notice.path.starts_with("$.responses") {
                    eprintln!("not in the code: {}: {}", notice.path, notice.message);
                }
            }
            Ok(format!(
                "{}\n",
                encode_share(&instrument, &answers[0], with_context)
            ))
        }
        ShareAction::Decode { instrument, code } => {
            let instrument = load_instrument(instrument.as_deref())?;
            let answers = decode_share(&instrument, &code.join(""))
                .or_else(|e| input(format!("the share code cannot be read: {e}")))?;
            Ok(answers.to_json() + "\n")
        }
    }
}
