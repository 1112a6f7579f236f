//! Workshop files: reading a saved workshop from a parsed JSON tree, field
//! by field (see `json.rs`): a damaged tally, note or code is named with
//! its JSON path and left out; the votes, notes and participants around it
//! are kept. `Workshop::check` then fits it to an instrument.

use super::{Tally, Workshop, MAX_PARTICIPANTS, MAX_VOTES, WORKSHOP_FORMAT_VERSION};
use crate::instrument::Instrument;
use crate::json::{escape_key, Node, Problems};
use crate::share::{decode_share, encode_share};
use crate::text::Lang;
use crate::Notice;
use serde::{Deserialize, Serialize};

/// Why a text is not a usable workshop file ([`Workshop::from_json`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopError {
    /// In English, with the parser's technical detail (stable for scripts).
    pub message: String,
    /// The same for people, in Dutch (B1); empty when deserialized.
    #[serde(skip)]
    pub dutch: String,
}

impl WorkshopError {
    /// The message in `lang`: English when asked for, else Dutch.
    pub fn text(&self, lang: Lang) -> &str {
        crate::text::localized(&self.message, &self.dutch, lang)
    }
}

impl std::fmt::Display for WorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WorkshopError {}

/// Goes through the same decoder as [`Workshop::from_json`].
impl<'de> Deserialize<'de> for Workshop {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = crate::json::Node::deserialize(deserializer)?;
        Workshop::from_node(&node).map_err(|e| serde::de::Error::custom(e.message))
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
    /// A [`WorkshopError`] (English `message`, Dutch `dutch`) when the text
    /// is larger than [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES), is not
    /// JSON, holds neither `tallies` nor `participants` (not a workshop,
    /// perhaps one scan), or has a `format_version` that is not a whole
    /// number, is negative, or is newer than [`WORKSHOP_FORMAT_VERSION`].
    /// Any other problem is a notice in [`Workshop::decode_notices`].
    pub fn from_json(json: &str) -> Result<Workshop, WorkshopError> {
        let fail = |(message, dutch): (String, String)| WorkshopError { message, dutch };
        if let Some(problem) = crate::json::too_large(json) {
            return Err(fail(problem));
        }
        let root = crate::json::parse(json).map_err(fail)?;
        Workshop::from_node(&root)
    }

    fn from_node(root: &crate::json::Node) -> Result<Workshop, WorkshopError> {
        use crate::json::Node;
        let fail = |message: String, dutch: &str| {
            Err(WorkshopError {
                message,
                dutch: dutch.to_string(),
            })
        };
        if root.get("tallies").is_none() && root.get("participants").is_none() {
            return fail(
                "$: this file does not contain a workshop (no tallies or participants); is it a single scan?".into(),
                "Dit bestand bevat geen workshop: er staan geen stemmen en geen deelnemers in. Is het misschien één ingevulde scan?",
            );
        }
        let version = match root.get("format_version") {
            None | Some(Node::Null) => Some(0),
            Some(n) => n.whole(),
        };
        match version {
            Some(v) if (0..=i128::from(WORKSHOP_FORMAT_VERSION)).contains(&v) => {
                Ok(decode(root))
            }
            Some(v) if v > 0 => fail(
                format!("$.format_version: workshop format {v} is newer than this Samenwerkingsscan can read (it reads up to {WORKSHOP_FORMAT_VERSION})."),
                "Dit bestand is gemaakt met een nieuwere versie van de Samenwerkingsscan.",
            ),
            _ => fail(
                format!("$.format_version: the version number is not a whole number from 1 to {WORKSHOP_FORMAT_VERSION}."),
                "Het versienummer in dit bestand klopt niet.",
            ),
        }
    }
}

