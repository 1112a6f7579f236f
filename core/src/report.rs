//! The readiness report: plain serde data, in one language, that explains
//! itself. Everything a reader needs (verdict, the rules that fired, scores,
//! advice) is here; front ends only render it.

use crate::instrument::{Dimension, Polarity, Precondition};
use crate::score::Band;
use crate::stage::Stage;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// A readiness report: the verdict, the rules that fired, the scores and what
/// to do next, with every text in one language.
///
/// [`evaluate`](crate::evaluate) makes one for one respondent; a group
/// ([`GroupReport::report`](crate::GroupReport::report)) and a workshop room
/// ([`RoomResult::report`](crate::RoomResult::report)) get one through the
/// same rules. Plain serde data: the JSON keys are the field names below.
/// Scores, indices and favourability are on 0–100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Report {
    /// The language of every text in this report.
    pub lang: Lang,
    /// The id of the instrument the report was made with, e.g.
    /// `"van-de-laar-2010"`.
    pub instrument_id: String,
    /// That instrument's version, e.g. `"2.1.0"`. [`compare`](crate::compare)
    /// notes when two reports differ in id or version.
    pub instrument_version: String,
    /// The stage the reading rests on: the context's stage id
    /// (`"orienting"`, `"preparing"` or `"operating"`), or `None` when not
    /// given or not one of those (then the report reads as before the start
    /// and a reason with rule `stage-assumed` says so).
    pub stage: Option<Stage>,
    /// True when the partnership runs (stage operating): the verdict then
    /// describes how it runs, never whether it can start.
    pub running: bool,
    /// The verdict: its level, its name and what it means.
    pub verdict: Verdict,
    /// Every rule that fired, in words, most decisive first.
    pub reasons: Vec<Reason>,
    /// Strength (*kracht*; the JSON key stays `readiness`): the weighted mean
    /// score 0–100 of the answered promoting factors (higher is better),
    /// before the start without the look ahead. `None` when no promoting
    /// factor was answered on the scale.
    pub readiness: Option<f64>,
    /// Risk (*risico*): the weighted mean score 0–100 of the answered
    /// hindering factors (higher is worse), before the start without the look
    /// ahead. `None` when no hindering factor was answered on the scale.
    pub risk: Option<f64>,
    /// Statements the verdict needs answered: before the start, the phase
    /// about the running partnership is a look ahead and is not counted.
    pub coverage: Coverage,
    /// The balance of inhoud, structuur and relatie (§6.1), in that order.
    pub dimensions: Vec<DimensionResult>,
    /// Per phase of the instrument, in its order: the phase's indices and
    /// coverage.
    pub phases: Vec<PhaseResult>,
    /// Per factor of the instrument, in its order: score, favourability,
    /// band and coverage.
    pub factors: Vec<FactorResult>,
    /// Up to five strong points, the most favourable (times weight) first.
    pub strengths: Vec<FactorRef>,
    /// Up to five concerns and points to watch: concerns first, each the
    /// least favourable (times weight) first.
    pub risks: Vec<FactorRef>,
    /// Factors without any answer on the scale (the look ahead excepted):
    /// information to collect first.
    pub gaps: Vec<FactorRef>,
    /// Advice for every factor in concern or attention: concerns first, then
    /// points to watch, each by impact (SCORING.md §5). With the verdict
    /// [`VerdictLevel::NoReasonToStart`] only the advice on the necessity
    /// (the self-assessment, §8.1).
    pub advice: Vec<AdviceItem>,
    /// The step of the six-step plan (§8) to work on next; `None` only when
    /// the instrument has no plan step that fits.
    pub next_step: Option<NextStep>,
    /// Whether the form of cooperation chosen in the context fits the
    /// answers (SCORING.md §6); `None` when no form was chosen or the
    /// instrument does not offer it.
    pub form_fit: Option<FormFit>,
    /// Observations from the context (sizes, urgency …) that inform the
    /// reading (SCORING.md §7), each with a stable `code`.
    pub signals: Vec<Signal>,
    /// Input that was ignored (unknown statements, values off the scale …),
    /// with `message` in the report's language like every other text in it.
    pub notices: Vec<ReportNotice>,
}

