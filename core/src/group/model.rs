//! The group report's types and the consensus bands (SCORING.md §8).

use crate::report::Report;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// Standard deviation (0–100 scale) up to which agreement is high.
pub const CONSENSUS_HIGH_UPTO: f64 = 15.0;
/// Standard deviation (0–100 scale) up to which agreement is medium; above
/// it, low.
pub const CONSENSUS_MEDIUM_UPTO: f64 = 25.0;
/// A range this wide (e.g. "oneens" next to "eens" and more) is a discussion point.
pub const DISCUSSION_RANGE_FROM: f64 = 75.0;

/// How much a group (or a workshop room) agrees on a factor, from the
/// standard deviation of its figures on 0–100 (SCORING.md §8). In JSON:
/// `"high"`, `"medium"` or `"low"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Consensus {
    /// Standard deviation up to [`CONSENSUS_HIGH_UPTO`] (15).
    High,
    /// Standard deviation up to [`CONSENSUS_MEDIUM_UPTO`] (25).
    Medium,
    /// A larger spread: the factor is a discussion point.
    Low,
}

impl Consensus {
    /// How much the group agrees, as one word after "Eensgezindheid" /
    /// "Consensus" (GLOSSARY): groot, redelijk, klein.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Consensus::High => lang.pick("groot", "high"),
            Consensus::Medium => lang.pick("redelijk", "moderate"),
            Consensus::Low => lang.pick("klein", "low"),
        }
    }
}

/// Agreement from the spread (standard deviation on 0–100) of a group's answers.
pub(crate) fn consensus_of(std_dev: f64) -> Consensus {
    if std_dev <= CONSENSUS_HIGH_UPTO {
        Consensus::High
    } else if std_dev <= CONSENSUS_MEDIUM_UPTO {
        Consensus::Medium
    } else {
        Consensus::Low
    }
}

/// Many respondents as one group (SCORING.md §8), as [`aggregate`] returns
/// it. Figures resting on fewer respondents than the anonymity minimum are
/// withheld (`None`, or a row with `shown: false`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct GroupReport {
    /// How many respondents the group holds.
    pub respondents: usize,
    /// The anonymity minimum used (at least 1).
    pub min_group_size: usize,
    /// The verdict and everything else, from the respondents' mean scores,
    /// through the rules for one respondent plus the group rules
    /// (`veto-partner`, `gap-municipalities`, `gap-roles`, the signal
    /// `urgency-differs`).
    pub report: Report,
    /// Per factor, in instrument order: spread, consensus and the people per
    /// scale point.
    pub factors: Vec<GroupFactor>,
    /// One row per municipality (spellings grouped by [`name_key`]), in key
    /// order, then the merged row when disclosure control made one.
    pub municipalities: Vec<Subgroup>,
    /// One row per role given, in order of role id, then the merged row
    /// when disclosure control made one.
    pub roles: Vec<Subgroup>,
    /// Factors on which municipalities differ by at least
    /// [`GroupOptions::gap_threshold`], largest gap first (rule
    /// `gap-municipalities`).
    pub municipality_gaps: Vec<Gap>,
    /// Factors on which roles differ by at least
    /// [`GroupOptions::gap_threshold`], largest gap first (rule `gap-roles`).
    pub role_gaps: Vec<Gap>,
    /// Factors with strong disagreement (low consensus, a wide range, or a
    /// red flag on which the municipalities differ): talk about these.
    /// Factor ids, in instrument order.
    pub discussion_points: Vec<String>,
    /// How small subgroups were protected (disclosure control), in words;
    /// empty when nothing had to be merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosure: Vec<String>,
}