/// Decodes a workshop object whose version was checked.
pub(crate) fn decode(root: &Node) -> Workshop {
    let mut problems = Problems::default();
    let p = &mut problems;
    // Of the current format version (the caller checked the file's).
    let mut w = Workshop {
        instrument_id: text(
            p,
            root.get("instrument_id"),
            "$.instrument_id",
            ("the questionnaire id", "de id van de vragenlijst"),
        ),
        ..Workshop::default()
    };
    w.set_title(&text(
        p,
        root.get("title"),
        "$.title",
        ("the title", "de titel"),
    ));
    for (factor, node) in object(
        p,
        root.get("tallies"),
        "$.tallies",
        ("the votes", "de stemmen"),
    ) {
        let at = format!("$.tallies[\"{}\"]", escape_key(factor));
        if let Some(tally) = tally(p, node, &at, factor) {
            if !tally.is_empty() {
                w.tallies.insert(factor.clone(), tally);
            }
        }
    }
    for (i, node) in list(
        p,
        root.get("revealed"),
        "$.revealed",
        (
            "the factors whose results were shown",
            "de factoren waarvan de uitslag is getoond",
        ),
    )
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
                ("a revealed factor", "een getoonde factor"),
                ("the id of a factor", "de id van een factor"),
            ),
        }
    }
    for (factor, node) in object(
        p,
        root.get("notes"),
        "$.notes",
        ("the notes", "de notities"),
    ) {
        match node {
            Node::Text(t) => w.set_note(factor, t),
            Node::Null => {}
            other => p.wrong(
                format!("$.notes[\"{}\"]", escape_key(factor)),
                other,
                (
                    &format!("the note on ‘{factor}’"),
                    &format!("de notitie bij ‘{factor}’"),
                ),
                ("a text", "een tekst"),
            ),
        }
    }
    let codes = list(
        p,
        root.get("participants"),
        "$.participants",
        ("the participants", "de deelnemers"),
    );
    // All of them: which codes count (valid for the questionnaire, new, up
    // to MAX_PARTICIPANTS) is decided by `check`, which has the questionnaire.
    for (i, node) in codes.iter().enumerate() {
        match node {
            Node::Text(t) => w.participants.push(t.clone()),
            other => p.wrong(
                format!("$.participants[{i}]"),
                other,
                ("a participant", "een deelnemer"),
                ("a result code", "een resultaatcode"),
            ),
        }
    }
    w.decode_notices = problems.into_notices();
    w
}

/// One factor's votes; `None` (with a notice) when it is not a tally.
fn tally(p: &mut Problems, node: &Node, at: &str, factor: &str) -> Option<Tally> {
    if !matches!(node, Node::Object(_)) {
        p.wrong(
            at.to_string(),
            node,
            (
                &format!("the votes on ‘{factor}’"),
                &format!("de stemmen bij ‘{factor}’"),
            ),
            (
                "a group of fields with counts and unknown",
                "een groep velden met counts en unknown",
            ),
        );
        return None;
    }
    let mut tally = Tally::default();
    let counts = list(
        p,
        node.get("counts"),
        &format!("{at}.counts"),
        ("the votes per point", "de stemmen per punt"),
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
fn votes(p: &mut Problems, node: &Node, at: String, factor: &str) -> u32 {
    match node.whole() {
        Some(n) if n >= 0 => {
            if n > i128::from(MAX_VOTES) {
                p.push(
                    at,
                    format!("A number of votes on ‘{factor}’ is larger than {MAX_VOTES}; {MAX_VOTES} is used."),
                    format!("Een aantal stemmen bij ‘{factor}’ is groter dan {MAX_VOTES}; er tellen {MAX_VOTES} mee."),
                );
            }
            u32::try_from(n.min(i128::from(MAX_VOTES))).unwrap_or(MAX_VOTES)
        }
        _ => {
            p.wrong(
                at,
                node,
                (
                    &format!("a number of votes on ‘{factor}’"),
                    &format!("een aantal stemmen bij ‘{factor}’"),
                ),
                (
                    "a whole number of 0 or more",
                    "een heel getal van 0 of meer",
                ),
            );
            0
        }
    }
}

fn text(p: &mut Problems, node: Option<&Node>, at: &str, what: (&str, &str)) -> String {
    match node {
        None | Some(Node::Null) => String::new(),
        Some(Node::Text(t)) => t.clone(),
        Some(other) => {
            p.wrong(at.to_string(), other, what, ("a text", "een tekst"));
            String::new()
        }
    }
}

fn object<'a>(
    p: &mut Problems,
    node: Option<&'a Node>,
    at: &str,
    what: (&str, &str),
) -> &'a [(String, Node)] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::Object(fields)) => fields,
        Some(other) => {
            p.wrong(
                at.to_string(),
                other,
                what,
                (
                    "a group of fields: factor id → value",
                    "een groep velden: id van de factor → waarde",
                ),
            );
            &[]
        }
    }
}

