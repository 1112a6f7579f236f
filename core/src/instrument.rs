//! The questionnaire (instrument) as data.
//!
//! The built-in instrument is Van de Laar's (2010) model as listed in the
//! Wijchen quickscan: 17 promoting factors (table 2), one more from §5 (investing
//! time and money) and 22 hindering factors (table 3) in three phases. It is compiled in from `core/data/instrument.json`;
//! an embedding site may supply its own instrument in the same JSON shape,
//! which is validated before use.

use crate::stage::Stage;
use crate::text::Lang;
use crate::text::{OneLanguage, Text};
use serde::{Deserialize, Serialize};
#[cfg(feature = "builtin")]
use std::sync::OnceLock;

/// Built-in factor ids the rules look at by name (forms, signals, vetoes).
/// With a custom instrument that lacks them, those rules simply do not fire.
pub mod ids {
    /// Complexity of the model (table 3): a form-fit rule.
    pub const COMPLEXITY: &str = "complexiteit-van-het-model";
    /// Workload (table 3): a form-fit rule.
    pub const WORKLOAD: &str = "werkdruk";
    /// Mutual trust and chemistry (table 2): a form-fit rule.
    pub const TRUST: &str = "onderling-vertrouwen-en-chemie";
    /// Skeletons in the closet and distrust (table 3): a form-fit rule.
    pub const DISTRUST: &str = "lijken-in-de-kast-en-wantrouwen";
    /// Non-committal attitudes (table 3): a form-fit rule.
    pub const NONCOMMITTAL: &str = "vrijblijvendheid-en-zweven";
    /// Comparability and familiarity (table 2): a context signal.
    pub const COMPARABILITY: &str = "vergelijkbaarheid-en-bekendheid";
    /// Necessity recognised (table 2): a context signal.
    pub const NECESSITY: &str = "noodzaak-onderkend";
    /// §6.4: council involvement, a verdict rule of its own.
    pub const COUNCILS: &str = "tijdige-en-periodieke-betrokkenheid-van-de-gemeenteraden";
}

/// The instrument JSON schema version this crate reads.
pub const SCHEMA_VERSION: u32 = 1;

/// `data/instrument.json` without indentation (see `build.rs`). Only with
/// the `builtin` feature (on by default): the widget's wasm leaves it out
/// and is given the instrument in the page's language as a file
/// (`instrument.<lang>.json`, see [`Instrument::builtin_json`]).
#[cfg(feature = "builtin")]
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instrument.min.json"));

/// A questionnaire: its scale, phases, plan steps, factors with their
/// statements and advice, and the options of the context questions.
///
/// The built-in one is `Instrument::builtin` (feature `builtin`); a custom
/// one comes from [`Instrument::from_json`], which validates it. Unknown
/// JSON fields are refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The JSON schema version; must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The questionnaire's id, e.g. `"van-de-laar-2010"`; answers and
    /// reports name it.
    pub id: String,
    /// The questionnaire's version, e.g. `"2.1.0"`.
    pub version: String,
    /// Language codes every text must be given in, e.g. `["nl", "en"]`.
    pub languages: Vec<String>,
    /// The questionnaire's title (at most
    /// [`MAX_NAME_CHARS`](crate::MAX_NAME_CHARS) characters).
    pub title: Text,
    /// A short description of the questionnaire.
    pub description: Text,
    /// Where the questionnaire comes from: the literature it rests on and
    /// what its source references (`§`, `BLNP 2014` …) mean.
    pub source: Text,
    /// The answer scale.
    pub scale: Scale,
    /// The phases, in order (built in: `"randvoorwaarden"`, `"proces"`,
    /// `"samenwerking-staat"`).
    pub phases: Vec<Phase>,
    /// The steps of the six-step plan (§8), numbered 1, 2, 3 … in order.
    pub plan_steps: Vec<PlanStep>,
    /// The factors, in questionnaire order; their statements in that order
    /// are the questionnaire.
    pub factors: Vec<Factor>,
    /// Statements of earlier versions whose meaning changed: an answer to
    /// one of these is not reused for its successor (issue 13), but named
    /// as unused input that points to the new statement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Retired>,
    /// The options of the context questions.
    pub context: ContextSpec,
}

