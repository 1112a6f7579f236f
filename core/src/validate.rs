//! Reading a custom instrument: [`Instrument::from_json`] parses it (one
//! typed parse, a problem located afterwards from line and column, see
//! `json.rs`) and then validates it, every problem with its JSON path.
//!
//! Validation checks what types cannot: unique ids, references that
//! resolve, translations present, weights and scales in range, no empty
//! phase, names short enough. Messages are for the webmaster who wrote the
//! JSON: plain sentences in English and Dutch at the exact place.

use crate::instrument::{typed, Instrument, SCHEMA_VERSION};
use crate::text::Lang;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The smallest and largest weight a factor may carry.
pub const WEIGHT_RANGE: (f64, f64) = (0.5, 3.0);
/// Scales from 3 to 7 points: enough for Likert use, small enough for share codes.
pub const SCALE_POINTS: (usize, usize) = (3, 7);
/// Statements per factor.
pub const STATEMENTS_PER_FACTOR: (usize, usize) = (1, 3);
/// The longest name of a factor (and the questionnaire's title), in
/// characters: it is a heading on the projector and in the workshop
/// summary (two A4 pages), not a text. The built-in longest is 59.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest name of a phase or a plan step, in characters: it labels a
/// table row and a next step. The built-in longest is 32.
pub const MAX_SHORT_NAME_CHARS: usize = 60;

/// One thing wrong with an instrument, at a JSON path like `$.factors[3].weight`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Problem {
    /// Where: a JSON path (`$` is the whole file).
    pub path: String,
    /// What is wrong and what is expected, in English: a plain sentence
    /// (never a Rust type name).
    pub message: String,
    /// The same in Dutch (B1); empty when deserialized, not part of equality.
    #[serde(skip)]
    pub dutch: String,
}

/// `dutch` says the same as `message`: equal problems stay equal through JSON.
impl PartialEq for Problem {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.message == other.message
    }
}

impl Eq for Problem {}

