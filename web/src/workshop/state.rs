//! All state of a workshop, changed only by actions (a pure reducer, like
//! the scan's `state.rs`). The facilitator's work itself is a core
//! [`Workshop`]; this adds where they are and what the screen shows.

use crate::state::StorageStatus;
use crate::survey::{CellNotice, SurveyFailure, SurveyRead};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{shown_outcomes, CodeOutcome, Instrument, Workshop};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "screen", content = "factor")]
pub enum Screen {
    Setup,
    /// One factor on the projector, by index in instrument order.
    Factor(usize),
    Report,
}

/// What autosave writes (`<storage key>:workshop`). Versioned like the scan's envelope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedWorkshop {
    pub format: u32,
    pub saved_at: u64,
    pub screen: Screen,
    /// Single-key shortcuts on (WCAG 2.1.4: the facilitator can turn them off).
    pub shortcuts: bool,
    pub workshop: Workshop,
    #[serde(default)]
    pub baseline: Option<Workshop>,
}

pub const WORKSHOP_STORAGE_FORMAT: u32 = 1;

/// What happened to one pasted code or one participant file. A file's
/// outcome carries its place among the files chosen together: files are
/// read in any order, their outcomes are listed in the order chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Code(CodeOutcome),
    /// The file's place, and what happened to it (its `input` is the name).
    File(usize, CodeOutcome),
    /// A file that holds no answers: its place, its name and why (already in
    /// the user's language).
    BadFile(usize, String, String),
    /// A survey tool's export being read: its place, the read's number
    /// (survey.rs) and its name. Its result is taken only while this line
    /// is here: choosing other files, loading a workshop or starting a new
    /// one drops the read.
    Reading(usize, u32, String),
    /// A survey tool's export, read: its place and what became of its rows.
    Table(usize, Box<TableOutcome>),
    /// A survey tool's export that could not be read: place, name, why.
    BadTable(usize, String, SurveyFailure),
}

/// What became of the rows of a survey tool's export.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableOutcome {
    /// The file's name.
    pub name: String,
    /// Rows added as participants.
    pub added: usize,
    /// Rows whose answers equal a participant's already there (the same
    /// file loaded twice, or two people who answered alike): not added.
    pub duplicate: usize,
    /// Rows without an answer this questionnaire can use.
    pub empty: usize,
    /// Rows that did not fit: a workshop holds at most
    /// [`MAX_PARTICIPANTS`](samenwerkingsscan::MAX_PARTICIPANTS).
    pub full: usize,
    /// The first cells that did not count, of `total_cells`.
    pub cells: Vec<CellNotice>,
    /// How many cells did not count in all.
    pub total_cells: usize,
}

impl TableOutcome {
    /// Adds the respondents of `read` to `workshop` and counts what became
    /// of each.
    pub fn add(
        workshop: &mut Workshop,
        instrument: &Instrument,
        name: String,
        read: SurveyRead,
    ) -> TableOutcome {
        let mut outcome = TableOutcome {
            cells: read.notices,
            total_cells: read.total_notices,
            ..TableOutcome::default()
        };
        for (i, answers) in read.respondents.iter().enumerate() {
            match workshop.add_answers(instrument, answers, format!("{name} {}", i + 1)) {
                CodeOutcome::Added { .. } => outcome.added += 1,
                CodeOutcome::Duplicate { .. } => outcome.duplicate += 1,
                CodeOutcome::Full { .. } => outcome.full += 1,
                CodeOutcome::Empty { .. } | CodeOutcome::Invalid { .. } => outcome.empty += 1,
            }
        }
        outcome.name = name;
        outcome
    }
}