/// A statement an earlier version asked and this one no longer does,
/// because its successor asks something else (its own id). Answers files
/// keep the old id; [`Answers::check`](crate::Answers::check) says the
/// answer does not count and which statement replaced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The old statement id, e.g. `"visievorming.2"`.
    pub id: String,
    /// The old wording, so that people see which answer did not count.
    pub text: Text,
    /// The old look-ahead wording, if it had one (what a respondent before
    /// the start saw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahead: Option<Text>,
    /// The instrument version that replaced it, e.g. `"2.1.0"`.
    pub since: String,
    /// The id of the statement that took its place in this version.
    pub replaced_by: String,
}

/// An agreement scale (points `1..=n`) plus "don't know / not applicable".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The points, numbered 1, 2, 3 … in order: 3 to 7 of them (built in:
    /// 5, from "helemaal oneens" to "helemaal eens").
    pub points: Vec<ScalePoint>,
    /// The label of the answer outside the scale: "weet ik niet / niet van
    /// toepassing".
    pub unknown: Text,
}

/// One point of the agreement scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The point's value, 1 up to the number of points.
    pub value: u8,
    /// Its label, e.g. "Eens" / "Agree".
    pub label: Text,
}

/// A phase of the source (tables 2 and 3 group the factors by phase).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// The phase id, e.g. `"randvoorwaarden"`.
    pub id: String,
    /// The phase's name (at most
    /// [`MAX_SHORT_NAME_CHARS`](crate::MAX_SHORT_NAME_CHARS) characters).
    pub name: Text,
    /// What the phase is about.
    pub description: Text,
    /// The phase is about the partnership once it runs (the source's third
    /// phase, "Indien de samenwerking staat"). Before the start (stage
    /// orienting or preparing) its statements are answered looking ahead:
    /// they never count for coverage, and their concerns become points to
    /// arrange before the start instead of limits on the verdict.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_start: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Phase {
    /// Whether this phase is answered as a look ahead at this stage
    /// (`None` when not given or unknown): an `after_start` phase before the
    /// partnership runs.
    pub fn looks_ahead(&self, stage: Option<Stage>) -> bool {
        self.after_start && !stage.is_some_and(Stage::running)
    }
}

/// A step of the six-step plan (§8 of the source).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// The step id, e.g. `"zelfanalyse"`.
    pub id: String,
    /// Its number in the plan: 1, 2, 3 … in order.
    pub number: u8,
    /// The step's name (at most
    /// [`MAX_SHORT_NAME_CHARS`](crate::MAX_SHORT_NAME_CHARS) characters).
    pub name: Text,
    /// What the step is about.
    pub description: Text,
}

/// Whether agreeing with a factor's statements helps or hinders the
/// partnership. In JSON: `"promoting"` or `"hindering"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Table 2: agreeing means the partnership is stronger.
    Promoting,
    /// Table 3: agreeing means the hindrance is present.
    Hindering,
}

/// The three lenses of §6.1: content, structure and relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// Inhoud (content).
    Inhoud,
    /// Structuur (structure).
    Structuur,
    /// Relatie (relationship).
    Relatie,
}

/// A factor the scan measures through 1–3 statements (built in: the
/// factors of table 2 and table 3, and §5's investing time and money).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// The factor id, e.g. `"noodzaak-onderkend"`.
    pub id: String,
    /// The id of its phase.
    pub phase: String,
    /// Whether agreeing helps (promoting) or hinders (hindering).
    pub polarity: Polarity,
    /// Where the factor comes from, e.g. "Tabel 2, randvoorwaarden 3".
    pub source_ref: String,
    /// Its lens of §6.1: inhoud, structuur or relatie.
    pub dimension: Dimension,
    /// The plan step (by id) where this factor is mainly worked on.
    pub plan_step: String,
    /// The factor's name (at most [`MAX_NAME_CHARS`](crate::MAX_NAME_CHARS)
    /// characters), e.g. "Noodzaak onderkend".
    pub name: Text,
    /// What the factor means and why it matters, in a sentence or two.
    pub explanation: Text,
    /// Its statements (1–3), in questionnaire order.
    pub statements: Vec<Statement>,
    /// Relative weight in the indices, 0.5–3.
    pub weight: f64,
    /// A potential veto: when it scores as a concern, no positive verdict.
    pub red_flag: bool,
    /// Which of the three preconditions of §5 ("noodzaak, vertrouwen en
    /// tijd") the factor measures. Red flags of the same precondition are one
    /// underlying problem and count once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precondition: Option<Precondition>,
    /// How the statements combine into the factor score (default: the mean).
    #[serde(default, skip_serializing_if = "Combine::is_mean")]
    pub combine: Combine,
    /// People may not want others to see their answer (personal interests,
    /// chemistry, old conflicts): a workshop asks for an anonymous vote on
    /// paper slips, not hands or cards. Which factors are sensitive is this
    /// tool's facilitation choice, not the seed's (Van de Laar names none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
    /// What to do when the factor is a concern or a point to watch (at
    /// least one piece).
    pub advice: Vec<Advice>,
}