/// A [`Notice`](crate::Notice) as a report carries it: written out in the
/// report's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct ReportNotice {
    /// Where: a JSON path into the answers, e.g. `$.responses["x.1"]`.
    pub path: String,
    /// What it is, in the report's language.
    pub message: String,
    /// The factor whose reading this input would have changed (see
    /// [`Notice::factor`](crate::Notice::factor)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<String>,
}

/// The verdict. Before the start (stage orienting, preparing or not given)
/// the levels run from `NoReasonToStart` to `Ready`; for a running
/// partnership (stage operating) from `SeriousProblems` to `RunningWell`.
/// `InsufficientInformation` can come at any stage. The derived order is
/// the declaration order and means nothing across the two families; the
/// rules compare with [`VerdictLevel::rank`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum VerdictLevel {
    /// Too little was answered to judge: "onvoldoende informatie".
    InsufficientInformation,
    /// "Geen reden om nu te starten": the necessity is not there (§6.3).
    NoReasonToStart,
    /// "Niet gereed".
    NotReady,
    /// "Eerst de basis versterken".
    PreconditionsFirst,
    /// "Kansrijk, met aandachtspunten".
    Promising,
    /// "Klaar om te starten".
    Ready,
    /// Running: "Ernstige problemen".
    SeriousProblems,
    /// Running: "Bijsturen nodig".
    NeedsSteering,
    /// Running: "Loopt, met aandachtspunten".
    RunningWithAttention,
    /// Running: "Loopt goed".
    RunningWell,
}

/// The verdict as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Verdict {
    /// The level, for rules and styling; in JSON in snake case, e.g.
    /// `"preconditions_first"`.
    pub level: VerdictLevel,
    /// The level's name in the report's language, e.g. "Eerst de basis
    /// versterken" ([`VerdictLevel::label`]).
    pub label: String,
    /// What the level means and what to do now, in a few sentences
    /// ([`VerdictLevel::summary`]).
    pub summary: String,
}

/// One rule that fired, in words: part of why the verdict is what it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Reason {
    /// Stable rule id, e.g. "veto" or "coverage-low" (see SCORING.md).
    pub rule: String,
    /// What the rule found and what to do about it, in the report's
    /// language; it may name factors, municipalities and sections of the
    /// source.
    pub text: String,
    /// The factors the rule is about, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
}

/// How many statements were answered: of a factor, a phase, or all the
/// statements the verdict needs.
///
/// Counts of statements; in a group report summed over the respondents (a
/// statement answered by three people counts three times). In a workshop
/// room a factor with shown votes counts all its statements as answered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Coverage {
    /// All statements counted: `answered + unknown + missing`.
    pub statements: usize,
    /// Answered on the scale.
    pub answered: usize,
    /// Answered "weet ik niet / niet van toepassing".
    pub unknown: usize,
    /// Not answered (an answer off the scale counts as none).
    pub missing: usize,
    /// answered / statements, 0–1 (0 when there are no statements). The
    /// verdict needs at least [`MIN_COVERAGE`](crate::thresholds::MIN_COVERAGE).
    pub ratio: f64,
}

/// One of the three lenses of §6.1, over the answered factors that carry it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct DimensionResult {
    /// Which lens: `"inhoud"`, `"structuur"` or `"relatie"`.
    pub dimension: Dimension,
    /// The lens's name in the report's language ("Inhoud" / "Content").
    pub name: String,
    /// Weighted mean favourability 0–100 of its answered factors (higher is
    /// better), `None` when none was answered.
    pub favourability: Option<f64>,
    /// The band of `favourability`; `None` when none was answered.
    pub band: Option<Band>,
    /// Factors of this lens answered on the scale.
    pub answered: usize,
    /// All factors of this lens that count (before the start, without the
    /// look ahead).
    pub factors: usize,
}

