//! A workshop as data: the hand votes per factor, the notes, the revealed
//! factors and the participants' codes, and the ways a facilitator changes
//! them. Reading files is `file.rs`, adding codes `codes.rs`, the report
//! `report.rs`.

use crate::answers::Answers;
use crate::instrument::Instrument;
use crate::share::decode_share;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Workshop {
    /// The workshop format version: [`WORKSHOP_FORMAT_VERSION`] once read.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub format_version: u32,
    /// The id of the instrument the workshop was made with; kept as it is
    /// when another instrument reads it (see [`Workshop::check`]).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub instrument_id: String,
    /// Free text, e.g. "Druten en Wijchen, raadsconferentie 12 maart".
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub title: String,
    /// Factor id → hand votes.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub tallies: BTreeMap<String, Tally>,
    /// Factors whose results the facilitator has revealed.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub revealed: BTreeSet<String>,
    /// Factor id → the gist of the discussion.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub notes: BTreeMap<String, String>,
    /// Participant share codes, canonical (see [`Workshop::add_codes`]).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub participants: Vec<String>,
    /// What [`Workshop::from_json`] could not read and left out, each with
    /// its JSON path (a damaged tally, a note that is not a text, …).
    /// Not written.
    #[serde(skip)]
    pub decode_notices: Vec<super::notice::WorkshopNotice>,
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
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
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

impl Workshop {
    /// An empty workshop for `instrument`.
    pub fn new(instrument: &Instrument) -> Self {
        Workshop {
            instrument_id: instrument.id.clone(),
            ..Workshop::default()
        }
    }

    /// The workshop as pretty-printed JSON (autosave, file);
    /// `decode_notices` are not written.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Sets the votes for one scale point (`point` 1..=max) or, with
    /// `point == 0`, the "don't know" votes. Out-of-range points and
    /// factors the instrument does not have are ignored; votes are capped
    /// at [`MAX_VOTES`].
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
