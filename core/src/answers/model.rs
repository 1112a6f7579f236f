//! The answers of one respondent as data: who they are, the context of
//! the partnership, a response per statement, and the notices and errors
//! said about them. Reading files is `file.rs`, checking against an
//! instrument `check.rs`.

use crate::instrument::Instrument;
use crate::json::JsonError;
use crate::notice::Notice;
use crate::stage::Stage;
use crate::text::{Lang, Says};
use crate::wording::FoundValue;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// The answers format version this crate writes (and the newest it reads).
pub const ANSWERS_FORMAT_VERSION: u32 = 1;

/// One respondent's answers: who they are (optionally), the context of the
/// partnership and a response per statement.
///
/// Read with [`Answers::from_json`] (or serde, which goes through the same
/// decoder): a value of the wrong kind is left out and named in
/// [`Answers::decode_notices`], never fatal for the rest of the file.
///
/// ```text
/// {"format_version": 1, "instrument_id": "van-de-laar-2010",
///  "respondent": {"role": "ambtenaar", "municipality": "Druten"},
///  "context": {"stage": "preparing", "form": "centrumgemeente"},
///  "responses": {"noodzaak-onderkend.1": 4, "noodzaak-onderkend.2": "unknown"}}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Answers {
    /// The answers format version: [`ANSWERS_FORMAT_VERSION`] once read
    /// (an older file is migrated while it is read).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub format_version: u32,
    /// The instrument these answers belong to (e.g. "van-de-laar-2010").
    #[serde(default)]
    pub instrument_id: String,
    /// Who answered, if they said (role, municipality).
    #[serde(default)]
    pub respondent: Respondent,
    /// The context questions about the partnership.
    #[serde(default)]
    pub context: Context,
    /// Statement id (e.g. `"noodzaak-onderkend.1"`) → response.
    #[serde(default)]
    // Not `Response` in TypeScript: the DOM's `Response` has that name.
    #[cfg_attr(
        feature = "typescript",
        tsify(type = "Record<string, StatementResponse>")
    )]
    pub responses: BTreeMap<String, Response>,
    /// What the decoder could not read and left out (a response of 4.5,
    /// negative inhabitants, …), each with its JSON path. Empty for answers
    /// built in code; [`Answers::check`] lists these first. Not written.
    #[serde(skip)]
    pub decode_notices: Vec<Notice>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            format_version: ANSWERS_FORMAT_VERSION,
            instrument_id: String::new(),
            respondent: Respondent::default(),
            context: Context::default(),
            responses: BTreeMap::new(),
            decode_notices: Vec::new(),
        }
    }
}

/// Optional facts about the respondent, used to compare groups.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Respondent {
    /// The respondent's role, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The respondent's own municipality as typed, if given; a group
    /// matches spellings by [`name_key`](crate::name_key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// The respondent's role, by which a group compares the layers of the
/// municipalities (SCORING.md §8). In JSON the lower-case Dutch id:
/// `"bestuurder"`, `"raadslid"`, `"ambtenaar"` or `"anders"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// An executive: mayor or alderman, a member of the college.
    Bestuurder,
    /// A council member.
    Raadslid,
    /// An official: someone who works for a municipality.
    Ambtenaar,
    /// Any other role (`"other"` is read as this too).
    #[serde(alias = "other")]
    Anders,
}

impl Role {
    /// Every role, in this order (share codes number the roles by it).
    pub const ALL: [Role; 4] = [
        Role::Bestuurder,
        Role::Raadslid,
        Role::Ambtenaar,
        Role::Anders,
    ];

    /// The role with this id (`"other"` is read as `anders`).
    pub fn from_id(id: &str) -> Option<Role> {
        match id {
            "other" => Some(Role::Anders),
            _ => Role::ALL.into_iter().find(|r| r.id() == id),
        }
    }

    /// The role's id as in JSON, e.g. `"raadslid"`.
    pub fn id(self) -> &'static str {
        match self {
            Role::Bestuurder => "bestuurder",
            Role::Raadslid => "raadslid",
            Role::Ambtenaar => "ambtenaar",
            Role::Anders => "anders",
        }
    }

    /// The role in the plural, lower case, for running text ("bestuurders").
    pub fn plural(self, lang: Lang) -> &'static str {
        match self {
            Role::Bestuurder => lang.pick("bestuurders", "executives"),
            Role::Raadslid => lang.pick("raadsleden", "council members"),
            Role::Ambtenaar => lang.pick("ambtenaren", "officials"),
            Role::Anders => lang.pick("anderen", "others"),
        }
    }

    /// The role's name in `lang` (Dutch unless English is asked for), as a
    /// choice or a table row: "Raadslid" / "Council member".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Bestuurder => lang.pick("Bestuurder", "Executive (alderman, mayor)"),
            Role::Raadslid => lang.pick("Raadslid", "Council member"),
            Role::Ambtenaar => lang.pick("Ambtenaar", "Official"),
            Role::Anders => lang.pick("Anders", "Other"),
        }
    }
}

