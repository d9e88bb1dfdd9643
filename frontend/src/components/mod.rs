//! Pieces several pages show: reading a page's data (`loaded`) and saying when it cannot be
//! had, what the last post did or why it failed, the problems of a form or an uploaded
//! file, field labels.

mod failure;
mod form_outcome;
mod loaded;
mod outcome;
mod problems;

pub use failure::port_failure;
pub use form_outcome::FormOutcome;
pub use loaded::loaded;
pub use outcome::OutcomeNotice;
pub use problems::{ProblemList, field_label};