impl Problem {
    /// A problem at `path` with its English and Dutch message.
    pub fn new(
        path: impl Into<String>,
        message: impl Into<String>,
        dutch: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            dutch: dutch.into(),
        }
    }

    /// The message in `lang`: English when asked for, else Dutch.
    pub fn text(&self, lang: Lang) -> &str {
        crate::text::localized(&self.message, &self.dutch, lang)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Returns every problem found; an empty list means the instrument is usable.
pub fn validate(instrument: &Instrument) -> Vec<Problem> {
    let mut v = Validator {
        languages: &instrument.languages,
        problems: Vec::new(),
    };
    v.check(instrument);
    v.problems
}

struct Validator<'a> {
    languages: &'a [String],
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn problem(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        dutch: impl Into<String>,
    ) {
        self.problems.push(Problem::new(path, message, dutch));
    }

    fn text(&mut self, path: &str, text: &Text) {
        for lang in self.languages {
            if text.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                self.problem(
                    format!("{path}.{lang}"),
                    format!("The text in language ‘{lang}’ is missing."),
                    format!("De tekst in de taal ‘{lang}’ ontbreekt."),
                );
            }
        }
    }

    /// A name: present in every language, and short enough to be a heading
    /// on the projector, in the report and in the workshop summary.
    fn name(&mut self, path: &str, text: &Text, max: usize) {
        self.text(path, text);
        for lang in self.languages {
            let chars = text.0.get(lang).map_or(0, |s| s.chars().count());
            if chars > max {
                self.problem(
                    format!("{path}.{lang}"),
                    format!("The name in language ‘{lang}’ has {chars} characters; a name has at most {max}."),
                    format!("De naam in de taal ‘{lang}’ heeft {chars} tekens; een naam heeft er maximaal {max}."),
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if id.trim().is_empty() {
            self.problem(path, "The id is empty.", "De id is leeg.");
        } else if id.chars().count() > 80 || id.chars().any(char::is_whitespace) {
            let id: String = id.chars().take(40).collect();
            self.problem(
                path,
                format!("The id ‘{id}’ must be at most 80 characters, without spaces."),
                format!("De id ‘{id}’ mag maximaal 80 tekens lang zijn en geen spaties bevatten."),
            );
        } else if !seen.insert(id.to_string()) {
            self.problem(
                path,
                format!("The id ‘{id}’ is used twice."),
                format!("De id ‘{id}’ komt twee keer voor."),
            );
        }
    }

    fn check(&mut self, ins: &Instrument) {
        if ins.schema_version != SCHEMA_VERSION {
            self.problem(
                "$.schema_version",
                format!(
                    "Schema version {} cannot be read; this version of the scan reads version {SCHEMA_VERSION}.",
                    ins.schema_version
                ),
                format!(
                    "Schemaversie {} kan niet gelezen worden; deze versie van de scan leest versie {SCHEMA_VERSION}.",
                    ins.schema_version
                ),
            );
        }
        if ins.id.trim().is_empty() {
            self.problem("$.id", "The id is empty.", "De id is leeg.");
        }
        if ins.version.trim().is_empty() {
            self.problem(
                "$.version",
                "The version is empty. Fill in a version number, e.g. \"1.0.0\".",
                "De versie is leeg. Vul een versienummer in, bijvoorbeeld \"1.0.0\".",
            );
        }
        let mut langs = HashSet::new();
        if ins.languages.is_empty() {
            self.problem(
                "$.languages",
                "Name at least one language, e.g. [\"nl\", \"en\"].",
                "Noem minstens één taal, bijvoorbeeld [\"nl\", \"en\"].",
            );
        }
        for (i, lang) in ins.languages.iter().enumerate() {
            self.id(&format!("$.languages[{i}]"), lang, &mut langs);
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
                format!(
                    "The scale needs {min} to {max} points; it has {}.",
                    points.len()
                ),
                format!(
                    "De schaal heeft {min} tot {max} punten nodig; er zijn er {}.",
                    points.len()
                ),
            );
        }
        for (i, point) in points.iter().enumerate() {
            if usize::from(point.value) != i + 1 {
                self.problem(
                    format!("$.scale.points[{i}].value"),
                    format!(
                        "Number the points 1, 2, 3 … in order; expected {} here, found {}.",
                        i + 1,
                        point.value
                    ),
                    format!(
                        "Nummer de punten 1, 2, 3 … op volgorde; hier verwacht: {}, gevonden: {}.",
                        i + 1,
                        point.value
                    ),
                );
            }
            self.text(&format!("$.scale.points[{i}].label"), &point.label);
        }
        self.text("$.scale.unknown", &ins.scale.unknown);
    }

    fn phases(&mut self, ins: &Instrument) -> HashSet<String> {
        let mut ids = HashSet::new();
        if ins.phases.is_empty() {
            self.problem(
                "$.phases",
                "Add at least one phase.",
                "Voeg minstens één fase toe.",
            );
        }
        if !ins.phases.is_empty() && ins.phases.iter().all(|p| p.after_start) {
            self.problem(
                "$.phases",
                "At least one phase must be answerable before the start (\"after_start\": false).",
                "Minstens één fase moet vóór de start te beantwoorden zijn (\"after_start\": false).",
            );
        }
        for (i, phase) in ins.phases.iter().enumerate() {
            let path = format!("$.phases[{i}]");
            self.id(&format!("{path}.id"), &phase.id, &mut ids);
            self.name(&format!("{path}.name"), &phase.name, MAX_SHORT_NAME_CHARS);
            self.text(&format!("{path}.description"), &phase.description);
            if !ins.factors.iter().any(|f| f.phase == phase.id) {
                self.problem(
                    path,
                    format!("Phase ‘{}’ has no factors.", phase.id),
                    format!("Fase ‘{}’ heeft geen factoren.", phase.id),
                );
            }
        }
        ids
    }

    fn plan_steps(&mut self, ins: &Instrument) -> HashSet<String> {
        let mut ids = HashSet::new();
        let mut numbers = HashSet::new();
        if ins.plan_steps.is_empty() {
            self.problem(
                "$.plan_steps",
                "Add at least one plan step.",
                "Voeg minstens één stap toe aan het stappenplan.",
            );
        }
        for (i, step) in ins.plan_steps.iter().enumerate() {
            let path = format!("$.plan_steps[{i}]");
            self.id(&format!("{path}.id"), &step.id, &mut ids);
            if usize::from(step.number) != i + 1 {
                // The stages start at steps 1, 3 and 5 of §8's plan.
                self.problem(
                    format!("{path}.number"),
                    format!(
                        "Number the steps 1, 2, 3 … in order; expected {} here, found {}.",
                        i + 1,
                        step.number
                    ),
                    format!(
                        "Nummer de stappen 1, 2, 3 … op volgorde; hier verwacht: {}, gevonden: {}.",
                        i + 1,
                        step.number
                    ),
                );
            } else if !numbers.insert(step.number) {
                self.problem(
                    format!("{path}.number"),
                    format!("Step number {} is used twice.", step.number),
                    format!("Stapnummer {} komt twee keer voor.", step.number),
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
            self.problem(
                "$.factors",
                "Add at least one factor.",
                "Voeg minstens één factor toe.",
            );
        }
        for (i, factor) in ins.factors.iter().enumerate() {
            let path = format!("$.factors[{i}]");
            self.id(&format!("{path}.id"), &factor.id, &mut ids);
            if !phases.contains(&factor.phase) {
                self.problem(
                    format!("{path}.phase"),
                    format!("There is no phase ‘{}’.", factor.phase),
                    format!("Er is geen fase ‘{}’.", factor.phase),
                );
            }
            if !steps.contains(&factor.plan_step) {
                self.problem(
                    format!("{path}.plan_step"),
                    format!("There is no plan step ‘{}’.", factor.plan_step),
                    format!("Er is geen stap ‘{}’ in het plan.", factor.plan_step),
                );
            }
            self.name(&format!("{path}.name"), &factor.name, MAX_NAME_CHARS);
            self.text(&format!("{path}.explanation"), &factor.explanation);
            let (lo, hi) = WEIGHT_RANGE;
            if !(factor.weight.is_finite() && (lo..=hi).contains(&factor.weight)) {
                self.problem(
                    format!("{path}.weight"),
                    format!(
                        "The weight must be from {lo} to {hi}; it is {}.",
                        factor.weight
                    ),
                    format!(
                        "Het gewicht moet van {lo} tot {hi} zijn; het is {}.",
                        factor.weight
                    ),
                );
            }
            let (min, max) = STATEMENTS_PER_FACTOR;
            if factor.statements.len() < min || factor.statements.len() > max {
                self.problem(
                    format!("{path}.statements"),
                    format!(
                        "A factor needs {min} to {max} statements; this one has {}.",
                        factor.statements.len()
                    ),
                    format!(
                        "Een factor heeft {min} tot {max} stellingen nodig; deze heeft er {}.",
                        factor.statements.len()
                    ),
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
                    "Only a red flag (\"red_flag\": true) can measure a precondition of §5.",
                "Alleen een rode vlag (\"red_flag\": true) kan een randvoorwaarde van §5 meten.",
                );
            }
            if factor.advice.is_empty() {
                self.problem(
                    format!("{path}.advice"),
                    "Add at least one piece of advice.",
                    "Voeg minstens één advies toe.",
                );
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
                    format!(
                        "The statement ‘{}’ is retired, but it is still asked. Give the new statement its own id.",
                        old.id
                    ),
                    format!(
                        "De stelling ‘{}’ is vervangen, maar wordt nog gevraagd. Geef de nieuwe stelling een eigen id.",
                        old.id
                    ),
                );
            }
            if !statements.contains(&old.replaced_by) {
                self.problem(
                    format!("{path}.replaced_by"),
                    format!(
                        "There is no statement ‘{}’ in this questionnaire.",
                        old.replaced_by
                    ),
                    format!(
                        "Er is geen stelling ‘{}’ in deze vragenlijst.",
                        old.replaced_by
                    ),
                );
            }
            self.text(&format!("{path}.text"), &old.text);
            if let Some(ahead) = &old.ahead {
                self.text(&format!("{path}.ahead"), ahead);
            }
            if old.since.trim().is_empty() {
                self.problem(
                    format!("{path}.since"),
                    "Give the version in which it was replaced, e.g. \"2.1.0\".",
                    "Vul de versie in waarin de stelling is vervangen, bijvoorbeeld \"2.1.0\".",
                );
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
                    format!(
                        "The stage ‘{}’ is unknown; the scan only knows \"orienting\", \"preparing\" and \"operating\".",
                        stage.id
                    ),
                    format!(
                        "De fase ‘{}’ van de samenwerking is onbekend; de scan kent alleen \"orienting\", \"preparing\" en \"operating\".",
                        stage.id
                    ),
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
                self.problem(
                    format!("{path}.level"),
                    "The urgency level must be 1, 2 or 3 (§8.1).",
                    "Het niveau van urgentie moet 1, 2 of 3 zijn (§8.1).",
                );
            }
        }
        let mut ids = HashSet::new();
        for (i, form) in c.forms.iter().enumerate() {
            let path = format!("$.context.forms[{i}]");
            self.id(&format!("{path}.id"), &form.id, &mut ids);
            self.text(&format!("{path}.label"), &form.label);
            if !(1..=5).contains(&form.heaviness) {
                self.problem(
                    format!("{path}.heaviness"),
                    "The heaviness must be from 1 (light) to 5 (merger).",
                    "De zwaarte moet van 1 (licht) tot 5 (fusie) zijn.",
                );
            }
        }
    }
}

/// Why an instrument could not be used: every problem, each with its path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
                first.message
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
    /// assert!(error.problems[0].message.starts_with("The field ‘"), "{}", error.problems[0].message);
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
/// in words (see `json::plain_error`).
fn parse(json: &str) -> Result<Instrument, InstrumentError> {
    if let Some((english, dutch)) = crate::json::too_large(json) {
        return Err(InstrumentError {
            problems: vec![Problem::new("$", english, dutch)],
        });
    }
    typed(json).map_err(|error| {
        let (path, english, dutch) = crate::json::plain_error(json, &error);
        InstrumentError {
            problems: vec![Problem::new(path, english, dutch)],
        }
    })
}
