//! All state of one widget instance, in one place, changed only by actions.
//! Side effects (storage, URL, focus) live in `app.rs`; this stays pure.

use crate::route::Step;
use samenwerkingsscan::{Answers, Context, Instrument, Respondent, Response};
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
        /// What does not count, with its JSON path (in both languages).
        notices: Vec<samenwerkingsscan::Notice>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: &'static str,
    pub step: Step,
    pub answers: Answers,
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
    Answer(String, Response),
    SetRespondent(Respondent),
    SetContext(Context),
    StorageResult(StorageStatus, Option<u64>),
    ImportParsed(Result<(Answers, Vec<samenwerkingsscan::Notice>), Vec<String>>),
    ImportConfirm(String),
    ImportCancel,
    Incoming(Result<Answers, samenwerkingsscan::ShareError>),
    AdoptIncoming(String),
    DismissIncoming,
    AskConfirm(Confirm),
    CancelConfirm,
    /// Wipe the answers; the text is what to announce.
    Wipe(Confirm, String),
    Announce(String),
    DismissShareError,
}

impl State {
    pub fn new(instrument: &Instrument, lang: &'static str) -> Self {
        State {
            lang,
            step: Step::Intro,
            answers: Answers::new(instrument),
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
            Action::Answer(id, response) => {
                s.answers.responses.insert(id, response);
                s.persist = true;
            }
            Action::SetRespondent(respondent) => {
                s.answers.respondent = respondent;
                s.persist = true;
            }
            Action::SetContext(context) => {
                s.answers.context = context;
                s.persist = true;
            }
            Action::StorageResult(status, saved_at) => {
                s.storage = status;
                if saved_at.is_some() {
                    s.saved_at = saved_at;
                }
            }
            Action::ImportParsed(Ok((answers, notices))) => {
                s.import = Import::Ready {
                    answers: Box::new(answers),
                    notices,
                }
            }
            Action::ImportParsed(Err(problems)) => {
                s.import = Import::Failed(problems);
            }
            Action::ImportConfirm(text) => {
                if let Import::Ready { answers, .. } =
                    std::mem::replace(&mut s.import, Import::Idle)
                {
                    s.answers = *answers;
                    s.persist = true;
                    s.announce(text);
                }
            }
            Action::ImportCancel => s.import = Import::Idle,
            Action::Incoming(Ok(answers)) => s.incoming = Some(answers),
            Action::Incoming(Err(error)) => s.share_error = Some(error),
            Action::AdoptIncoming(text) => {
                if let Some(answers) = s.incoming.take() {
                    s.answers = answers;
                    s.persist = true;
                    s.announce(text);
                }
            }
            Action::DismissIncoming => s.incoming = None,
            Action::AskConfirm(which) => s.confirm = Some(which),
            Action::CancelConfirm => s.confirm = None,
            Action::Wipe(which, text) => {
                let id = s.answers.instrument_id.clone();
                s.answers = Answers {
                    instrument_id: id,
                    ..Answers::default()
                };
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
