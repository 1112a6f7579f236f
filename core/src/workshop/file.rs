//! Workshop files: reading a saved workshop from a parsed JSON tree, field
//! by field (see `json.rs` and `notice.rs`): a damaged tally, note or code is named with
//! its JSON path and left out; the votes, notes and participants around it
//! are kept. `Workshop::check` then fits it to an instrument.

use super::notice::{FactorPart, WorkshopNotice, WorkshopNoticeKind};
use super::{Tally, Workshop, MAX_PARTICIPANTS, MAX_VOTES, WORKSHOP_FORMAT_VERSION};
use crate::instrument::Instrument;
use crate::json::{escape_key, JsonError, Node};
use crate::notice::{Notice, NoticeCollector};
use crate::share::decode_share;
use crate::text::{Lang, Says};
use crate::wording::{Expected, Subject};
use serde::{Deserialize, Serialize};

/// Why a text is not a usable workshop file ([`Workshop::from_json`]): a
/// kind that says itself with [`WorkshopError::text`]; its English
/// sentence (with the JSON path) is its `Display` and its serialized
/// `message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkshopError {
    /// Too large, or not readable JSON.
    Json(JsonError),
    /// JSON without tallies or participants: another kind of file.
    NotWorkshop,
    /// A `format_version` newer than [`WORKSHOP_FORMAT_VERSION`].
    NewerVersion(u64),
    /// A `format_version` that is not a whole number of 0 or more (0 and a
    /// missing version read as the current one).
    BadVersion,
}

impl WorkshopError {
    /// The error as a plain sentence in `lang` (English with its JSON
    /// path; Dutch for people, without it).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WorkshopError::Json(e) => e.say(lang),
            WorkshopError::NotWorkshop => lang.pick(
                "Dit bestand bevat geen workshop: er staan geen stemmen en geen deelnemers in. Is het misschien één ingevulde scan?".into(),
                "$: this file does not contain a workshop (no tallies or participants); is it a single scan?".into(),
            ),
            WorkshopError::NewerVersion(v) => lang.pick(
                format!("Dit bestand is van versie {v} en gemaakt met een nieuwere versie van de Samenwerkingsscan. Deze versie leest tot versie {WORKSHOP_FORMAT_VERSION}."),
                format!("$.format_version: workshop format {v} is newer than this Samenwerkingsscan can read (it reads up to {WORKSHOP_FORMAT_VERSION})."),
            ),
            WorkshopError::BadVersion => lang.pick(
                format!("Het versienummer in dit bestand klopt niet. Deze scan leest versie 1 tot en met {WORKSHOP_FORMAT_VERSION}."),
                format!("$.format_version: the version number is not a whole number from 1 to {WORKSHOP_FORMAT_VERSION}."),
            ),
        }
    }
}

impl std::fmt::Display for WorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for WorkshopError {}

impl Says for WorkshopError {
    fn say(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

/// `{"message": …}` in English, as [`Display`](std::fmt::Display) says it.
impl Serialize for WorkshopError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("WorkshopError", 1)?;
        s.serialize_field("message", &self.text(Lang::En))?;
        s.end()
    }
}

/// Goes through the same decoder as [`Workshop::from_json`].
impl<'de> Deserialize<'de> for Workshop {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = crate::json::Node::deserialize(deserializer)?;
        Workshop::from_node(&node).map_err(serde::de::Error::custom)
    }
}

impl Workshop {
    /// Reads a saved workshop for `instrument`: [`Workshop::from_json`],
    /// then [`Workshop::check`]. What a front end loads (a file, a baseline,
    /// the autosave) goes through here, so it holds only what counts.
    ///
    /// ```
    /// use samenwerkingsscan::{Instrument, Workshop};
    /// let i = Instrument::builtin();
    /// let w = Workshop::import(i, r#"{"tallies": {"no-such-factor": {"counts": [3]}}}"#).unwrap();
    /// assert!(w.tallies.is_empty());
    /// assert_eq!(w.decode_notices[0].path, "$.tallies[\"no-such-factor\"]");
    /// ```
    ///
    /// # Errors
    /// As [`Workshop::from_json`].
    pub fn import(instrument: &Instrument, json: &str) -> Result<Workshop, WorkshopError> {
        let mut workshop = Workshop::from_json(json)?;
        workshop.check(instrument);
        Ok(workshop)
    }