/// How a factor's statements combine into its score (SCORING.md §1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// The mean of the statements answered on the scale: each statement is
    /// one view of the same thing.
    #[default]
    Mean,
    /// The least favourable statement answered on the scale: for red flags,
    /// where one firm sign is enough, and for factors whose statements are
    /// alternative ways the same problem shows (e.g. no support *or* endless
    /// consensus-seeking), which an average would cancel out.
    Worst,
}

impl Combine {
    fn is_mean(&self) -> bool {
        *self == Combine::Mean
    }
}

/// The three preconditions of §5 (Van den Heuvel 2010): "noodzaak,
/// vertrouwen en tijd".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Precondition {
    /// "Is er een gedeelde urgentie, wat is het doel?"
    Noodzaak,
    /// "Hebben de partners vertrouwen in elkaar?"
    Vertrouwen,
    /// "Is men bereid tijd en geld te investeren, ook al zal het een tijd
    /// duren tot de baten duidelijk zijn?"
    Tijd,
}

/// One statement (stelling): one idea, without negation, rated on the
/// scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The statement id, e.g. `"noodzaak-onderkend.1"`. An id keeps one
    /// meaning forever: a question that asks something else gets a new id
    /// (see [`Instrument::retired`]).
    pub id: String,
    /// The wording for a running partnership (and the only one when
    /// `ahead` is absent).
    pub text: Text,
    /// The wording for a partnership that is not running yet (stage
    /// orienting, preparing or not given), where `text` presumes agreements
    /// or an organisation that do not exist yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahead: Option<Text>,
}

impl Statement {
    /// The wording for this stage (`None` when not given or unknown):
    /// `ahead` before the start, else `text`.
    pub fn wording(&self, stage: Option<Stage>) -> &Text {
        looking_ahead(&self.text, self.ahead.as_ref(), stage)
    }

    /// [`Statement::wording`] in `lang`.
    pub fn text_for(&self, stage: Option<Stage>, lang: Lang) -> &str {
        self.wording(stage).get(lang)
    }
}

impl Retired {
    /// The wording the retired statement had at this stage (see
    /// [`Statement::wording`]).
    pub fn wording(&self, stage: Option<Stage>) -> &Text {
        looking_ahead(&self.text, self.ahead.as_ref(), stage)
    }
}

/// `ahead` before the start (when there is one), else `text`.
fn looking_ahead<'a>(text: &'a Text, ahead: Option<&'a Text>, stage: Option<Stage>) -> &'a Text {
    match ahead {
        Some(ahead) if !stage.is_some_and(Stage::running) => ahead,
        _ => text,
    }
}

/// One piece of advice on a factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The advice before the start (and the only wording when `running`
    /// is absent).
    pub text: Text,
    /// The wording for a running partnership, where `text` speaks of the
    /// start ("vóór de start", "het definitieve besluit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<Text>,
    /// The section of the source the advice rests on, e.g. "§8.1".
    pub source: String,
}

impl Advice {
    /// The wording for a running partnership (`running`) or one that has
    /// not started.
    pub fn text_for(&self, running: bool, lang: Lang) -> &str {
        match (&self.running, running) {
            (Some(text), true) => text.get(lang),
            _ => self.text.get(lang),
        }
    }
}

/// The options of the context questions about the proposed partnership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    /// The stages of the partnership; only the ids `"orienting"`,
    /// `"preparing"` and `"operating"` are valid (the rules know those).
    pub stages: Vec<Choice>,
    /// The urgency levels of §8.1.
    pub urgency: Vec<UrgencyLevel>,
    /// The goals of the partnership, e.g. `"bedrijfsvoering-uniform"`.
    pub goals: Vec<Choice>,
    /// The motives, e.g. `"kosten"`, `"kwetsbaarheid"`.
    pub motives: Vec<Choice>,
    /// The forms of cooperation, from light to heavy.
    pub forms: Vec<FormOption>,
    /// The task areas, e.g. `"sociaal-domein"`.
    pub domains: Vec<Choice>,
}

