//! All state of one widget instance, in one place, changed only by actions.
//! Side effects (storage, URL, focus) live in `app.rs`; this stays pure.

use crate::route::Step;
use crate::survey::{CellNotice, SurveyFailure, SurveyRead};
use samenwerkingsscan::Lang;
use samenwerkingsscan::{
    merge, next_stamp, response_key, stamp_context, stamp_respondent, Answers, Changes, Context,
    Instrument, Respondent, Response, CLEARED,
};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    Working,
    Unavailable,
    Full,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    StartOver,
    Delete,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    Idle,
    /// A survey tool's export is being read (the import bundle may still
    /// be on its way): the read's number, see survey.rs.
    Reading(u32),
    Failed(Vec<String>),
    /// A survey tool's export that is not one person's answers.
    Refused(Refusal),
    Ready {
        // Boxed: the other variants are small (clippy::large_enum_variant).
        answers: Box<Answers>,
        /// What does not count, with its JSON path (in both languages):
        /// the first ones only, of `total`.
        notices: Vec<samenwerkingsscan::Notice>,
        total: usize,
        /// A survey export's cells that do not count (in both languages):
        /// the first ones only, of `total_cells`.
        cells: Vec<CellNotice>,
        total_cells: usize,
    },
}

/// Why a survey tool's export is not opened as the user's answers; each
/// is said in the language shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not read: the file's problem, or the import bundle's absence.
    Unread(SurveyFailure),
    /// The answers of this many people: a group, for a workshop.
    Many(usize),
    /// No row with an answer; the first cells that did not count, of the total.
    Empty(Vec<CellNotice>, usize),
}