fn list<'a>(p: &mut Problems, node: Option<&'a Node>, at: &str, what: (&str, &str)) -> &'a [Node] {
    match node {
        None | Some(Node::Null) => &[],
        Some(Node::List(items)) => items,
        Some(other) => {
            p.wrong(at.to_string(), other, what, ("a list", "een lijst"));
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
    let what = [
        "the votes on",
        "de stemmen bij",
        "the votes on",
        "de stemmen bij",
    ];
    unknown_factors(&mut notices, &unknown, "tallies", what);
    let unknown: Vec<String> = w.notes.keys().filter(|id| !known(id)).cloned().collect();
    w.notes.retain(|id, _| known(id));
    let what = [
        "the note on",
        "de notitie bij",
        "the notes on",
        "de notities bij",
    ];
    unknown_factors(&mut notices, &unknown, "notes", what);
    let unknown: Vec<String> = w.revealed.iter().filter(|id| !known(id)).cloned().collect();
    w.revealed.retain(|id| known(id));
    let what = [
        "the mark ‘results shown’ on",
        "de markering ‘uitslag getoond’ bij",
        "the mark ‘results shown’ on",
        "de markering ‘uitslag getoond’ bij",
    ];
    unknown_factors(&mut notices, &unknown, "revealed", what);
    scale(w, instrument, &mut notices);
    participants(w, instrument, &mut notices);
    // Why so much did not fit, when it did not (said once: the id is kept,
    // a baseline's comparison names it too).
    if !notices.is_empty() && !w.instrument_id.is_empty() && w.instrument_id != instrument.id {
        let id = shown(&w.instrument_id);
        notices.insert(0, notice(
            "$.instrument_id",
            format!("This workshop was made with another questionnaire (‘{id}’). Only what fits this questionnaire is kept."),
            format!("Deze workshop is gemaakt met een andere vragenlijst (‘{id}’). Alleen wat bij deze vragenlijst past, is overgenomen."),
        ));
    }
    w.decode_notices.extend(notices);
}

fn notice(path: &str, message: String, dutch: String) -> Notice {
    Notice {
        path: path.to_string(),
        message,
        dutch,
        factor: None,
    }
}

/// An id from a file as it is shown in a sentence: at most 40 characters.
fn shown(id: &str) -> String {
    match id.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &id[..at]),
        None => id.to_string(),
    }
}

/// `what`: what the file holds on one factor and on several, in English
/// and Dutch, e.g. `["the note on", "de notitie bij", "the notes on",
/// "de notities bij"]`.
fn unknown_factors(notices: &mut Vec<Notice>, ids: &[String], field: &str, what: [&str; 4]) {
    if ids.len() <= NAMED {
        for id in ids {
            let name = shown(id);
            notices.push(notice(
                &format!("$.{field}[\"{}\"]", escape_key(id)),
                format!(
                    "Left out: {} ‘{name}’. This questionnaire has no such factor.",
                    what[0]
                ),
                format!(
                    "Weggelaten: {} ‘{name}’. Die factor staat niet in deze vragenlijst.",
                    what[1]
                ),
            ));
        }
    } else {
        let n = ids.len();
        let some = ids
            .iter()
            .take(3)
            .map(|id| format!("‘{}’", shown(id)))
            .collect::<Vec<_>>()
            .join(", ");
        notices.push(notice(
            &format!("$.{field}"),
            format!(
                "Left out: {} {n} factors this questionnaire does not have (such as {some}).",
                what[2]
            ),
            format!(
                "Weggelaten: {} {n} factoren die niet in deze vragenlijst staan (zoals {some}).",
                what[3]
            ),
        ));
    }
}

