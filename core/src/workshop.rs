//! A workshop: a group in one room, with a facilitator and a projector.
//!
//! Two kinds of evidence, kept apart because they may come from the same
//! people and must not be counted twice:
//!
//! - **hand votes** per factor (a [`Tally`]: how many chose each scale point
//!   or "don't know"), anonymous by nature;
//! - **participant codes**: each participant's own scan as a share code
//!   (see `share.rs`), carrying an optional municipality and role, so the
//!   group rules (`group.rs`) can show differences between partners.
//!
//! A vote is about the factor as a whole (its statements read together), so
//! a tally scores the factor directly: the mean of the votes on 0–100, the
//! same scale as one respondent's factor score.
//!
//! Everything here is pure data in, data out: the widget stores a
//! [`Workshop`] and renders a [`WorkshopReport`].

use crate::answers::{Answers, Context};
use crate::compare::{compare, Comparison};
use crate::evaluate::{build_report, GroupRules};
use crate::group::{aggregate, consensus_of, GroupOptions, GroupReport, DISCUSSION_RANGE_FROM};
use crate::instrument::{Factor, Instrument, Polarity};
use crate::report::Report;
use crate::score::{favourability, scale_to_score, FactorScore};
use crate::share::{decode_share, encode_share, find_codes, Found, ShareError};
use crate::text::Lang;
use crate::{Consensus, Role};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

mod summary;
pub use summary::{
    summarize, PointCause, SummaryPoint, SummaryVerdict, WorkshopSummary, SUMMARY_CONCERNS,
    SUMMARY_GAPS, SUMMARY_LABEL_CHARS, SUMMARY_NOTE_CHARS, SUMMARY_POINTS, SUMMARY_REASONS,
    SUMMARY_SUBGROUPS, SUMMARY_TITLE_CHARS,
};

/// The workshop file format this crate writes (and the newest it reads).
pub const WORKSHOP_FORMAT_VERSION: u32 = 1;
/// Votes per scale point are capped here: a typing slip like 1000000 must not
/// outweigh a whole room (and sums stay far from overflow).
pub const MAX_VOTES: u32 = 9_999;
/// A workshop holds at most this many participant codes.
pub const MAX_PARTICIPANTS: usize = 500;
/// Notes longer than this are cut (they are the gist of a discussion).
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Titles longer than this are cut: a title is a heading on the projector
/// and on the report's first page, not a text (typed, loaded or restored).
pub const MAX_TITLE_CHARS: usize = 200;

/// Everything a facilitator has collected. Saved as JSON (autosave, file).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Workshop {
    /// The workshop format version: [`WORKSHOP_FORMAT_VERSION`] once read.
    pub format_version: u32,
    /// The id of the instrument the workshop was made with; kept as it is
    /// when another instrument reads it (see [`Workshop::check`]).
    pub instrument_id: String,
    /// Free text, e.g. "Druten en Wijchen, raadsconferentie 12 maart".
    pub title: String,
    /// Factor id → hand votes.
    pub tallies: BTreeMap<String, Tally>,
    /// Factors whose results the facilitator has revealed.
    pub revealed: BTreeSet<String>,
    /// Factor id → the gist of the discussion.
    pub notes: BTreeMap<String, String>,
    /// Participant share codes, canonical (see [`Workshop::add_codes`]).
    pub participants: Vec<String>,
    /// What [`Workshop::from_json`] could not read and left out, each with
    /// its JSON path (a damaged tally, a note that is not a text, …).
    /// Not written.
    #[serde(skip)]
    pub decode_notices: Vec<crate::Notice>,
}

/// Goes through the same decoder as [`Workshop::from_json`].
impl<'de> Deserialize<'de> for Workshop {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = crate::json::Node::deserialize(deserializer)?;
        Workshop::from_node(&node).map_err(|e| serde::de::Error::custom(e.message))
    }
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            format_version: WORKSHOP_FORMAT_VERSION,
            instrument_id: String::new(),
            title: String::new(),
            tallies: BTreeMap::new(),
            revealed: BTreeSet::new(),
            notes: BTreeMap::new(),
            participants: Vec::new(),
            decode_notices: Vec::new(),
        }
    }
}

/// Hand votes on one factor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tally {
    /// Votes per scale point (index 0 = point 1).
    pub counts: Vec<u32>,
    /// "Don't know" votes.
    pub unknown: u32,
}

impl Tally {
    /// Whether the tally holds no vote at all, on the scale or "don't know".
    pub fn is_empty(&self) -> bool {
        self.counts.iter().all(|&c| c == 0) && self.unknown == 0
    }
}

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
        crate::answers::localized(&self.message, &self.dutch, lang)
    }
}

impl std::fmt::Display for WorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WorkshopError {}

