//! All state of one widget instance, in one place, changed only by actions.
//! Side effects (storage, URL, focus) live in `app.rs`; this stays pure.

use crate::route::Step;
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
    Failed(Vec<String>),
    Ready {
        // Boxed: the other variants are small (clippy::large_enum_variant).
        answers: Box<Answers>,
        /// What does not count, with its JSON path (in both languages):
        /// the first ones only, of `total`.
        notices: Vec<samenwerkingsscan::Notice>,
        total: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: &'static str,
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
    SetLang(&'static str),
    ShowStep(Step),
    /// A response, at a time (ms since 1970, `now()`).
    Answer(String, Response, u64),
    SetRespondent(Respondent, u64),
    SetContext(Context, u64),
    StorageResult(StorageStatus, Option<u64>),
    ImportParsed(Result<Box<samenwerkingsscan::Imported>, Vec<String>>),
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
    pub fn new(instrument: &Instrument, lang: &'static str) -> Self {
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
