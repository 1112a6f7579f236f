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
use crate::text::Text;
use crate::text::{number, Lang, Says};
use crate::wording::shown;
use serde::Serialize;
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
///
/// Serialized as `{"path", "message"}` with the message in English
/// (scripts should use `path`); people read [`Problem::text`].
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: a JSON path (`$` is the whole file).
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem of `kind` at `path`.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }

    /// What is wrong and what is expected, as a plain sentence in `lang`
    /// (without the path; never a Rust type name).
    pub fn text(&self, lang: Lang) -> String {
        self.kind.say(lang)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.text(Lang::En))
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Problem", 2)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.text(Lang::En))?;
        s.end()
    }
}

/// What is wrong with an instrument: the file cannot be read as one
/// ([`ProblemKind::Mismatch`]), or a rule of the format is broken. Each
/// kind says itself with [`Says`].
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not an instrument: not JSON, too large, or a value of
    /// the wrong kind (the first such problem).
    Mismatch(Mismatch),
    /// A text is missing in one of the instrument's languages.
    MissingText {
        /// The language code.
        lang: String,
    },
    /// A name longer than a heading can be.
    NameTooLong {
        /// The language code.
        lang: String,
        /// Its length in characters.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// An empty id.
    EmptyId,
    /// An id over 80 characters, or with spaces (quoted: its first 40).
    BadId {
        /// The id, cut.
        id: String,
    },
    /// An id used twice.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A schema version this scan does not read.
    SchemaVersion {
        /// The file's version.
        found: u32,
    },
    /// An empty version.
    EmptyVersion,
    /// No languages named.
    NoLanguages,
    /// A language the scan speaks, written otherwise than its code
    /// (`"NL"`, `"nl-BE"`).
    LanguageCode {
        /// The code as written (its first 40 characters).
        found: String,
        /// The language it stands for.
        lang: Lang,
    },
    /// None of the languages is one the scan shows (Dutch or English).
    NoScanLanguage,
    /// A scale with too few or too many points.
    ScalePoints {
        /// How many it has.
        count: usize,
    },
    /// A scale point out of order.
    PointNumber {
        /// The number expected here.
        expected: usize,
        /// The number found.
        found: u8,
    },
    /// No phases.
    NoPhases,
    /// Every phase is answered only after the start.
    NoPhaseBeforeStart,
    /// A phase without factors.
    PhaseWithoutFactors {
        /// The phase id.
        id: String,
    },
    /// No plan steps.
    NoPlanSteps,
    /// A plan step out of order.
    StepNumber {
        /// The number expected here.
        expected: usize,
        /// The number found.
        found: u8,
    },
    /// A step number used twice.
    DuplicateStepNumber {
        /// The number.
        number: u8,
    },
    /// No factors.
    NoFactors,
    /// A factor's phase that does not exist.
    UnknownPhase {
        /// The phase id.
        id: String,
    },
    /// A factor's plan step that does not exist.
    UnknownPlanStep {
        /// The step id.
        id: String,
    },
    /// A weight outside [`WEIGHT_RANGE`].
    Weight {
        /// The weight.
        value: f64,
    },
    /// A factor with too few or too many statements.
    StatementCount {
        /// How many it has.
        count: usize,
    },
    /// A precondition on a factor that is not a red flag.
    PreconditionWithoutRedFlag,
    /// A factor without advice.
    NoAdvice,
    /// A retired statement that is still asked.
    RetiredStillAsked {
        /// The statement id.
        id: String,
    },
    /// A successor that is not a statement of the instrument.
    NoSuchStatement {
        /// The statement id.
        id: String,
    },
    /// A retired statement without the version that replaced it.
    NoSince,
    /// A stage the scan does not know.
    UnknownStage {
        /// The stage id.
        id: String,
    },
    /// An urgency level outside 1–3.
    UrgencyLevel,
    /// A heaviness outside 1–5.
    Heaviness,
}