/// What happened to one pasted code or one participant file. Every
/// outcome names its `input` (the code as pasted, or the file's name), so a
/// list of outcomes says which line is about which input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "lowercase")]
pub enum CodeOutcome {
    /// Added as a participant (`"result": "added"`).
    Added {
        /// The code as pasted, or the file's name.
        #[serde(default)]
        input: String,
        /// The code as stored: canonical, without the context.
        code: String,
        /// The participant's municipality, if the code holds one.
        municipality: Option<String>,
        /// The participant's role, if the code holds one.
        role: Option<Role>,
        /// Answers in the file that a code cannot carry: to statements this
        /// questionnaire does not ask (e.g. retired ones) or off the scale.
        /// The facilitator is told; they do not count.
        #[serde(default)]
        not_used: usize,
    },
    /// Not one answer this questionnaire can use: no answers at all, or only
    /// answers it cannot use (`not_used`: to retired or unknown statements,
    /// off the scale). Not added as a participant.
    Empty {
        /// The code as pasted, or the file's name.
        input: String,
        /// How many answers it holds that do not count.
        #[serde(default)]
        not_used: usize,
    },
    /// The same answers are already in the workshop (the same code twice).
    Duplicate {
        /// The code as pasted, or the file's name.
        #[serde(default)]
        input: String,
        /// The stored code it repeats.
        code: String,
    },
    /// Not a code of this questionnaire (a typo, another questionnaire, a
    /// word that looked like a code); not added.
    Invalid {
        /// What was pasted (the code or link, cut at 80 characters).
        input: String,
        /// Why, in English; [`ShareError::text`] gives it in Dutch.
        error: ShareError,
    },
    /// The workshop already holds [`MAX_PARTICIPANTS`].
    Full {
        /// The code as pasted, or the file's name.
        input: String,
    },
}

impl CodeOutcome {
    /// The code or file name this outcome is about.
    pub fn input(&self) -> &str {
        match self {
            CodeOutcome::Added { input, .. }
            | CodeOutcome::Empty { input, .. }
            | CodeOutcome::Duplicate { input, .. }
            | CodeOutcome::Invalid { input, .. }
            | CodeOutcome::Full { input } => input,
        }
    }
}

/// Of one paste, at most this many "not a code" lines are shown; the rest
/// are counted (see [`shown_outcomes`]).
pub const SHOWN_INVALID: usize = 20;

/// The outcomes of one paste as shown: every added, duplicate, empty or
/// full one, and the first [`SHOWN_INVALID`] invalid ones, in order; with
/// the number of invalid ones left out (200 KB of pasted junk is not 1,000
/// lines of "not added").
pub fn shown_outcomes(outcomes: Vec<CodeOutcome>) -> (Vec<CodeOutcome>, usize) {
    let mut invalid = 0;
    let mut hidden = 0;
    let shown = outcomes
        .into_iter()
        .filter(|o| {
            if !matches!(o, CodeOutcome::Invalid { .. }) {
                return true;
            }
            invalid += 1;
            if invalid > SHOWN_INVALID {
                hidden += 1;
            }
            invalid <= SHOWN_INVALID
        })
        .collect();
    (shown, hidden)
}

impl Workshop {
    /// An empty workshop for `instrument`.
    pub fn new(instrument: &Instrument) -> Self {
        Workshop {
            instrument_id: instrument.id.clone(),
            ..Workshop::default()
        }
    }

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
        crate::workshop_file::check(self, instrument);
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
                Ok(crate::workshop_file::decode(root))
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

    /// The workshop as pretty-printed JSON (autosave, file);
    /// `decode_notices` are not written.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Sets the votes for one scale point (`point` 1..=max) or, with
    /// `point == 0`, the "don't know" votes. Out-of-range points are ignored.
    pub fn set_votes(&mut self, instrument: &Instrument, factor: &str, point: u8, votes: u32) {
        let max = instrument.scale_max();
        if instrument.factor(factor).is_none() || point > max {
            return;
        }
        let tally = self.tallies.entry(factor.to_string()).or_default();
        tally.counts.resize(usize::from(max), 0);
        let votes = votes.min(MAX_VOTES);
        if point == 0 {
            tally.unknown = votes;
        } else {
            tally.counts[usize::from(point) - 1] = votes;
        }
        if tally.is_empty() {
            self.tallies.remove(factor);
        }
    }

    /// Whether anything was collected (votes, notes or participants).
    pub fn has_work(&self) -> bool {
        self.tallies.values().any(|t| !t.is_empty())
            || !self.notes.is_empty()
            || !self.participants.is_empty()
    }

    /// Sets the title, cut to [`MAX_TITLE_CHARS`] characters.
    pub fn set_title(&mut self, title: &str) {
        self.title = title.chars().take(MAX_TITLE_CHARS).collect();
    }

    /// Sets the note on `factor`, cut to [`MAX_NOTE_CHARS`] characters; a
    /// blank note removes it.
    pub fn set_note(&mut self, factor: &str, note: &str) {
        let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
        if note.trim().is_empty() {
            self.notes.remove(factor);
        } else {
            self.notes.insert(factor.to_string(), note);
        }
    }