    /// Fits a decoded workshop to `instrument`, and adds to
    /// [`Workshop::decode_notices`] what it left out or cut:
    /// - votes, notes and revealed marks on factors the instrument does not
    ///   have are dropped (named, or counted per kind when there are many);
    /// - votes beyond the instrument's scale are cut off;
    /// - participant codes are checked with [`decode_share`]: invalid ones,
    ///   ones without answers and repeats are dropped (one notice per kind,
    ///   with the count); the valid ones are kept, canonical, up to
    ///   [`MAX_PARTICIPANTS`];
    /// - when something did not fit and the workshop was made with another
    ///   questionnaire, that is said first (`instrument_id` is kept).
    ///
    /// A second call changes nothing and says nothing. A workshop built with
    /// this crate's methods passes unchanged.
    pub fn check(&mut self, instrument: &Instrument) {
        check(self, instrument);
    }

    /// Reads a saved workshop, field by field, without a questionnaire:
    /// unknown factors, votes beyond the scale and every participant code
    /// are kept as they are (use [`Workshop::import`], or call
    /// [`Workshop::check`], to fit it to one). A file that is not a
    /// workshop, or is from a newer version, is an error.
    ///
    /// # Errors
    /// A [`WorkshopError`] when the text
    /// is larger than [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES), is not
    /// JSON, holds neither `tallies` nor `participants` (not a workshop,
    /// perhaps one scan), or has a `format_version` that is not a whole
    /// number, is negative, or is newer than [`WORKSHOP_FORMAT_VERSION`].
    /// Any other problem is a notice in [`Workshop::decode_notices`].
    pub fn from_json(json: &str) -> Result<Workshop, WorkshopError> {
        crate::json::within_limit(json).map_err(WorkshopError::Json)?;
        let root = crate::json::parse(json).map_err(WorkshopError::Json)?;
        Workshop::from_node(&root)
    }

    fn from_node(root: &crate::json::Node) -> Result<Workshop, WorkshopError> {
        use crate::json::Node;
        if root.get("tallies").is_none() && root.get("participants").is_none() {
            return Err(WorkshopError::NotWorkshop);
        }
        let version = match root.get("format_version") {
            None | Some(Node::Null) => Some(0),
            Some(n) => n.whole(),
        };
        match version {
            Some(v) if (0..=i128::from(WORKSHOP_FORMAT_VERSION)).contains(&v) => Ok(decode(root)),
            Some(v) if v > 0 => Err(WorkshopError::NewerVersion(
                u64::try_from(v).unwrap_or(u64::MAX),
            )),
            _ => Err(WorkshopError::BadVersion),
        }
    }
}

/// Decodes a workshop object whose version was checked.
pub(crate) fn decode(root: &Node) -> Workshop {
    let mut problems: NoticeCollector<WorkshopNoticeKind> = NoticeCollector::default();
    let p = &mut problems;
    // Of the current format version (the caller checked the file's).
    let mut w = Workshop {
        instrument_id: text(
            p,
            root.get("instrument_id"),
            "$.instrument_id",
            Subject::InstrumentId,
        ),
        ..Workshop::default()
    };
    w.set_title(&text(p, root.get("title"), "$.title", Subject::Title));
    for (factor, node) in object(p, root.get("tallies"), "$.tallies", Subject::Tallies) {
        let at = format!("$.tallies[\"{}\"]", escape_key(factor));
        if let Some(tally) = tally(p, node, &at, factor) {
            if !tally.is_empty() {
                w.tallies.insert(factor.clone(), tally);
            }
        }
    }
    for (i, node) in list(p, root.get("revealed"), "$.revealed", Subject::Revealed)
        .iter()
        .enumerate()
    {
        match node {
            Node::Text(t) => {
                w.revealed.insert(t.clone());
            }
            other => p.wrong(
                format!("$.revealed[{i}]"),
                other,
                Subject::RevealedFactor,
                Expected::FactorId,
            ),
        }
    }
    for (factor, node) in object(p, root.get("notes"), "$.notes", Subject::Notes) {
        match node {
            Node::Text(t) => w.set_note(factor, t),
            Node::Null => {}
            other => p.wrong(
                format!("$.notes[\"{}\"]", escape_key(factor)),
                other,
                Subject::Note(factor.clone()),
                Expected::Text,
            ),
        }
    }
    let codes = list(
        p,
        root.get("participants"),
        "$.participants",
        Subject::Participants,
    );
    // All of them: which codes count (valid for the questionnaire, new, up
    // to MAX_PARTICIPANTS) is decided by `check`, which has the questionnaire.
    for (i, node) in codes.iter().enumerate() {
        match node {
            Node::Text(t) => w.participants.push(t.clone()),
            other => p.wrong(
                format!("$.participants[{i}]"),
                other,
                Subject::Participant,
                Expected::ResultCode,
            ),
        }
    }
    w.decode_notices = problems.into_notices();
    w
}