/// The context questions about the proposed partnership.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Context {
    /// The participating municipalities, the respondent's own included
    /// (their sizes inform the signals, SCORING.md §7).
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// The partnership's stage: an id of the instrument's `context.stages`
    /// (`"orienting"`, `"preparing"` or `"operating"`). `None` when not
    /// given: the report then reads as before the start and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// How urgent cooperation is (§8.1): an id of the instrument's
    /// `context.urgency`, e.g. `"short-term"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// The goals chosen: ids of the instrument's `context.goals`.
    #[serde(default)]
    pub goals: Vec<String>,
    /// The motives chosen: ids of the instrument's `context.motives`, e.g.
    /// `"kosten"`.
    #[serde(default)]
    pub motives: Vec<String>,
    /// The intended form of cooperation: an id of the instrument's
    /// `context.forms`, e.g. `"centrumgemeente"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The task areas: ids of the instrument's `context.domains`.
    #[serde(default)]
    pub domains: Vec<String>,
}

impl Context {
    /// The stage the rules know, parsed once from [`Context::stage`]:
    /// `None` when not given or not one of the three ids.
    pub fn known_stage(&self) -> Option<Stage> {
        self.stage.as_deref().and_then(Stage::from_id)
    }
}

/// A participating municipality, as the respondent gave it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Partner {
    /// The municipality's name as typed.
    #[serde(default)]
    pub name: String,
    /// Its number of inhabitants (1 or more), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inhabitants: Option<u32>,
}

/// A response to one statement: a point on the scale, or "don't know / not
/// applicable". In JSON: a number (`4`) or the string `"unknown"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Response {
    /// A point on the scale, 1 up to the instrument's highest point (built
    /// in: 1 "helemaal oneens" … 5 "helemaal eens"). A value off the scale
    /// is kept as read but does not count.
    Scale(u8),
    /// "Weet ik niet / niet van toepassing": no answer on the scale; it
    /// counts against coverage, never as a neutral 3. Also read from
    /// `"weet-niet"` and `"n/a"`.
    Unknown,
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Response::Scale(value) => serializer.serialize_u8(*value),
            Response::Unknown => serializer.serialize_str("unknown"),
        }
    }
}

/// [`Response`] in TypeScript, as the `Serialize` above writes it (the
/// decoder also reads `"weet-niet"` and `"n/a"` as `"unknown"`).
#[cfg(feature = "typescript")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const STATEMENT_RESPONSE_TS: &str = r#"
/**
 * A response to one statement: a point on the scale (built in: 1
 * "helemaal oneens" … 5 "helemaal eens"), or "unknown" ("weet ik niet /
 * niet van toepassing"), which counts against coverage, never as a 3.
 */
export type StatementResponse = number | "unknown";
"#;

/// Why a JSON text is not a usable answers file: a kind that says itself
/// with [`AnswersError::text`]; its English sentence (with the JSON path)
/// is its `Display` and its serialized `message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersError {
    /// Too large, or not readable JSON.
    Json(JsonError),
    /// JSON, but not a group of fields (`$` holds this value).
    NotAnObject(FoundValue),
    /// A group of fields without `responses`, `context` or `respondent`:
    /// another kind of file.
    NotAnswers,
    /// A `format_version` that is not a whole number from 1.
    BadVersion,
    /// A `format_version` newer than [`ANSWERS_FORMAT_VERSION`].
    NewerVersion(u64),
    /// Respondent `index` (from 0) of a list is not usable.
    InList {
        /// The place in the list, from 0.
        index: usize,
        /// Why.
        error: Box<AnswersError>,
    },
}