    /// Adds participant codes from pasted text: codes or share links, one
    /// per line or several on a line, in a mail or message, wrapped or
    /// rewritten by a mail client or link scanner (see [`find_codes`]).
    /// Every code is checked; only valid, new ones are added, so a bad
    /// paste never corrupts the group. Codes are stored canonically (without
    /// context), so the same answers typed differently count as a duplicate.
    pub fn add_codes(&mut self, instrument: &Instrument, text: &str) -> Vec<CodeOutcome> {
        find_codes(text)
            .into_iter()
            .map(|found| self.add_code(instrument, found))
            .collect()
    }

    fn add_code(&mut self, instrument: &Instrument, found: Found) -> CodeOutcome {
        match decode_share(instrument, &found.code) {
            Err(error) => CodeOutcome::Invalid {
                input: found.shown,
                error,
            },
            Ok(answers) => self.add_answers(instrument, &answers, found.shown),
        }
    }

    /// Adds one participant's answers (e.g. from an exported JSON file);
    /// `input` names them in the outcome (the file's name). Answers without
    /// one answer this questionnaire can use are [`CodeOutcome::Empty`].
    pub fn add_answers(
        &mut self,
        instrument: &Instrument,
        answers: &Answers,
        input: String,
    ) -> CodeOutcome {
        let not_used = answers.unused_responses(instrument);
        let usable = crate::score::StatementIndex::new(instrument)
            .codes(answers)
            .iter()
            .any(|&c| c != 0);
        if !usable {
            return CodeOutcome::Empty { input, not_used };
        }
        let code = encode_share(instrument, answers, false);
        if self.participants.contains(&code) {
            CodeOutcome::Duplicate { input, code }
        } else if self.participants.len() >= MAX_PARTICIPANTS {
            CodeOutcome::Full { input }
        } else {
            self.participants.push(code.clone());
            CodeOutcome::Added {
                input,
                code,
                municipality: answers.respondent.municipality.clone(),
                role: answers.respondent.role,
                not_used,
            }
        }
    }

    /// Removes the participant with this stored code (as in
    /// [`Workshop::participants`]).
    pub fn remove_participant(&mut self, code: &str) {
        self.participants.retain(|c| c != code);
    }

    /// The participants' answers; codes that no longer decode (a file edited
    /// by hand, another instrument) are skipped.
    pub fn participant_answers(&self, instrument: &Instrument) -> Vec<Answers> {
        self.participants
            .iter()
            .filter_map(|c| decode_share(instrument, c).ok())
            .collect()
    }
}

/// One factor's hand votes, as shown after the reveal and in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TallyResult {
    /// The factor id.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// The id of the factor's phase.
    pub phase: String,
    /// Whether agreeing helps (promoting) or hinders (hindering).
    pub polarity: Polarity,
    /// Votes on the scale.
    pub votes: u64,
    /// "Don't know" votes.
    pub unknown: u64,
    /// False when fewer than the anonymity minimum voted on the scale:
    /// figures withheld.
    pub shown: bool,
    /// Votes per scale point (index 0 = point 1).
    pub distribution: Option<Vec<u64>>,
    /// Mean scale point, e.g. 3.4 on 1–5.
    pub mean_point: Option<f64>,
    /// 0–100, higher is better for both polarities.
    pub favourability: Option<f64>,
    /// The band of `favourability`; `None` when not shown.
    pub band: Option<crate::Band>,
    /// Agreement from the votes' standard deviation on 0–100 (the group
    /// thresholds); `None` when not shown or with fewer than two votes.
    pub consensus: Option<Consensus>,
    /// Strong disagreement (low consensus, or votes [`DISCUSSION_RANGE_FROM`]
    /// points or more apart): talk about this one.
    pub discussion: bool,
}

/// The figures for one factor's votes (used by the reveal screen).
pub fn tally_result(
    instrument: &Instrument,
    factor: &Factor,
    tally: Option<&Tally>,
    min_group_size: usize,
    lang: Lang,
) -> TallyResult {
    let max = instrument.scale_max();
    let counts: Vec<u64> = (0..usize::from(max))
        .map(|i| {
            tally
                .and_then(|t| t.counts.get(i))
                .map_or(0, |&c| u64::from(c.min(MAX_VOTES)))
        })
        .collect();
    let votes: u64 = counts.iter().sum();
    let unknown = tally.map_or(0, |t| u64::from(t.unknown.min(MAX_VOTES)));
    let shown = votes >= min_group_size.max(1) as u64;
    let score = mean_score(&counts, max);
    let spread = spread(&counts, max, score);
    let lowest = counts.iter().position(|&c| c > 0);
    let highest = counts.iter().rposition(|&c| c > 0);
    let range = lowest
        .zip(highest)
        .map(|(lo, hi)| scale_to_score(hi as u8 + 1, max) - scale_to_score(lo as u8 + 1, max));
    let consensus = spread.filter(|_| votes >= 2).map(consensus_of);
    let discussion = votes >= 2
        && (consensus == Some(Consensus::Low) || range.is_some_and(|r| r >= DISCUSSION_RANGE_FROM));
    let fav = score.map(|s| favourability(s, factor.polarity));
    TallyResult {
        id: factor.id.clone(),
        name: factor.name.get(lang).to_string(),
        phase: factor.phase.clone(),
        polarity: factor.polarity,
        votes,
        unknown,
        shown,
        distribution: shown.then_some(counts.clone()),
        mean_point: score
            .filter(|_| shown)
            .map(|s| 1.0 + s * f64::from(max.saturating_sub(1)) / 100.0),
        favourability: fav.filter(|_| shown),
        band: fav.filter(|_| shown).map(crate::Band::of),
        consensus: consensus.filter(|_| shown),
        discussion: discussion && shown,
    }
}

