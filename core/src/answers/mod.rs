//! One respondent's answers: who they are (optionally), the context of the
//! proposed partnership, and a response per statement.
//!
//! The format is versioned and forgiving: missing parts default to empty,
//! and entries the instrument does not know are reported by [`Answers::check`]
//! and ignored by the evaluation, never fatal.

mod decode;
pub mod merge;

use crate::instrument::Instrument;
use crate::json::{shown, Node};
use crate::text::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
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
pub struct Answers {
    /// The answers format version: [`ANSWERS_FORMAT_VERSION`] once read
    /// (an older file is migrated while it is read).
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
    pub responses: BTreeMap<String, Response>,
    /// What the decoder could not read and left out (a response of 4.5,
    /// negative inhabitants, …), each with its JSON path. Empty for answers
    /// built in code; [`Answers::check`] lists these first. Not written.
    #[serde(skip)]
    pub decode_notices: Vec<Notice>,
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        Answers::from_node(&node).map_err(|e| serde::de::Error::custom(e.message))
    }
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
        let m = lang;
        match self {
            Role::Bestuurder => m.pick("bestuurders", "executives"),
            Role::Raadslid => m.pick("raadsleden", "council members"),
            Role::Ambtenaar => m.pick("ambtenaren", "officials"),
            Role::Anders => m.pick("anderen", "others"),
        }
    }

    /// The role's name in `lang` (Dutch unless English is asked for), as a
    /// choice or a table row: "Raadslid" / "Council member".
    pub fn label(self, lang: Lang) -> &'static str {
        let m = lang;
        match self {
            Role::Bestuurder => m.pick("Bestuurder", "Executive (alderman, mayor)"),
            Role::Raadslid => m.pick("Raadslid", "Council member"),
            Role::Ambtenaar => m.pick("Ambtenaar", "Official"),
            Role::Anders => m.pick("Anders", "Other"),
        }
    }
}

/// The context questions about the proposed partnership.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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

/// A participating municipality, as the respondent gave it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        decode::response(&node).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "an answer is a whole number on the scale or ‘unknown’, not {}",
                node.found().0
            ))
        })
    }
}

/// Why `version` cannot be read (0 and u64::MAX: not a whole number).
fn version_error(version: u64) -> AnswersError {
    AnswersError::new(
        // 0 is no version; u64::MAX stands for one that is not a whole number.
        if version == 0 || version == u64::MAX {
            format!("$.format_version: the version number is not valid (this scan reads version {ANSWERS_FORMAT_VERSION}).")
        } else {
            format!(
                "$.format_version: this file is of version {version}; this scan reads up to version {ANSWERS_FORMAT_VERSION}. Was it made with a newer version of the Partnership readiness scan?"
            )
        },
        // 0 is no version; u64::MAX stands for one that is not a whole number.
        if version == 0 || version == u64::MAX {
            "Het versienummer in dit bestand klopt niet."
        } else {
            "Dit bestand is gemaakt met een nieuwere versie van de Samenwerkingsscan. Deze versie kan het niet lezen."
        },
    )
}

fn check_version(version: u64) -> Result<(), AnswersError> {
    if version == 0 || version > u64::from(ANSWERS_FORMAT_VERSION) {
        return Err(version_error(version));
    }
    // Older versions are migrated here, one step at a time, when they exist.
    Ok(())
}

/// Why a JSON text is not a usable answers file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswersError {
    /// In English, with the parser's technical detail (stable for scripts).
    pub message: String,
    /// The same for people, in Dutch (B1); empty when deserialized.
    #[serde(skip)]
    pub dutch: String,
}

impl AnswersError {
    fn new(message: impl Into<String>, dutch: impl Into<String>) -> Self {
        AnswersError {
            message: message.into(),
            dutch: dutch.into(),
        }
    }

    /// The message in `lang`: English when asked for, else Dutch.
    pub fn text(&self, lang: Lang) -> &str {
        localized(&self.message, &self.dutch, lang)
    }
}

/// `english` when English is asked for (or there is no Dutch), else `dutch`.
pub(crate) fn localized<'a>(english: &'a str, dutch: &'a str, lang: Lang) -> &'a str {
    if dutch.is_empty() || lang == crate::text::Lang::En {
        english
    } else {
        dutch
    }
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AnswersError {}

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
    let m = lang;
    Some(match (m, more) {
        (crate::text::Lang::Nl, 1) => "… en nog 1 melding.".to_string(),
        (crate::text::Lang::Nl, n) => format!("… en nog {n} meldingen."),
        (crate::text::Lang::En, 1) => "… and 1 more notice.".to_string(),
        (crate::text::Lang::En, n) => format!("… and {n} more notices."),
    })
}

