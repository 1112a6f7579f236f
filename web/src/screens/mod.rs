//! The screens of the scan. Each takes props and emits callbacks; none holds
//! state of its own beyond what an input needs while typing.

pub mod chart;
pub mod context;
pub mod data;
pub mod header;
pub mod intro;
pub mod notices;
pub mod questions;
pub mod report;