/// One phase of the instrument (built in: Randvoorwaarden; Proces tot
/// samenwerking; Indien de samenwerking staat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct PhaseResult {
    /// The phase id, e.g. `"randvoorwaarden"`.
    pub id: String,
    /// The phase's name in the report's language.
    pub name: String,
    /// Answered as a look ahead (the partnership does not run yet): not
    /// needed for coverage, and its concerns are points to arrange before
    /// the start.
    pub looking_ahead: bool,
    /// Strength of this phase: the weighted mean score 0–100 of its answered
    /// promoting factors (higher is better); `None` when none was answered.
    /// Given for a look ahead too.
    pub readiness: Option<f64>,
    /// Risk of this phase: the weighted mean score 0–100 of its answered
    /// hindering factors (higher is worse); `None` when none was answered.
    pub risk: Option<f64>,
    /// The statements of this phase answered (for a look ahead too, which
    /// the report's own coverage leaves out).
    pub coverage: Coverage,
}

/// One factor's result: its score, favourability, band and coverage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct FactorResult {
    /// The factor id, e.g. `"noodzaak-onderkend"`.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// The id of its phase (see [`PhaseResult::id`]).
    pub phase: String,
    /// `"promoting"` (table 2: what helps) or `"hindering"` (table 3: what
    /// stands in the way).
    pub polarity: Polarity,
    /// Its lens of §6.1.
    pub dimension: Dimension,
    /// Its relative weight in the indices, 0.5–3 (SCORING.md §3).
    pub weight: f64,
    /// A red flag: as a concern it limits the verdict (rules `veto`,
    /// `veto-severe`; in a look ahead `arrange-before-start`).
    pub red_flag: bool,
    /// The §5 precondition a red flag measures, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precondition: Option<Precondition>,
    /// In a phase answered as a look ahead (see [`PhaseResult::looking_ahead`]).
    pub looking_ahead: bool,
    /// Agreement 0–100 (for hindering factors: how present the hindrance is):
    /// the mean of its statements answered on the scale, or the least
    /// favourable one (SCORING.md §1). `None` without an answer on the scale.
    pub score: Option<f64>,
    /// 0–100, higher is better for both polarities: `score`, or
    /// `100 − score` for a hindering factor. `None` when not answered.
    pub favourability: Option<f64>,
    /// Strong point, point to watch or concern by `favourability`
    /// (SCORING.md §2); `None` when not answered.
    pub band: Option<Band>,
    /// At least one statement answered on the scale (`score` is set).
    pub answered: bool,
    /// Its statements answered.
    pub coverage: Coverage,
}

/// A factor named in one of the report's lists (strengths, risks, gaps).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct FactorRef {
    /// The factor id.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// 0–100, higher is better; `None` for a gap.
    pub favourability: Option<f64>,
    /// The band of `favourability`; `None` for a gap.
    pub band: Option<Band>,
}

/// Advice on one factor in concern or attention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct AdviceItem {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// `"concern"` or `"attention"`, never `"strength"`.
    pub band: Band,
    /// A point to arrange before the start (a look-ahead factor).
    pub before_start: bool,
    /// Weight × shortfall × priority (× 1.5 for a red flag in concern,
    /// SCORING.md §5), to one decimal; only the order matters.
    pub impact: f64,
    /// The factor's advice from the instrument, in its order.
    pub steps: Vec<AdviceStep>,
}

/// One piece of advice on a factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct AdviceStep {
    /// What to do, in the report's language; for a running partnership in
    /// the instrument's `running` wording where it has one.
    pub text: String,
    /// The section of the source it rests on, in the report's language,
    /// e.g. `"§8.1"`.
    pub source: String,
}

/// The step of the six-step plan (§8) to work on next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct NextStep {
    /// The plan step id, e.g. `"zelfanalyse"`.
    pub id: String,
    /// Its number in the plan (1–6 in the built-in instrument).
    pub number: u8,
    /// The step's name in the report's language.
    pub name: String,
    /// What the step is about, from the instrument.
    pub description: String,
    /// Why this step, in the report's language: the concerns or points to
    /// watch that belong to it, or what the stage calls for.
    pub reason: String,
    /// The step lies before the stage the partnership is in: go back to it
    /// (§8.3: "terug te grijpen naar de tweede stap").
    pub going_back: bool,
}

