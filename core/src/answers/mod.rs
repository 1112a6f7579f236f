//! One respondent's answers: who they are (optionally), the context of the
//! proposed partnership, and a response per statement.
//!
//! The format is versioned and forgiving: missing parts default to empty,
//! and entries the instrument does not know are reported by [`Answers::check`]
//! and ignored by the evaluation, never fatal.

mod check;
mod decode;
mod file;
mod index;
pub mod merge;
mod model;
#[cfg(test)]
mod tests;

pub use crate::notice::Notice;
pub(crate) use index::{StatementIndex, UNKNOWN_CODE};
pub use model::{
    more_notices, Answers, AnswersError, Context, Imported, Partner, Respondent, Response, Role,
    ANSWERS_FORMAT_VERSION, NOTICES_SHOWN,
};
