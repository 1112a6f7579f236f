//! A workshop: a group in one room, with a facilitator and a projector.
//!
//! Two kinds of evidence, kept apart because they may come from the same
//! people and must not be counted twice:
//!
//! - **hand votes** per factor (a [`Tally`]: how many chose each scale point
//!   or "don't know"), anonymous by nature;
//! - **participant codes**: each participant's own scan as a share code
//!   (see `share.rs`), carrying an optional municipality and role, so the
//!   group rules (`group/`) can show differences between partners.
//!
//! A vote is about the factor as a whole (its statements read together), so
//! a tally scores the factor directly: the mean of the votes on 0–100, the
//! same scale as one respondent's factor score.
//!
//! Everything here is pure data in, data out: the widget stores a
//! [`Workshop`] and renders a [`WorkshopReport`].

mod codes;
mod file;
mod model;
mod notice;
mod report;
mod results;
mod summary;
#[cfg(test)]
mod tests;

pub use codes::{shown_outcomes, CodeOutcome, SHOWN_INVALID};
pub use file::WorkshopError;
pub use model::{
    Tally, Workshop, MAX_NOTE_CHARS, MAX_PARTICIPANTS, MAX_TITLE_CHARS, MAX_VOTES,
    WORKSHOP_FORMAT_VERSION,
};
pub use notice::{FactorPart, WorkshopNotice, WorkshopNoticeKind};
pub use report::{
    compare_workshops, summarize, tally_result, workshop_report, WorkshopComparison, WorkshopReport,
};
pub use results::{FactorNote, RoomResult, TallyResult};
pub use summary::{
    PointCause, SummaryPoint, SummaryVerdict, WorkshopSummary, SUMMARY_CONCERNS, SUMMARY_GAPS,
    SUMMARY_LABEL_CHARS, SUMMARY_NOTE_CHARS, SUMMARY_POINTS, SUMMARY_REASONS, SUMMARY_SUBGROUPS,
    SUMMARY_TITLE_CHARS,
};