/// Cuts every tally to the questionnaire's scale; votes beyond its last
/// point are said (per factor, or in one notice when many).
fn scale(w: &mut Workshop, instrument: &Instrument, notices: &mut Vec<Notice>) {
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
        for (id, points, beyond) in &cut {
            let name = shown(id);
            notices.push(notice(
                &format!("$.tallies[\"{}\"].counts", escape_key(id)),
                format!("The votes on ‘{name}’ have {points} points, but this questionnaire’s scale has {max}. The {beyond} votes beyond point {max} do not count."),
                format!("De stemmen bij ‘{name}’ hebben {points} punten, maar de schaal van deze vragenlijst heeft er {max}. De {beyond} stemmen na punt {max} tellen niet mee."),
            ));
        }
    } else {
        let (n, beyond) = (cut.len(), cut.iter().map(|c| c.2).sum::<u64>());
        notices.push(notice(
            "$.tallies",
            format!("The votes on {n} factors have more points than this questionnaire’s scale of {max}. The {beyond} votes beyond point {max} do not count."),
            format!("De stemmen bij {n} factoren hebben meer punten dan de schaal van deze vragenlijst ({max}). De {beyond} stemmen na punt {max} tellen niet mee."),
        ));
    }
}

/// Keeps the codes that are valid for the questionnaire and hold answers,
/// canonical and once each, up to [`MAX_PARTICIPANTS`]; one notice per kind
/// of code left out, with the count.
fn participants(w: &mut Workshop, instrument: &Instrument, notices: &mut Vec<Notice>) {
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
        let canonical = encode_share(instrument, &answers, false);
        if !seen.insert(canonical.clone()) {
            twice += 1;
        } else if kept.len() >= MAX_PARTICIPANTS {
            over += 1;
        } else {
            kept.push(canonical);
        }
    }
    w.participants = kept;
    let at = "$.participants";
    if invalid > 0 {
        notices.push(if invalid == 1 {
            notice(at,
                "1 participant code is not valid for this questionnaire: it is damaged, or it was made with another questionnaire or an earlier version of it. It was left out.".into(),
                "1 code van een deelnemer is niet geldig voor deze vragenlijst: de code is beschadigd, of gemaakt met een andere vragenlijst of een eerdere versie ervan. Die code is weggelaten.".into())
        } else {
            notice(at,
                format!("{invalid} participant codes are not valid for this questionnaire: they are damaged, or they were made with another questionnaire or an earlier version of it. They were left out."),
                format!("{invalid} codes van deelnemers zijn niet geldig voor deze vragenlijst: de codes zijn beschadigd, of gemaakt met een andere vragenlijst of een eerdere versie ervan. Die codes zijn weggelaten."))
        });
    }
    if empty > 0 {
        let (en, nl) = if empty == 1 {
            (
                "1 participant code holds no answers. It was left out.".to_string(),
                "1 code van een deelnemer bevat geen antwoorden. Die code is weggelaten."
                    .to_string(),
            )
        } else {
            (format!("{empty} participant codes hold no answers. They were left out."),
             format!("{empty} codes van deelnemers bevatten geen antwoorden. Die codes zijn weggelaten."))
        };
        notices.push(notice(at, en, nl));
    }
    if twice > 0 {
        let (en, nl) = if twice == 1 {
            ("1 participant code holds the same answers as another code. The same answers count only once: the second code was left out.".to_string(),
             "1 code van een deelnemer bevat dezelfde antwoorden als een andere code. Dezelfde antwoorden tellen maar één keer: de dubbele code is weggelaten.".to_string())
        } else {
            (format!("{twice} participant codes hold the same answers as another code. The same answers count only once: the repeats were left out."),
             format!("{twice} codes van deelnemers bevatten dezelfde antwoorden als een andere code. Dezelfde antwoorden tellen maar één keer: de dubbele codes zijn weggelaten."))
        };
        notices.push(notice(at, en, nl));
    }
    if over > 0 {
        notices.push(notice(
            at,
            format!("A workshop holds at most {MAX_PARTICIPANTS} participants; the last {over} were left out."),
            format!("Een workshop heeft maximaal {MAX_PARTICIPANTS} deelnemers; de laatste {over} zijn weggelaten."),
        ));
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
        let nl: Vec<&str> = w.decode_notices.iter().map(|n| n.text(Lang::Nl)).collect();
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