/// Mean of the votes on 0–100, `None` without votes.
fn mean_score(counts: &[u64], max: u8) -> Option<f64> {
    let votes: u64 = counts.iter().sum();
    (votes > 0).then(|| {
        let sum: f64 = counts
            .iter()
            .enumerate()
            .map(|(i, &c)| c as f64 * scale_to_score(i as u8 + 1, max))
            .sum();
        sum / votes as f64
    })
}

/// Population standard deviation of the votes on 0–100.
fn spread(counts: &[u64], max: u8, mean: Option<f64>) -> Option<f64> {
    let mean = mean?;
    let votes: u64 = counts.iter().sum();
    let squares: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let d = scale_to_score(i as u8 + 1, max) - mean;
            c as f64 * d * d
        })
        .sum();
    Some((squares / votes as f64).sqrt())
}

/// The room's hand votes: per factor, and as one report through the same
/// rules as a single scan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomResult {
    /// The largest number of votes on any one factor (about the room's size).
    pub voters: u64,
    /// The verdict and everything else, from the votes.
    pub report: Report,
    /// Per factor, in instrument order (factors without votes included).
    pub factors: Vec<TallyResult>,
}

/// The facilitator's note on one factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactorNote {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// The note, without surrounding white space; its line breaks kept.
    pub text: String,
}

/// A workshop's report, as [`workshop_report`] makes it: the summary first,
/// then the appendix (the room, the participants, the notes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopReport {
    /// The workshop's title as the facilitator gave it.
    pub title: String,
    /// The anonymity minimum used (at least 1): a factor with fewer votes,
    /// or answered by fewer participants, shows no figures.
    pub min_group_size: usize,
    /// From the hand votes; `None` before any factor has votes.
    pub room: Option<RoomResult>,
    /// From the participant codes; `None` without participants.
    pub group: Option<GroupReport>,
    /// In instrument order.
    pub notes: Vec<FactorNote>,
    /// Factors to talk about (room or participants), in instrument order.
    pub discussion_points: Vec<String>,
    /// The first pages: verdicts, the most important discussion points,
    /// the largest differences ([`summarize`]).
    pub summary: WorkshopSummary,
}

/// Builds the workshop report: the room's votes through the same rules as a
/// single scan, the participants through the group rules.
pub fn workshop_report(
    instrument: &Instrument,
    workshop: &Workshop,
    options: &GroupOptions,
    lang: Lang,
) -> WorkshopReport {
    let min = options.min_group_size.max(1);
    let participants = workshop.participant_answers(instrument);
    let group =
        (!participants.is_empty()).then(|| aggregate(instrument, &participants, options, lang));
    let context = group
        .as_ref()
        .map(|_| crate::merge_contexts(participants.iter().map(|a| &a.context)))
        .unwrap_or_default();
    let room = room_result(instrument, workshop, &context, min, lang);
    let discussed: BTreeSet<&str> = room
        .iter()
        .flat_map(|r| {
            r.factors
                .iter()
                .filter(|f| f.discussion)
                .map(|f| f.id.as_str())
        })
        .chain(
            group
                .iter()
                .flat_map(|g| g.discussion_points.iter().map(String::as_str)),
        )
        .collect();
    let mut report = WorkshopReport {
        title: workshop.title.clone(),
        min_group_size: min,
        discussion_points: instrument
            .factors
            .iter()
            .filter(|f| discussed.contains(f.id.as_str()))
            .map(|f| f.id.clone())
            .collect(),
        notes: instrument
            .factors
            .iter()
            .filter_map(|f| {
                let text = workshop.notes.get(&f.id)?.trim();
                (!text.is_empty()).then(|| FactorNote {
                    factor: f.id.clone(),
                    factor_name: f.name.get(lang).to_string(),
                    text: text.to_string(),
                })
            })
            .collect(),
        room,
        group,
        summary: WorkshopSummary::default(),
    };
    report.summary = summarize(instrument, &report, lang);
    report
}

