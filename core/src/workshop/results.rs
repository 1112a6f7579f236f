//! What a workshop report is made of, per part: one factor's hand votes,
//! the room as a whole, a facilitator's note. Types only: `report.rs`
//! computes them, `summary.rs` picks from them.

use crate::group::Consensus;
use crate::instrument::Polarity;
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// One factor's hand votes, as shown after the reveal and in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct TallyResult {
    /// The factor id.
    pub id: String,
    /// The factor's name in the report's language.
    pub name: String,
    /// The id of the factor's phase.
    pub phase: String,
    /// Whether agreeing helps (promoting) or hinders (hindering).
    pub polarity: Polarity,
    /// Votes on the scale.
    pub votes: u64,
    /// "Don't know" votes.
    pub unknown: u64,
    /// False when fewer than the anonymity minimum voted on the scale:
    /// figures withheld.
    pub shown: bool,
    /// Votes per scale point (index 0 = point 1).
    pub distribution: Option<Vec<u64>>,
    /// Mean scale point, e.g. 3.4 on 1–5.
    pub mean_point: Option<f64>,
    /// 0–100, higher is better for both polarities.
    pub favourability: Option<f64>,
    /// The band of `favourability`; `None` when not shown.
    pub band: Option<crate::Band>,
    /// Agreement from the votes' standard deviation on 0–100 (the group
    /// thresholds); `None` when not shown or with fewer than two votes.
    pub consensus: Option<Consensus>,
    /// Strong disagreement (low consensus, or votes [`DISCUSSION_RANGE_FROM`](crate::group::DISCUSSION_RANGE_FROM)
    /// points or more apart): talk about this one.
    pub discussion: bool,
}

/// The room's hand votes: per factor, and as one report through the same
/// rules as a single scan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct RoomResult {
    /// The largest number of votes on any one factor (about the room's size).
    pub voters: u64,
    /// The verdict and everything else, from the votes.
    pub report: Report,
    /// Per factor, in instrument order (factors without votes included).
    pub factors: Vec<TallyResult>,
}

/// The facilitator's note on one factor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct FactorNote {
    /// The factor id.
    pub factor: String,
    /// The factor's name in the report's language.
    pub factor_name: String,
    /// The note, without surrounding white space; its line breaks kept.
    pub text: String,
}
