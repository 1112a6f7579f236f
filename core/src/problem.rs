//! What can be wrong with a custom instrument, as kinds that say
//! themselves (a [`Problem`] at a JSON path, of a [`ProblemKind`]), and the
//! bounds the validator checks (`validate.rs`).

use crate::instrument::SCHEMA_VERSION;
use crate::mismatch::Mismatch;
use crate::numbers::number;
use crate::text::shown;
use crate::text::{Lang, Says};
use serde::Serialize;

/// The smallest and largest weight a factor may carry.
pub const WEIGHT_RANGE: (f64, f64) = (0.5, 3.0);
/// Scales from 3 to 7 points: enough for Likert use, small enough for share codes.
pub const SCALE_POINTS: (usize, usize) = (3, 7);
/// Statements per factor.
pub const STATEMENTS_PER_FACTOR: (usize, usize) = (1, 3);
/// The longest name of a factor (and the questionnaire's title), in
/// characters: it is a heading on the projector and in the workshop
/// summary (two A4 pages), not a text. The built-in longest is 59.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest name of a phase or a plan step, in characters: it labels a
/// table row and a next step. The built-in longest is 32.
pub const MAX_SHORT_NAME_CHARS: usize = 60;

/// One thing wrong with an instrument, at a JSON path like `$.factors[3].weight`.
///
/// Serialized as `{"path", "message"}` with the message in English
/// (scripts should use `path`); people read [`Problem::text`].
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: a JSON path (`$` is the whole file).
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem of `kind` at `path`.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }

    /// What is wrong and what is expected, as a plain sentence in `lang`
    /// (without the path; never a Rust type name).
    pub fn text(&self, lang: Lang) -> String {
        self.kind.say(lang)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.text(Lang::En))
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Problem", 2)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.text(Lang::En))?;
        s.end()
    }
}

/// What is wrong with an instrument: the file cannot be read as one
/// ([`ProblemKind::Mismatch`]), or a rule of the format is broken. Each
/// kind says itself with [`Says`].
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not an instrument: not JSON, too large, or a value of
    /// the wrong kind (the first such problem).
    Mismatch(Mismatch),
    /// A text is missing in one of the instrument's languages.
    MissingText {
        /// The language code.
        lang: String,
    },
    /// A name longer than a heading can be.
    NameTooLong {
        /// The language code.
        lang: String,
        /// Its length in characters.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// An empty id.
    EmptyId,
    /// An id over 80 characters, or with spaces (quoted: its first 40).
    BadId {
        /// The id, cut.
        id: String,
    },
    /// An id used twice.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A schema version this scan does not read.
    SchemaVersion {
        /// The file's version.
        found: u32,
    },
    /// An empty version.
    EmptyVersion,
    /// No languages named.
    NoLanguages,
    /// A language the scan speaks, written otherwise than its code
    /// (`"NL"`, `"nl-BE"`).
    LanguageCode {
        /// The code as written (its first 40 characters).
        found: String,
        /// The language it stands for.
        lang: Lang,
    },
    /// None of the languages is one the scan shows (Dutch or English).
    NoScanLanguage,
    /// A scale with too few or too many points.
    ScalePoints {
        /// How many it has.
        count: usize,
    },
    /// A scale point out of order.
    PointNumber {
        /// The number expected here.
        expected: usize,
        /// The number found.
        found: u8,
    },
    /// No phases.
    NoPhases,
    /// Every phase is answered only after the start.
    NoPhaseBeforeStart,
    /// A phase without factors.
    PhaseWithoutFactors {
        /// The phase id.
        id: String,
    },
    /// No plan steps.
    NoPlanSteps,
    /// A plan step out of order.
    StepNumber {
        /// The number expected here.
        expected: usize,
        /// The number found.
        found: u8,
    },
    /// A step number used twice.
    DuplicateStepNumber {
        /// The number.
        number: u8,
    },
    /// No factors.
    NoFactors,
    /// A factor's phase that does not exist.
    UnknownPhase {
        /// The phase id.
        id: String,
    },
    /// A factor's plan step that does not exist.
    UnknownPlanStep {
        /// The step id.
        id: String,
    },
    /// A weight outside [`WEIGHT_RANGE`].
    Weight {
        /// The weight.
        value: f64,
    },
    /// A factor with too few or too many statements.
    StatementCount {
        /// How many it has.
        count: usize,
    },
    /// A precondition on a factor that is not a red flag.
    PreconditionWithoutRedFlag,
    /// A factor without advice.
    NoAdvice,
    /// A retired statement that is still asked.
    RetiredStillAsked {
        /// The statement id.
        id: String,
    },
    /// A successor that is not a statement of the instrument.
    NoSuchStatement {
        /// The statement id.
        id: String,
    },
    /// A retired statement without the version that replaced it.
    NoSince,
    /// A stage the scan does not know.
    UnknownStage {
        /// The stage id.
        id: String,
    },
    /// An urgency level outside 1–3.
    UrgencyLevel,
    /// A heaviness outside 1–5.
    Heaviness,
    /// More problems than are listed ([`MAX_PROBLEMS`](crate::MAX_PROBLEMS)).
    More {
        /// How many more.
        count: usize,
    },
}