/// One option of a context question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The option's id, as the answers hold it.
    pub id: String,
    /// Its label.
    pub label: Text,
    /// An optional explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// The three-point urgency scale of §8.1 (1 = needed soon … 3 = not needed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct UrgencyLevel {
    /// The option's id, e.g. `"short-term"`.
    pub id: String,
    /// Its point on §8.1's scale: 1 (needed soon), 2 or 3 (not needed). The
    /// rules read the level, never the id.
    pub level: u8,
    /// Its label.
    pub label: Text,
}

/// A form of cooperation, from light (1, afstemming) to heavy (5, fusion).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(deny_unknown_fields)]
pub struct FormOption {
    /// The form's id, e.g. `"centrumgemeente"`.
    pub id: String,
    /// How far-reaching it is: 1 (light) to 5 (a merger); 4 or more is a
    /// far-reaching form for the form rules.
    pub heaviness: u8,
    /// Its name.
    pub label: Text,
    /// What the form is.
    pub description: Text,
    /// What kind of form it is (§7: afstemming, contract, gemeenschappelijke
    /// organisatie; §4.2: centrumgemeente; §8.3: ambtelijke of bestuurlijke
    /// fusie). The form rules use it; without it only the heaviness counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FormKind>,
}

/// The kinds of forms the form rules distinguish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    /// §7.1 and §4.2.2: coordination or a network without formal agreements.
    Afstemming,
    /// §7.2: a contract such as a dienstverleningsovereenkomst (DVO).
    Contract,
    /// §4.2.3, §7.3: one (usually the largest) municipality carries out
    /// tasks for the others under a mandate.
    Centrumgemeente,
    /// §7.3: a gemeenschappelijk orgaan (no legal personality; usually
    /// policy coordination).
    GemeenschappelijkOrgaan,
    /// §7.3, §4.2.5: an openbaar lichaam, shared service centre or
    /// werkorganisatie that employs staff.
    GemeenschappelijkeOrganisatie,
    /// §8.3: a partial or full merger of the civil services.
    AmbtelijkeFusie,
    /// §4.2.8, §8.3: a municipal merger (herindeling).
    BestuurlijkeFusie,
}

impl FormKind {
    /// Usually a gemeenschappelijke regeling under the Wgr (council consent,
    /// Wgr art. 1).
    pub fn is_regeling(self) -> bool {
        matches!(
            self,
            FormKind::Centrumgemeente
                | FormKind::GemeenschappelijkOrgaan
                | FormKind::GemeenschappelijkeOrganisatie
                | FormKind::AmbtelijkeFusie
        )
    }
}

