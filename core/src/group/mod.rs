//! Many respondents → one group report: a pooled verdict, per factor the
//! spread and consensus, and differences between municipalities and roles.
//!
//! A large gap between partners is itself a risk signal (cf. table 3:
//! ‘verschillende belangen en oriëntaties’, ‘voorlopers en achterblijvers’).
//! Small groups are protected: below `min_group_size` respondents no
//! distribution, spread or subgroup figure is shown.
//!
//! Read in this order: `options.rs`, `model.rs`, `names.rs`,
//! `subgroups.rs`, `aggregate.rs`.

mod aggregate;
mod model;
mod names;
mod options;
mod subgroups;

pub use aggregate::aggregate;
pub(crate) use model::consensus_of;
pub use model::{
    Consensus, Gap, GroupFactor, GroupReport, Subgroup, SubgroupMean, CONSENSUS_HIGH_UPTO,
    CONSENSUS_MEDIUM_UPTO, DISCUSSION_RANGE_FROM,
};
pub use names::{merge_contexts, name_key};
pub use options::{GroupOptions, OptionError};
