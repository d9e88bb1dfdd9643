//! Pieces several pages show: the gate of the pages that need an account (`signed_in`),
//! reading a page's data (`loaded`) and saying when it cannot be had, what the last post
//! did or why it failed, the problems of a form or an uploaded file, field and other
//! labels, the address's parameters, how an accepted import goes, questions as a learner answers them, the delete that
//! asks first, the header's offline count, and the region wide things scroll in.

mod address;
mod delete_button;
mod failure;
mod form_outcome;
mod job;
mod labels;
mod loaded;
mod outcome;
mod problems;
mod qr;
mod questions;
mod scroll;
mod signed_in;
mod sync_indicator;

pub use address::{param, query, typed_or};
pub use delete_button::DeleteButton;
pub use failure::port_failure;
pub use form_outcome::FormOutcome;
pub use job::job_state;
pub use labels::{activity_kind, role_name, tr};
pub use loaded::loaded;
pub use outcome::OutcomeNotice;
pub use problems::{ProblemList, field_label, place};
pub use qr::{QrCode, qr_path};
pub use questions::{Md, Questions};
pub use scroll::{ScrollRegion, scroll_region};
pub use signed_in::signed_in;
pub use sync_indicator::SyncIndicator;