/// One factor's votes; `None` (with a notice) when it is not a tally.
fn tally(
    p: &mut NoticeCollector<WorkshopNoticeKind>,
    node: &Node,
    at: &str,
    factor: &str,
) -> Option<Tally> {
    if !matches!(node, Node::Object(_)) {
        p.wrong(
            at.to_string(),
            node,
            Subject::Votes(factor.to_string()),
            Expected::TallyFields,
        );
        return None;
    }
    let mut tally = Tally::default();
    let counts = list(
        p,
        node.get("counts"),
        &format!("{at}.counts"),
        Subject::VotesPerPoint,
    );
    for (i, count) in counts.iter().enumerate() {
        tally
            .counts
            .push(votes(p, count, format!("{at}.counts[{i}]"), factor));
    }
    if let Some(unknown) = node.get("unknown").filter(|n| **n != Node::Null) {
        tally.unknown = votes(p, unknown, format!("{at}.unknown"), factor);
    }
    Some(tally)
}

/// A number of votes: a whole number from 0, capped at [`MAX_VOTES`];
/// anything else counts as 0 votes, with a notice.
fn votes(
    p: &mut NoticeCollector<WorkshopNoticeKind>,
    node: &Node,
    at: String,
    factor: &str,
) -> u32 {
    match node.whole() {
        Some(n) if n >= 0 => {
            if n > i128::from(MAX_VOTES) {
                p.push(
                    at,
                    WorkshopNoticeKind::VotesCapped {
                        factor: factor.to_string(),
                        max: MAX_VOTES,
                    },
                );
            }
            u32::try_from(n.min(i128::from(MAX_VOTES))).unwrap_or(MAX_VOTES)
        }
        _ => {
            p.wrong(
                at,
                node,
                Subject::VoteCount(factor.to_string()),
                Expected::Whole { min: 0, max: None },
            );
            0
        }
    }
}

fn text(
    p: &mut NoticeCollector<WorkshopNoticeKind>,
    node: Option<&Node>,
    at: &str,
    what: Subject,
) -> String {
    match node {
        None | Some(Node::Null) => String::new(),
        Some(Node::Text(t)) => t.clone(),
        Some(other) => {
            p.wrong(at.to_string(), other, what, Expected::Text);
            String::new()
        }
    }
}

fn object<'a>(
    p: &mut NoticeCollector<WorkshopNoticeKind>,
    node: Option<&'a Node>,
    at: &str,
    what: Subject,
) -> &'a [(String, Node)] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::Object(fields)) => fields,
        Some(other) => {
            p.wrong(at.to_string(), other, what, Expected::FactorMap);
            &[]
        }
    }
}

fn list<'a>(
    p: &mut NoticeCollector<WorkshopNoticeKind>,
    node: Option<&'a Node>,
    at: &str,
    what: Subject,
) -> &'a [Node] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::List(items)) => items,
        Some(other) => {
            p.wrong(at.to_string(), other, what, Expected::List);
            &[]
        }
    }
}

/// Up to this many unknown factors of one kind (votes, notes, revealed) are
/// named one by one; more are said in one notice.
const NAMED: usize = 5;