/// How well the chosen form of cooperation fits the answers (SCORING.md §6).
/// In JSON: `"good"`, `"caution"` or `"poor"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Nothing in the answers speaks against the form.
    Good,
    /// The form can work, with care: the notes say what to watch.
    Caution,
    /// The form does not fit now: a far-reaching form (heaviness 4 or more)
    /// while a red flag of trust is a concern, in the whole group or at one
    /// partner (§7.4). Caps the verdict at "promising" (rule `form-fit`).
    Poor,
}

impl Fit {
    /// How the fit reads (GLOSSARY: past goed / let op / past nu niet goed).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Fit::Good => lang.pick("Past goed", "Fits well"),
            Fit::Caution => lang.pick("Let op", "Caution"),
            Fit::Poor => lang.pick("Past nu niet goed", "Does not fit well now"),
        }
    }
}

/// Whether the form of cooperation chosen in the context fits the answers
/// (SCORING.md §6).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct FormFit {
    /// The form's id, e.g. `"centrumgemeente"`.
    pub form: String,
    /// The form's name in the report's language.
    pub label: String,
    /// How far-reaching the form is: 1 (afstemming) to 5 (bestuurlijke fusie).
    pub heaviness: u8,
    /// The overall fit: the least favourable of the notes.
    pub fit: Fit,
    /// Why, in the report's language: the notes that set the fit first, then
    /// those that support the form; one sentence saying it fits when nothing
    /// speaks against it.
    pub notes: Vec<String>,
    /// The formal steps this form takes (council consent, works council
    /// advice …), before the start only; empty when the form needs none,
    /// and with the verdict [`VerdictLevel::NoReasonToStart`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedure: Vec<String>,
}

/// An observation from the context that informs the reading (SCORING.md
/// §7); not a rule of the verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Signal {
    /// Stable id for scripts and styling, e.g. `"size-difference"`,
    /// `"many-partners"`, `"urgency-not-shared"`, `"dimension-imbalance"`
    /// or, in a group, `"urgency-differs"`.
    pub code: String,
    /// The observation and what it means, in the report's language.
    pub text: String,
}

impl VerdictLevel {
    /// Severity on one scale for both families (0 = insufficient
    /// information, 5 = ready / running well): a rule caps the verdict by
    /// taking the lower rank.
    pub fn rank(self) -> u8 {
        match self {
            VerdictLevel::InsufficientInformation => 0,
            VerdictLevel::NoReasonToStart => 1,
            VerdictLevel::NotReady | VerdictLevel::SeriousProblems => 2,
            VerdictLevel::PreconditionsFirst | VerdictLevel::NeedsSteering => 3,
            VerdictLevel::Promising | VerdictLevel::RunningWithAttention => 4,
            VerdictLevel::Ready | VerdictLevel::RunningWell => 5,
        }
    }

    /// The level of the same rank for a running partnership (`running`) or
    /// one that has not started. `NoReasonToStart` has no running
    /// counterpart: a running partnership without necessity needs steering.
    pub fn for_stage(self, running: bool) -> VerdictLevel {
        use VerdictLevel::*;
        match (self, running) {
            (InsufficientInformation, _) => InsufficientInformation,
            (NoReasonToStart, false) => NoReasonToStart,
            (NoReasonToStart | NeedsSteering | PreconditionsFirst, true) => NeedsSteering,
            (NotReady | SeriousProblems, true) => SeriousProblems,
            (Promising | RunningWithAttention, true) => RunningWithAttention,
            (Ready | RunningWell, true) => RunningWell,
            (NotReady | SeriousProblems, false) => NotReady,
            (PreconditionsFirst | NeedsSteering, false) => PreconditionsFirst,
            (Promising | RunningWithAttention, false) => Promising,
            (Ready | RunningWell, false) => Ready,
        }
    }

