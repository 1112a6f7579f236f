//! From responses to numbers: statement → factor → phase → overall.
//!
//! All scores are on 0–100. A factor's *score* says how strongly respondents
//! agree that it is present; its *favourability* turns that around for
//! hindering factors, so that for every factor higher is better and the bands
//! are the same. See `core/SCORING.md` for the reasoning.

use crate::answers::{Answers, StatementIndex, UNKNOWN_CODE};
use crate::instrument::{Combine, Instrument, Polarity};
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// Favourability at or above this is a strength (a mean of 4 "eens" on a promoting factor).
pub const STRENGTH_FROM: f64 = 75.0;
/// Favourability at or below this is a concern (a mean of 2.5 on a promoting factor,
/// 3.5 on a hindering one).
pub const CONCERN_UPTO: f64 = 37.5;

/// A factor's result by its favourability (SCORING.md §2). In JSON:
/// `"concern"`, `"attention"` or `"strength"`; ordered from concern to
/// strength.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// Zorgpunt: favourability at most [`CONCERN_UPTO`] (37.5).
    Concern,
    /// Aandachtspunt (point to watch): between concern and strength.
    Attention,
    /// Sterk punt (strong point): favourability at least
    /// [`STRENGTH_FROM`] (75).
    Strength,
}

impl Band {
    /// The band of a favourability 0–100.
    pub fn of(favourability: f64) -> Band {
        if favourability >= STRENGTH_FROM {
            Band::Strength
        } else if favourability <= CONCERN_UPTO {
            Band::Concern
        } else {
            Band::Attention
        }
    }

    /// The band's name in `lang` (Dutch unless English is asked for):
    /// "Sterk punt", "Aandachtspunt", "Zorgpunt" / "Strong point", "Point to
    /// watch", "Concern".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Band::Strength => lang.pick("Sterk punt", "Strong point"),
            Band::Attention => lang.pick("Aandachtspunt", "Point to watch"),
            Band::Concern => lang.pick("Zorgpunt", "Concern"),
        }
    }
}

/// One factor's numbers, for one respondent or pooled over a group.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorScore {
    /// Mean agreement 0–100, `None` when no statement was answered on the scale.
    pub score: Option<f64>,
    /// Statements answered on the scale / "don't know" / not answered
    /// (summed over respondents for a group).
    pub answered: usize,
    pub unknown: usize,
    pub missing: usize,
}

impl FactorScore {
    pub fn favourability(&self, polarity: Polarity) -> Option<f64> {
        self.score.map(|s| favourability(s, polarity))
    }
}

/// Higher is better for both polarities.
pub fn favourability(score: f64, polarity: Polarity) -> f64 {
    match polarity {
        Polarity::Promoting => score,
        Polarity::Hindering => 100.0 - score,
    }
}

/// A scale value as 0–100 (1 → 0, max → 100).
pub fn scale_to_score(value: u8, max: u8) -> f64 {
    if max <= 1 {
        return 0.0;
    }
    f64::from(value.saturating_sub(1).min(max - 1)) * 100.0 / f64::from(max - 1)
}

/// Scores every factor of the instrument for one respondent, in instrument order.
pub fn score_factors(instrument: &Instrument, answers: &Answers) -> Vec<FactorScore> {
    score_codes(instrument, &StatementIndex::new(instrument).codes(answers))
}

/// As [`score_factors`], from response codes (see [`StatementIndex::codes`]).
pub(crate) fn score_codes(instrument: &Instrument, codes: &[u8]) -> Vec<FactorScore> {
    let max = instrument.scale_max();
    let mut at = 0;
    instrument
        .factors
        .iter()
        .map(|factor| {
            let own = codes.get(at..at + factor.statements.len()).unwrap_or(&[]);
            at += factor.statements.len();
            let mut values = [0.0; 8];
            let (mut answered, mut unknown) = (0, 0);
            for &code in own {
                match code {
                    0 => {}
                    UNKNOWN_CODE => unknown += 1,
                    v => {
                        if let Some(slot) = values.get_mut(answered) {
                            *slot = scale_to_score(v, max);
                        }
                        answered += 1;
                    }
                }
            }
            let values = &values[..answered.min(values.len())];
            FactorScore {
                score: combine(factor.combine, factor.polarity, values),
                answered,
                unknown,
                missing: factor.statements.len() - answered - unknown,
            }
        })
        .collect()
}

/// A factor's score from its statements' scores (0–100, at most three):
/// the mean, or the least favourable one (SCORING.md §1). `None` for none.
pub(crate) fn combine(rule: Combine, polarity: Polarity, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(match (rule, polarity) {
        // At most three statements: summation order cannot matter here.
        (Combine::Mean, _) => values.iter().sum::<f64>() / values.len() as f64,
        (Combine::Worst, Polarity::Promoting) => values.iter().copied().fold(f64::MAX, f64::min),
        (Combine::Worst, Polarity::Hindering) => values.iter().copied().fold(f64::MIN, f64::max),
    })
}

/// Arithmetic mean; `None` for no values. Sums in sorted order so the result
/// does not depend on the order of the inputs (bit for bit).
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    Some(sorted.iter().sum::<f64>() / sorted.len() as f64)
}

/// Weighted mean of `(value, weight)` pairs; `None` when the weights sum to 0.
pub fn weighted_mean(pairs: &[(f64, f64)]) -> Option<f64> {
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let weight: f64 = sorted.iter().map(|p| p.1).sum();
    (weight > 0.0).then(|| sorted.iter().map(|p| p.0 * p.1).sum::<f64>() / weight)
}

/// Population standard deviation; `None` for no values.
pub fn std_dev(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    let squares: Vec<f64> = values.iter().map(|v| (v - m) * (v - m)).collect();
    mean(&squares).map(f64::sqrt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_documented_thresholds() {
        assert_eq!(Band::of(75.0), Band::Strength);
        assert_eq!(Band::of(74.9), Band::Attention);
        assert_eq!(Band::of(37.6), Band::Attention);
        assert_eq!(Band::of(37.5), Band::Concern);
        // A hindering factor answered "eens" (4) is present: score 75, favourability 25.
        assert_eq!(
            Band::of(favourability(75.0, Polarity::Hindering)),
            Band::Concern
        );
    }

    #[test]
    fn scale_maps_onto_0_to_100() {
        assert_eq!(scale_to_score(1, 5), 0.0);
        assert_eq!(scale_to_score(3, 5), 50.0);
        assert_eq!(scale_to_score(5, 5), 100.0);
        assert_eq!(scale_to_score(9, 5), 100.0);
        assert_eq!(scale_to_score(2, 1), 0.0);
    }

    #[test]
    fn worst_takes_the_least_favourable_statement() {
        use Polarity::*;
        assert_eq!(combine(Combine::Mean, Promoting, &[0.0, 100.0]), Some(50.0));
        assert_eq!(combine(Combine::Worst, Promoting, &[0.0, 100.0]), Some(0.0));
        assert_eq!(
            combine(Combine::Worst, Hindering, &[0.0, 100.0]),
            Some(100.0)
        );
        assert_eq!(combine(Combine::Worst, Hindering, &[]), None);
    }

    #[test]
    fn statistics_handle_empty_input() {
        assert_eq!(mean(&[]), None);
        assert_eq!(std_dev(&[]), None);
        assert_eq!(weighted_mean(&[(50.0, 0.0)]), None);
        assert_eq!(std_dev(&[10.0, 30.0]), Some(10.0));
        assert_eq!(weighted_mean(&[(0.0, 1.0), (100.0, 3.0)]), Some(75.0));
    }
}