fn room_result(
    instrument: &Instrument,
    workshop: &Workshop,
    context: &Context,
    min: usize,
    lang: Lang,
) -> Option<RoomResult> {
    let max = instrument.scale_max();
    let results: Vec<TallyResult> = instrument
        .factors
        .iter()
        .map(|f| tally_result(instrument, f, workshop.tallies.get(&f.id), min, lang))
        .collect();
    if results.iter().all(|r| r.votes == 0 && r.unknown == 0) {
        return None;
    }
    // A vote covers all statements of its factor, so coverage is counted in
    // statements like a single scan's. Factors below the anonymity minimum
    // count as not answered: their figures are not shown either.
    let scores: Vec<FactorScore> = instrument
        .factors
        .iter()
        .zip(&results)
        .map(|(factor, r)| {
            let statements = factor.statements.len();
            let counts = r.distribution.clone().unwrap_or_default();
            let score = mean_score(&counts, max).filter(|_| r.shown);
            let (answered, unknown) = match (score.is_some(), r.unknown > 0) {
                (true, _) => (statements, 0),
                (false, true) => (0, statements),
                (false, false) => (0, 0),
            };
            FactorScore {
                score,
                answered,
                unknown,
                missing: statements - answered - unknown,
            }
        })
        .collect();
    Some(RoomResult {
        voters: results
            .iter()
            .map(|r| r.votes + r.unknown)
            .max()
            .unwrap_or(0),
        report: build_report(
            instrument,
            &scores,
            context,
            lang,
            Vec::new(),
            GroupRules::default(),
        ),
        factors: results,
    })
}

/// A later workshop against an earlier one (the nulmeting, §8.6): the
/// room's votes against the room's, the participants against the
/// participants. A part missing on either side is `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopComparison {
    /// The baseline workshop's title.
    pub baseline_title: String,
    /// The room's votes against the baseline room's; `None` when either
    /// has no votes.
    pub room: Option<Comparison>,
    /// The participants against the baseline's participants; `None` when
    /// either has none.
    pub group: Option<Comparison>,
    /// What the reader must know: the baseline used another questionnaire,
    /// or there is nothing to compare.
    pub notes: Vec<String>,
}

