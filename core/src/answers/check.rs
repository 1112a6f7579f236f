//! What the evaluation cannot use of someone's answers, said per answer
//! with its JSON path: unknown or retired statements, values off the
//! scale, unknown context ids.

use super::{Answers, Notice, Response};
use crate::instrument::Instrument;
use crate::json::shown;
use crate::text::Lang;

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
            total: self.decode_notices.len(),
            cap,
        };
        if !self.instrument_id.is_empty() && self.instrument_id != instrument.id {
            notes.add(
                "$.instrument_id".into(),
                format!(
                    "The answers belong to questionnaire ‘{}’, not ‘{}’. Statements that appear in both still count.",
                    shown(&self.instrument_id), instrument.id
                ),
                format!(
                    "De antwoorden horen bij vragenlijst ‘{}’, niet bij ‘{}’. Stellingen die in allebei staan, tellen wel mee.",
                    shown(&self.instrument_id), instrument.id
                ),
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
            let shown_id = shown(id);
            if at.is_none() {
                match retired.get(id) {
                    Some(old) => {
                        let (message, dutch, factor) = retired_notice(instrument, old, self);
                        notes.add(path(id), message, dutch);
                        if let Some(factor) = factor {
                            retired_factors.push((path(id), factor));
                        }
                    }
                    None => notes.add(
                        path(id),
                        format!(
                            "Statement ‘{shown_id}’ is not in this questionnaire and does not count."
                        ),
                        format!("Stelling ‘{shown_id}’ staat niet in deze vragenlijst en telt niet mee."),
                    ),
                }
            } else if let Response::Scale(value) = response {
                if *value < 1 || *value > max {
                    notes.add(
                        path(id),
                        format!("The answer {value} to ‘{shown_id}’ is not on the scale 1–{max} and does not count."),
                        format!(
                            "Het antwoord {value} op ‘{shown_id}’ staat niet op de schaal 1–{max} en telt niet mee."
                        ),
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
                notes.add(
                    "$.context.stage".into(),
                    format!(
                        "The stage ‘{}’ is unknown and does not count.",
                        shown(stage)
                    ),
                    format!("De fase ‘{}’ is onbekend en telt niet mee.", shown(stage)),
                );
            }
        }
        if let Some(urgency) = &c.urgency {
            if !known(spec.urgency.iter().map(|x| &x.id), urgency) {
                notes.add(
                    "$.context.urgency".into(),
                    format!(
                        "The urgency ‘{}’ is unknown and does not count.",
                        shown(urgency)
                    ),
                    format!(
                        "De urgentie ‘{}’ is onbekend en telt niet mee.",
                        shown(urgency)
                    ),
                );
            }
        }
        if let Some(form) = &c.form {
            if !known(spec.forms.iter().map(|x| &x.id), form) {
                notes.add(
                    "$.context.form".into(),
                    format!(
                        "The form of cooperation ‘{}’ is unknown and does not count.",
                        shown(form)
                    ),
                    format!(
                        "De samenwerkingsvorm ‘{}’ is onbekend en telt niet mee.",
                        shown(form)
                    ),
                );
            }
        }
        for (name, (english_name, dutch_name), chosen, options) in [
            (
                "goals",
                ("The goal", "Het doel"),
                &c.goals,
                spec.goals.iter().map(|x| &x.id).collect::<Vec<_>>(),
            ),
            (
                "motives",
                ("The motive", "Het motief"),
                &c.motives,
                spec.motives.iter().map(|x| &x.id).collect(),
            ),
            (
                "domains",
                ("The task area", "Het taakveld"),
                &c.domains,
                spec.domains.iter().map(|x| &x.id).collect(),
            ),
        ] {
            for (i, id) in chosen.iter().enumerate() {
                if !options.contains(&id) {
                    let shown_id = shown(id);
                    notes.add(
                        format!("$.context.{name}[{i}]"),
                        format!("{english_name} ‘{shown_id}’ is unknown and does not count."),
                        format!("{dutch_name} ‘{shown_id}’ is onbekend en telt niet mee."),
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

    fn add(&mut self, path: String, message: String, dutch: String) {
        self.total += 1;
        if !self.full() {
            self.list.push(Notice {
                path,
                message,
                dutch,
                factor: None,
            });
        }
    }
}

/// (English, Dutch) for an answer to a statement whose meaning changed: the
/// old answer is not carried over to the new question, and people are told
/// which one to answer instead.
fn retired_notice(
    instrument: &Instrument,
    old: &crate::instrument::Retired,
    answers: &Answers,
) -> (String, String, Option<String>) {
    // Quote both statements as this respondent saw or will see them: the
    // look-ahead wording before the start, the plain one once running.
    let stage = answers.context.stage.as_deref();
    let wording = |text: &crate::text::Text, ahead: Option<&crate::text::Text>, lang: Lang| {
        let running = crate::stage::Stage::from_id(stage).is_some_and(|s| s.running());
        let chosen = match ahead {
            Some(ahead) if !running => ahead.get(lang),
            _ => text.get(lang),
        };
        chosen.trim_end_matches('.').to_string()
    };
    let found = instrument.factors.iter().find_map(|f| {
        f.statements
            .iter()
            .find(|s| s.id == old.replaced_by)
            .map(|s| (f, s))
    });
    let (factor, new_en, new_nl) = match found {
        Some((f, s)) => (
            Some(f.id.clone()),
            s.text_for(stage, Lang::En)
                .trim_end_matches('.')
                .to_string(),
            s.text_for(stage, Lang::Nl)
                .trim_end_matches('.')
                .to_string(),
        ),
        None => (None, String::new(), String::new()),
    };
    let (old_en, old_nl) = (
        wording(&old.text, old.ahead.as_ref(), Lang::En),
        wording(&old.text, old.ahead.as_ref(), Lang::Nl),
    );
    let since = &old.since;
    let answered = answers
        .responses
        .get(&old.replaced_by)
        .is_some_and(|r| !matches!(r, Response::Unknown));
    let (todo_en, todo_nl) = if answered {
        (
            "The new statement has already been answered, so the old answer is simply not used.",
            "De nieuwe stelling is al beantwoord; het oude antwoord wordt niet gebruikt.",
        )
    } else {
        (
            "The old answer is not counted. Please answer the new statement.",
            "Het oude antwoord telt daarom niet mee. Beantwoord de nieuwe stelling.",
        )
    };
    (
        format!(
            "The statement ‘{old_en}’ was replaced in version {since} by a statement that asks something different: ‘{new_en}’. {todo_en}"
        ),
        format!(
            "De stelling ‘{old_nl}’ is in versie {since} vervangen door een stelling die iets anders vraagt: ‘{new_nl}’. {todo_nl}"
        ),
        factor,
    )
}