impl Outcome {
    /// The place of a file's outcome in the list (pasted codes: in order).
    fn place(&self) -> usize {
        match self {
            Outcome::Code(_) => 0,
            Outcome::File(at, _)
            | Outcome::BadFile(at, ..)
            | Outcome::Reading(at, ..)
            | Outcome::Table(at, _)
            | Outcome::BadTable(at, ..) => *at,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct WState {
    pub lang: Lang,
    pub screen: Screen,
    pub shortcuts: bool,
    pub workshop: Workshop,
    pub baseline: Option<Workshop>,
    pub storage: StorageStatus,
    pub saved_at: Option<u64>,
    /// Damaged saved workshop, kept for download.
    pub corrupt: Option<String>,
    /// What happened to the last pasted codes or loaded files.
    pub outcomes: Vec<Outcome>,
    /// Invalid lines of the last paste not in `outcomes` (only counted).
    pub more_invalid: usize,
    /// A file that could not be read (workshop or baseline), with why.
    pub file_error: Option<String>,
    pub confirm_new: bool,
    /// A loaded workshop file waiting for "replace" (the current one has work in it).
    pub pending: Option<(Workshop, String)>,
    pub announcement: (u32, String),
    /// A version another window saved after the one this window knows,
    /// found just before this window would have written over it (it missed
    /// that window's event): autosave waits until the facilitator chooses.
    pub conflict: Option<Box<SavedWorkshop>>,
    /// Counts "keep this version": a new count makes autosave write.
    pub save_requests: u32,
}

impl SavedWorkshop {
    /// Whether `self` holds the same work as this window (the screen and
    /// the time of saving aside: each window keeps its own screen).
    pub fn same_work(
        &self,
        workshop: &Workshop,
        baseline: &Option<Workshop>,
        shortcuts: bool,
    ) -> bool {
        self.workshop == *workshop && self.baseline == *baseline && self.shortcuts == shortcuts
    }
}

pub enum WAction {
    SetLang(Lang),
    Show(Screen),
    SetTitle(String),
    /// Factor id, scale point (0 = "don't know"), votes.
    Votes(Rc<Instrument>, String, u8, u32),
    ToggleReveal(String, String),
    Note(String, String),
    AddCodes(Rc<Instrument>, String),
    /// One participant file, read: its place among the files chosen, its
    /// name and its answers (or why not).
    AddFile(
        Rc<Instrument>,
        usize,
        String,
        Result<samenwerkingsscan::Answers, String>,
    ),
    /// A survey tool's export is being read: the read's number, its place
    /// among the files chosen, its name.
    TableReading(u32, usize, String),
    /// A survey tool's export, read (or why not): the read's number, its name.
    AddTable(
        Rc<Instrument>,
        u32,
        String,
        Result<Box<SurveyRead>, SurveyFailure>,
    ),
    ClearOutcomes,
    RemoveParticipant(String),
    /// A workshop file to continue; asks first when the current one has work in it.
    LoadWorkshop(Workshop, String),
    ConfirmLoad,
    CancelLoad,
    LoadBaseline(Workshop, String),
    DropBaseline,
    FileError(String),
    DismissFileError,
    AskNew,
    CancelNew,
    New(Rc<Instrument>, String),
    Shortcuts(bool),
    StorageResult(StorageStatus, Option<u64>),
    /// Another window saved the workshop (its `storage` event): take its
    /// work over when it is newer than what this window knows.
    FromOtherWindow(Rc<Instrument>, Box<SavedWorkshop>),
    /// Autosave found a newer version it had not been told of.
    Conflict(Box<SavedWorkshop>),
    /// The facilitator keeps this window's version (saved over the other).
    KeepThis,
    /// The facilitator takes the other window's version.
    UseOther(Rc<Instrument>),
}

impl WState {
    pub fn new(instrument: &Instrument, lang: Lang) -> Self {
        WState {
            lang,
            screen: Screen::Setup,
            shortcuts: true,
            workshop: Workshop::new(instrument),
            baseline: None,
            storage: StorageStatus::Working,
            saved_at: None,
            corrupt: None,
            outcomes: Vec::new(),
            more_invalid: 0,
            file_error: None,
            confirm_new: false,
            pending: None,
            announcement: (0, String::new()),
            conflict: None,
            save_requests: 0,
        }
    }

    fn announce(&mut self, text: String) {
        self.announcement = (self.announcement.0 + 1, text);
    }

    /// Takes over another window's work; this window keeps its screen.
    fn adopt(&mut self, instrument: &Instrument, saved: SavedWorkshop) {
        let mut workshop = saved.workshop;
        workshop.check(instrument);
        self.workshop = workshop;
        self.baseline = saved.baseline.map(|mut b| {
            b.check(instrument);
            b
        });
        self.shortcuts = saved.shortcuts;
        self.saved_at = Some(saved.saved_at);
        self.pending = None;
        self.confirm_new = false;
    }

    /// Lists a file's outcome at its place among the files chosen together.
    fn insert_outcome(&mut self, outcome: Outcome) {
        let place = outcome.place();
        let at = self.outcomes.partition_point(|o| o.place() <= place);
        self.outcomes.insert(at, outcome);
    }

    fn clear_outcomes(&mut self) {
        self.outcomes.clear();
        self.more_invalid = 0;
    }
}

impl Reducible for WState {
    type Action = WAction;

    fn reduce(self: Rc<Self>, action: WAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            WAction::SetLang(lang) => s.lang = lang,
            WAction::Show(screen) => {
                s.screen = screen;
                s.confirm_new = false;
            }
            WAction::SetTitle(title) => s.workshop.set_title(&title),
            WAction::Votes(instrument, factor, point, votes) => {
                s.workshop.set_votes(&instrument, &factor, point, votes)
            }
            WAction::ToggleReveal(factor, text) => {
                if !s.workshop.revealed.remove(&factor) {
                    s.workshop.revealed.insert(factor);
                    s.announce(text);
                }
            }
            WAction::Note(factor, text) => s.workshop.set_note(&factor, &text),
            WAction::AddCodes(instrument, text) => {
                let (shown, more) = shown_outcomes(s.workshop.add_codes(&instrument, &text));
                // Files still being read stay waited for.
                s.outcomes.retain(|o| matches!(o, Outcome::Reading(..)));
                s.outcomes.extend(shown.into_iter().map(Outcome::Code));
                s.more_invalid = more;
            }
            WAction::AddFile(instrument, place, name, answers) => {
                let outcome = match answers {
                    Ok(answers) => {
                        Outcome::File(place, s.workshop.add_answers(&instrument, &answers, name))
                    }
                    Err(why) => Outcome::BadFile(place, name, why),
                };
                s.insert_outcome(outcome);
            }
            WAction::TableReading(id, place, name) => {
                s.insert_outcome(Outcome::Reading(place, id, name));
            }
            WAction::AddTable(instrument, id, name, read) => {
                // The file's "being read" line makes way for what became of
                // it; without that line the read is stale (other files
                // chosen, another workshop loaded): nothing is added.
                let Some(at) = s
                    .outcomes
                    .iter()
                    .position(|o| matches!(o, Outcome::Reading(_, read, _) if *read == id))
                else {
                    return self;
                };
                let Outcome::Reading(place, ..) = s.outcomes.remove(at) else {
                    return self;
                };
                let outcome = match read {
                    Ok(read) => Outcome::Table(
                        place,
                        Box::new(TableOutcome::add(&mut s.workshop, &instrument, name, *read)),
                    ),
                    Err(why) => Outcome::BadTable(place, name, why),
                };
                s.insert_outcome(outcome);
            }
            WAction::ClearOutcomes => s.clear_outcomes(),
            WAction::RemoveParticipant(code) => s.workshop.remove_participant(&code),
            WAction::LoadWorkshop(workshop, text) => {
                s.file_error = None;
                if s.workshop.has_work() {
                    s.pending = Some((workshop, text));
                } else {
                    s.workshop = workshop;
                    s.clear_outcomes();
                    s.announce(text);
                }
            }
            WAction::ConfirmLoad => {
                if let Some((workshop, text)) = s.pending.take() {
                    s.workshop = workshop;
                    s.clear_outcomes();
                    s.announce(text);
                }
            }
            WAction::CancelLoad => s.pending = None,
            WAction::LoadBaseline(baseline, text) => {
                s.baseline = Some(baseline);
                s.file_error = None;
                s.announce(text);
            }
            WAction::DropBaseline => s.baseline = None,
            WAction::FileError(why) => s.file_error = Some(why),
            WAction::DismissFileError => s.file_error = None,
            WAction::AskNew => s.confirm_new = true,
            WAction::CancelNew => s.confirm_new = false,
            WAction::New(instrument, text) => {
                s.workshop = Workshop::new(&instrument);
                s.baseline = None;
                s.clear_outcomes();
                s.screen = Screen::Setup;
                s.confirm_new = false;
                s.announce(text);
            }
            WAction::Shortcuts(on) => s.shortcuts = on,
            WAction::FromOtherWindow(instrument, saved) => {
                if s.conflict.is_some() {
                    // Still choosing: the choice is now about the newest.
                    s.conflict = Some(saved);
                } else if saved.saved_at > s.saved_at.unwrap_or(0) {
                    let same = saved.same_work(&s.workshop, &s.baseline, s.shortcuts);
                    s.adopt(&instrument, *saved);
                    if !same {
                        s.announce(
                            crate::i18n::workshop_texts(s.lang)
                                .from_other_window
                                .to_string(),
                        );
                    }
                }
            }
            WAction::Conflict(saved) => s.conflict = Some(saved),
            WAction::KeepThis => {
                if let Some(other) = s.conflict.take() {
                    // Known now, so the next save may replace it.
                    s.saved_at = Some(other.saved_at);
                    s.save_requests = s.save_requests.wrapping_add(1);
                }
            }
            WAction::UseOther(instrument) => {
                if let Some(other) = s.conflict.take() {
                    s.adopt(&instrument, *other);
                    if let Screen::Factor(i) = s.screen {
                        if i >= instrument.factors.len() {
                            s.screen = Screen::Setup;
                        }
                    }
                }
            }
            WAction::StorageResult(status, at) => {
                // Say it once, as the scan does: only when saving stops working.
                if status != s.storage && status != StorageStatus::Working {
                    let w = crate::i18n::workshop_texts(s.lang);
                    s.announce(
                        if status == StorageStatus::Full {
                            w.storage_full
                        } else {
                            w.storage_unavailable
                        }
                        .to_string(),
                    );
                }
                s.storage = status;
                if at.is_some() {
                    s.saved_at = at;
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instrument() -> Rc<Instrument> {
        Rc::new(Instrument::builtin().clone())
    }

    fn start() -> Rc<WState> {
        Rc::new(WState::new(&instrument(), Lang::Nl))
    }

    fn factor(i: usize) -> String {
        Instrument::builtin().factors[i].id.clone()
    }

    fn saved(state: &WState, at: u64) -> Box<SavedWorkshop> {
        Box::new(SavedWorkshop {
            format: WORKSHOP_STORAGE_FORMAT,
            saved_at: at,
            screen: Screen::Setup,
            shortcuts: state.shortcuts,
            workshop: state.workshop.clone(),
            baseline: state.baseline.clone(),
        })
    }

    /// A survey export's respondents: every statement answered with `point`.
    fn table(municipalities: &[&str], point: u8) -> Box<SurveyRead> {
        let respondents = municipalities
            .iter()
            .map(|m| {
                let mut answers = samenwerkingsscan::Answers::default();
                answers.respondent.municipality = Some(m.to_string());
                for (_, statement) in Instrument::builtin().statements() {
                    answers.responses.insert(
                        statement.id.clone(),
                        samenwerkingsscan::Response::Scale(point),
                    );
                }
                answers
            })
            .collect();
        Box::new(SurveyRead {
            count: municipalities.len(),
            respondents,
            notices: Vec::new(),
            total_notices: 0,
        })
    }

    #[test]
    fn a_survey_export_adds_its_rows_and_a_stale_read_adds_nothing() {
        let reading = start().reduce(WAction::TableReading(1, 0, "a.xlsx".into()));
        assert!(matches!(reading.outcomes[..], [Outcome::Reading(0, 1, _)]));
        // Codes pasted meanwhile: the file is still waited for.
        let pasted = reading.reduce(WAction::AddCodes(instrument(), "nonsense".into()));
        assert!(pasted
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Reading(..))));
        let done = pasted.reduce(WAction::AddTable(
            instrument(),
            1,
            "a.xlsx".into(),
            Ok(table(&["Druten", "Wijchen", "Druten"], 4)),
        ));
        assert_eq!(
            done.workshop.participants.len(),
            2,
            "the third row equals the first"
        );
        assert!(done
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Table(0, t) if t.added == 2 && t.duplicate == 1)));
        assert!(!done
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Reading(..))));
        // Other files chosen before the read finished: it is dropped.
        let stale = start()
            .reduce(WAction::TableReading(2, 0, "b.xlsx".into()))
            .reduce(WAction::ClearOutcomes)
            .reduce(WAction::AddTable(
                instrument(),
                2,
                "b.xlsx".into(),
                Ok(table(&["Druten"], 3)),
            ));
        assert!(stale.workshop.participants.is_empty());
        assert!(stale.outcomes.is_empty());
        // A new workshop started meanwhile: nothing reaches it.
        let renewed = start()
            .reduce(WAction::TableReading(3, 0, "c.xlsx".into()))
            .reduce(WAction::New(instrument(), "nieuw".into()))
            .reduce(WAction::AddTable(
                instrument(),
                3,
                "c.xlsx".into(),
                Ok(table(&["Druten"], 3)),
            ));
        assert!(renewed.workshop.participants.is_empty());
    }