impl Instrument {
    /// The built-in Van de Laar instrument (parsed once, then shared).
    #[cfg(feature = "builtin")]
    pub fn builtin() -> &'static Instrument {
        static BUILTIN: OnceLock<Instrument> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The data file is validated by a unit test; failing here would be
            // a build defect, not a user error.
            typed(BUILTIN_JSON).expect("core/data/instrument.json is valid")
        })
    }

    /// A fresh, owned copy of the built-in instrument (for front ends that
    /// keep it behind an `Rc`).
    #[cfg(feature = "builtin")]
    pub fn builtin_owned() -> Instrument {
        typed(BUILTIN_JSON).expect("core/data/instrument.json is valid")
    }

    /// The built-in instrument as JSON with its texts in `lang` only (a
    /// missing text falls back as [`Text::get`] says), and
    /// `languages: [lang]`. The widget ships one such file per language
    /// (`instrument.nl.json`, `instrument.en.json`, written by
    /// `cargo xtask build`) and loads only the visitor's: about 17 KB gzip
    /// each, against 32 KB for both (issue 16). Everything but the texts is
    /// the same, so answers, share codes and reports carry over when the
    /// other language is loaded.
    #[cfg(feature = "builtin")]
    pub fn builtin_json(lang: Lang) -> String {
        Self::builtin().in_language(lang)
    }

    /// This instrument as JSON with every text in `lang` only (see
    /// [`Instrument::builtin_json`]): the text in `lang`, else the fallback
    /// of [`Text::get`]; still an instrument, with `languages: [lang]`.
    pub fn in_language(&self, lang: Lang) -> String {
        let one = Instrument {
            languages: vec![lang.to_string()],
            ..self.clone()
        };
        serde_json::to_string(&OneLanguage::keyed(&one, lang)).unwrap_or_default()
    }

    /// This instrument for reading in `lang`: every text a plain string
    /// (`"title": "Samenwerkingsscan"`), chosen as [`Text::get`] does, the
    /// rest as it is, with `languages: [lang]`. Serialize it (JSON, or a JS object); it is no longer
    /// an instrument the core reads. Used by the CLI (`instrument --lang`)
    /// and the JS API (`defaultInstrument(lang)`).
    pub fn localized(&self, lang: Lang) -> OneLanguage<Instrument> {
        let one = Instrument {
            languages: vec![lang.code().to_string()],
            ..self.clone()
        };
        OneLanguage::plain(one, lang)
    }

    /// Whether `other` is this questionnaire, perhaps in other languages:
    /// the same id, version and statements in the same order, so answers,
    /// share codes and screens carry over from one to the other (the
    /// widget checks a language file it loads against the one it shows).
    pub fn same_questionnaire(&self, other: &Instrument) -> bool {
        self.id == other.id
            && self.version == other.version
            && self
                .statements()
                .map(|(_, s)| &s.id)
                .eq(other.statements().map(|(_, s)| &s.id))
    }

    /// The language to read this instrument in: `asked` when the instrument
    /// has it; without asking Dutch, or else the first language the scan
    /// speaks that it has. `None` when it has not the language asked for
    /// (or none the scan speaks; validation refuses such an instrument).
    ///
    /// ```
    /// use samenwerkingsscan::{Instrument, Lang};
    /// let i = Instrument::builtin();
    /// assert_eq!(i.reading_language(None), Some(Lang::Nl));
    /// assert_eq!(i.reading_language(Some(Lang::En)), Some(Lang::En));
    /// ```
    pub fn reading_language(&self, asked: Option<Lang>) -> Option<Lang> {
        match asked {
            Some(lang) => self.speaks(lang).then_some(lang),
            None => Lang::ALL.into_iter().find(|l| self.speaks(*l)),
        }
    }

    /// Whether the instrument has its texts in `lang` (a custom one may be
    /// in Dutch only; a missing text falls back as [`Text::get`] says).
    pub fn speaks(&self, lang: Lang) -> bool {
        self.languages.iter().any(|have| have == lang.code())
    }

    /// The factor with this id, if the instrument has it.
    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// The phase with this id, if the instrument has it.
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The plan step with this id, if the instrument has it.
    pub fn plan_step(&self, id: &str) -> Option<&PlanStep> {
        self.plan_steps.iter().find(|s| s.id == id)
    }

    /// The form of cooperation with this id, if the instrument offers it.
    pub fn form(&self, id: &str) -> Option<&FormOption> {
        self.context.forms.iter().find(|f| f.id == id)
    }

    /// The urgency choice with this id (§8.1's three-point scale), if the
    /// instrument knows it.
    pub fn urgency(&self, id: Option<&str>) -> Option<&UrgencyLevel> {
        let id = id?;
        self.context.urgency.iter().find(|u| u.id == id)
    }

    /// Every statement in questionnaire order, with its factor.
    pub fn statements(&self) -> impl Iterator<Item = (&Factor, &Statement)> {
        self.factors
            .iter()
            .flat_map(|f| f.statements.iter().map(move |s| (f, s)))
    }

    /// The highest point of the scale (5 for the built-in instrument).
    pub fn scale_max(&self) -> u8 {
        self.scale.points.iter().map(|p| p.value).max().unwrap_or(0)
    }
}

