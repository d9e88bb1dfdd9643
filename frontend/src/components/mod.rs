//! Pieces several pages show: the problems of a form or an uploaded file, field labels.

mod problems;

pub use problems::{ProblemList, field_label};