/// Something in the answers that the instrument does not know and the
/// evaluation therefore ignores.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Notice {
    /// Where: a JSON path into the file, e.g. `$.responses["x.1"]` or
    /// `$.context.stage` (`$` is the whole file).
    pub path: String,
    /// From [`Answers::check`]: in English, in plain sentences (people read it
    /// in an English report; scripts should use `path`). In a
    /// [`Report`](crate::Report): in the report's language, like all its texts.
    pub message: String,
    /// From [`Answers::check`]: the same in Dutch (B1). Empty in a report and
    /// when deserialized; not part of equality.
    #[serde(skip)]
    pub dutch: String,
    /// The factor whose reading this input would have changed: for an answer
    /// to a retired statement, the factor of the statement that replaced it.
    /// [`compare`](crate::compare) marks such a factor as not comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<String>,
}

/// `dutch` is derived from the same facts as `message` and not serialized:
/// equal notices stay equal through JSON.
impl PartialEq for Notice {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.message == other.message
    }
}

impl Eq for Notice {}

impl Notice {
    /// The message in `lang`: English when asked for, else Dutch.
    pub fn text(&self, lang: Lang) -> &str {
        localized(&self.message, &self.dutch, lang)
    }
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

    /// Parses answers JSON (any supported format version). Never panics.
    ///
    /// # Errors
    /// An [`AnswersError`] when the text is larger than
    /// [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES), is not JSON, is not a JSON
    /// object, or has a `format_version` this crate cannot read (not a whole
    /// number from 1, or newer than [`ANSWERS_FORMAT_VERSION`]). Any other
    /// problem is a notice in [`Answers::decode_notices`].
    ///
    /// ```
    /// use samenwerkingsscan::{Answers, Response};
    /// let answers = Answers::from_json(r#"{"responses": {"noodzaak-onderkend.1": 4, "noodzaak-onderkend.2": "unknown"}}"#).unwrap();
    /// assert_eq!(answers.responses["noodzaak-onderkend.1"], Response::Scale(4));
    /// assert!(Answers::from_json("[1, 2]").is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Answers, AnswersError> {
        if let Some((english, dutch)) = crate::json::too_large(json) {
            return Err(AnswersError::new(english, dutch));
        }
        let root = crate::json::parse(json)
            .map_err(|(english, dutch)| AnswersError::new(english, dutch))?;
        Answers::from_node(&root)
    }

    /// One respondent's answers, or a list of them (`[{…}, {…}]`), as an
    /// analyst's file holds them: `(answers, whether the file was a list)`.
    /// No size limit (files of 10,000 respondents are normal for the CLI).
    ///
    /// # Errors
    /// Not JSON, or a respondent that is not an answers object; the message
    /// names the respondent's place (`$[3]: …`).
    pub fn from_json_many(json: &str) -> Result<(Vec<Answers>, bool), AnswersError> {
        let root = crate::json::parse(json)
            .map_err(|(english, dutch)| AnswersError::new(english, dutch))?;
        match &root {
            Node::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    Answers::from_node(item).map_err(|e| {
                        let english = e.message.strip_prefix('$').unwrap_or(&e.message);
                        AnswersError::new(
                            format!(
                                "$[{i}]{}",
                                if english.starts_with([':', '.']) {
                                    english.to_string()
                                } else {
                                    format!(": {english}")
                                }
                            ),
                            format!(
                                "Respondent {} in de lijst {}",
                                i + 1,
                                e.dutch
                                    .replace("Dit bestand bevat", "bevat")
                                    .replace("Dit bestand is", "is")
                                    .replace(
                                        "Het versienummer in dit bestand klopt niet.",
                                        "heeft een versienummer dat niet klopt."
                                    )
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|all| (all, true)),
            _ => Answers::from_node(&root).map(|one| (vec![one], false)),
        }
    }

    /// As [`Answers::from_json`], from an already parsed JSON value (no size
    /// limit).
    ///
    /// # Errors
    /// As [`Answers::from_json`]: not a JSON object, or a `format_version`
    /// this crate cannot read.
    pub fn from_value(value: serde_json::Value) -> Result<Answers, AnswersError> {
        // A `Value` is always a tree we can read.
        let root = Node::deserialize(value).unwrap_or(Node::Null);
        Answers::from_node(&root)
    }

    /// The root must be an object of a version this crate reads; every
    /// other problem is a notice (see [`Answers::decode_notices`]).
    fn from_node(root: &Node) -> Result<Answers, AnswersError> {
        if !matches!(root, Node::Object(_)) {
            return Err(AnswersError::new(
                format!(
                    "$: answers are a group of fields (format_version, respondent, context, responses), not {}.",
                    root.found().0
                ),
                "Dit bestand bevat geen antwoorden van de Samenwerkingsscan.",
            ));
        }
        let version = match root.get("format_version") {
            None | Some(Node::Null) => u64::from(ANSWERS_FORMAT_VERSION),
            Some(n) => n
                .whole()
                .and_then(|v| u64::try_from(v).ok())
                .unwrap_or(u64::MAX),
        };
        check_version(version)?;
        Ok(decode::decode(root))
    }

    /// Reads an answers file that a person chose to import (the widget's
    /// data panel, a participant's file): as [`Answers::from_json`], and
    /// also
    /// - refuses valid JSON that holds none of `responses`, `context` or
    ///   `respondent` (another kind of file) with a plain message;
    /// - drops what does not count: responses to statement ids this
    ///   instrument never had (neither asked nor retired), responses off the
    ///   scale, context choices it does not offer. They are listed in the
    ///   notices, not kept, so a file of 400,000 unknown ids cannot fill the
    ///   browser's storage and "2 of 84 answered" counts only real answers.
    ///
    /// # Errors
    /// An [`AnswersError`] naming the problem in Dutch and English: too
    /// large (over [`crate::MAX_FILE_BYTES`]), not JSON, not an answers file,
    /// or a newer format.
    pub fn import(instrument: &Instrument, text: &str) -> Result<Imported, AnswersError> {
        let not_ours = || {
            AnswersError::new(
                "$: this file does not contain answers from the Partnership readiness scan (no responses, context or respondent).",
                "Dit bestand bevat geen antwoorden van de Samenwerkingsscan.",
            )
        };
        if let Some((english, dutch)) = crate::json::too_large(text) {
            return Err(AnswersError::new(english, dutch));
        }
        let root = crate::json::parse(text)
            .map_err(|(english, dutch)| AnswersError::new(english, dutch))?;
        if !["responses", "context", "respondent"]
            .iter()
            .any(|key| root.get(key).is_some())
        {
            return Err(not_ours());
        }
        let mut answers = Answers::from_node(&root)?;
        let index = crate::score::StatementIndex::new(instrument);
        let (notices, total_notices) =
            answers.check_capped(instrument, Some(&index), NOTICES_SHOWN);
        let known: std::collections::BTreeSet<&str> = instrument
            .statements()
            .map(|(_, s)| s.id.as_str())
            .chain(instrument.retired.iter().map(|r| r.id.as_str()))
            .collect();
        let before = answers.responses.len();
        let max = instrument.scale_max();
        answers.responses.retain(|id, response| {
            known.contains(id.as_str())
                && !matches!(response, Response::Scale(v) if !(1..=max).contains(v))
        });
        let dropped = before - answers.responses.len();
        // Context choices the instrument does not offer: named, not kept.
        let spec = &instrument.context;
        let c = &mut answers.context;
        let offered = |options: &[crate::instrument::Choice], id: &String| {
            options.iter().any(|o| &o.id == id)
        };
        c.goals.retain(|id| offered(&spec.goals, id));
        c.motives.retain(|id| offered(&spec.motives, id));
        c.domains.retain(|id| offered(&spec.domains, id));
        if c.stage.as_ref().is_some_and(|s| !offered(&spec.stages, s)) {
            c.stage = None;
        }
        if c.urgency
            .as_ref()
            .is_some_and(|u| !spec.urgency.iter().any(|o| &o.id == u))
        {
            c.urgency = None;
        }
        if c.form
            .as_ref()
            .is_some_and(|f| !spec.forms.iter().any(|o| &o.id == f))
        {
            c.form = None;
        }
        // What was said while reading is in `notices` now.
        answers.decode_notices.clear();
        Ok(Imported {
            answers,
            notices,
            total_notices,
            dropped,
        })
    }

    /// The answers as pretty-printed JSON; `decode_notices` are not written.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// How many responses the evaluation (and a share code) cannot use: to
    /// statements the instrument does not ask (unknown or retired), or off
    /// the scale. The count only; [`Answers::check`] says why for each.
    pub fn unused_responses(&self, instrument: &Instrument) -> usize {
        let max = instrument.scale_max();
        let index = crate::score::StatementIndex::new(instrument);
        let unreadable = self
            .decode_notices
            .iter()
            .filter(|n| n.path.starts_with("$.responses["))
            .count();
        unreadable
            + index
                .positions(self)
                .filter(|(_, response, at)| {
                    at.is_none() || matches!(response, Response::Scale(v) if !(1..=max).contains(v))
                })
                .count()
    }

    /// Lists what the evaluation will ignore: responses to statements the
    /// instrument does not have, values off the scale, unknown context ids.
    pub fn check(&self, instrument: &Instrument) -> Vec<Notice> {
        let index = crate::score::StatementIndex::new(instrument);
        self.check_with(instrument, Some(&index))
    }

    /// As [`Answers::check`]; `statements: None` when the caller already
    /// knows every response is used (see `StatementIndex::write_codes`).
    pub(crate) fn check_with(
        &self,
        instrument: &Instrument,
        statements: Option<&crate::score::StatementIndex>,
    ) -> Vec<Notice> {
        self.check_capped(instrument, statements, usize::MAX).0
    }

    /// As [`Answers::check_with`], writing out at most `cap` notices (a file
    /// of 40,000 unknown ids must not cost 80,000 sentences) and counting
    /// all of them: `(notices, total)`.
    fn check_capped(
        &self,
        instrument: &Instrument,
        statements: Option<&crate::score::StatementIndex>,
        cap: usize,
    ) -> (Vec<Notice>, usize) {
        let mut notes = Notes {
            list: self.decode_notices.iter().take(cap).cloned().collect(),
            total: self.decode_notices.len(),
            cap,
        };
        if !self.instrument_id.is_empty() && self.instrument_id != instrument.id {
            notes.add(
                "$.instrument_id".into(),
                format!(
                    "The answers belong to questionnaire ‘{}’, not ‘{}’. Statements that appear in both still count.",
                    shown(&self.instrument_id), instrument.id
                ),
                format!(
                    "De antwoorden horen bij vragenlijst ‘{}’, niet bij ‘{}’. Stellingen die in allebei staan, tellen wel mee.",
                    shown(&self.instrument_id), instrument.id
                ),
            );
        }
        let max = instrument.scale_max();
        let path = |id: &str| format!("$.responses[\"{id}\"]");
        let responses = statements
            .into_iter()
            .flat_map(|index| index.positions(self));
        // One lookup per answer, however long the list of retired statements.
        let retired: std::collections::HashMap<&str, &crate::instrument::Retired> = instrument
            .retired
            .iter()
            .map(|r| (r.id.as_str(), r))
            .collect();
        let mut retired_factors: Vec<(String, String)> = Vec::new();
        for (id, response, at) in responses {
            if notes.full() {
                // Counted, not written out.
                let off_scale = matches!(response, Response::Scale(v) if !(1..=max).contains(v));
                if at.is_none() || off_scale {
                    notes.total += 1;
                }
                continue;
            }
            let shown_id = shown(id);
            if at.is_none() {
                match retired.get(id) {
                    Some(old) => {
                        let (message, dutch, factor) = retired_notice(instrument, old, self);
                        notes.add(path(id), message, dutch);
                        if let Some(factor) = factor {
                            retired_factors.push((path(id), factor));
                        }
                    }
                    None => notes.add(
                        path(id),
                        format!(
                            "Statement ‘{shown_id}’ is not in this questionnaire and does not count."
                        ),
                        format!("Stelling ‘{shown_id}’ staat niet in deze vragenlijst en telt niet mee."),
                    ),
                }
            } else if let Response::Scale(value) = response {
                if *value < 1 || *value > max {
                    notes.add(
                        path(id),
                        format!("The answer {value} to ‘{shown_id}’ is not on the scale 1–{max} and does not count."),
                        format!(
                            "Het antwoord {value} op ‘{shown_id}’ staat niet op de schaal 1–{max} en telt niet mee."
                        ),
                    );
                }
            }
        }
        let c = &self.context;
        let spec = &instrument.context;
        fn known<'a>(mut ids: impl Iterator<Item = &'a String>, id: &str) -> bool {
            ids.any(|x| x == id)
        }
        if let Some(stage) = &c.stage {
            if !known(spec.stages.iter().map(|x| &x.id), stage) {
                notes.add(
                    "$.context.stage".into(),
                    format!(
                        "The stage ‘{}’ is unknown and does not count.",
                        shown(stage)
                    ),
                    format!("De fase ‘{}’ is onbekend en telt niet mee.", shown(stage)),
                );
            }
        }
        if let Some(urgency) = &c.urgency {
            if !known(spec.urgency.iter().map(|x| &x.id), urgency) {
                notes.add(
                    "$.context.urgency".into(),
                    format!(
                        "The urgency ‘{}’ is unknown and does not count.",
                        shown(urgency)
                    ),
                    format!(
                        "De urgentie ‘{}’ is onbekend en telt niet mee.",
                        shown(urgency)
                    ),
                );
            }
        }
        if let Some(form) = &c.form {
            if !known(spec.forms.iter().map(|x| &x.id), form) {
                notes.add(
                    "$.context.form".into(),
                    format!(
                        "The form of cooperation ‘{}’ is unknown and does not count.",
                        shown(form)
                    ),
                    format!(
                        "De samenwerkingsvorm ‘{}’ is onbekend en telt niet mee.",
                        shown(form)
                    ),
                );
            }
        }
        for (name, (english_name, dutch_name), chosen, options) in [
            (
                "goals",
                ("The goal", "Het doel"),
                &c.goals,
                spec.goals.iter().map(|x| &x.id).collect::<Vec<_>>(),
            ),
            (
                "motives",
                ("The motive", "Het motief"),
                &c.motives,
                spec.motives.iter().map(|x| &x.id).collect(),
            ),
            (
                "domains",
                ("The task area", "Het taakveld"),
                &c.domains,
                spec.domains.iter().map(|x| &x.id).collect(),
            ),
        ] {
            for (i, id) in chosen.iter().enumerate() {
                if !options.contains(&id) {
                    let shown_id = shown(id);
                    notes.add(
                        format!("$.context.{name}[{i}]"),
                        format!("{english_name} ‘{shown_id}’ is unknown and does not count."),
                        format!("{dutch_name} ‘{shown_id}’ is onbekend en telt niet mee."),
                    );
                }
            }
        }
        let (mut notices, total) = (notes.list, notes.total);
        for notice in notices.iter_mut() {
            notice.factor = retired_factors
                .iter()
                .find(|(path, _)| *path == notice.path)
                .map(|(_, factor)| factor.clone());
        }
        (notices, total)
    }
}

/// The notices of one check: at most `cap` written out, all counted.
struct Notes {
    list: Vec<Notice>,
    total: usize,
    cap: usize,
}

impl Notes {
    fn full(&self) -> bool {
        self.list.len() >= self.cap
    }

    fn add(&mut self, path: String, message: String, dutch: String) {
        self.total += 1;
        if !self.full() {
            self.list.push(Notice {
                path,
                message,
                dutch,
                factor: None,
            });
        }
    }
}

/// (English, Dutch) for an answer to a statement whose meaning changed: the
/// old answer is not carried over to the new question, and people are told
/// which one to answer instead.
fn retired_notice(
    instrument: &Instrument,
    old: &crate::instrument::Retired,
    answers: &Answers,
) -> (String, String, Option<String>) {
    // Quote both statements as this respondent saw or will see them: the
    // look-ahead wording before the start, the plain one once running.
    let stage = answers.context.stage.as_deref();
    let wording = |text: &crate::text::Text, ahead: Option<&crate::text::Text>, lang: Lang| {
        let running = crate::stage::Stage::from_id(stage).is_some_and(|s| s.running());
        let chosen = match ahead {
            Some(ahead) if !running => ahead.get(lang),
            _ => text.get(lang),
        };
        chosen.trim_end_matches('.').to_string()
    };
    let found = instrument.factors.iter().find_map(|f| {
        f.statements
            .iter()
            .find(|s| s.id == old.replaced_by)
            .map(|s| (f, s))
    });
    let (factor, new_en, new_nl) = match found {
        Some((f, s)) => (
            Some(f.id.clone()),
            s.text_for(stage, Lang::En)
                .trim_end_matches('.')
                .to_string(),
            s.text_for(stage, Lang::Nl)
                .trim_end_matches('.')
                .to_string(),
        ),
        None => (None, String::new(), String::new()),
    };
    let (old_en, old_nl) = (
        wording(&old.text, old.ahead.as_ref(), Lang::En),
        wording(&old.text, old.ahead.as_ref(), Lang::Nl),
    );
    let since = &old.since;
    let answered = answers
        .responses
        .get(&old.replaced_by)
        .is_some_and(|r| !matches!(r, Response::Unknown));
    let (todo_en, todo_nl) = if answered {
        (
            "The new statement has already been answered, so the old answer is simply not used.",
            "De nieuwe stelling is al beantwoord; het oude antwoord wordt niet gebruikt.",
        )
    } else {
        (
            "The old answer is not counted. Please answer the new statement.",
            "Het oude antwoord telt daarom niet mee. Beantwoord de nieuwe stelling.",
        )
    };
    (
        format!(
            "The statement ‘{old_en}’ was replaced in version {since} by a statement that asks something different: ‘{new_en}’. {todo_en}"
        ),
        format!(
            "De stelling ‘{old_nl}’ is in versie {since} vervangen door een stelling die iets anders vraagt: ‘{new_nl}’. {todo_nl}"
        ),
        factor,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::MAX_FILE_BYTES;

    #[test]
    fn unused_responses_counts_what_check_names() {
        let instrument = Instrument::builtin();
        let answers = Answers::from_json(
            r#"{"responses": {"werkdruk.1": 4, "werkdruk.3": 9, "werkdruk.2": "unknown", "noodzaak-onderkend.1": 5, "bestaat.1": 2}}"#,
        )
        .unwrap();
        assert_eq!(answers.unused_responses(instrument), 3);
        let named = answers
            .check(instrument)
            .iter()
            .filter(|n| n.path.starts_with("$.responses"))
            .count();
        assert_eq!(named, 3);
    }

    #[test]
    fn a_version_that_is_not_a_whole_number_is_named() {
        for bad in [
            r#"{"format_version": "1"}"#,
            r#"{"format_version": 1.5}"#,
            r#"{"format_version": -1}"#,
        ] {
            let error = Answers::from_json(bad).unwrap_err();
            assert!(
                error.message.starts_with("$.format_version"),
                "{bad}: {}",
                error.message
            );
            assert_eq!(
                error.text(Lang::Nl),
                "Het versienummer in dit bestand klopt niet."
            );
        }
    }

    #[test]
    fn missing_parts_default_and_unknown_items_are_notices_not_errors() {
        let instrument = Instrument::builtin();
        let answers = Answers::from_json(
            r#"{"responses": {"nope.1": 3, "noodzaak-onderkend.1": 9}, "context": {"stage": "dreaming"}}"#,
        )
        .unwrap();
        assert_eq!(answers.format_version, ANSWERS_FORMAT_VERSION);
        let notices = answers.check(instrument);
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn rejects_newer_formats_with_a_clear_message() {
        let error = Answers::from_json(r#"{"format_version": 99}"#).unwrap_err();
        assert!(error.message.contains("newer"));
    }

    /// The issue's examples: values that are not on the scale, impossible
    /// context and unknown roles are notices with a path; the rest survives.
    #[test]
    fn wrong_values_are_notices_and_the_rest_of_the_file_survives() {
        let instrument = Instrument::builtin();
        let answers = Answers::from_json(
            r#"{"responses": {"werkdruk.1": 4.5, "werkdruk.2": -1, "werkdruk.3": null,
                "noodzaak-onderkend.1": "4", "noodzaak-onderkend.2": 1e30,
                "noodzaak-onderkend.3": 4.0, "bestaat.1": 3, "visievorming.1": [4]},
               "respondent": {"role": "burgemeester", "municipality": 12},
               "context": {"partners": [{"name": "A", "inhabitants": -5}, {"name": "B", "inhabitants": 12000}, 7],
                           "stage": 3, "goals": ["kwaliteit", 2], "motives": "kosten"},
               "typo": 1}"#,
        )
        .unwrap();
        // Kept: the whole numbers (4.0 is 4) and the second partner.
        assert_eq!(answers.responses.len(), 2, "{:?}", answers.responses);
        assert_eq!(
            answers.responses["noodzaak-onderkend.3"],
            Response::Scale(4)
        );
        assert_eq!(answers.context.partners.len(), 2);
        assert_eq!(answers.context.partners[0].name, "A");
        assert_eq!(answers.context.partners[0].inhabitants, None);
        assert_eq!(answers.context.partners[1].inhabitants, Some(12000));
        assert_eq!(answers.context.goals, ["kwaliteit"]);
        // A list longer than any partnership: the first ones are kept.
        let many = format!(
            r#"{{"context": {{"partners": [{}]}}}}"#,
            vec![r#"{"name": "G"}"#; 24_314].join(",")
        );
        let crowded = Answers::from_json(&many).unwrap();
        assert_eq!(crowded.context.partners.len(), decode::MAX_PARTNERS);
        assert!(crowded.decode_notices[0]
            .text(Lang::Nl)
            .contains("De laatste 24264 tellen niet mee"));
        let notices = answers.check(instrument);
        let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
        for path in [
            "$.typo",
            "$.responses[\"werkdruk.1\"]",
            "$.responses[\"werkdruk.2\"]",
            "$.responses[\"werkdruk.3\"]",
            "$.responses[\"noodzaak-onderkend.1\"]",
            "$.responses[\"noodzaak-onderkend.2\"]",
            "$.responses[\"visievorming.1\"]",
            "$.respondent.role",
            "$.respondent.municipality",
            "$.context.partners[0].inhabitants",
            "$.context.partners[2]",
            "$.context.stage",
            "$.context.goals[1]",
            "$.context.motives",
        ] {
            assert!(paths.contains(&path), "{path} missing in {paths:?}");
        }
        let by_path = |p: &str| notices.iter().find(|n| n.path == p).unwrap();
        assert_eq!(
            by_path("$.context.partners[0].inhabitants").text(Lang::En),
            "In the file, the population of municipality 1 is the number -5; it should be a whole number of 1 or more. It does not count."
        );
        assert_eq!(
            by_path("$.responses[\"werkdruk.1\"]").text(Lang::Nl),
            "Bij het antwoord op ‘werkdruk.1’ staat een getal met decimalen; verwacht: een heel getal op de schaal, of ‘unknown’ (weet ik niet). Dat telt niet mee."
        );
        assert_eq!(
            by_path("$.responses[\"noodzaak-onderkend.1\"]").text(Lang::En),
            "In the file, the answer to ‘noodzaak-onderkend.1’ is the text ‘4’; it should be a whole number on the scale, or ‘unknown’ (don’t know). It does not count."
        );
    }

    /// The issue's 13 MB file, at the size limit: unknown ids are listed
    /// (first 20, then "and N more") and dropped; the real answer is kept.
    #[test]
    fn an_import_drops_unknown_statements_and_caps_what_it_lists() {
        let instrument = Instrument::builtin();
        let real = &instrument.factors[0].statements[0].id;
        let mut json = format!("{{\"responses\": {{\"{real}\": 4");
        let mut n = 0;
        while json.len() < MAX_FILE_BYTES - 40 {
            json.push_str(&format!(", \"onbekend.{n}\": 3"));
            n += 1;
        }
        json.push_str("}}");
        let imported = Answers::import(instrument, &json).unwrap();
        assert_eq!(imported.answers.responses.len(), 1);
        assert_eq!(imported.dropped, n);
        assert_eq!(imported.notices.len(), NOTICES_SHOWN);
        assert_eq!(imported.total_notices, n);
        assert_eq!(
            more_notices(imported.total_notices, Lang::Nl).unwrap(),
            format!("… en nog {} meldingen.", n - NOTICES_SHOWN)
        );
        assert_eq!(more_notices(NOTICES_SHOWN, Lang::En), None);
        assert_eq!(
            more_notices(NOTICES_SHOWN + 1, Lang::En).unwrap(),
            "… and 1 more notice."
        );
        // Off the scale and unknown context choices: named and left out.
        let imported = Answers::import(
            instrument,
            &format!(r#"{{"responses": {{"{real}": 7}}, "context": {{"goals": ["x"], "stage": "dreaming"}}}}"#),
        )
        .unwrap();
        assert!(imported.answers.responses.is_empty());
        assert!(imported.answers.context.goals.is_empty());
        assert_eq!(imported.answers.context.stage, None);
        assert_eq!(imported.total_notices, 3);
        // Retired statements are known: kept, so their notice can say what replaced them.
        let retired = &instrument.retired[0].id;
        let imported = Answers::import(
            instrument,
            &format!("{{\"responses\": {{\"{retired}\": 4}}}}"),
        )
        .unwrap();
        assert_eq!(imported.answers.responses.len(), 1);
        assert_eq!(imported.dropped, 0);
        // Another kind of file.
        let error = Answers::import(instrument, r#"{"tallies": {}}"#).unwrap_err();
        assert_eq!(
            error.text(Lang::Nl),
            "Dit bestand bevat geen antwoorden van de Samenwerkingsscan."
        );
    }

    #[test]
    fn a_list_of_respondents_names_the_one_that_is_wrong() {
        let (all, list) =
            Answers::from_json_many(r#"[{"responses": {}}, {"responses": {"x": 4.5}}]"#).unwrap();
        assert!(list);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].decode_notices[0].path, "$.responses[\"x\"]");
        let error = Answers::from_json_many(r#"[{}, 7]"#).unwrap_err();
        assert!(
            error
                .message
                .starts_with("$[1]: answers are a group of fields"),
            "{}",
            error.message
        );
        assert_eq!(
            error.text(Lang::Nl),
            "Respondent 2 in de lijst bevat geen antwoorden van de Samenwerkingsscan."
        );
        let (one, list) = Answers::from_json_many("{}").unwrap();
        assert!(!list && one.len() == 1);
    }

    #[test]
    fn only_an_unusable_whole_is_an_error() {
        for (json, english) in [
            ("[1, 2]", "$: answers are a group of fields"),
            ("\"x\"", "$: answers are a group of fields"),
            ("{\"a\": }", "This is not a readable JSON file"),
        ] {
            let error = Answers::from_json(json).unwrap_err();
            assert!(
                error.message.starts_with(english),
                "{json}: {}",
                error.message
            );
        }
        let big = format!(
            "{{\"responses\": {{\"x\": 1}}, \"pad\": \"{}\"}}",
            " ".repeat(MAX_FILE_BYTES)
        );
        let error = Answers::from_json(&big).unwrap_err();
        assert!(error.message.contains("up to 1 MB"), "{}", error.message);
        assert!(error.text(Lang::Nl).contains("tot 1 MB"));
    }

    #[test]
    fn errors_and_notices_speak_dutch_and_english() {
        let cases = [
            (
                "{\"responses\": ",
                "geen leesbaar JSON-bestand: het bestand houdt te vroeg op; er mist iets aan het eind (regel 1, kolom 14)",
            ),
            ("[1, 2]", "bevat geen antwoorden"),
            (r#"{"format_version": 99}"#, "nieuwere versie"),
            (
                r#"{"format_version": 0}"#,
                "versienummer in dit bestand klopt niet",
            ),
            (
                r#"{"format_version": 1.5}"#,
                "versienummer in dit bestand klopt niet",
            ),
        ];
        for (json, dutch) in cases {
            let error = Answers::from_json(json).unwrap_err();
            assert!(
                error.text(Lang::Nl).contains(dutch),
                "{json}: {}",
                error.text(Lang::Nl)
            );
            assert_eq!(error.text(Lang::En), error.message);
        }

        let instrument = Instrument::builtin();
        let answers = Answers::from_json(
            r#"{"instrument_id": "other", "responses": {"nope.1": 3, "noodzaak-onderkend.1": 9},
                "context": {"stage": "dreaming", "urgency": "x", "form": "y", "goals": ["z"]}}"#,
        )
        .unwrap();
        let notices = answers.check(instrument);
        assert_eq!(notices.len(), 7, "{notices:?}");
        for notice in &notices {
            let dutch = notice.text(Lang::Nl);
            assert!(
                dutch.ends_with("telt niet mee.") || dutch.contains("tellen wel mee"),
                "{dutch}"
            );
            assert_eq!(notice.text(Lang::En), notice.message);
        }
        // Deserialized notices have no Dutch: they fall back to the English.
        let copy: Notice =
            serde_json::from_str(&serde_json::to_string(&notices[0]).unwrap()).unwrap();
        assert_eq!(copy.text(Lang::Nl), notices[0].message);
    }

    #[test]
    fn round_trips_through_json() {
        let mut answers = Answers::new(Instrument::builtin());
        answers.respondent.role = Some(Role::Raadslid);
        answers.responses.insert("x.1".into(), Response::Unknown);
        answers.responses.insert("x.2".into(), Response::Scale(2));
        assert_eq!(Answers::from_json(&answers.to_json()).unwrap(), answers);
    }
}