    /// The level's name in `lang` (Dutch unless English is asked for), e.g.
    /// "Eerst de basis versterken" / "Strengthen the foundation first".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            VerdictLevel::InsufficientInformation => {
                lang.pick("Onvoldoende informatie", "Insufficient information")
            }
            VerdictLevel::NoReasonToStart => {
                lang.pick("Geen reden om nu te starten", "No reason to start now")
            }
            VerdictLevel::NotReady => lang.pick("Niet gereed", "Not ready"),
            VerdictLevel::PreconditionsFirst => lang.pick(
                "Eerst de basis versterken",
                "Strengthen the foundation first",
            ),
            VerdictLevel::Promising => lang.pick(
                "Kansrijk, met aandachtspunten",
                "Promising, with points to watch",
            ),
            VerdictLevel::Ready => lang.pick("Klaar om te starten", "Ready to start"),
            VerdictLevel::SeriousProblems => lang.pick("Ernstige problemen", "Serious problems"),
            VerdictLevel::NeedsSteering => lang.pick("Bijsturen nodig", "Needs adjustment"),
            VerdictLevel::RunningWithAttention => lang.pick(
                "Loopt, met aandachtspunten",
                "Running, with points to watch",
            ),
            VerdictLevel::RunningWell => lang.pick("Loopt goed", "Running well"),
        }
    }

    /// What the level means and what to do now, in a few sentences in `lang`
    /// (Dutch unless English is asked for).
    pub fn summary(self, lang: Lang) -> &'static str {
        match self {
            VerdictLevel::InsufficientInformation => lang.pick(
                "Er zijn te weinig stellingen beantwoord om een eerlijk oordeel te geven. Vul de ontbrekende onderdelen aan of zoek eerst uit hoe het zit.",
                "Too few statements were answered to give a fair verdict. Complete the missing parts or find out the facts first.",
            ),
            VerdictLevel::NoReasonToStart => lang.pick(
                "Er is nu geen duidelijke reden om met deze samenwerking te beginnen. Bespreek eerst of het idee zelf klopt: wat levert samenwerken op dat een gemeente alleen niet bereikt?",
                "There is no clear reason to start this partnership now. First discuss whether the idea itself is sound: what does working together achieve that a municipality cannot achieve alone?",
            ),
            VerdictLevel::NotReady => lang.pick(
                "De samenwerking is nu niet gereed. Er zijn ernstige problemen, bij wat helpt of bij wat in de weg staat, die u eerst met de partners moet bespreken en oplossen. Zet geen volgende stap voordat dat is gebeurd.",
                "The partnership is not ready now. There are serious problems, in what helps or in what stands in the way, that you must first discuss with the partners and resolve. Take no next step before that has happened.",
            ),
            VerdictLevel::PreconditionsFirst => lang.pick(
                "Er is nog te weinig basis om verder te gaan. Werk eerst aan de punten die de redenen noemen.",
                "The foundation is still too weak to go further. First work on the points named in the reasons.",
            ),
            VerdictLevel::Promising => lang.pick(
                "De samenwerking is kansrijk. Er zijn aandachtspunten: pak die op in de volgende stap.",
                "The partnership is promising. There are points to watch: address them in the next step.",
            ),
            VerdictLevel::Ready => lang.pick(
                "De samenwerking is klaar om te starten. Rond de formele besluitvorming af (business case, advies van de ondernemingsraden, inbreng van de raden, definitief besluit), volg de aandachtspunten en leg nu een nulmeting vast.",
                "The partnership is ready to start. Complete the formal decision-making (business case, the works councils’ advice, the councils’ input, final decision), keep monitoring the points to watch and record a baseline measurement now.",
            ),
            VerdictLevel::SeriousProblems => lang.pick(
                "De samenwerking heeft ernstige problemen. Bespreek die eerst openlijk met de partners, voordat u verder bouwt.",
                "The partnership has serious problems. Discuss them openly with the partners first, before building further.",
            ),
            VerdictLevel::NeedsSteering => lang.pick(
                "De samenwerking draait, maar moet worden bijgestuurd. Pak de punten uit de redenen nu op.",
                "The partnership is running, but needs adjusting. Act now on the points listed in the reasons.",
            ),
            VerdictLevel::RunningWithAttention => lang.pick(
                "De samenwerking loopt. Er zijn aandachtspunten: neem die mee in het gewone overleg en in de volgende evaluatie.",
                "The partnership is running. There are points to watch: include them in the regular meetings and the next evaluation.",
            ),
            VerdictLevel::RunningWell => lang.pick(
                "De samenwerking loopt goed. Houd dat vast en evalueer tegen de nulmeting.",
                "The partnership is running well. Keep it up and evaluate against the baseline.",
            ),
        }
    }
}
