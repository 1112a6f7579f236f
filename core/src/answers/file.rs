//! Answers files: reading (versioned, lenient: a wrong value is a notice
//! with its JSON path, see `decode.rs`) and writing.

use super::decode;
use super::{Answers, AnswersError, Imported, Response, ANSWERS_FORMAT_VERSION, NOTICES_SHOWN};
use crate::instrument::Instrument;
use crate::json::Node;
use serde::{Deserialize, Deserializer};

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        Answers::from_node(&node).map_err(serde::de::Error::custom)
    }
}

fn check_version(version: u64) -> Result<(), AnswersError> {
    // 0 is no version; u64::MAX stands for one that is not a whole number.
    if version == 0 || version == u64::MAX {
        return Err(AnswersError::BadVersion);
    }
    if version > u64::from(ANSWERS_FORMAT_VERSION) {
        return Err(AnswersError::NewerVersion(version));
    }
    // Older versions are migrated here, one step at a time, when they exist.
    Ok(())
}

impl Answers {
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
        crate::json::within_limit(json).map_err(AnswersError::Json)?;
        let root = crate::json::parse(json).map_err(AnswersError::Json)?;
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
        let root = crate::json::parse(json).map_err(AnswersError::Json)?;
        match &root {
            Node::List(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    Answers::from_node(item).map_err(|error| AnswersError::InList {
                        index,
                        error: Box::new(error),
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
            return Err(AnswersError::NotAnObject(root.found()));
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
        crate::json::within_limit(text).map_err(AnswersError::Json)?;
        let root = crate::json::parse(text).map_err(AnswersError::Json)?;
        if !["responses", "context", "respondent"]
            .iter()
            .any(|key| root.get(key).is_some())
        {
            return Err(AnswersError::NotAnswers);
        }
        let mut answers = Answers::from_node(&root)?;
        let index = crate::answers::StatementIndex::new(instrument);
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
}