/// Fits a decoded workshop to `instrument` (see [`Workshop::check`]) and
/// says what it dropped or cut in `w.decode_notices`.
pub(crate) fn check(w: &mut Workshop, instrument: &Instrument) {
    let mut notices = Vec::new();
    // A title restored from before the limit (or set directly) is cut too.
    let title = std::mem::take(&mut w.title);
    w.set_title(&title);
    let known = |id: &str| instrument.factor(id).is_some();
    let unknown: Vec<String> = w.tallies.keys().filter(|id| !known(id)).cloned().collect();
    w.tallies.retain(|id, _| known(id));
    unknown_factors(&mut notices, &unknown, FactorPart::Votes);
    let unknown: Vec<String> = w.notes.keys().filter(|id| !known(id)).cloned().collect();
    w.notes.retain(|id, _| known(id));
    unknown_factors(&mut notices, &unknown, FactorPart::Note);
    let unknown: Vec<String> = w.revealed.iter().filter(|id| !known(id)).cloned().collect();
    w.revealed.retain(|id| known(id));
    unknown_factors(&mut notices, &unknown, FactorPart::Revealed);
    scale(w, instrument, &mut notices);
    participants(w, instrument, &mut notices);
    // Why so much did not fit, when it did not (said once: the id is kept,
    // a baseline's comparison names it too).
    if !notices.is_empty() && !w.instrument_id.is_empty() && w.instrument_id != instrument.id {
        let id = w.instrument_id.clone();
        notices.insert(
            0,
            Notice::new(
                "$.instrument_id",
                WorkshopNoticeKind::OtherQuestionnaire { id },
            ),
        );
    }
    w.decode_notices.extend(notices);
}

/// Left out: the `part` on factors the instrument does not have, by id
/// up to [`NAMED`], else in one notice with the first three.
fn unknown_factors(notices: &mut Vec<WorkshopNotice>, ids: &[String], part: FactorPart) {
    let field = match part {
        FactorPart::Votes => "tallies",
        FactorPart::Note => "notes",
        FactorPart::Revealed => "revealed",
    };
    if ids.len() <= NAMED {
        for id in ids {
            notices.push(Notice::new(
                format!("$.{field}[\"{}\"]", escape_key(id)),
                WorkshopNoticeKind::UnknownFactor {
                    part,
                    id: id.clone(),
                },
            ));
        }
    } else {
        notices.push(Notice::new(
            format!("$.{field}"),
            WorkshopNoticeKind::UnknownFactors {
                part,
                count: ids.len(),
                some: ids.iter().take(3).cloned().collect(),
            },
        ));
    }
}

/// Cuts every tally to the questionnaire's scale; votes beyond its last
/// point are said (per factor, or in one notice when many).
fn scale(w: &mut Workshop, instrument: &Instrument, notices: &mut Vec<WorkshopNotice>) {
    let max = usize::from(instrument.scale_max());
    let mut cut: Vec<(String, usize, u64)> = Vec::new();
    for (id, tally) in w.tallies.iter_mut() {
        if tally.counts.len() > max {
            let beyond: u64 = tally.counts[max..].iter().map(|&c| u64::from(c)).sum();
            if beyond > 0 {
                cut.push((id.clone(), tally.counts.len(), beyond));
            }
            tally.counts.truncate(max);
        }
    }
    w.tallies.retain(|_, t| !t.is_empty());
    if cut.len() <= NAMED {
        for (id, points, beyond) in cut {
            notices.push(Notice::new(
                format!("$.tallies[\"{}\"].counts", escape_key(&id)),
                WorkshopNoticeKind::BeyondScale {
                    factor: id,
                    points,
                    max,
                    beyond,
                },
            ));
        }
    } else {
        let (n, beyond) = (cut.len(), cut.iter().map(|c| c.2).sum::<u64>());
        notices.push(Notice::new(
            "$.tallies",
            WorkshopNoticeKind::ManyBeyondScale {
                factors: n,
                max,
                beyond,
            },
        ));
    }
}