/// The one typed parse of an instrument: not inlined, so the widget's wasm
/// holds the instrument parser once (the built-in and a custom instrument
/// both come through here).
#[inline(never)]
pub(crate) fn typed(json: &str) -> Result<Instrument, serde_json::Error> {
    serde_json::from_str(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_instrument_is_the_data_file() {
        let pretty: serde_json::Value =
            serde_json::from_str(include_str!("../data/instrument.json")).unwrap();
        let embedded: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        assert_eq!(pretty, embedded);
    }

    #[test]
    fn a_language_file_is_the_same_questionnaire_and_another_version_is_not() {
        let full = Instrument::builtin();
        let english = Instrument::from_json(&Instrument::builtin_json(Lang::En)).unwrap();
        assert!(full.same_questionnaire(&english));
        let mut other = english.clone();
        other.version.push_str("-b");
        assert!(!full.same_questionnaire(&other));
        let mut fewer = english;
        fewer.factors[0].statements.pop();
        assert!(!full.same_questionnaire(&fewer));
    }

    #[test]
    fn builtin_parses_and_validates_clean() {
        let problems = crate::validate::validate(Instrument::builtin());
        assert!(problems.is_empty(), "{problems:#?}");
        let round_trip = Instrument::from_json(BUILTIN_JSON).expect("valid");
        assert_eq!(&round_trip, Instrument::builtin());
    }

    #[test]
    fn builtin_has_the_39_factors_of_tables_2_and_3_and_the_time_precondition() {
        let instrument = Instrument::builtin();
        let count = |phase: &str, polarity: Polarity| {
            instrument
                .factors
                .iter()
                .filter(|f| f.phase == phase && f.polarity == polarity)
                .filter(|f| f.source_ref.starts_with("Tabel"))
                .count()
        };
        use Polarity::*;
        assert_eq!(count("randvoorwaarden", Promoting), 4);
        assert_eq!(count("proces", Promoting), 8);
        assert_eq!(count("samenwerking-staat", Promoting), 5);
        assert_eq!(count("randvoorwaarden", Hindering), 5);
        assert_eq!(count("proces", Hindering), 10);
        assert_eq!(count("samenwerking-staat", Hindering), 7);
        // Tables 2 and 3, plus §5's third precondition ('tijd'), which the
        // tables do not cover.
        assert_eq!(instrument.factors.len(), 40);
        let time = instrument.factor("tijd-en-geld-investeren").unwrap();
        assert!(time.source_ref.starts_with("§5"));
        assert_eq!(time.precondition, Some(Precondition::Tijd));
        // §5's three preconditions are each measured by a red flag, and
        // nothing else is a red flag.
        let mut measured: Vec<Precondition> = instrument
            .factors
            .iter()
            .filter(|f| f.red_flag)
            .map(|f| {
                f.precondition
                    .expect("every built-in red flag names its precondition")
            })
            .collect();
        measured.dedup();
        measured.sort();
        measured.dedup();
        assert_eq!(
            measured,
            [
                Precondition::Noodzaak,
                Precondition::Vertrouwen,
                Precondition::Tijd
            ]
        );
        let ahead = instrument.phases.iter().filter(|p| p.after_start).count();
        assert_eq!(
            ahead, 1,
            "only 'Indien de samenwerking staat' is a look ahead"
        );
        let phases: Vec<_> = instrument.phases.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(phases, ["randvoorwaarden", "proces", "samenwerking-staat"]);
        assert_eq!(instrument.plan_steps.len(), 6);
        assert_eq!(instrument.scale_max(), 5);
    }

    #[test]
    fn every_statement_of_the_running_phase_has_a_look_ahead_wording() {
        let instrument = Instrument::builtin();
        for (factor, statement) in instrument.statements() {
            let after = instrument.phase(&factor.phase).unwrap().after_start;
            assert_eq!(statement.ahead.is_some(), after, "{}", statement.id);
            if after {
                assert_ne!(
                    statement.text_for(Some(Stage::Preparing), Lang::Nl),
                    statement.text_for(Some(Stage::Operating), Lang::Nl)
                );
                assert_eq!(
                    statement.text_for(None, Lang::Nl),
                    statement.text_for(Some(Stage::Orienting), Lang::Nl)
                );
            }
        }
    }

    #[test]
    fn factor_names_follow_the_source() {
        let instrument = Instrument::builtin();
        let names: Vec<String> = instrument
            .factors
            .iter()
            .map(|f| f.name.get(Lang::Nl).to_lowercase())
            .collect();
        for expected in [
            "noodzaak onderkend",
            "onderling vertrouwen en chemie",
            "lijken in de kast en wantrouwen",
            "instabiele politiek/bestuurlijke omgeving",
            "complexiteit van het model",
            "voorlopers en achterblijvers",
        ] {
            assert!(names.iter().any(|n| n == expected), "missing {expected}");
        }
    }

    #[test]
    fn syntax_errors_and_wrong_types_come_back_with_a_path() {
        let error = Instrument::from_json("{ not json").unwrap_err();
        assert_eq!(error.problems.len(), 1);
        let mut value: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        value["factors"][2]["weight"] = serde_json::json!("heavy");
        let error = Instrument::from_json(&value.to_string()).unwrap_err();
        assert_eq!(error.problems[0].path, "$.factors[2].weight");
        assert_eq!(
            error.problems[0].text(Lang::Nl),
            "Hier staat de tekst ‘heavy’; verwacht: een getal."
        );
        // Pretty-printed too (the path is found from line and column).
        let error =
            Instrument::from_json(&serde_json::to_string_pretty(&value).unwrap()).unwrap_err();
        assert_eq!(error.problems[0].path, "$.factors[2].weight");
    }
}
