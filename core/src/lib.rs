#![deny(missing_docs)]

//! # Samenwerkingsscan — the rules core
//!
//! A partnership readiness scan for Dutch municipalities, after the promoting
//! and hindering factors of Van de Laar (2010) as listed in the Wijchen
//! quickscan (tables 2 and 3). This crate holds the questionnaire as data,
//! the answers, and the rules that turn them into a report that explains
//! itself. It is pure Rust with no I/O and no browser dependency, so it can be
//! embedded anywhere: the Yew widget, the JavaScript API and the CLI all use it.
//!
//! ```
//! use samenwerkingsscan::{evaluate, Answers, Instrument, Lang, Response};
//!
//! let instrument = Instrument::builtin();
//! let mut answers = Answers::new(instrument);
//! answers.responses.insert("noodzaak-onderkend.1".into(), Response::Scale(5));
//! let report = evaluate(instrument, &answers, Lang::Nl);
//! // One statement is not enough to judge, and the report says why.
//! assert_eq!(report.verdict.label, "Onvoldoende informatie");
//! assert!(report.reasons.iter().any(|r| r.rule == "coverage-low"));
//! ```
//!
//! The scoring model (formulas, bands, thresholds, veto rules and why) is
//! documented in `core/SCORING.md`.

mod advice;
mod answers;
mod compare;
mod disclosure;
mod evaluate;
mod export;
mod group;
mod instrument;
mod json;
mod mismatch;
mod notice;
mod numbers;
mod problem;
mod report;
mod score;
mod share;
mod signals;
mod stage;
mod survey;
mod text;
mod validate;
mod verdict;
mod wording;
mod workshop;

pub use answers::merge::{
    merge, next_stamp, response_key, stamp_context, stamp_respondent, Changes, CLEARED,
};
pub use answers::{
    more_notices, Answers, AnswersError, Context, Imported, Partner, Respondent, Response, Role,
    ANSWERS_FORMAT_VERSION, NOTICES_SHOWN,
};
pub use compare::{compare, Comparison, Delta, FactorDelta, PhaseDelta, CHANGE_THRESHOLD};
pub use evaluate::evaluate;
pub use export::{answers_csv, csv_cell, template_csv};
pub use group::{
    aggregate, merge_contexts, name_key, Consensus, Gap, GroupFactor, GroupOptions, GroupReport,
    OptionError, Subgroup, SubgroupMean,
};
pub use instrument::{
    Advice, Choice, Combine, ContextSpec, Dimension, Factor, FormKind, FormOption, Instrument,
    Phase, PlanStep, Polarity, Precondition, Retired, Scale, ScalePoint, Statement, UrgencyLevel,
    SCHEMA_VERSION,
};
pub use json::{file_size_problem, JsonError, Unreadable, MAX_FILE_BYTES};
pub use mismatch::{plain_error_message, Mismatch};
pub use notice::{Notice, NoticeKind};
pub use numbers::{change, decimal, figure, number, percent};
pub use problem::{Problem, ProblemKind, MAX_NAME_CHARS, MAX_SHORT_NAME_CHARS};
pub use report::{
    AdviceItem, AdviceStep, Coverage, DimensionResult, FactorRef, FactorResult, Fit, FormFit,
    NextStep, PhaseResult, Reason, Report, ReportNotice, Signal, Verdict, VerdictLevel,
};
pub use score::{Band, CONCERN_UPTO, STRENGTH_FROM};
pub use share::{
    decode_share, encode_share, find_codes, left_out_of_share, Found, LeftOut, ShareError,
    MAX_FOUND, SHARE_VERSION,
};
pub use stage::Stage;
pub use survey::{
    is_table_file, read_table, table_template, Cell, Table, TableError, TableNotice,
    TableNoticeKind,
};
pub use text::{shortened, Lang, LangError, OneLanguage, Says, Text, NAME_IN_TEXT_CHARS};
pub use validate::{validate, InstrumentError, MAX_PROBLEMS};
pub use wording::{Choices, Expected, FoundValue, Subject};
pub use workshop::{
    compare_workshops, shown_outcomes, summarize, tally_result, workshop_report, CodeOutcome,
    FactorNote, FactorPart, PointCause, RoomResult, SummaryPoint, SummaryVerdict, Tally,
    TallyResult, Workshop, WorkshopComparison, WorkshopError, WorkshopNotice, WorkshopNoticeKind,
    WorkshopReport, WorkshopSummary, MAX_NOTE_CHARS, MAX_PARTICIPANTS, MAX_TITLE_CHARS, MAX_VOTES,
    SHOWN_INVALID, SUMMARY_CONCERNS, SUMMARY_GAPS, SUMMARY_LABEL_CHARS, SUMMARY_NOTE_CHARS,
    SUMMARY_POINTS, SUMMARY_REASONS, SUMMARY_SUBGROUPS, SUMMARY_TITLE_CHARS,
    WORKSHOP_FORMAT_VERSION,
};

/// Thresholds of the verdict rules, exported so front ends and docs can show them.
pub mod thresholds {
    pub use crate::group::{CONSENSUS_HIGH_UPTO, CONSENSUS_MEDIUM_UPTO, DISCUSSION_RANGE_FROM};
    pub use crate::signals::{
        COMPARABLE_SIZE_RATIO, DIMENSION_GAP, LARGE_SIZE_RATIO, MANY_PARTNERS,
    };
    pub use crate::verdict::{
        MANY_UNKNOWN, MIN_COVERAGE, MIN_PHASE_COVERAGE, NOT_READY, PRECONDITIONS, PROMISING, READY,
        SEVERE_VETO_UPTO, URGENCY_NOT_NEEDED,
    };
}