impl AnswersError {
    /// The error as a plain sentence in `lang` (English with its JSON
    /// path; Dutch for people, without it).
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::Nl => match self {
                AnswersError::InList { index, error } => {
                    format!(
                        "Respondent {} in de lijst {}",
                        index + 1,
                        error.dutch_in_list()
                    )
                }
                other => other.dutch(),
            },
        }
    }

    fn english(&self) -> String {
        match self {
            AnswersError::Json(e) => e.say(Lang::En),
            AnswersError::NotAnObject(found) => format!(
                "$: answers are a group of fields (format_version, respondent, context, responses), not {}.",
                found.words(Lang::En)
            ),
            AnswersError::NotAnswers => "$: this file does not contain answers from the Partnership readiness scan (no responses, context or respondent).".into(),
            AnswersError::BadVersion => format!("$.format_version: the version number is not valid (this scan reads version {ANSWERS_FORMAT_VERSION})."),
            AnswersError::NewerVersion(version) => format!(
                "$.format_version: this file is of version {version}; this scan reads up to version {ANSWERS_FORMAT_VERSION}. Was it made with a newer version of the Partnership readiness scan?"
            ),
            AnswersError::InList { index, error } => {
                let inner = error.english();
                let inner = inner.strip_prefix('$').unwrap_or(&inner);
                if inner.starts_with([':', '.']) {
                    format!("$[{index}]{inner}")
                } else {
                    format!("$[{index}]: {inner}")
                }
            }
        }
    }

    fn dutch(&self) -> String {
        match self {
            AnswersError::Json(e) => e.say(Lang::Nl),
            AnswersError::NotAnObject(_) | AnswersError::NotAnswers => {
                "Dit bestand bevat geen antwoorden van de Samenwerkingsscan.".into()
            }
            AnswersError::BadVersion => format!("Het versienummer in dit bestand klopt niet. Deze scan leest versie {ANSWERS_FORMAT_VERSION}."),
            AnswersError::NewerVersion(v) => format!("Dit bestand is van versie {v} en gemaakt met een nieuwere versie van de Samenwerkingsscan. Deze versie leest tot versie {ANSWERS_FORMAT_VERSION}."),
            AnswersError::InList { error, .. } => error.dutch(),
        }
    }

    /// The rest of "Respondent 3 in de lijst …".
    fn dutch_in_list(&self) -> String {
        match self {
            AnswersError::NotAnObject(_) | AnswersError::NotAnswers => {
                "bevat geen antwoorden van de Samenwerkingsscan.".into()
            }
            AnswersError::BadVersion => "heeft een versienummer dat niet klopt.".into(),
            AnswersError::NewerVersion(v) => format!("is van versie {v} en gemaakt met een nieuwere versie van de Samenwerkingsscan. Deze versie leest tot versie {ANSWERS_FORMAT_VERSION}."),
            AnswersError::Json(e) => format!("is niet leesbaar: {}", e.say(Lang::Nl)),
            AnswersError::InList { error, .. } => error.dutch_in_list(),
        }
    }
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for AnswersError {}

impl Says for AnswersError {
    fn say(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

/// `{"message": …}` in English, as [`Display`](std::fmt::Display) says it.
impl Serialize for AnswersError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("AnswersError", 1)?;
        s.serialize_field("message", &self.english())?;
        s.end()
    }
}

/// The result of [`Answers::import`].
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The answers to adopt: without responses to unknown statements.
    pub answers: Answers,
    /// What the file held that does not count, each with its JSON path:
    /// the first [`NOTICES_SHOWN`] (a file of 40,000 unknown ids is not
    /// written out 40,000 times).
    pub notices: Vec<Notice>,
    /// How many notices there are in all (say the rest with [`more_notices`]).
    pub total_notices: usize,
    /// How many responses were left out (unknown statements, off the scale).
    pub dropped: usize,
}

/// How many notices a screen or a terminal shows before "and N more".
pub const NOTICES_SHOWN: usize = 20;

/// "… and 12 more notices" (Dutch or English) for a list of `total`
/// notices of which the first [`NOTICES_SHOWN`] are shown; `None` when all
/// fit.
pub fn more_notices(total: usize, lang: Lang) -> Option<String> {
    let more = total.checked_sub(NOTICES_SHOWN).filter(|&n| n > 0)?;
    Some(match (lang, more) {
        (crate::text::Lang::Nl, 1) => "… en nog 1 melding.".to_string(),
        (crate::text::Lang::Nl, n) => format!("… en nog {n} meldingen."),
        (crate::text::Lang::En, 1) => "… and 1 more notice.".to_string(),
        (crate::text::Lang::En, n) => format!("… and {n} more notices."),
    })
}

impl Answers {
    /// Empty answers for an instrument.
    pub fn new(instrument: &Instrument) -> Self {
        Answers {
            format_version: ANSWERS_FORMAT_VERSION,
            instrument_id: instrument.id.clone(),
            ..Answers::default()
        }
    }

    /// How many of `instrument`'s statements have a response (a scale
    /// point or "don't know"): the progress people see. Responses to
    /// statements the instrument does not ask are not counted.
    pub fn answered(&self, instrument: &Instrument) -> usize {
        instrument
            .statements()
            .filter(|(_, s)| self.responses.contains_key(&s.id))
            .count()
    }
}
