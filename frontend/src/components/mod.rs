//! Pieces several pages show: what the last post did, the problems of a form or an uploaded
//! file, field labels.

mod outcome;
mod problems;

pub use outcome::OutcomeNotice;
pub use problems::{ProblemList, field_label};