/// Keeps the codes that are valid for the questionnaire and hold answers,
/// canonical and once each, up to [`MAX_PARTICIPANTS`]; one notice per kind
/// of code left out, with the count.
fn participants(w: &mut Workshop, instrument: &Instrument, notices: &mut Vec<WorkshopNotice>) {
    let (mut invalid, mut empty, mut twice, mut over) = (0usize, 0usize, 0usize, 0usize);
    let mut kept: Vec<String> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for code in std::mem::take(&mut w.participants) {
        let Ok(answers) = decode_share(instrument, &code) else {
            invalid += 1;
            continue;
        };
        if answers.responses.is_empty() {
            empty += 1;
            continue;
        }
        let canonical = super::codes::participant_code(instrument, &answers);
        if !seen.insert(canonical.clone()) {
            twice += 1;
        } else if kept.len() >= MAX_PARTICIPANTS {
            over += 1;
        } else {
            kept.push(canonical);
        }
    }
    w.participants = kept;
    for (count, kind) in [
        (invalid, WorkshopNoticeKind::InvalidCodes { count: invalid }),
        (empty, WorkshopNoticeKind::EmptyCodes { count: empty }),
        (twice, WorkshopNoticeKind::RepeatedCodes { count: twice }),
        (
            over,
            WorkshopNoticeKind::TooManyParticipants {
                max: MAX_PARTICIPANTS,
                over,
            },
        ),
    ] {
        if count > 0 {
            notices.push(Notice::new("$.participants", kind));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::workshop::{Workshop, MAX_PARTICIPANTS};
    use crate::{encode_share, Answers, Instrument, Lang, Response};

    fn instrument() -> &'static Instrument {
        Instrument::builtin()
    }

    fn code(n: usize) -> String {
        let i = instrument();
        let mut answers = Answers::new(i);
        // A different set of answers per n: statement × point.
        for (k, (_, s)) in i.statements().take(12).enumerate() {
            let point = ((n >> k) & 1) as u8 * 3 + 1;
            answers
                .responses
                .insert(s.id.clone(), Response::Scale(point));
        }
        answers.respondent.municipality = Some(format!("G{n}"));
        encode_share(i, &answers, false)
    }

    fn paths(w: &Workshop) -> Vec<&str> {
        w.decode_notices.iter().map(|n| n.path.as_str()).collect()
    }

    #[test]
    fn votes_notes_and_reveals_on_unknown_factors_are_dropped_and_named() {
        let i = instrument();
        let a = &i.factors[0].id;
        let json = format!(
            r#"{{"tallies": {{"{a}": {{"counts": [1, 2]}}, "weg": {{"counts": [3]}}}},
                "notes": {{"{a}": "Goed", "oud": "x"}}, "revealed": ["{a}", "oud"]}}"#
        );
        let w = Workshop::import(i, &json).unwrap();
        assert_eq!(w.tallies.keys().collect::<Vec<_>>(), [a]);
        assert_eq!(w.notes.keys().collect::<Vec<_>>(), [a]);
        assert_eq!(w.revealed.iter().collect::<Vec<_>>(), [a]);
        assert_eq!(
            paths(&w),
            [
                "$.tallies[\"weg\"]",
                "$.notes[\"oud\"]",
                "$.revealed[\"oud\"]"
            ]
        );
        assert!(w.decode_notices[0].text(Lang::Nl).contains("‘weg’"));
        assert!(w.decode_notices[0].text(Lang::En).contains("‘weg’"));
    }

    /// A 1 MB file of votes on unknown factors: nothing kept, one notice.
    #[test]
    fn many_unknown_factors_are_counted_in_one_notice_per_kind() {
        let i = instrument();
        let tallies: Vec<String> = (0..20_000)
            .map(|n| format!(r#""f{n}": {{"counts": [1, 1]}}"#))
            .collect();
        let notes: Vec<String> = (0..10).map(|n| format!(r#""n{n}": "x""#)).collect();
        let json = format!(
            r#"{{"tallies": {{{}}}, "notes": {{{}}}}}"#,
            tallies.join(","),
            notes.join(",")
        );
        assert!(json.len() > 400_000);
        let w = Workshop::import(i, &json).unwrap();
        assert!(w.tallies.is_empty() && w.notes.is_empty());
        assert!(!w.has_work(), "nothing to autosave");
        assert_eq!(paths(&w), ["$.tallies", "$.notes"]);
        assert!(w.decode_notices[0]
            .text(Lang::Nl)
            .contains("20000 factoren"));
        assert!(w.decode_notices[0].text(Lang::En).contains("20000 factors"));
    }

    #[test]
    fn votes_beyond_the_scale_are_cut_with_a_notice() {
        let i = instrument();
        let (a, b, c) = (&i.factors[0].id, &i.factors[1].id, &i.factors[2].id);
        let json = format!(
            r#"{{"tallies": {{"{a}": {{"counts": [1, 0, 0, 0, 0, 100, 100]}},
                "{b}": {{"counts": [0, 0, 2, 0, 0, 0, 0]}},
                "{c}": {{"counts": [0, 0, 0, 0, 0, 7]}}}}}}"#
        );
        let w = Workshop::import(i, &json).unwrap();
        assert_eq!(w.tallies[a.as_str()].counts, [1, 0, 0, 0, 0]);
        // Zeros beyond the scale cost nothing: cut without a word.
        assert_eq!(w.tallies[b.as_str()].counts, [0, 0, 2, 0, 0]);
        // Only votes beyond the scale: no tally left.
        assert!(!w.tallies.contains_key(c.as_str()));
        // In the order of the factor ids, as the file's tallies are kept.
        let mut expected = [
            format!("$.tallies[\"{a}\"].counts"),
            format!("$.tallies[\"{c}\"].counts"),
        ];
        expected.sort();
        assert_eq!(paths(&w), expected);
        let at = usize::from(expected[0].contains(c.as_str()));
        assert!(w.decode_notices[at]
            .text(Lang::Nl)
            .contains("De 200 stemmen na punt 5 tellen niet mee"));
        assert!(w.decode_notices[at]
            .text(Lang::En)
            .contains("The 200 votes beyond point 5 do not count"));
    }

    /// 500 damaged codes first no longer push out the valid ones after them.
    #[test]
    fn participant_codes_are_checked_and_the_valid_ones_kept() {
        let i = instrument();
        let valid: Vec<String> = (0..MAX_PARTICIPANTS + 3).map(code).collect();
        let mut codes: Vec<String> = (0..MAX_PARTICIPANTS)
            .map(|n| format!("\"ABCDE-{n:05}\""))
            .collect();
        codes.extend(valid.iter().map(|c| format!("\"{c}\"")));
        // The same answers again, typed differently.
        codes.push(format!("\"{}\"", valid[0].to_lowercase().replace('-', " ")));
        let empty = encode_share(i, &Answers::new(i), false);
        codes.push(format!("\"{empty}\""));
        let json = format!(r#"{{"participants": [{}]}}"#, codes.join(","));
        let w = Workshop::import(i, &json).unwrap();
        assert_eq!(w.participants, valid[..MAX_PARTICIPANTS]);
        assert_eq!(paths(&w), ["$.participants"; 4]);
        let nl: Vec<String> = w.decode_notices.iter().map(|n| n.text(Lang::Nl)).collect();
        assert!(
            nl[0].starts_with("500 codes van deelnemers zijn niet geldig"),
            "{nl:?}"
        );
        assert!(
            nl[1].starts_with("1 code van een deelnemer bevat geen antwoorden"),
            "{nl:?}"
        );
        assert!(
            nl[2].starts_with("1 code van een deelnemer bevat dezelfde antwoorden"),
            "{nl:?}"
        );
        assert!(nl[3].contains("de laatste 3 zijn weggelaten"), "{nl:?}");
        assert!(w.decode_notices[0]
            .text(Lang::En)
            .starts_with("500 participant codes are not valid"));
    }

    /// What this crate writes passes unchanged and without a word; a second
    /// check changes nothing.
    #[test]
    fn a_sound_workshop_passes_unchanged_and_checking_twice_changes_nothing() {
        let i = instrument();
        let mut w = Workshop::new(i);
        w.title = "Raadsavond".into();
        w.set_votes(i, &i.factors[0].id, 2, 4);
        w.set_votes(i, &i.factors[1].id, 0, 1);
        w.set_note(&i.factors[0].id, "Goed gesprek");
        w.revealed.insert(i.factors[0].id.clone());
        w.participants = (0..3).map(code).collect();
        let back = Workshop::import(i, &w.to_json()).unwrap();
        assert_eq!(back, w);
        assert!(back.decode_notices.is_empty(), "{:?}", back.decode_notices);

        let json = format!(
            r#"{{"instrument_id": "anders", "tallies": {{"x": {{"counts": [1]}}}}, "participants": ["ABC", "{}"]}}"#,
            code(1)
        );
        let mut once = Workshop::import(i, &json).unwrap();
        assert_eq!(
            paths(&once),
            ["$.instrument_id", "$.tallies[\"x\"]", "$.participants"]
        );
        let before = once.clone();
        once.decode_notices.clear();
        once.check(i);
        assert!(once.decode_notices.is_empty(), "{:?}", once.decode_notices);
        assert_eq!(
            Workshop {
                decode_notices: Vec::new(),
                ..before
            },
            once
        );
    }
}