    #[test]
    fn votes_and_reveal_change_the_workshop_and_a_reveal_is_announced() {
        let s = start()
            .reduce(WAction::Votes(instrument(), factor(0), 4, 6))
            .reduce(WAction::ToggleReveal(factor(0), "Uitslag".into()));
        assert!(s.workshop.has_work());
        assert!(s.workshop.revealed.contains(&factor(0)));
        assert_eq!(s.announcement.1, "Uitslag");
        let hidden = s.reduce(WAction::ToggleReveal(factor(0), "Uitslag".into()));
        assert!(!hidden.workshop.revealed.contains(&factor(0)));
        assert_eq!(hidden.announcement.0, 1, "hiding is not announced");
    }

    #[test]
    fn a_loaded_workshop_waits_for_confirmation_when_there_is_work() {
        let other = start().reduce(WAction::SetTitle("Raadsconferentie".into()));
        // Nothing done yet: loaded at once.
        let empty = start().reduce(WAction::LoadWorkshop(
            other.workshop.clone(),
            "Geladen".into(),
        ));
        assert_eq!(empty.workshop.title, "Raadsconferentie");
        // With votes: asks first, and cancel keeps the votes.
        let busy = start().reduce(WAction::Votes(instrument(), factor(1), 2, 3));
        let asked = busy.reduce(WAction::LoadWorkshop(
            other.workshop.clone(),
            "Geladen".into(),
        ));
        assert!(asked.pending.is_some());
        assert!(asked.workshop.has_work());
        let kept = asked.clone().reduce(WAction::CancelLoad);
        assert!(kept.pending.is_none() && kept.workshop.has_work());
        let replaced = asked.reduce(WAction::ConfirmLoad);
        assert_eq!(replaced.workshop, other.workshop);
        assert_eq!(replaced.announcement.1, "Geladen");
    }

