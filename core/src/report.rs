//! The readiness report: plain serde data, in one language, that explains
//! itself. Everything a reader needs (verdict, the rules that fired, scores,
//! advice) is here; front ends only render it.

use crate::answers::Notice;
use crate::instrument::{Dimension, Polarity, Precondition};
use crate::score::Band;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The language of every text in this report.
    pub lang: String,
    pub instrument_id: String,
    pub instrument_version: String,
    /// The stage the reading rests on: the context's stage id, or `None`
    /// when not given (then the report reads as before the start and a
    /// reason with rule `stage-assumed` says so).
    pub stage: Option<String>,
    /// True when the partnership runs (stage operating): the verdict then
    /// describes how it runs, never whether it can start.
    pub running: bool,
    pub verdict: Verdict,
    /// Every rule that fired, in words, most decisive first.
    pub reasons: Vec<Reason>,
    /// Weighted readiness 0–100 from the promoting factors (higher is better).
    pub readiness: Option<f64>,
    /// Weighted risk 0–100 from the hindering factors (higher is worse).
    pub risk: Option<f64>,
    /// Statements the verdict needs answered: before the start, the phase
    /// about the running partnership is a look ahead and is not counted.
    pub coverage: Coverage,
    /// The balance of inhoud, structuur and relatie (§6.1), in that order.
    pub dimensions: Vec<DimensionResult>,
    pub phases: Vec<PhaseResult>,
    pub factors: Vec<FactorResult>,
    pub strengths: Vec<FactorRef>,
    pub risks: Vec<FactorRef>,
    /// Factors nobody could answer: information to collect first.
    pub gaps: Vec<FactorRef>,
    /// Advice for weak factors, highest impact first.
    pub advice: Vec<AdviceItem>,
    pub next_step: Option<NextStep>,
    pub form_fit: Option<FormFit>,
    /// Observations from the context (sizes, urgency …) that inform the reading.
    pub signals: Vec<Signal>,
    /// Input that was ignored (unknown statements, values off the scale …),
    /// with `message` in the report's language like every other text in it.
    pub notices: Vec<Notice>,
}

/// The verdict. Before the start (stage orienting, preparing or not given)
/// the levels run from `NoReasonToStart` to `Ready`; for a running
/// partnership (stage operating) from `SeriousProblems` to `RunningWell`.
/// `InsufficientInformation` can come at any stage. The derived order is
/// the declaration order and means nothing across the two families; the
/// rules compare with [`VerdictLevel::rank`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub level: VerdictLevel,
    pub label: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable rule id, e.g. "veto" or "coverage-low" (see SCORING.md).
    pub rule: String,
    pub text: String,
    /// The factors the rule is about, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub statements: usize,
    pub answered: usize,
    pub unknown: usize,
    pub missing: usize,
    /// answered / statements, 0–1.
    pub ratio: f64,
}

