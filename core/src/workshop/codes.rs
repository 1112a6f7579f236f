//! Participants join a workshop by their scan's share code (pasted, even
//! from mail text) or file: each input gets an outcome that names it.

use super::{Workshop, MAX_PARTICIPANTS};
use crate::answers::Answers;
use crate::answers::Context;
use crate::instrument::Instrument;
use crate::share::{decode_share, encode_share, find_codes, Found, ShareError};
use crate::Role;

/// A participant's code: their answers, who they are, and the stage they
/// answered for, the one part of the context a workshop keeps (it decides
/// how the third phase reads, §8; a survey export carries it per row).
/// Partners, goals and the rest stay out: the workshop has its own.
pub(crate) fn participant_code(instrument: &Instrument, answers: &Answers) -> String {
    match answers.context.known_stage() {
        Some(stage) => {
            let mut kept = answers.clone();
            kept.context = Context {
                stage: Some(stage.id().to_string()),
                ..Context::default()
            };
            encode_share(instrument, &kept, true)
        }
        None => encode_share(instrument, answers, false),
    }
}
use serde::{Deserialize, Serialize};

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
        let usable = crate::answers::StatementIndex::new(instrument)
            .codes(answers)
            .iter()
            .any(|&c| c != 0);
        if !usable {
            return CodeOutcome::Empty { input, not_used };
        }
        let code = participant_code(instrument, answers);
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
}