    #[test]
    fn another_window_s_newer_work_is_taken_over_and_this_window_keeps_its_screen() {
        let mine = start()
            .reduce(WAction::Show(Screen::Factor(2)))
            .reduce(WAction::StorageResult(StorageStatus::Working, Some(1_000)));
        let theirs = start().reduce(WAction::Votes(instrument(), factor(0), 5, 9));
        // Older than what this window knows: ignored.
        let old = mine
            .clone()
            .reduce(WAction::FromOtherWindow(instrument(), saved(&theirs, 500)));
        assert!(!old.workshop.has_work());
        let new = mine.reduce(WAction::FromOtherWindow(
            instrument(),
            saved(&theirs, 2_000),
        ));
        assert_eq!(new.workshop, theirs.workshop);
        assert_eq!(new.screen, Screen::Factor(2));
        assert_eq!(new.saved_at, Some(2_000));
        assert_eq!(
            new.announcement.1,
            crate::i18n::workshop_texts(Lang::Nl).from_other_window
        );
    }

    #[test]
    fn a_conflict_waits_for_the_facilitator_s_choice() {
        let mine = start()
            .reduce(WAction::Votes(instrument(), factor(0), 1, 2))
            .reduce(WAction::Show(Screen::Factor(39)));
        let theirs = start().reduce(WAction::Votes(instrument(), factor(0), 5, 9));
        let asked = mine.reduce(WAction::Conflict(saved(&theirs, 3_000)));
        // While choosing, a newer version from the other window replaces the question.
        let newer = asked.clone().reduce(WAction::FromOtherWindow(
            instrument(),
            saved(&theirs, 4_000),
        ));
        assert_eq!(newer.conflict.as_ref().map(|c| c.saved_at), Some(4_000));
        assert_ne!(newer.workshop, theirs.workshop, "nothing taken over yet");
        let keep = newer.clone().reduce(WAction::KeepThis);
        assert!(keep.conflict.is_none());
        assert_eq!(keep.saved_at, Some(4_000));
        assert_eq!(keep.save_requests, 1, "autosave writes this version now");
        assert_ne!(keep.workshop, theirs.workshop);
        let other = newer.reduce(WAction::UseOther(instrument()));
        assert_eq!(other.workshop, theirs.workshop);
        assert_eq!(other.screen, Screen::Factor(39));
    }

    #[test]
    fn saving_stops_working_is_said_once() {
        let full = start().reduce(WAction::StorageResult(StorageStatus::Full, None));
        assert_eq!(
            full.announcement.1,
            crate::i18n::workshop_texts(Lang::Nl).storage_full
        );
        let again = full.reduce(WAction::StorageResult(StorageStatus::Full, None));
        assert_eq!(again.announcement.0, 1);
    }

    #[test]
    fn a_new_workshop_starts_empty_on_the_setup_screen() {
        let s = start()
            .reduce(WAction::Votes(instrument(), factor(0), 3, 4))
            .reduce(WAction::Show(Screen::Report))
            .reduce(WAction::AskNew);
        assert!(s.confirm_new);
        let new = s.reduce(WAction::New(instrument(), "Nieuw".into()));
        assert!(!new.workshop.has_work());
        assert_eq!(new.screen, Screen::Setup);
        assert!(!new.confirm_new);
    }
}