impl Says for ProblemKind {
    fn say(&self, lang: Lang) -> String {
        let plain = |nl: &str, en: &str| lang.pick(nl, en).to_string();
        let (lo, hi) = WEIGHT_RANGE;
        match self {
            ProblemKind::Mismatch(m) => m.say(lang),
            ProblemKind::MissingText { lang: l } => {
                let l = shown(l);
                lang.pick(
                    format!("De tekst in de taal ‘{l}’ ontbreekt."),
                    format!("The text in language ‘{l}’ is missing."),
                )
            }
            ProblemKind::NameTooLong { lang: l, chars, max } => {
                let l = shown(l);
                lang.pick(
                    format!("De naam in de taal ‘{l}’ heeft {chars} tekens; een naam heeft er maximaal {max}."),
                    format!("The name in language ‘{l}’ has {chars} characters; a name has at most {max}."),
                )
            }
            ProblemKind::EmptyId => plain("De id is leeg.", "The id is empty."),
            ProblemKind::BadId { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De id ‘{id}’ mag maximaal 80 tekens lang zijn, zonder spaties of onzichtbare tekens."),
                    format!("The id ‘{id}’ must be at most 80 characters, without spaces or invisible characters."),
                )
            }
            ProblemKind::DuplicateId { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De id ‘{id}’ komt twee keer voor."),
                    format!("The id ‘{id}’ is used twice."),
                )
            }
            ProblemKind::SchemaVersion { found } => lang.pick(
                format!("Schemaversie {found} kan niet gelezen worden; deze versie van de scan leest versie {SCHEMA_VERSION}."),
                format!("Schema version {found} cannot be read; this version of the scan reads version {SCHEMA_VERSION}."),
            ),
            ProblemKind::EmptyVersion => plain(
                "De versie is leeg. Vul een versienummer in, bijvoorbeeld \"1.0.0\".",
                "The version is empty. Fill in a version number, e.g. \"1.0.0\".",
            ),
            ProblemKind::NoLanguages => plain(
                "Noem minstens één taal, bijvoorbeeld [\"nl\", \"en\"].",
                "Name at least one language, e.g. [\"nl\", \"en\"].",
            ),
            ProblemKind::LanguageCode { found, lang: l } => {
                let (found, code) = (shown(found), l.code());
                lang.pick(
                    format!("Schrijf de taalcode ‘{found}’ als ‘{code}’: de scan zoekt de teksten onder precies die code."),
                    format!("Write the language code ‘{found}’ as ‘{code}’: the scan looks for texts under exactly that code."),
                )
            }
            ProblemKind::NoScanLanguage => plain(
                "De scan toont een vragenlijst in het Nederlands (‘nl’) of het Engels (‘en’). Noem minstens één van die talen en geef de teksten erin.",
                "The scan shows a questionnaire in Dutch (‘nl’) or English (‘en’). Name at least one of them and give its texts.",
            ),
            ProblemKind::ScalePoints { count } => {
                let (min, max) = SCALE_POINTS;
                lang.pick(
                    format!("De schaal heeft {min} tot {max} punten nodig; er zijn er {count}."),
                    format!("The scale needs {min} to {max} points; it has {count}."),
                )
            }
            ProblemKind::PointNumber { expected, found } => lang.pick(
                format!("Nummer de punten 1, 2, 3 … op volgorde; hier verwacht: {expected}, gevonden: {found}."),
                format!("Number the points 1, 2, 3 … in order; expected {expected} here, found {found}."),
            ),
            ProblemKind::NoPhases => plain("Voeg minstens één fase toe.", "Add at least one phase."),
            ProblemKind::NoPhaseBeforeStart => plain(
                "Minstens één fase moet vóór de start te beantwoorden zijn (\"after_start\": false).",
                "At least one phase must be answerable before the start (\"after_start\": false).",
            ),
            ProblemKind::PhaseWithoutFactors { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Fase ‘{id}’ heeft geen factoren."),
                    format!("Phase ‘{id}’ has no factors."),
                )
            }
            ProblemKind::NoPlanSteps => plain(
                "Voeg minstens één stap toe aan het stappenplan.",
                "Add at least one plan step.",
            ),
            ProblemKind::StepNumber { expected, found } => lang.pick(
                format!("Nummer de stappen 1, 2, 3 … op volgorde; hier verwacht: {expected}, gevonden: {found}."),
                format!("Number the steps 1, 2, 3 … in order; expected {expected} here, found {found}."),
            ),
            ProblemKind::DuplicateStepNumber { number } => lang.pick(
                format!("Stapnummer {number} komt twee keer voor."),
                format!("Step number {number} is used twice."),
            ),
            ProblemKind::NoFactors => plain("Voeg minstens één factor toe.", "Add at least one factor."),
            ProblemKind::UnknownPhase { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen fase ‘{id}’."),
                    format!("There is no phase ‘{id}’."),
                )
            }
            ProblemKind::UnknownPlanStep { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen stap ‘{id}’ in het plan."),
                    format!("There is no plan step ‘{id}’."),
                )
            }
            ProblemKind::Weight { value } => {
                let lo = number(lo, lang).unwrap_or_default();
                let hi = number(hi, lang).unwrap_or_default();
                match number(*value, lang) {
                    Some(value) => lang.pick(
                        format!("Het gewicht moet van {lo} tot {hi} zijn; het is {value}."),
                        format!("The weight must be from {lo} to {hi}; it is {value}."),
                    ),
                    None => lang.pick(
                        format!("Het gewicht moet van {lo} tot {hi} zijn; het is een heel groot getal."),
                        format!("The weight must be from {lo} to {hi}; it is a very large number."),
                    ),
                }
            }
            ProblemKind::StatementCount { count } => {
                let (min, max) = STATEMENTS_PER_FACTOR;
                lang.pick(
                    format!("Een factor heeft {min} tot {max} stellingen nodig; deze heeft er {count}."),
                    format!("A factor needs {min} to {max} statements; this one has {count}."),
                )
            }
            ProblemKind::PreconditionWithoutRedFlag => plain(
                "Alleen een rode vlag (\"red_flag\": true) kan een randvoorwaarde van §5 meten.",
                "Only a red flag (\"red_flag\": true) can measure a precondition of §5.",
            ),
            ProblemKind::NoAdvice => plain("Voeg minstens één advies toe.", "Add at least one piece of advice."),
            ProblemKind::RetiredStillAsked { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De stelling ‘{id}’ is vervangen, maar wordt nog gevraagd. Geef de nieuwe stelling een eigen id."),
                    format!("The statement ‘{id}’ is retired, but it is still asked. Give the new statement its own id."),
                )
            }
            ProblemKind::NoSuchStatement { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen stelling ‘{id}’ in deze vragenlijst."),
                    format!("There is no statement ‘{id}’ in this questionnaire."),
                )
            }
            ProblemKind::NoSince => plain(
                "Vul de versie in waarin de stelling is vervangen, bijvoorbeeld \"2.1.0\".",
                "Give the version in which it was replaced, e.g. \"2.1.0\".",
            ),
            ProblemKind::UnknownStage { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De fase ‘{id}’ van de samenwerking is onbekend; de scan kent alleen \"orienting\", \"preparing\" en \"operating\"."),
                    format!("The stage ‘{id}’ is unknown; the scan only knows \"orienting\", \"preparing\" and \"operating\"."),
                )
            }
            ProblemKind::UrgencyLevel => plain(
                "Het niveau van urgentie moet 1, 2 of 3 zijn (§8.1).",
                "The urgency level must be 1, 2 or 3 (§8.1).",
            ),
            ProblemKind::More { count } => lang.pick(
                format!("… en nog {count} problemen in de vragenlijst."),
                format!("… and {count} more problems in the questionnaire."),
            ),
            ProblemKind::Heaviness => plain(
                "De zwaarte moet van 1 (licht) tot 5 (fusie) zijn.",
                "The heaviness must be from 1 (light) to 5 (merger).",
            ),
        }
    }
}
