//! What the evaluation cannot use of someone's answers, said per answer
//! with its JSON path: unknown or retired statements, values off the
//! scale, unknown context ids.

use super::{Answers, Notice, Response};
use crate::instrument::Instrument;
use crate::notice::NoticeKind;
use crate::text::Text;
use crate::wording::Choices;

impl Answers {
    /// How many responses the evaluation (and a share code) cannot use: to
    /// statements the instrument does not ask (unknown or retired), or off
    /// the scale. The count only; [`Answers::check`] says why for each.
    pub fn unused_responses(&self, instrument: &Instrument) -> usize {
        let max = instrument.scale_max();
        let index = crate::answers::StatementIndex::new(instrument);
        let unreadable = self
            .decode_notices
            .iter()
            .filter(|n| n.path.starts_with("$.responses["))
            .count();
        unreadable
            + index
                .positions(self)
                .filter(|(_, response, at)| {
                    at.is_none() || matches!(response, Response::Scale(v) if !(1..=max).contains(v))
                })
                .count()
    }

    /// Lists what the evaluation will ignore: responses to statements the
    /// instrument does not have, values off the scale, unknown context ids.
    pub fn check(&self, instrument: &Instrument) -> Vec<Notice> {
        let index = crate::answers::StatementIndex::new(instrument);
        self.check_with(instrument, Some(&index))
    }

    /// As [`Answers::check`]; `statements: None` when the caller already
    /// knows every response is used (see `StatementIndex::write_codes`).
    pub(crate) fn check_with(
        &self,
        instrument: &Instrument,
        statements: Option<&crate::answers::StatementIndex>,
    ) -> Vec<Notice> {
        self.check_capped(instrument, statements, usize::MAX).0
    }

    /// As [`Answers::check_with`], writing out at most `cap` notices (a file
    /// of 40,000 unknown ids must not cost 80,000 sentences) and counting
    /// all of them: `(notices, total)`.
    pub(super) fn check_capped(
        &self,
        instrument: &Instrument,
        statements: Option<&crate::answers::StatementIndex>,
        cap: usize,
    ) -> (Vec<Notice>, usize) {
        let mut notes = Notes {
            list: self.decode_notices.iter().take(cap).cloned().collect(),
            // "… and N more problems" stands for N notices.
            total: self
                .decode_notices
                .iter()
                .map(|n| match n.kind {
                    NoticeKind::MoreProblems { count } => count,
                    _ => 1,
                })
                .sum(),
            cap,
        };
        if !self.instrument_id.is_empty() && self.instrument_id != instrument.id {
            notes.add(
                "$.instrument_id".into(),
                NoticeKind::OtherQuestionnaire {
                    theirs: self.instrument_id.clone(),
                    ours: instrument.id.clone(),
                },
            );
        }
        let max = instrument.scale_max();
        let path = |id: &str| format!("$.responses[\"{}\"]", crate::json::escape_key(id));
        let responses = statements
            .into_iter()
            .flat_map(|index| index.positions(self));
        // One lookup per answer, however long the list of retired statements.
        let retired: std::collections::HashMap<&str, &crate::instrument::Retired> = instrument
            .retired
            .iter()
            .map(|r| (r.id.as_str(), r))
            .collect();
        let mut retired_factors: Vec<(String, String)> = Vec::new();
        for (id, response, at) in responses {
            if notes.full() {
                // Counted, not written out.
                let off_scale = matches!(response, Response::Scale(v) if !(1..=max).contains(v));
                if at.is_none() || off_scale {
                    notes.total += 1;
                }
                continue;
            }
            if at.is_none() {
                match retired.get(id) {
                    Some(old) => {
                        let (kind, factor) = retired_notice(instrument, old, self);
                        notes.add(path(id), kind);
                        if let Some(factor) = factor {
                            retired_factors.push((path(id), factor));
                        }
                    }
                    None => notes.add(
                        path(id),
                        NoticeKind::UnknownStatement { id: id.to_string() },
                    ),
                }
            } else if let Response::Scale(value) = response {
                if *value < 1 || *value > max {
                    notes.add(
                        path(id),
                        NoticeKind::OffScale {
                            id: id.to_string(),
                            value: *value,
                            max,
                        },
                    );
                }
            }
        }
        let c = &self.context;
        let spec = &instrument.context;
        fn known<'a>(mut ids: impl Iterator<Item = &'a String>, id: &str) -> bool {
            ids.any(|x| x == id)
        }
        if let Some(stage) = &c.stage {
            if !known(spec.stages.iter().map(|x| &x.id), stage) {
                let id = stage.clone();
                notes.add("$.context.stage".into(), NoticeKind::UnknownStage { id });
            }
        }
        if let Some(urgency) = &c.urgency {
            if !known(spec.urgency.iter().map(|x| &x.id), urgency) {
                let id = urgency.clone();
                notes.add(
                    "$.context.urgency".into(),
                    NoticeKind::UnknownUrgency { id },
                );
            }
        }
        if let Some(form) = &c.form {
            if !known(spec.forms.iter().map(|x| &x.id), form) {
                let id = form.clone();
                notes.add("$.context.form".into(), NoticeKind::UnknownForm { id });
            }
        }
        for (choices, chosen, options) in [
            (Choices::Goals, &c.goals, &spec.goals),
            (Choices::Motives, &c.motives, &spec.motives),
            (Choices::Domains, &c.domains, &spec.domains),
        ] {
            for (i, id) in chosen.iter().enumerate() {
                if !known(options.iter().map(|x| &x.id), id) {
                    notes.add(
                        format!("$.context.{}[{i}]", choices.key()),
                        NoticeKind::UnknownChoice {
                            choices,
                            id: id.clone(),
                        },
                    );
                }
            }
        }
        let (mut notices, total) = (notes.list, notes.total);
        for notice in notices.iter_mut() {
            notice.factor = retired_factors
                .iter()
                .find(|(path, _)| *path == notice.path)
                .map(|(_, factor)| factor.clone());
        }
        (notices, total)
    }
}