/// One factor across a group's respondents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct GroupFactor {
    /// The factor id.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// Respondents who answered at least one statement of the factor on the
    /// scale.
    pub n: usize,
    /// Mean favourability 0–100 (higher is better); `None` when `n` is below
    /// the anonymity minimum.
    pub mean: Option<f64>,
    /// Population standard deviation of the respondents' favourability, in
    /// points on 0–100; `None` below the minimum.
    pub std_dev: Option<f64>,
    /// The lowest respondent's favourability 0–100; `None` below the minimum.
    pub min: Option<f64>,
    /// The highest respondent's favourability 0–100; `None` below the minimum.
    pub max: Option<f64>,
    /// People per scale point (index 0 = point 1): each respondent once, at
    /// their own point for the factor by the factor's rule (the rounded
    /// mean of their answers, or their least favourable answer for a
    /// `Combine::Worst` factor; `person_point`), so the counts add up to `n` (hidden
    /// below the anonymity minimum). People, not answers: a workshop room
    /// reads it next to its own votes (issue 17).
    pub distribution: Option<Vec<u32>>,
    /// People who answered the factor's statements only with "don't know".
    pub unknown: u32,
    /// Agreement from `std_dev`; `None` below the minimum or with fewer than
    /// two answers.
    pub consensus: Option<Consensus>,
    /// A discussion point: low consensus, a range (`max − min`) of at least
    /// [`DISCUSSION_RANGE_FROM`] (75), or a red flag on which the
    /// municipalities differ. Never below the minimum.
    pub discussion: bool,
}

/// One municipality or role of a group, or the merged row (key `overige`) that
/// disclosure control makes (see [`aggregate`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Subgroup {
    /// The normalised name ([`name_key`]) or role id; `"overige"` for the
    /// row of merged subgroups.
    pub key: String,
    /// The most common spelling among the respondents (ties: one with
    /// lower-case letters before one in capitals, then the first in
    /// code-point order), or "A en B samen" ("A and B together") for the
    /// merged row.
    pub label: String,
    /// Respondents in this row, whether or not they answered a given factor.
    pub n: usize,
    /// False when figures are withheld: `n` is below the anonymity minimum,
    /// or the subgroup is counted in the merged row (`in_other`).
    pub shown: bool,
    /// Counted in the merged row instead of on its own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_other: bool,
    /// Strength of this row (JSON `readiness`): the weighted mean 0–100 of
    /// its factor figures that may be shown on promoting factors, before the
    /// start without the look ahead; `None` when the row is not shown or has
    /// no such figure.
    pub readiness: Option<f64>,
    /// Risk of this row: the same over the hindering factors (higher is
    /// worse).
    pub risk: Option<f64>,
}

pub(super) fn is_false(value: &bool) -> bool {
    !*value
}

/// A factor on which subgroups (municipalities, or roles) differ by at
/// least [`GroupOptions::gap_threshold`] points (SCORING.md §8), from the
/// figures that may be shown; the merged row never takes part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Gap {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// The factor is a red flag: municipalities that differ on it make it a
    /// discussion point and keep the verdict at most "promising".
    pub red_flag: bool,
    /// Largest minus smallest subgroup mean favourability, in points 0–100.
    pub gap: f64,
    /// Each subgroup's figure on the factor, in row order.
    pub groups: Vec<SubgroupMean>,
}

impl Gap {
    /// The gap as the figures beside it show it, in whole points 0–100: the
    /// largest rounded figure minus the smallest (67 and 33 read as 34,
    /// whatever the unrounded [`Gap::gap`]). The one figure every front end
    /// writes next to the subgroups' figures.
    pub fn shown(&self) -> i64 {
        let rounded = self.groups.iter().map(|s| s.mean.round() as i64);
        rounded.clone().max().unwrap_or(0) - rounded.min().unwrap_or(0)
    }
}

/// One subgroup's figure on one factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct SubgroupMean {
    /// The row's key (see [`Subgroup::key`]).
    pub key: String,
    /// The subgroup as the report shows it (see [`Subgroup::label`]).
    pub label: String,
    /// The row's respondents who answered the factor on the scale (at least
    /// the anonymity minimum).
    pub n: usize,
    /// Their mean favourability 0–100 (higher is better).
    pub mean: f64,
}
