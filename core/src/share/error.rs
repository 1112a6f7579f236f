//! Why a share code could not be read: one kind per problem, said in
//! Dutch or English.

use crate::text::{Lang, Says};
use serde::{Deserialize, Serialize};

/// Why a share code could not be read ([`decode_share`](crate::decode_share)): one kind per
/// problem. `Display` is the English phrase (lower case, for scripts and
/// the CLI); [`ShareError::text`] says it in the reader's language. In
/// JSON: `{"kind": "checksum"}`, `{"kind": "bad-character", "character": "Ü"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ShareError {
    /// Nothing but dashes and spaces.
    Empty,
    /// Fewer characters than any code has.
    TooShort,
    /// The checksum does not match: a character is wrong or missing.
    Checksum,
    /// A code format this Samenwerkingsscan cannot read: a newer one (or
    /// version 0, which no Samenwerkingsscan writes).
    NewerVersion {
        /// The code's format version (this crate reads [`SHARE_VERSION`](crate::SHARE_VERSION)).
        version: u8,
    },
    /// Made with another questionnaire, or a version of it with other
    /// statements or another scale (the code's fingerprint differs).
    OtherQuestionnaire,
    /// A role this scan does not know.
    UnknownRole,
    /// An answer outside the instrument's scale.
    OffScale,
    /// More statements than the questionnaire has.
    TooLong,
    /// A context choice the questionnaire does not have.
    UnknownChoice,
    /// The code stops in the middle of a value.
    EndsEarly,
    /// A name that is not valid text (UTF-8).
    DamagedText,
    /// A number that cannot be read.
    DamagedNumber,
    /// A choice list of another length than the questionnaire's.
    OtherOptions,
    /// A character that no code holds (the alphabet is Crockford base32).
    BadCharacter {
        /// The character as typed (after O→0 and I, L→1).
        character: char,
    },
}

impl ShareError {
    /// What is wrong, in `lang` (Dutch at B1, or English).
    pub fn text(&self, lang: Lang) -> String {
        let fixed = |nl: &str, en: &str| lang.pick(nl, en).to_string();
        match self {
            ShareError::Empty => fixed("de code is leeg", "the code is empty"),
            ShareError::TooShort => fixed(
                "de code is te kort: er ontbreekt een deel",
                "the code is too short: part of it is missing",
            ),
            ShareError::Checksum => fixed(
                "de code klopt niet: een teken is fout of ontbreekt",
                "the code does not check out: a character is wrong or missing",
            ),
            ShareError::NewerVersion { version } => lang.pick(
                format!("de code is van versie {version} en gemaakt met een nieuwere Samenwerkingsscan"),
                format!("code version {version} is not supported; was it made by a newer Samenwerkingsscan?"),
            ),
            ShareError::OtherQuestionnaire => fixed(
                "de code is gemaakt met een andere vragenlijst of een eerdere versie ervan; open het antwoordenbestand of vul de scan opnieuw in",
                "the code was made with another questionnaire or an earlier version of it; open the answers file instead, or fill in the scan again",
            ),
            ShareError::UnknownRole => fixed(
                "de code bevat een onbekende rol",
                "the code holds an unknown role",
            ),
            ShareError::OffScale => fixed(
                "de code bevat een antwoord dat niet op de schaal staat",
                "the code holds an answer that is not on the scale",
            ),
            ShareError::TooLong => fixed(
                "de code is langer dan verwacht voor deze vragenlijst",
                "the code is longer than expected for this questionnaire",
            ),
            ShareError::UnknownChoice => fixed(
                "de code bevat een keuze die deze vragenlijst niet heeft",
                "the code holds a context choice this questionnaire does not have",
            ),
            ShareError::EndsEarly => fixed("de code houdt te vroeg op", "the code ends too early"),
            ShareError::DamagedText => fixed(
                "de code bevat beschadigde tekst",
                "the code holds damaged text",
            ),
            ShareError::DamagedNumber => fixed(
                "de code bevat een beschadigd getal",
                "the code holds a damaged number",
            ),
            ShareError::OtherOptions => fixed(
                "de code hoort bij een andere lijst met keuzes",
                "the code was made with a different list of options",
            ),
            ShareError::BadCharacter { character } => {
                // An invisible character (from a pasted mail) by its number.
                let character = match crate::text::invisible(*character) {
                    true => format!("U+{:04X}", u32::from(*character)),
                    false => character.to_string(),
                };
                lang.pick(
                    format!("het teken ‘{character}’ komt in geen enkele code voor"),
                    format!("‘{character}’ cannot occur in a code"),
                )
            }
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ShareError {}

impl Says for ShareError {
    fn say(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

/// `Err(error)`, for the decoder's early returns.
pub(super) fn err<T>(error: ShareError) -> Result<T, ShareError> {
    Err(error)
}
