//! Reading a custom instrument: [`Instrument::from_json`] parses it (one
//! typed parse, a problem located afterwards from line and column, see
//! `mismatch.rs`) and then validates it, every problem with its JSON path.
//!
//! Validation checks what types cannot: unique ids, references that
//! resolve, translations present, weights and scales in range, no empty
//! phase, names short enough. Messages are for the webmaster who wrote the
//! JSON: plain sentences in English and Dutch at the exact place.

use crate::instrument::{typed, Instrument, SCHEMA_VERSION};
use crate::json::path_key;
use crate::mismatch::Mismatch;
use crate::problem::{
    Problem, ProblemKind, MAX_NAME_CHARS, MAX_SHORT_NAME_CHARS, SCALE_POINTS,
    STATEMENTS_PER_FACTOR, WEIGHT_RANGE,
};
use crate::text::Lang;
use crate::text::Text;
use serde::Serialize;
use std::collections::HashSet;

/// At most this many problems are listed; the rest are counted in a last
/// one (a file of a thousand broken factors needs no thousand lines to be
/// fixed, and a page or terminal stays usable).
pub const MAX_PROBLEMS: usize = 200;

/// Returns every problem found (the first [`MAX_PROBLEMS`], then one that
/// counts the rest); an empty list means the instrument is usable.
pub fn validate(instrument: &Instrument) -> Vec<Problem> {
    // Texts are checked in the languages whose codes are usable ids and not
    // a misspelled code the scan knows ("NL"): the others are problems of
    // their own, said once at `$.languages[i]`.
    let mut languages: Vec<&str> = Vec::new();
    for code in &instrument.languages {
        let misspelled = Lang::parse(code).is_ok_and(|l| l.code() != code);
        if usable_id(code) && !misspelled && !languages.contains(&code.as_str()) {
            languages.push(code);
        }
    }
    let mut v = Validator {
        languages,
        problems: Vec::new(),
        more: 0,
    };
    v.check(instrument);
    let mut problems = v.problems;
    if v.more > 0 {
        problems.push(Problem::new("$", ProblemKind::More { count: v.more }));
    }
    problems
}

/// An id that is not empty, has at most 80 characters and no spaces or
/// invisible characters (an id is quoted in messages and paths).
fn usable_id(id: &str) -> bool {
    !id.trim().is_empty()
        && id.chars().count() <= 80
        && !id
            .chars()
            .any(|c| c.is_whitespace() || crate::text::invisible(c))
}