impl Import {
    /// What the data panel shows for a survey tool's export: one person's
    /// answers to confirm, or why not. The scan holds one respondent's
    /// answers; a group's export belongs in a workshop.
    pub fn from_survey(read: Result<SurveyRead, SurveyFailure>) -> Import {
        match read {
            Err(failure) => Import::Refused(Refusal::Unread(failure)),
            Ok(read) => match (read.count, read.respondents.into_iter().next()) {
                (0, _) => Import::Refused(Refusal::Empty(read.notices, read.total_notices)),
                (1, Some(answers)) => Import::Ready {
                    answers: Box::new(answers),
                    notices: Vec::new(),
                    total: 0,
                    cells: read.notices,
                    total_cells: read.total_notices,
                },
                (many, _) => Import::Refused(Refusal::Many(many)),
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub step: Step,
    pub answers: Answers,
    /// When each part of `answers` last changed (ms since 1970): merged
    /// with what another tab saved, the later change winning.
    pub changes: Changes,
    /// False right after "delete my data": nothing is written until the user answers again.
    pub persist: bool,
    pub storage: StorageStatus,
    pub saved_at: Option<u64>,
    /// Damaged saved data, kept for download.
    pub corrupt: Option<String>,
    pub import: Import,
    /// Answers from a share link, shown but not yet adopted.
    pub incoming: Option<Answers>,
    pub share_error: Option<samenwerkingsscan::ShareError>,
    pub confirm: Option<Confirm>,
    /// The latest polite announcement (a counter makes repeats re-announce).
    pub announcement: (u32, String),
}

pub enum Action {
    SetLang(Lang),
    ShowStep(Step),
    /// A response, at a time (ms since 1970, `now()`).
    Answer(String, Response, u64),
    SetRespondent(Respondent, u64),
    SetContext(Context, u64),
    StorageResult(StorageStatus, Option<u64>),
    ImportParsed(Result<Box<samenwerkingsscan::Imported>, Vec<String>>),
    /// A survey tool's export is being read (the read's number).
    ImportReading(u32),
    /// A survey tool's export, read (or why not), by the read's number:
    /// taken only while that read is the one waited for.
    ImportSurvey(u32, Result<Box<SurveyRead>, SurveyFailure>),
    /// Adopt the imported answers (the text to announce, the time).
    ImportConfirm(String, u64),
    ImportCancel,
    Incoming(Result<Answers, samenwerkingsscan::ShareError>),
    AdoptIncoming(String, u64),
    DismissIncoming,
    AskConfirm(Confirm),
    CancelConfirm,
    /// Wipe the answers; the text is what to announce.
    Wipe(Confirm, String, u64),
    /// What another tab saved (or this tab's storage holds): merged part by
    /// part, the later change winning; `true`: say so when it changed
    /// anything (in the language shown now).
    MergeSaved(Box<(Answers, Changes)>, bool),
    /// Another tab deleted the saved answers: this tab forgets them too
    /// (else its next save would bring them back).
    DeletedElsewhere,
    Announce(String),
    DismissShareError,
}

/// The time of a change: milliseconds since 1970 (an integer, see `storage::Saved`).
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl State {
    pub fn new(instrument: &Instrument, lang: Lang) -> Self {
        State {
            lang,
            step: Step::Intro,
            answers: Answers::new(instrument),
            changes: Changes::new(),
            persist: true,
            storage: StorageStatus::Working,
            saved_at: None,
            corrupt: None,
            import: Import::Idle,
            incoming: None,
            share_error: None,
            confirm: None,
            announcement: (0, String::new()),
        }
    }

    fn announce(&mut self, text: String) {
        self.announcement = (self.announcement.0 + 1, text);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::ShowStep(step) => {
                s.step = step;
                s.confirm = None;
            }
            Action::Answer(id, response, now) => {
                let at = next_stamp(&s.changes, now);
                s.changes.insert(response_key(&id), at);
                s.answers.responses.insert(id, response);
                s.persist = true;
            }
            Action::SetRespondent(respondent, now) => {
                let at = next_stamp(&s.changes, now);
                stamp_respondent(&mut s.changes, &s.answers.respondent, &respondent, at);
                s.answers.respondent = respondent;
                s.persist = true;
            }
            Action::SetContext(context, now) => {
                let at = next_stamp(&s.changes, now);
                stamp_context(&mut s.changes, &s.answers.context, &context, at);
                s.answers.context = context;
                s.persist = true;
            }
            Action::MergeSaved(saved, announce) => {
                let (theirs, their_changes) = *saved;
                let merged = merge((&s.answers, &s.changes), (&theirs, &their_changes));
                if merged == (s.answers.clone(), s.changes.clone()) {
                    return self;
                }
                (s.answers, s.changes) = merged;
                if announce {
                    s.announce(crate::i18n::texts(s.lang).merged_elsewhere.to_string());
                }
            }
            Action::DeletedElsewhere => {
                if s.answers.responses.is_empty() && !s.persist {
                    return self;
                }
                let id = s.answers.instrument_id.clone();
                s.answers = Answers {
                    instrument_id: id,
                    ..Answers::default()
                };
                s.changes = Changes::new();
                s.saved_at = None;
                s.persist = false;
                s.announce(crate::i18n::texts(s.lang).deleted_elsewhere.to_string());
            }
            Action::StorageResult(status, saved_at) => {
                s.storage = status;
                if saved_at.is_some() {
                    s.saved_at = saved_at;
                }
            }
            Action::ImportParsed(Ok(imported)) => {
                let imported = *imported;
                s.import = Import::Ready {
                    answers: Box::new(imported.answers),
                    notices: imported.notices,
                    total: imported.total_notices,
                    cells: Vec::new(),
                    total_cells: 0,
                }
            }
            Action::ImportReading(id) => s.import = Import::Reading(id),
            Action::ImportSurvey(id, read) => {
                // A later file, a cancel or a confirm since: this read is stale.
                if s.import == Import::Reading(id) {
                    s.import = Import::from_survey(read.map(|r| *r));
                }
            }
            Action::ImportParsed(Err(problems)) => {
                s.import = Import::Failed(problems);
            }
            Action::ImportConfirm(text, at) => {
                if let Import::Ready { answers, .. } =
                    std::mem::replace(&mut s.import, Import::Idle)
                {
                    s.answers = *answers;
                    s.changes = Changes::from([(CLEARED.to_string(), next_stamp(&s.changes, at))]);
                    s.persist = true;
                    s.announce(text);
                }
            }
            Action::ImportCancel => s.import = Import::Idle,
            Action::Incoming(Ok(answers)) => s.incoming = Some(answers),
            Action::Incoming(Err(error)) => s.share_error = Some(error),
            Action::AdoptIncoming(text, at) => {
                if let Some(answers) = s.incoming.take() {
                    s.answers = answers;
                    s.changes = Changes::from([(CLEARED.to_string(), next_stamp(&s.changes, at))]);
                    s.persist = true;
                    s.announce(text);
                }
            }
            Action::DismissIncoming => s.incoming = None,
            Action::AskConfirm(which) => s.confirm = Some(which),
            Action::CancelConfirm => s.confirm = None,
            Action::Wipe(which, text, at) => {
                let id = s.answers.instrument_id.clone();
                s.answers = Answers {
                    instrument_id: id,
                    ..Answers::default()
                };
                s.changes = Changes::from([(CLEARED.to_string(), next_stamp(&s.changes, at))]);
                s.confirm = None;
                s.import = Import::Idle;
                s.saved_at = None;
                s.persist = which == Confirm::StartOver;
                if which == Confirm::Delete {
                    s.corrupt = None;
                }
                s.announce(text);
            }
            Action::Announce(text) => s.announce(text),
            Action::DismissShareError => s.share_error = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenwerkingsscan::{Imported, Role};

    fn start() -> Rc<State> {
        Rc::new(State::new(Instrument::builtin(), Lang::Nl))
    }

    fn statement(i: usize) -> String {
        Instrument::builtin().factors[i].statements[0].id.clone()
    }

    #[test]
    fn an_answer_is_kept_with_the_time_of_its_change() {
        let s = start().reduce(Action::Answer(statement(0), Response::Scale(4), 1_000));
        assert_eq!(s.answers.responses[&statement(0)], Response::Scale(4));
        assert_eq!(s.changes[&response_key(&statement(0))], 1_000);
        // A second change in the same millisecond still comes later.
        let s = s.reduce(Action::Answer(statement(0), Response::Unknown, 1_000));
        assert_eq!(s.answers.responses[&statement(0)], Response::Unknown);
        assert_eq!(s.changes[&response_key(&statement(0))], 1_001);
        assert!(s.persist);
    }

    #[test]
    fn another_tab_s_later_change_wins_and_is_announced_once() {
        let mine = start()
            .reduce(Action::Answer(statement(0), Response::Scale(2), 1_000))
            .reduce(Action::Answer(statement(1), Response::Scale(5), 1_100));
        // The other tab changed statement 1 later, and statement 2 only it knows.
        let other = start()
            .reduce(Action::Answer(statement(1), Response::Scale(1), 2_000))
            .reduce(Action::Answer(statement(2), Response::Scale(3), 2_100));
        let saved = Box::new((other.answers.clone(), other.changes.clone()));
        let merged = mine.clone().reduce(Action::MergeSaved(saved.clone(), true));
        let responses = &merged.answers.responses;
        assert_eq!(responses[&statement(0)], Response::Scale(2));
        assert_eq!(responses[&statement(1)], Response::Scale(1));
        assert_eq!(responses[&statement(2)], Response::Scale(3));
        assert_eq!(
            merged.announcement.1,
            crate::i18n::texts(Lang::Nl).merged_elsewhere
        );
        // The same again changes nothing: the state is the same object.
        let again = merged.clone().reduce(Action::MergeSaved(saved, true));
        assert!(Rc::ptr_eq(&merged, &again));
    }

    #[test]
    fn deleted_in_another_tab_means_deleted_here_without_saving_again() {
        let s = start()
            .reduce(Action::Answer(statement(0), Response::Scale(2), 1_000))
            .reduce(Action::DeletedElsewhere);
        assert!(s.answers.responses.is_empty());
        assert_eq!(s.answers.instrument_id, Instrument::builtin().id);
        assert!(!s.persist);
        assert_eq!(
            s.announcement.1,
            crate::i18n::texts(Lang::Nl).deleted_elsewhere
        );
        // Told once: a second event changes nothing.
        let again = s.clone().reduce(Action::DeletedElsewhere);
        assert!(Rc::ptr_eq(&s, &again));
    }

    #[test]
    fn an_import_replaces_the_answers_only_when_confirmed() {
        let mine = start().reduce(Action::Answer(statement(0), Response::Scale(2), 1_000));
        let mut theirs = Answers::new(Instrument::builtin());
        theirs.responses.insert(statement(3), Response::Scale(5));
        theirs.respondent.role = Some(Role::Raadslid);
        let imported = Imported {
            answers: theirs.clone(),
            notices: Vec::new(),
            total_notices: 0,
            dropped: 0,
        };
        let ready = mine.reduce(Action::ImportParsed(Ok(Box::new(imported))));
        assert!(matches!(ready.import, Import::Ready { .. }));
        assert_eq!(ready.answers.responses.len(), 1, "nothing replaced yet");
        let cancelled = ready.clone().reduce(Action::ImportCancel);
        assert_eq!(cancelled.import, Import::Idle);
        assert_eq!(
            cancelled.answers.responses[&statement(0)],
            Response::Scale(2)
        );
        let adopted = ready.reduce(Action::ImportConfirm("Geladen".into(), 5_000));
        assert_eq!(adopted.answers, theirs);
        assert_eq!(adopted.import, Import::Idle);
        // The replacement is later than every earlier change, so a merge
        // with an older copy in another tab cannot bring the old answers back.
        assert_eq!(adopted.changes.get(CLEARED), Some(&5_000));
        assert_eq!(adopted.announcement.1, "Geladen");
        let failed = start().reduce(Action::ImportParsed(Err(vec!["kapot".into()])));
        assert_eq!(failed.import, Import::Failed(vec!["kapot".into()]));
    }

    #[test]
    fn start_over_keeps_saving_and_delete_stops_it() {
        let s = start()
            .reduce(Action::Answer(statement(0), Response::Scale(2), 1_000))
            .reduce(Action::StorageResult(StorageStatus::Working, Some(1_000)))
            .reduce(Action::AskConfirm(Confirm::StartOver));
        assert_eq!(s.confirm, Some(Confirm::StartOver));
        let over = s
            .clone()
            .reduce(Action::Wipe(Confirm::StartOver, "Opnieuw".into(), 2_000));
        assert!(over.answers.responses.is_empty());
        assert!(over.persist);
        assert_eq!(over.confirm, None);
        assert_eq!(over.saved_at, None);
        let deleted = s.reduce(Action::Wipe(Confirm::Delete, "Gewist".into(), 2_000));
        assert!(!deleted.persist);
        assert_eq!(deleted.announcement.1, "Gewist");
    }

    #[test]
    fn storage_results_keep_the_last_time_saved_and_moving_closes_a_question() {
        let s = start()
            .reduce(Action::StorageResult(StorageStatus::Working, Some(7)))
            .reduce(Action::StorageResult(StorageStatus::Full, None));
        assert_eq!(s.storage, StorageStatus::Full);
        assert_eq!(s.saved_at, Some(7));
        let s = s
            .reduce(Action::AskConfirm(Confirm::Delete))
            .reduce(Action::ShowStep(Step::Report));
        assert_eq!(s.step, Step::Report);
        assert_eq!(s.confirm, None);
    }

    #[test]
    fn a_survey_export_opens_as_one_persons_answers_or_says_why_not() {
        let read = |respondents: usize| SurveyRead {
            count: respondents,
            respondents: vec![Answers::default(); respondents],
            notices: Vec::new(),
            total_notices: 2,
        };
        assert!(matches!(
            Import::from_survey(Ok(read(1))),
            Import::Ready { total_cells: 2, .. }
        ));
        assert_eq!(
            Import::from_survey(Ok(read(37))),
            Import::Refused(Refusal::Many(37))
        );
        assert_eq!(
            Import::from_survey(Ok(read(0))),
            Import::Refused(Refusal::Empty(Vec::new(), 2))
        );
        let failure = SurveyFailure::Unavailable("offline".into());
        assert_eq!(
            Import::from_survey(Err(failure.clone())),
            Import::Refused(Refusal::Unread(failure))
        );
        // Reading, then the answer replaces the "being read" state.
        let reading = start().reduce(Action::ImportReading(7));
        assert_eq!(reading.import, Import::Reading(7));
        let ready = reading.reduce(Action::ImportSurvey(7, Ok(Box::new(read(1)))));
        assert!(matches!(ready.import, Import::Ready { .. }));
        // A read that finishes after another file was chosen, or after a
        // cancel, changes nothing.
        let json = Imported {
            answers: Answers::default(),
            notices: Vec::new(),
            total_notices: 0,
            dropped: 0,
        };
        let later = start()
            .reduce(Action::ImportReading(8))
            .reduce(Action::ImportParsed(Ok(Box::new(json))));
        let after = later
            .clone()
            .reduce(Action::ImportSurvey(8, Ok(Box::new(read(37)))));
        assert_eq!(after.import, later.import);
        let cancelled = start()
            .reduce(Action::ImportReading(9))
            .reduce(Action::ImportCancel)
            .reduce(Action::ImportSurvey(9, Ok(Box::new(read(1)))));
        assert_eq!(cancelled.import, Import::Idle);
        let newer = start()
            .reduce(Action::ImportReading(10))
            .reduce(Action::ImportReading(11))
            .reduce(Action::ImportSurvey(10, Ok(Box::new(read(1)))));
        assert_eq!(newer.import, Import::Reading(11));
    }
}
