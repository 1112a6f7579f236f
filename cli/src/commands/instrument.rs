//! `instrument [--lang nl|en]`: the built-in instrument as JSON.

use super::{lang_of, to_json, Outcome};
use samenwerkingsscan::{Instrument, Lang};

/// All languages, or every text a plain string in `lang` (in the schema's
/// key order: the core's one way of reducing an instrument to a language).
pub fn run(lang: Option<Lang>) -> Outcome {
    let instrument = Instrument::builtin();
    match lang {
        None => to_json(instrument),
        Some(lang) => to_json(&instrument.localized(lang_of(Some(lang), instrument)?)),
    }
}