struct Validator<'a> {
    languages: Vec<&'a str>,
    problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS`]: counted, not kept.
    more: usize,
}

impl Validator<'_> {
    fn problem(&mut self, path: impl Into<String>, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(path, kind));
        } else {
            self.more += 1;
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        for i in 0..self.languages.len() {
            let lang = self.languages[i];
            if text.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                self.problem(
                    format!("{path}{}", path_key(lang)),
                    ProblemKind::MissingText {
                        lang: lang.to_string(),
                    },
                );
            }
        }
    }

    /// A name: present in every language, and short enough to be a heading
    /// on the projector, in the report and in the workshop summary.
    fn name(&mut self, path: &str, text: &Text, max: usize) {
        self.text(path, text);
        for i in 0..self.languages.len() {
            let lang = self.languages[i];
            let chars = text.0.get(lang).map_or(0, |s| s.chars().count());
            if chars > max {
                self.problem(
                    format!("{path}{}", path_key(lang)),
                    ProblemKind::NameTooLong {
                        lang: lang.to_string(),
                        chars,
                        max,
                    },
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if id.trim().is_empty() {
            self.problem(path, ProblemKind::EmptyId);
        } else if !usable_id(id) {
            let id: String = id.chars().take(40).collect();
            self.problem(path, ProblemKind::BadId { id });
        } else if !seen.insert(id.to_string()) {
            self.problem(path, ProblemKind::DuplicateId { id: id.to_string() });
        }
    }

    fn check(&mut self, ins: &Instrument) {
        if ins.schema_version != SCHEMA_VERSION {
            self.problem(
                "$.schema_version",
                ProblemKind::SchemaVersion {
                    found: ins.schema_version,
                },
            );
        }
        if ins.id.trim().is_empty() {
            self.problem("$.id", ProblemKind::EmptyId);
        }
        if ins.version.trim().is_empty() {
            self.problem("$.version", ProblemKind::EmptyVersion);
        }
        let mut langs = HashSet::new();
        if ins.languages.is_empty() {
            self.problem("$.languages", ProblemKind::NoLanguages);
        }
        for (i, code) in ins.languages.iter().enumerate() {
            let path = format!("$.languages[{i}]");
            self.id(&path, code, &mut langs);
            // "NL", "nl-BE", " en": a language the scan speaks, written
            // so that no text would ever be found under it.
            if let Ok(lang) = Lang::parse(code) {
                if code != lang.code() {
                    let found = code.chars().take(40).collect();
                    self.problem(path, ProblemKind::LanguageCode { found, lang });
                }
            }
        }
        if !ins.languages.is_empty() && !Lang::ALL.iter().any(|l| ins.speaks(*l)) {
            self.problem("$.languages", ProblemKind::NoScanLanguage);
        }
        self.name("$.title", &ins.title, MAX_NAME_CHARS);
        self.text("$.description", &ins.description);
        self.text("$.source", &ins.source);
        self.scale(ins);
        let phases = self.phases(ins);
        let steps = self.plan_steps(ins);
        self.factors(ins, &phases, &steps);
        self.context(ins);
    }

    fn scale(&mut self, ins: &Instrument) {
        let points = &ins.scale.points;
        let (min, max) = SCALE_POINTS;
        if points.len() < min || points.len() > max {
            self.problem(
                "$.scale.points",
                ProblemKind::ScalePoints {
                    count: points.len(),
                },
            );
        }
        for (i, point) in points.iter().enumerate() {
            if usize::from(point.value) != i + 1 {
                self.problem(
                    format!("$.scale.points[{i}].value"),
                    ProblemKind::PointNumber {
                        expected: i + 1,
                        found: point.value,
                    },
                );
            }
            self.text(&format!("$.scale.points[{i}].label"), &point.label);
        }
        self.text("$.scale.unknown", &ins.scale.unknown);
    }

    fn phases(&mut self, ins: &Instrument) -> HashSet<String> {
        let mut ids = HashSet::new();
        if ins.phases.is_empty() {
            self.problem("$.phases", ProblemKind::NoPhases);
        }
        if !ins.phases.is_empty() && ins.phases.iter().all(|p| p.after_start) {
            self.problem("$.phases", ProblemKind::NoPhaseBeforeStart);
        }
        for (i, phase) in ins.phases.iter().enumerate() {
            let path = format!("$.phases[{i}]");
            self.id(&format!("{path}.id"), &phase.id, &mut ids);
            self.name(&format!("{path}.name"), &phase.name, MAX_SHORT_NAME_CHARS);
            self.text(&format!("{path}.description"), &phase.description);
            if !ins.factors.iter().any(|f| f.phase == phase.id) {
                self.problem(
                    path,
                    ProblemKind::PhaseWithoutFactors {
                        id: phase.id.clone(),
                    },
                );
            }
        }
        ids
    }

    fn plan_steps(&mut self, ins: &Instrument) -> HashSet<String> {
        let mut ids = HashSet::new();
        let mut numbers = HashSet::new();
        if ins.plan_steps.is_empty() {
            self.problem("$.plan_steps", ProblemKind::NoPlanSteps);
        }
        for (i, step) in ins.plan_steps.iter().enumerate() {
            let path = format!("$.plan_steps[{i}]");
            self.id(&format!("{path}.id"), &step.id, &mut ids);
            if usize::from(step.number) != i + 1 {
                // The stages start at steps 1, 3 and 5 of §8's plan.
                self.problem(
                    format!("{path}.number"),
                    ProblemKind::StepNumber {
                        expected: i + 1,
                        found: step.number,
                    },
                );
            } else if !numbers.insert(step.number) {
                self.problem(
                    format!("{path}.number"),
                    ProblemKind::DuplicateStepNumber {
                        number: step.number,
                    },
                );
            }
            self.name(&format!("{path}.name"), &step.name, MAX_SHORT_NAME_CHARS);
            self.text(&format!("{path}.description"), &step.description);
        }
        ids
    }

    fn factors(&mut self, ins: &Instrument, phases: &HashSet<String>, steps: &HashSet<String>) {
        let mut ids = HashSet::new();
        let mut statement_ids = HashSet::new();
        if ins.factors.is_empty() {
            self.problem("$.factors", ProblemKind::NoFactors);
        }
        for (i, factor) in ins.factors.iter().enumerate() {
            let path = format!("$.factors[{i}]");
            self.id(&format!("{path}.id"), &factor.id, &mut ids);
            if !phases.contains(&factor.phase) {
                self.problem(
                    format!("{path}.phase"),
                    ProblemKind::UnknownPhase {
                        id: factor.phase.clone(),
                    },
                );
            }
            if !steps.contains(&factor.plan_step) {
                self.problem(
                    format!("{path}.plan_step"),
                    ProblemKind::UnknownPlanStep {
                        id: factor.plan_step.clone(),
                    },
                );
            }
            self.name(&format!("{path}.name"), &factor.name, MAX_NAME_CHARS);
            self.text(&format!("{path}.explanation"), &factor.explanation);
            let (lo, hi) = WEIGHT_RANGE;
            if !(factor.weight.is_finite() && (lo..=hi).contains(&factor.weight)) {
                self.problem(
                    format!("{path}.weight"),
                    ProblemKind::Weight {
                        value: factor.weight,
                    },
                );
            }
            let (min, max) = STATEMENTS_PER_FACTOR;
            if factor.statements.len() < min || factor.statements.len() > max {
                self.problem(
                    format!("{path}.statements"),
                    ProblemKind::StatementCount {
                        count: factor.statements.len(),
                    },
                );
            }
            for (j, statement) in factor.statements.iter().enumerate() {
                self.id(
                    &format!("{path}.statements[{j}].id"),
                    &statement.id,
                    &mut statement_ids,
                );
                self.text(&format!("{path}.statements[{j}].text"), &statement.text);
                if let Some(ahead) = &statement.ahead {
                    self.text(&format!("{path}.statements[{j}].ahead"), ahead);
                }
            }
            if factor.precondition.is_some() && !factor.red_flag {
                self.problem(
                    format!("{path}.precondition"),
                    ProblemKind::PreconditionWithoutRedFlag,
                );
            }
            if factor.advice.is_empty() {
                self.problem(format!("{path}.advice"), ProblemKind::NoAdvice);
            }
            for (j, advice) in factor.advice.iter().enumerate() {
                self.text(&format!("{path}.advice[{j}].text"), &advice.text);
                if let Some(running) = &advice.running {
                    self.text(&format!("{path}.advice[{j}].running"), running);
                }
            }
        }
        self.retired(ins, &statement_ids);
    }

    /// A retired id is no longer asked, and its successor is.
    fn retired(&mut self, ins: &Instrument, statements: &HashSet<String>) {
        let mut ids = HashSet::new();
        for (i, old) in ins.retired.iter().enumerate() {
            let path = format!("$.retired[{i}]");
            self.id(&format!("{path}.id"), &old.id, &mut ids);
            if statements.contains(&old.id) {
                self.problem(
                    format!("{path}.id"),
                    ProblemKind::RetiredStillAsked { id: old.id.clone() },
                );
            }
            if !statements.contains(&old.replaced_by) {
                self.problem(
                    format!("{path}.replaced_by"),
                    ProblemKind::NoSuchStatement {
                        id: old.replaced_by.clone(),
                    },
                );
            }
            self.text(&format!("{path}.text"), &old.text);
            if let Some(ahead) = &old.ahead {
                self.text(&format!("{path}.ahead"), ahead);
            }
            if old.since.trim().is_empty() {
                self.problem(format!("{path}.since"), ProblemKind::NoSince);
            }
        }
    }

    fn context(&mut self, ins: &Instrument) {
        let c = &ins.context;
        let lists: [(&str, Vec<(&String, &Text)>); 4] = [
            (
                "stages",
                c.stages.iter().map(|x| (&x.id, &x.label)).collect(),
            ),
            ("goals", c.goals.iter().map(|x| (&x.id, &x.label)).collect()),
            (
                "motives",
                c.motives.iter().map(|x| (&x.id, &x.label)).collect(),
            ),
            (
                "domains",
                c.domains.iter().map(|x| (&x.id, &x.label)).collect(),
            ),
        ];
        for (i, stage) in c.stages.iter().enumerate() {
            if !crate::stage::Stage::IDS.contains(&stage.id.as_str()) {
                self.problem(
                    format!("$.context.stages[{i}].id"),
                    ProblemKind::UnknownStage {
                        id: stage.id.clone(),
                    },
                );
            }
        }
        for (name, items) in lists {
            let mut ids = HashSet::new();
            for (i, (id, label)) in items.into_iter().enumerate() {
                self.id(&format!("$.context.{name}[{i}].id"), id, &mut ids);
                self.text(&format!("$.context.{name}[{i}].label"), label);
            }
        }
        let mut ids = HashSet::new();
        for (i, level) in c.urgency.iter().enumerate() {
            let path = format!("$.context.urgency[{i}]");
            self.id(&format!("{path}.id"), &level.id, &mut ids);
            self.text(&format!("{path}.label"), &level.label);
            if !(1..=3).contains(&level.level) {
                self.problem(format!("{path}.level"), ProblemKind::UrgencyLevel);
            }
        }
        let mut ids = HashSet::new();
        for (i, form) in c.forms.iter().enumerate() {
            let path = format!("$.context.forms[{i}]");
            self.id(&format!("{path}.id"), &form.id, &mut ids);
            self.text(&format!("{path}.label"), &form.label);
            if !(1..=5).contains(&form.heaviness) {
                self.problem(format!("{path}.heaviness"), ProblemKind::Heaviness);
            }
        }
    }
}

/// Why an instrument could not be used: every problem, each with its path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InstrumentError {
    /// Every problem found, each with its JSON path (never empty from
    /// [`Instrument::from_json`]).
    pub problems: Vec<Problem>,
}

impl InstrumentError {
    /// One line for a front end that shows one error: how many problems,
    /// and the first with its path (English), e.g. `the instrument has 2
    /// problem(s), the first at $.factors[3].weight: The weight must be
    /// from 0.5 to 3; it is 7.`
    pub fn summary(&self) -> String {
        match self.problems.first() {
            Some(first) => format!(
                "the instrument has {} problem(s), the first at {}: {}",
                self.problems.len(),
                first.path,
                first.text(Lang::En)
            ),
            None => "the instrument has problems".to_string(),
        }
    }
}