/// Compares a workshop with its baseline (the nulmeting, §8.6): both are
/// reported with [`workshop_report`], then the room with the room and the
/// participants with the participants ([`compare`](crate::compare)).
pub fn compare_workshops(
    instrument: &Instrument,
    baseline: &Workshop,
    current: &Workshop,
    options: &GroupOptions,
    lang: Lang,
) -> WorkshopComparison {
    let m = lang;
    let before = workshop_report(instrument, baseline, options, lang);
    let after = workshop_report(instrument, current, options, lang);
    let mut notes = Vec::new();
    if !baseline.instrument_id.is_empty() && baseline.instrument_id != instrument.id {
        notes.push(m.pick(
            format!("De nulmeting is gemaakt met een andere vragenlijst ({}); alleen gelijke factoren worden vergeleken.", baseline.instrument_id),
            format!("The baseline was made with a different questionnaire ({}); only matching factors are compared.", baseline.instrument_id),
        ));
    }
    let pair = |a: Option<&Report>, b: Option<&Report>| a.zip(b).map(|(a, b)| compare(a, b));
    let room = pair(
        before.room.as_ref().map(|r| &r.report),
        after.room.as_ref().map(|r| &r.report),
    );
    let group = pair(
        before.group.as_ref().map(|g| &g.report),
        after.group.as_ref().map(|g| &g.report),
    );
    if room.is_none() && group.is_none() {
        notes.push(m.pick(
            "Er is niets te vergelijken: de nulmeting en deze workshop hebben geen stemmen of deelnemers van dezelfde soort.".to_string(),
            "There is nothing to compare: the baseline and this workshop have no votes or participants in common.".to_string(),
        ));
    }
    WorkshopComparison {
        baseline_title: baseline.title.clone(),
        room,
        group,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Response;

    fn instrument() -> &'static Instrument {
        Instrument::builtin()
    }

    fn votes(w: &mut Workshop, factor: &str, counts: [u32; 5]) {
        for (i, c) in counts.iter().enumerate() {
            w.set_votes(instrument(), factor, i as u8 + 1, *c);
        }
    }

    #[test]
    fn a_tally_scores_the_factor_and_flags_disagreement() {
        let i = instrument();
        let factor = i.factor("noodzaak-onderkend").unwrap();
        let calm = Tally {
            counts: vec![0, 0, 0, 4, 4],
            unknown: 1,
        };
        let r = tally_result(i, factor, Some(&calm), 3, Lang::Nl);
        assert_eq!((r.votes, r.unknown), (8, 1));
        assert_eq!(r.mean_point, Some(4.5));
        assert_eq!(r.favourability, Some(87.5));
        assert_eq!(r.consensus, Some(Consensus::High));
        assert!(!r.discussion);
        let split = Tally {
            counts: vec![3, 0, 0, 0, 3],
            unknown: 0,
        };
        let r = tally_result(i, factor, Some(&split), 3, Lang::Nl);
        assert_eq!(r.consensus, Some(Consensus::Low));
        assert!(r.discussion);
    }

    #[test]
    fn hindering_votes_turn_around() {
        let i = instrument();
        let factor = i
            .factors
            .iter()
            .find(|f| f.polarity == Polarity::Hindering)
            .unwrap();
        let agree = Tally {
            counts: vec![0, 0, 0, 0, 5],
            unknown: 0,
        };
        let r = tally_result(i, factor, Some(&agree), 3, Lang::Nl);
        assert_eq!(r.favourability, Some(0.0));
    }

    #[test]
    fn small_tallies_are_withheld() {
        let i = instrument();
        let factor = &i.factors[0];
        let two = Tally {
            counts: vec![1, 0, 0, 0, 1],
            unknown: 0,
        };
        let r = tally_result(i, factor, Some(&two), 3, Lang::Nl);
        assert!(!r.shown);
        assert_eq!(
            (r.distribution, r.mean_point, r.discussion),
            (None, None, false)
        );
    }

    #[test]
    fn set_votes_validates_and_caps() {
        let i = instrument();
        let mut w = Workshop::new(i);
        assert!(!w.has_work());
        w.set_votes(i, "no-such-factor", 1, 3);
        w.set_votes(i, &i.factors[0].id, 9, 3);
        assert!(w.tallies.is_empty());
        w.set_votes(i, &i.factors[0].id, 2, u32::MAX);
        assert!(w.has_work());
        assert_eq!(
            w.tallies[&i.factors[0].id].counts,
            vec![0, MAX_VOTES, 0, 0, 0]
        );
        w.set_votes(i, &i.factors[0].id, 2, 0);
        assert!(w.tallies.is_empty(), "an all-zero tally is no tally");
    }

    #[test]
    fn a_title_is_cut_wherever_it_comes_from() {
        let i = instrument();
        let long = "Raadsconferentie ".repeat(300);
        // Loaded from a file.
        let json =
            serde_json::json!({"format_version": 1, "title": long, "participants": []}).to_string();
        let w = Workshop::from_json(&json).unwrap();
        assert_eq!(w.title.chars().count(), MAX_TITLE_CHARS);
        assert!(long.starts_with(&w.title));
        // Set directly (an autosave from before the limit), then checked.
        let mut w = Workshop::new(i);
        w.title = "é".repeat(MAX_TITLE_CHARS + 1);
        w.check(i);
        assert_eq!(w.title, "é".repeat(MAX_TITLE_CHARS));
        // Typed.
        w.set_title(&long);
        assert_eq!(w.title.chars().count(), MAX_TITLE_CHARS);
    }

    #[test]
    fn a_file_says_which_answers_a_code_cannot_carry() {
        let i = instrument();
        let mut w = Workshop::new(i);
        // Only answers to retired statements (instrument 2.0): not a participant.
        let old =
            Answers::from_json(r#"{"responses": {"werkdruk.1": 4, "visievorming.2": 2}}"#).unwrap();
        let out = w.add_answers(i, &old, "oud.json".into());
        assert_eq!(
            out,
            CodeOutcome::Empty {
                input: "oud.json".into(),
                not_used: 2
            }
        );
        assert!(w.participants.is_empty());
        // Mixed: added, and the two that do not count are counted.
        let mixed = Answers::from_json(
            r#"{"responses": {"werkdruk.1": 4, "visievorming.2": 2, "werkdruk.3": 5}}"#,
        )
        .unwrap();
        let out = w.add_answers(i, &mixed, "gemengd.json".into());
        assert!(
            matches!(out, CodeOutcome::Added { not_used: 2, .. }),
            "{out:?}"
        );
    }

    /// Every outcome of a file names the file; a file without one answer
    /// the questionnaire can use is no participant.
    #[test]
    fn every_outcome_of_a_file_names_it_and_an_unusable_file_is_no_participant() {
        let i = instrument();
        let mut w = Workshop::new(i);
        let file = |json: &str| Answers::from_json(json).unwrap();
        let out = w.add_answers(i, &file(r#"{"responses": {}}"#), "leeg.json".into());
        assert_eq!(
            out,
            CodeOutcome::Empty {
                input: "leeg.json".into(),
                not_used: 0
            }
        );
        // Only off the scale, or to a statement no questionnaire has.
        let out = w.add_answers(
            i,
            &file(r#"{"responses": {"noodzaak-onderkend.1": 9, "bestaat.niet": 3}}"#),
            "scheef.json".into(),
        );
        assert_eq!(
            out,
            CodeOutcome::Empty {
                input: "scheef.json".into(),
                not_used: 2
            }
        );
        assert!(w.participants.is_empty());
        let one = file(r#"{"responses": {"noodzaak-onderkend.1": 4}}"#);
        let added = w.add_answers(i, &one, "piet.json".into());
        assert!(matches!(&added, CodeOutcome::Added { .. }), "{added:?}");
        assert_eq!(added.input(), "piet.json");
        let twice = w.add_answers(i, &one, "piet-kopie.json".into());
        assert!(matches!(&twice, CodeOutcome::Duplicate { .. }), "{twice:?}");
        assert_eq!(twice.input(), "piet-kopie.json");
        // "Don't know" is an answer: a participant.
        let unsure = file(r#"{"responses": {"noodzaak-onderkend.1": "unknown"}}"#);
        assert_eq!(
            w.add_answers(i, &unsure, "twijfel.json".into()).input(),
            "twijfel.json"
        );
        assert_eq!(w.participants.len(), 2);
        // Full: named too.
        w.participants = (0..MAX_PARTICIPANTS).map(|n| n.to_string()).collect();
        let full = w.add_answers(
            i,
            &file(r#"{"responses": {"werkdruk.3": 2}}"#),
            "laat.json".into(),
        );
        assert_eq!(
            full,
            CodeOutcome::Full {
                input: "laat.json".into()
            }
        );
    }

    #[test]
    fn pasted_junk_shows_twenty_lines_and_counts_the_rest() {
        let i = instrument();
        let mut answers = Answers::new(i);
        answers
            .responses
            .insert("noodzaak-onderkend.1".into(), Response::Scale(3));
        let code = encode_share(i, &answers, false);
        // Lines that look like codes (the code alphabet, a code's length)
        // but do not check out.
        let junk: String = (0..450u32)
            .map(|n| {
                format!(
                    "{:016X}-{:08X}\n",
                    u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    n
                )
            })
            .collect();
        let text = format!("{junk}{code}\n{code}\n{junk}");
        let mut w = Workshop::new(i);
        let outcomes = w.add_codes(i, &text);
        let invalid = outcomes
            .iter()
            .filter(|o| matches!(o, CodeOutcome::Invalid { .. }))
            .count();
        assert!(invalid > SHOWN_INVALID, "{invalid}");
        let (shown, hidden) = shown_outcomes(outcomes);
        let shown_invalid = shown
            .iter()
            .filter(|o| matches!(o, CodeOutcome::Invalid { .. }))
            .count();
        assert_eq!(
            (shown_invalid, hidden),
            (SHOWN_INVALID, invalid - SHOWN_INVALID)
        );
        // The added and the duplicate code are always shown, in order.
        assert!(matches!(shown[SHOWN_INVALID], CodeOutcome::Added { .. }));
        assert!(matches!(
            shown[SHOWN_INVALID + 1],
            CodeOutcome::Duplicate { .. }
        ));
        assert_eq!(shown.len(), SHOWN_INVALID + 2);
        assert_eq!(shown_outcomes(Vec::new()), (Vec::new(), 0));
    }

    #[test]
    fn codes_are_checked_and_deduplicated() {
        let i = instrument();
        let mut answers = Answers::new(i);
        answers.respondent.municipality = Some("Druten".into());
        answers.respondent.role = Some(Role::Raadslid);
        answers
            .responses
            .insert("noodzaak-onderkend.1".into(), Response::Scale(4));
        let code = encode_share(i, &answers, true);
        let link = format!("https://example.nl/scan#scan-code={code}");
        let mut broken = code.clone();
        broken.replace_range(6..7, if &code[6..7] == "A" { "B" } else { "A" });
        let mut w = Workshop::new(i);
        let out = w.add_codes(i, &format!("{code}\n\n{link}; {broken}\nhello"));
        assert!(
            matches!(&out[0], CodeOutcome::Added { municipality: Some(m), role: Some(Role::Raadslid), .. } if m == "Druten")
        );
        assert!(matches!(out[1], CodeOutcome::Duplicate { .. }));
        assert!(matches!(out[2], CodeOutcome::Invalid { .. }));
        // A word beside the codes is not a code attempt.
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(w.participants.len(), 1);
        assert_eq!(w.participant_answers(i)[0].responses, answers.responses);
        // Text without any code still says so.
        assert!(matches!(
            &w.add_codes(i, "hello")[..],
            [CodeOutcome::Invalid { input, .. }] if input == "hello"
        ));
    }

    #[test]
    fn codes_survive_mail_clients_and_link_scanners() {
        let i = instrument();
        let mut answers = Answers::new(i);
        answers
            .responses
            .insert("noodzaak-onderkend.1".into(), Response::Scale(2));
        let code = encode_share(i, &answers, false);
        let link = format!("https://gemeente.nl/scan/#scan-code={code}")
            .replace('/', "%2F")
            .replace(':', "%3A")
            .replace('#', "%23")
            .replace('=', "%3D");
        let safe = format!("https://eur01.safelinks.protection.outlook.com/?url={link}&data=05%7C01%7C0ABCDEFGHJKMNPQRSTVWXYZ0123%7C0&reserved=0");
        // Wrapped by a mail client, quoted in a reply.
        let (a, b) = safe.split_at(safe.len() / 2);
        let mut w = Workshop::new(i);
        let out = w.add_codes(i, &format!("> Mijn code:\n> {a}\n> {b}\n> Groet, Piet"));
        assert!(
            matches!(&out[..], [CodeOutcome::Added { code: c, .. }] if *c == code),
            "{out:?}"
        );
    }

    #[test]
    fn the_report_keeps_room_and_participants_apart() {
        let i = instrument();
        let mut w = Workshop::new(i);
        assert_eq!(
            workshop_report(i, &w, &GroupOptions::default(), Lang::Nl).room,
            None
        );
        for f in &i.factors {
            let counts = if f.polarity == Polarity::Promoting {
                [0, 0, 1, 4, 3]
            } else {
                [3, 4, 1, 0, 0]
            };
            votes(&mut w, &f.id, counts);
        }
        w.set_note(&i.factors[1].id, "  Eerst de raden meenemen.  ");
        w.set_note(&i.factors[2].id, "   ");
        let report = workshop_report(i, &w, &GroupOptions::default(), Lang::Nl);
        let room = report.room.expect("votes give a room result");
        assert_eq!(room.voters, 8);
        assert_eq!(room.report.coverage.ratio, 1.0);
        assert_eq!(room.report.verdict.level, crate::VerdictLevel::Ready);
        assert!(report.group.is_none());
        assert_eq!(report.notes.len(), 1);
        assert_eq!(report.notes[0].text, "Eerst de raden meenemen.");
    }

    #[test]
    fn a_baseline_compares_like_with_like() {
        let i = instrument();
        let mut before = Workshop::new(i);
        let mut after = Workshop::new(i);
        for f in &i.factors {
            votes(&mut before, &f.id, [0, 0, 5, 0, 0]);
            votes(&mut after, &f.id, [0, 0, 0, 5, 0]);
        }
        let c = compare_workshops(i, &before, &after, &GroupOptions::default(), Lang::En);
        let room = c.room.expect("both have votes");
        assert!(c.group.is_none());
        let promoting = i
            .factors
            .iter()
            .filter(|f| f.polarity == Polarity::Promoting)
            .count();
        assert_eq!(room.improved.len(), promoting);
        assert!(c.notes.is_empty());
    }

    #[test]
    fn files_round_trip_and_bad_files_say_why() {
        let i = instrument();
        let mut w = Workshop::new(i);
        w.title = "Druten–Wijchen".into();
        votes(&mut w, &i.factors[0].id, [1, 2, 3, 4, 5]);
        w.revealed.insert(i.factors[0].id.clone());
        assert_eq!(Workshop::from_json(&w.to_json()).unwrap(), w);
        assert!(Workshop::from_json("not json").is_err());
        assert!(Workshop::from_json("[]").is_err());
        assert!(Workshop::from_json(r#"{"responses":{}}"#)
            .unwrap_err()
            .message
            .contains("single scan"));
        assert!(Workshop::from_json(r#"{"format_version":99,"tallies":{}}"#)
            .unwrap_err()
            .message
            .contains("newer"));
        for (json, dutch) in [
            ("not json", "geen leesbaar JSON-bestand"),
            ("[]", "bevat geen workshop"),
            (r#"{"responses":{}}"#, "één ingevulde scan"),
            (r#"{"format_version":99,"tallies":{}}"#, "nieuwere versie"),
            (r#"{"format_version":"1","tallies":{}}"#, "versienummer"),
        ] {
            let error = Workshop::from_json(json).unwrap_err();
            assert!(
                error.text(Lang::Nl).contains(dutch),
                "{json}: {}",
                error.text(Lang::Nl)
            );
        }
    }

    /// A damaged tally, note or code is named with its path; the votes,
    /// notes and participants around it are kept.
    #[test]
    fn a_damaged_part_of_a_workshop_file_costs_only_that_part() {
        let i = instrument();
        let (a, b) = (&i.factors[0].id, &i.factors[1].id);
        let json = format!(
            r#"{{"tallies": {{"{a}": {{"counts": "many"}}, "{b}": {{"counts": [1, -2, 3.5, 20000, 1], "unknown": 2}}}},
                "notes": {{"{a}": 5, "{b}": "Goed gesprek"}}, "revealed": ["{b}", 3],
                "participants": [1, "ABC"], "title": ["x"]}}"#
        );
        let w = Workshop::from_json(&json).unwrap();
        assert!(!w.tallies.contains_key(a.as_str()));
        assert_eq!(w.tallies[b.as_str()].counts, [1, 0, 0, MAX_VOTES, 1]);
        assert_eq!(w.tallies[b.as_str()].unknown, 2);
        assert_eq!(w.notes[b.as_str()], "Goed gesprek");
        assert_eq!(w.participants, ["ABC"]);
        let paths: Vec<&str> = w.decode_notices.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.title".to_string(),
                format!("$.tallies[\"{a}\"].counts"),
                format!("$.tallies[\"{b}\"].counts[1]"),
                format!("$.tallies[\"{b}\"].counts[2]"),
                format!("$.tallies[\"{b}\"].counts[3]"),
                "$.revealed[1]".to_string(),
                format!("$.notes[\"{a}\"]"),
                "$.participants[0]".to_string(),
            ]
        );
        assert!(w.decode_notices[4]
            .text(Lang::Nl)
            .contains("groter dan 9999"));
    }
}
