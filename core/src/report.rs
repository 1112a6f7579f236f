//! The readiness report: plain serde data, in one language, that explains
//! itself. Everything a reader needs (verdict, the rules that fired, scores,
//! advice) is here; front ends only render it.

use crate::answers::Notice;
use crate::instrument::{Dimension, Polarity};
use crate::score::Band;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The language of every text in this report.
    pub lang: String,
    pub instrument_id: String,
    pub instrument_version: String,
    pub verdict: Verdict,
    /// Every rule that fired, in words, most decisive first.
    pub reasons: Vec<Reason>,
    /// Weighted readiness 0–100 from the promoting factors (higher is better).
    pub readiness: Option<f64>,
    /// Weighted risk 0–100 from the hindering factors (higher is worse).
    pub risk: Option<f64>,
    pub coverage: Coverage,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictLevel {
    /// Too little was answered to judge: "onvoldoende informatie".
    InsufficientInformation,
    /// "Niet gereed".
    NotReady,
    /// "Eerst randvoorwaarden op orde".
    PreconditionsFirst,
    /// "Kansrijk, met aandachtspunten".
    Promising,
    /// "Klaar om te starten".
    Ready,
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseResult {
    pub id: String,
    pub name: String,
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub code: String,
    pub text: String,
}

impl VerdictLevel {
    pub fn label(self, lang: &str) -> &'static str {
        let m = crate::text::Msg::of(lang);
        match self {
            VerdictLevel::InsufficientInformation => {
                m.pick("Onvoldoende informatie", "Insufficient information")
            }
            VerdictLevel::NotReady => m.pick("Niet gereed", "Not ready"),
            VerdictLevel::PreconditionsFirst => m.pick(
                "Eerst randvoorwaarden op orde",
                "Get the preconditions right first",
            ),
            VerdictLevel::Promising => m.pick(
                "Kansrijk, met aandachtspunten",
                "Promising, with points of attention",
            ),
            VerdictLevel::Ready => m.pick("Klaar om te starten", "Ready to start"),
        }
    }

    pub fn summary(self, lang: &str) -> &'static str {
        let m = crate::text::Msg::of(lang);
        match self {
            VerdictLevel::InsufficientInformation => m.pick(
                "Er zijn te weinig stellingen beantwoord om een eerlijk oordeel te geven. Vul de ontbrekende onderdelen aan of zoek eerst uit hoe het zit.",
                "Too few statements were answered to give a fair verdict. Complete the missing parts or find out the facts first.",
            ),
            VerdictLevel::NotReady => m.pick(
                "De samenwerking is nu niet gereed. Er zijn ernstige belemmeringen die eerst opgelost moeten worden. Begin niet voordat die zijn besproken.",
                "The partnership is not ready now. There are serious obstacles to resolve first. Do not start before they have been discussed.",
            ),
            VerdictLevel::PreconditionsFirst => m.pick(
                "De basis is nog niet op orde. Werk eerst aan de randvoorwaarden, zoals noodzaak, vertrouwen en tijd, voordat u verder gaat.",
                "The foundations are not yet in place. Work on the preconditions, such as necessity, trust and time, before going further.",
            ),
            VerdictLevel::Promising => m.pick(
                "De samenwerking is kansrijk. Er zijn aandachtspunten: pak die op in de volgende stap.",
                "The partnership is promising. There are points of attention: take them up in the next step.",
            ),
            VerdictLevel::Ready => m.pick(
                "De samenwerking is klaar om te starten. Blijf de aandachtspunten volgen en leg nu een nulmeting vast.",
                "The partnership is ready to start. Keep following the points of attention and record a baseline now.",
            ),
        }
    }
}
