#![doc = include_str!("../README.md")]

pub mod answers;
pub mod auth;
pub mod authoring;
pub mod competency;
pub mod competency_admin;
pub mod course;
pub mod directory;
pub mod error;
pub mod evidence;
pub mod form;
pub mod gain;
pub mod health;
pub mod i18n;
pub mod item_stats;
pub mod jobs;
pub mod l10n;
pub mod learning;
pub mod locale;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod outcome;
pub mod page;
pub mod preferences;
pub mod progress;
pub mod quiz;
pub mod role;
pub mod roleplay;
pub mod sync;
pub mod text;
pub mod user_import;
pub mod users;

pub use error::{ErrorBody, ErrorCode, ErrorDetail, FieldError};
pub use i18n::{FieldProblem, Message, Problem};
pub use l10n::L10n;
pub use locale::Locale;
pub use role::Role;
