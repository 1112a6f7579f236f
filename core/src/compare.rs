//! Re-measurement: a baseline (nulmeting, §8.6) against a later measurement.
//!
//! Works on reports, so it compares single respondents and groups alike
//! (for a group, pass `GroupReport::report`).

use crate::report::{Report, VerdictLevel};
use serde::{Deserialize, Serialize};

/// A change in favourability of at least this many points counts as
/// improved or worsened; smaller moves are within the noise of a 5-point scale.
pub const CHANGE_THRESHOLD: f64 = 10.0;

/// A baseline (nulmeting) against a later measurement, as [`compare`]
/// returns it. Texts are in the later report's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Comparison {
    /// The baseline's verdict level.
    pub baseline_verdict: VerdictLevel,
    /// The later measurement's verdict level.
    pub current_verdict: VerdictLevel,
    /// Strength (JSON `readiness`, 0–100, higher is better) before and after.
    pub readiness: Delta,
    /// Risk (0–100, higher is worse) before and after: a positive change is
    /// a worsening.
    pub risk: Delta,
    /// Per phase of the later report, in its order: strength and risk
    /// before and after.
    pub phases: Vec<PhaseDelta>,
    /// Per factor of the later report, favourability before and after
    /// (higher is better).
    pub factors: Vec<FactorDelta>,
    /// Factors whose favourability rose by at least [`CHANGE_THRESHOLD`],
    /// largest move first (not those whose question changed).
    pub improved: Vec<FactorDelta>,
    /// Factors whose favourability fell by at least [`CHANGE_THRESHOLD`],
    /// largest move first (not those whose question changed).
    pub worsened: Vec<FactorDelta>,
    /// What the reader must know to read the comparison: another
    /// questionnaire or version, factors whose question changed.
    pub notes: Vec<String>,
}

/// One figure (0–100) before and after.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Delta {
    /// In the baseline; `None` when not answered there (or not in it).
    pub before: Option<f64>,
    /// In the later measurement; `None` when not answered there.
    pub after: Option<f64>,
    /// `after − before` in points; `None` when either is missing.
    pub change: Option<f64>,
}

impl Delta {
    fn new(before: Option<f64>, after: Option<f64>) -> Self {
        Delta {
            before,
            after,
            change: before.zip(after).map(|(b, a)| a - b),
        }
    }
}

/// One phase before and after, matched by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct PhaseDelta {
    /// The phase id.
    pub id: String,
    /// The phase's name, as in the later report.
    pub name: String,
    /// The phase's strength (higher is better).
    pub readiness: Delta,
    /// The phase's risk (higher is worse).
    pub risk: Delta,
}

/// One factor before and after, matched by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct FactorDelta {
    /// The factor id.
    pub id: String,
    /// The factor's name, as in the later report.
    pub name: String,
    /// Favourability 0–100 (higher is better) before and after.
    pub favourability: Delta,
    /// One of the measurements answered a statement of this factor that a
    /// later version replaced by another question: the difference is partly
    /// a different question, so the factor is not listed as improved or
    /// worsened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub question_changed: bool,
}

/// Compares two reports factor by factor and phase by phase (matched by id):
/// the baseline (nulmeting, §8.6) and a later measurement of the same kind
/// (one respondent, a group's [`GroupReport::report`](crate::GroupReport::report),
/// or a workshop room's). Phases and factors are those of `current`.
pub fn compare(baseline: &Report, current: &Report) -> Comparison {
    let lang = current.lang;
    let mut notes = Vec::new();
    if baseline.instrument_id != current.instrument_id
        || baseline.instrument_version != current.instrument_version
    {
        notes.push(lang.pick(
            format!(
                "De metingen gebruiken een andere vragenlijst ({} {} en {} {}); alleen gelijke factoren worden vergeleken.",
                baseline.instrument_id, baseline.instrument_version, current.instrument_id, current.instrument_version
            ),
            format!(
                "The measurements use different questionnaires ({} {} and {} {}); only matching factors are compared.",
                baseline.instrument_id, baseline.instrument_version, current.instrument_id, current.instrument_version
            ),
        ));
    }
    let phases = current
        .phases
        .iter()
        .map(|phase| {
            let before = baseline.phases.iter().find(|p| p.id == phase.id);
            PhaseDelta {
                id: phase.id.clone(),
                name: phase.name.clone(),
                readiness: Delta::new(before.and_then(|p| p.readiness), phase.readiness),
                risk: Delta::new(before.and_then(|p| p.risk), phase.risk),
            }
        })
        .collect();
    // Factors for which either measurement had answers to statements that
    // were replaced (instrument `retired`): not comparable as they stand.
    let changed: Vec<&str> = baseline
        .notices
        .iter()
        .chain(&current.notices)
        .filter_map(|n| n.factor.as_deref())
        .collect();
    let factors: Vec<FactorDelta> = current
        .factors
        .iter()
        .map(|factor| FactorDelta {
            id: factor.id.clone(),
            name: factor.name.clone(),
            question_changed: changed.contains(&factor.id.as_str()),
            favourability: Delta::new(
                baseline
                    .factors
                    .iter()
                    .find(|f| f.id == factor.id)
                    .and_then(|f| f.favourability),
                factor.favourability,
            ),
        })
        .collect();
    let moved = |sign: f64| {
        let mut list: Vec<FactorDelta> = factors
            .iter()
            .filter(|f| {
                !f.question_changed
                    && f.favourability
                        .change
                        .is_some_and(|c| c * sign >= CHANGE_THRESHOLD)
            })
            .cloned()
            .collect();
        list.sort_by(|a, b| {
            let size = |f: &FactorDelta| f.favourability.change.unwrap_or(0.0).abs();
            size(b).total_cmp(&size(a)).then(a.id.cmp(&b.id))
        });
        list
    };
    let names: Vec<String> = factors
        .iter()
        .filter(|f| f.question_changed)
        .map(|f| format!("‘{}’", f.name))
        .collect();
    if !names.is_empty() {
        let list = lang.listing(&names);
        notes.push(lang.pick(
            format!("Bij {list} is een stelling beantwoord die in een nieuwere versie van de vragenlijst door een andere vraag is vervangen. Het verschil bij die factoren komt dus deels door een andere vraag; ze staan niet bij ‘verbeterd’ of ‘verslechterd’."),
            format!("For {list}, a statement was answered that a newer version of the questionnaire replaced by a different question. The difference for those factors is therefore partly due to a different question; they are not listed as improved or worsened."),
        ));
    }
    Comparison {
        baseline_verdict: baseline.verdict.level,
        current_verdict: current.verdict.level,
        readiness: Delta::new(baseline.readiness, current.readiness),
        risk: Delta::new(baseline.risk, current.risk),
        phases,
        improved: moved(1.0),
        worsened: moved(-1.0),
        factors,
        notes,
    }
}