impl Says for ProblemKind {
    fn say(&self, lang: Lang) -> String {
        let plain = |nl: &str, en: &str| lang.pick(nl, en).to_string();
        let (lo, hi) = WEIGHT_RANGE;
        match self {
            ProblemKind::Mismatch(m) => m.say(lang),
            ProblemKind::MissingText { lang: l } => {
                let l = shown(l);
                lang.pick(
                    format!("De tekst in de taal ‘{l}’ ontbreekt."),
                    format!("The text in language ‘{l}’ is missing."),
                )
            }
            ProblemKind::NameTooLong { lang: l, chars, max } => {
                let l = shown(l);
                lang.pick(
                    format!("De naam in de taal ‘{l}’ heeft {chars} tekens; een naam heeft er maximaal {max}."),
                    format!("The name in language ‘{l}’ has {chars} characters; a name has at most {max}."),
                )
            }
            ProblemKind::EmptyId => plain("De id is leeg.", "The id is empty."),
            ProblemKind::BadId { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De id ‘{id}’ mag maximaal 80 tekens lang zijn en geen spaties bevatten."),
                    format!("The id ‘{id}’ must be at most 80 characters, without spaces."),
                )
            }
            ProblemKind::DuplicateId { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De id ‘{id}’ komt twee keer voor."),
                    format!("The id ‘{id}’ is used twice."),
                )
            }
            ProblemKind::SchemaVersion { found } => lang.pick(
                format!("Schemaversie {found} kan niet gelezen worden; deze versie van de scan leest versie {SCHEMA_VERSION}."),
                format!("Schema version {found} cannot be read; this version of the scan reads version {SCHEMA_VERSION}."),
            ),
            ProblemKind::EmptyVersion => plain(
                "De versie is leeg. Vul een versienummer in, bijvoorbeeld \"1.0.0\".",
                "The version is empty. Fill in a version number, e.g. \"1.0.0\".",
            ),
            ProblemKind::NoLanguages => plain(
                "Noem minstens één taal, bijvoorbeeld [\"nl\", \"en\"].",
                "Name at least one language, e.g. [\"nl\", \"en\"].",
            ),
            ProblemKind::LanguageCode { found, lang: l } => {
                let (found, code) = (shown(found), l.code());
                lang.pick(
                    format!("Schrijf de taalcode ‘{found}’ als ‘{code}’: de scan zoekt de teksten onder precies die code."),
                    format!("Write the language code ‘{found}’ as ‘{code}’: the scan looks for texts under exactly that code."),
                )
            }
            ProblemKind::NoScanLanguage => plain(
                "De scan toont een vragenlijst in het Nederlands (‘nl’) of het Engels (‘en’). Noem minstens één van die talen en geef de teksten erin.",
                "The scan shows a questionnaire in Dutch (‘nl’) or English (‘en’). Name at least one of them and give its texts.",
            ),
            ProblemKind::ScalePoints { count } => {
                let (min, max) = SCALE_POINTS;
                lang.pick(
                    format!("De schaal heeft {min} tot {max} punten nodig; er zijn er {count}."),
                    format!("The scale needs {min} to {max} points; it has {count}."),
                )
            }
            ProblemKind::PointNumber { expected, found } => lang.pick(
                format!("Nummer de punten 1, 2, 3 … op volgorde; hier verwacht: {expected}, gevonden: {found}."),
                format!("Number the points 1, 2, 3 … in order; expected {expected} here, found {found}."),
            ),
            ProblemKind::NoPhases => plain("Voeg minstens één fase toe.", "Add at least one phase."),
            ProblemKind::NoPhaseBeforeStart => plain(
                "Minstens één fase moet vóór de start te beantwoorden zijn (\"after_start\": false).",
                "At least one phase must be answerable before the start (\"after_start\": false).",
            ),
            ProblemKind::PhaseWithoutFactors { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Fase ‘{id}’ heeft geen factoren."),
                    format!("Phase ‘{id}’ has no factors."),
                )
            }
            ProblemKind::NoPlanSteps => plain(
                "Voeg minstens één stap toe aan het stappenplan.",
                "Add at least one plan step.",
            ),
            ProblemKind::StepNumber { expected, found } => lang.pick(
                format!("Nummer de stappen 1, 2, 3 … op volgorde; hier verwacht: {expected}, gevonden: {found}."),
                format!("Number the steps 1, 2, 3 … in order; expected {expected} here, found {found}."),
            ),
            ProblemKind::DuplicateStepNumber { number } => lang.pick(
                format!("Stapnummer {number} komt twee keer voor."),
                format!("Step number {number} is used twice."),
            ),
            ProblemKind::NoFactors => plain("Voeg minstens één factor toe.", "Add at least one factor."),
            ProblemKind::UnknownPhase { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen fase ‘{id}’."),
                    format!("There is no phase ‘{id}’."),
                )
            }
            ProblemKind::UnknownPlanStep { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen stap ‘{id}’ in het plan."),
                    format!("There is no plan step ‘{id}’."),
                )
            }
            ProblemKind::Weight { value } => {
                let lo = number(lo, lang).unwrap_or_default();
                let hi = number(hi, lang).unwrap_or_default();
                match number(*value, lang) {
                    Some(value) => lang.pick(
                        format!("Het gewicht moet van {lo} tot {hi} zijn; het is {value}."),
                        format!("The weight must be from {lo} to {hi}; it is {value}."),
                    ),
                    None => lang.pick(
                        format!("Het gewicht moet van {lo} tot {hi} zijn; het is een heel groot getal."),
                        format!("The weight must be from {lo} to {hi}; it is a very large number."),
                    ),
                }
            }
            ProblemKind::StatementCount { count } => {
                let (min, max) = STATEMENTS_PER_FACTOR;
                lang.pick(
                    format!("Een factor heeft {min} tot {max} stellingen nodig; deze heeft er {count}."),
                    format!("A factor needs {min} to {max} statements; this one has {count}."),
                )
            }
            ProblemKind::PreconditionWithoutRedFlag => plain(
                "Alleen een rode vlag (\"red_flag\": true) kan een randvoorwaarde van §5 meten.",
                "Only a red flag (\"red_flag\": true) can measure a precondition of §5.",
            ),
            ProblemKind::NoAdvice => plain("Voeg minstens één advies toe.", "Add at least one piece of advice."),
            ProblemKind::RetiredStillAsked { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De stelling ‘{id}’ is vervangen, maar wordt nog gevraagd. Geef de nieuwe stelling een eigen id."),
                    format!("The statement ‘{id}’ is retired, but it is still asked. Give the new statement its own id."),
                )
            }
            ProblemKind::NoSuchStatement { id } => {
                let id = shown(id);
                lang.pick(
                    format!("Er is geen stelling ‘{id}’ in deze vragenlijst."),
                    format!("There is no statement ‘{id}’ in this questionnaire."),
                )
            }
            ProblemKind::NoSince => plain(
                "Vul de versie in waarin de stelling is vervangen, bijvoorbeeld \"2.1.0\".",
                "Give the version in which it was replaced, e.g. \"2.1.0\".",
            ),
            ProblemKind::UnknownStage { id } => {
                let id = shown(id);
                lang.pick(
                    format!("De fase ‘{id}’ van de samenwerking is onbekend; de scan kent alleen \"orienting\", \"preparing\" en \"operating\"."),
                    format!("The stage ‘{id}’ is unknown; the scan only knows \"orienting\", \"preparing\" and \"operating\"."),
                )
            }
            ProblemKind::UrgencyLevel => plain(
                "Het niveau van urgentie moet 1, 2 of 3 zijn (§8.1).",
                "The urgency level must be 1, 2 or 3 (§8.1).",
            ),
            ProblemKind::Heaviness => plain(
                "De zwaarte moet van 1 (licht) tot 5 (fusie) zijn.",
                "The heaviness must be from 1 (light) to 5 (merger).",
            ),
        }
    }
}

/// Returns every problem found; an empty list means the instrument is usable.
pub fn validate(instrument: &Instrument) -> Vec<Problem> {
    // Texts are checked in the languages whose codes are usable ids (the
    // others are problems of their own, said once at `$.languages`).
    let mut languages: Vec<&str> = Vec::new();
    for code in &instrument.languages {
        if usable_id(code) && !languages.contains(&code.as_str()) {
            languages.push(code);
        }
    }
    let mut v = Validator {
        languages,
        problems: Vec::new(),
    };
    v.check(instrument);
    v.problems
}

/// An id that is not empty, has at most 80 characters and no spaces.
fn usable_id(id: &str) -> bool {
    !id.trim().is_empty() && id.chars().count() <= 80 && !id.chars().any(char::is_whitespace)
}

struct Validator<'a> {
    languages: Vec<&'a str>,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn problem(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
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