impl std::fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the instrument has {} problem(s):", self.problems.len())?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InstrumentError {}

impl Instrument {
    /// Parses and validates an instrument supplied as JSON. Never panics:
    /// syntax errors, wrong types and every semantic problem come back as
    /// [`Problem`]s with their JSON path.
    ///
    /// # Errors
    /// An [`InstrumentError`] when the text is larger than
    /// [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES) or does not parse (one
    /// problem: the first), or when [`validate`](crate::validate) finds
    /// problems (all of them).
    ///
    /// ```
    /// use samenwerkingsscan::{Instrument, Lang};
    /// let error = Instrument::from_json(r#"{"schema_version": 1}"#).unwrap_err();
    /// assert_eq!(error.problems[0].path, "$");
    /// assert!(error.problems[0].text(Lang::En).starts_with("The field ‘"), "{}", error.problems[0]);
    /// assert!(error.problems[0].text(Lang::Nl).ends_with("ontbreekt."));
    /// ```
    pub fn from_json(json: &str) -> Result<Instrument, InstrumentError> {
        let instrument = parse(json)?;
        let problems = validate(&instrument);
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(InstrumentError { problems })
        }
    }
}

/// One typed parse (the widget's wasm holds one instrument parser); a
/// problem is located afterwards from the error's line and column, and said
/// in words (see `mismatch::plain_error`).
fn parse(json: &str) -> Result<Instrument, InstrumentError> {
    if let Err(error) = crate::json::within_limit(json) {
        return Err(InstrumentError {
            problems: vec![Problem::new(
                "$",
                ProblemKind::Mismatch(Mismatch::Unreadable(error)),
            )],
        });
    }
    typed(json).map_err(|error| {
        let (path, mismatch) = crate::mismatch::plain_error(json, &error);
        InstrumentError {
            problems: vec![Problem::new(path, ProblemKind::Mismatch(mismatch))],
        }
    })
}