/// The notices of one check: at most `cap` written out, all counted.
struct Notes {
    list: Vec<Notice>,
    total: usize,
    cap: usize,
}

impl Notes {
    fn full(&self) -> bool {
        self.list.len() >= self.cap
    }

    fn add(&mut self, path: String, kind: NoticeKind) {
        self.total += 1;
        if !self.full() {
            self.list.push(Notice::new(path, kind));
        }
    }
}

/// The notice (and the factor it concerns) for an answer to a statement
/// whose meaning changed: the
/// old answer is not carried over to the new question, and people are told
/// which one to answer instead.
fn retired_notice(
    instrument: &Instrument,
    old: &crate::instrument::Retired,
    answers: &Answers,
) -> (NoticeKind, Option<String>) {
    // Quote both statements as this respondent saw or will see them: the
    // look-ahead wording before the start, the plain one once running.
    let stage = answers.context.known_stage();
    let found = instrument.factors.iter().find_map(|f| {
        f.statements
            .iter()
            .find(|s| s.id == old.replaced_by)
            .map(|s| (f, s))
    });
    let (factor, new) = match found {
        Some((f, s)) => (Some(f.id.clone()), s.wording(stage).clone()),
        None => (None, Text::default()),
    };
    // Only an answer that counts: a point on the scale ("don't know" and a
    // value off the scale still ask for an answer).
    let max = instrument.scale_max();
    let answered = answers
        .responses
        .get(&old.replaced_by)
        .is_some_and(|r| matches!(r, Response::Scale(v) if (1..=max).contains(v)));
    (
        NoticeKind::Retired {
            old: old.wording(stage).clone(),
            new,
            since: old.since.clone(),
            answered,
        },
        factor,
    )
}