/// One of the three lenses of §6.1, over the answered factors that carry it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    pub dimension: Dimension,
    pub name: String,
    /// Weighted mean favourability 0–100 of its answered factors (higher is
    /// better), `None` when none was answered.
    pub favourability: Option<f64>,
    pub band: Option<Band>,
    /// Answered factors / all factors of this dimension.
    pub answered: usize,
    pub factors: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseResult {
    pub id: String,
    pub name: String,
    /// Answered as a look ahead (the partnership does not run yet): not
    /// needed for coverage, and its concerns are points to arrange before
    /// the start.
    pub looking_ahead: bool,
    pub readiness: Option<f64>,
    pub risk: Option<f64>,
    pub coverage: Coverage,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactorResult {
    pub id: String,
    pub name: String,
    pub phase: String,
    pub polarity: Polarity,
    pub dimension: Dimension,
    pub weight: f64,
    pub red_flag: bool,
    /// The §5 precondition a red flag measures, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precondition: Option<Precondition>,
    /// In a phase answered as a look ahead (see [`PhaseResult::looking_ahead`]).
    pub looking_ahead: bool,
    /// Agreement 0–100 (for hindering factors: how present the hindrance is).
    pub score: Option<f64>,
    /// 0–100, higher is better for both polarities.
    pub favourability: Option<f64>,
    pub band: Option<Band>,
    pub answered: bool,
    pub coverage: Coverage,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactorRef {
    pub id: String,
    pub name: String,
    pub favourability: Option<f64>,
    pub band: Option<Band>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdviceItem {
    pub factor: String,
    pub factor_name: String,
    pub band: Band,
    /// A point to arrange before the start (a look-ahead factor).
    pub before_start: bool,
    /// Weight × shortfall × priority; only the order matters.
    pub impact: f64,
    pub steps: Vec<AdviceStep>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdviceStep {
    pub text: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: String,
    pub number: u8,
    pub name: String,
    pub description: String,
    pub reason: String,
    /// The step lies before the stage the partnership is in: go back to it
    /// (§8.3: "terug te grijpen naar de tweede stap").
    pub going_back: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    Good,
    Caution,
    Poor,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormFit {
    pub form: String,
    pub label: String,
    pub heaviness: u8,
    pub fit: Fit,
    pub notes: Vec<String>,
    /// The formal steps this form takes (council consent, works council
    /// advice …), before the start only; empty when the form needs none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedure: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub code: String,
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

    pub fn label(self, lang: &str) -> &'static str {
        let m = crate::text::Msg::of(lang);
        match self {
            VerdictLevel::InsufficientInformation => {
                m.pick("Onvoldoende informatie", "Insufficient information")
            }
            VerdictLevel::NoReasonToStart => {
                m.pick("Geen reden om nu te starten", "No reason to start now")
            }
            VerdictLevel::NotReady => m.pick("Niet gereed", "Not ready"),
            VerdictLevel::PreconditionsFirst => m.pick(
                "Eerst de basis versterken",
                "Strengthen the foundation first",
            ),
            VerdictLevel::Promising => m.pick(
                "Kansrijk, met aandachtspunten",
                "Promising, with points to watch",
            ),
            VerdictLevel::Ready => m.pick("Klaar om te starten", "Ready to start"),
            VerdictLevel::SeriousProblems => m.pick("Ernstige problemen", "Serious problems"),
            VerdictLevel::NeedsSteering => m.pick("Bijsturen nodig", "Needs adjustment"),
            VerdictLevel::RunningWithAttention => m.pick(
                "Loopt, met aandachtspunten",
                "Running, with points to watch",
            ),
            VerdictLevel::RunningWell => m.pick("Loopt goed", "Running well"),
        }
    }

    pub fn summary(self, lang: &str) -> &'static str {
        let m = crate::text::Msg::of(lang);
        match self {
            VerdictLevel::InsufficientInformation => m.pick(
                "Er zijn te weinig stellingen beantwoord om een eerlijk oordeel te geven. Vul de ontbrekende onderdelen aan of zoek eerst uit hoe het zit.",
                "Too few statements were answered to give a fair verdict. Complete the missing parts or find out the facts first.",
            ),
            VerdictLevel::NoReasonToStart => m.pick(
                "Er is nu geen duidelijke reden om met deze samenwerking te beginnen. Bespreek eerst of het idee zelf klopt: wat levert samenwerken op dat een gemeente alleen niet bereikt?",
                "There is no clear reason to start this partnership now. First discuss whether the idea itself is sound: what does working together achieve that a municipality cannot achieve alone?",
            ),
            VerdictLevel::NotReady => m.pick(
                "De samenwerking is nu niet gereed. Er zijn ernstige problemen, bij wat helpt of bij wat in de weg staat, die u eerst met de partners moet bespreken en oplossen. Zet geen volgende stap voordat dat is gebeurd.",
                "The partnership is not ready now. There are serious problems, in what helps or in what stands in the way, that you must first discuss with the partners and resolve. Take no next step before that has happened.",
            ),
            VerdictLevel::PreconditionsFirst => m.pick(
                "Er is nog te weinig basis om verder te gaan. Werk eerst aan de punten die de redenen noemen.",
                "The foundation is still too weak to go further. First work on the points named in the reasons.",
            ),
            VerdictLevel::Promising => m.pick(
                "De samenwerking is kansrijk. Er zijn aandachtspunten: pak die op in de volgende stap.",
                "The partnership is promising. There are points to watch: address them in the next step.",
            ),
            VerdictLevel::Ready => m.pick(
                "De samenwerking is klaar om te starten. Rond de formele besluitvorming af (business case, advies van de ondernemingsraden, inbreng van de raden, definitief besluit), volg de aandachtspunten en leg nu een nulmeting vast.",
                "The partnership is ready to start. Complete the formal decision-making (business case, the works councils’ advice, the councils’ input, final decision), keep monitoring the points to watch and record a baseline measurement now.",
            ),
            VerdictLevel::SeriousProblems => m.pick(
                "De samenwerking heeft ernstige problemen. Bespreek die eerst openlijk met de partners, voordat u verder bouwt.",
                "The partnership has serious problems. Discuss them openly with the partners first, before building further.",
            ),
            VerdictLevel::NeedsSteering => m.pick(
                "De samenwerking draait, maar moet worden bijgestuurd. Pak de punten uit de redenen nu op.",
                "The partnership is running, but needs adjusting. Act now on the points listed in the reasons.",
            ),
            VerdictLevel::RunningWithAttention => m.pick(
                "De samenwerking loopt. Er zijn aandachtspunten: neem die mee in het gewone overleg en in de volgende evaluatie.",
                "The partnership is running. There are points to watch: include them in the regular meetings and the next evaluation.",
            ),
            VerdictLevel::RunningWell => m.pick(
                "De samenwerking loopt goed. Houd dat vast en evalueer tegen de nulmeting.",
                "The partnership is running well. Keep it up and evaluate against the baseline.",
            ),
        }
    }
}
