//! Import of evidence from paper tests and earlier systems, as CSV.
//!
//! Columns (header row required, order free): `username, competency, source, phase, level,
//! date` and optionally `cohort`. `competency` is a competency code (`framework:code` where
//! two frameworks share the code); `source` and `phase` are the codes of [`super::Source`]
//! and [`super::Phase`]; `level` is a whole level of the framework's scale; `date` is
//! `YYYY-MM-DD`; `cohort` is a cohort's id. Every row is checked and every problem reported
//! by line; then all rows are stored in one transaction, or none. A row already imported
//! (same learner, competency, source, phase, level, date and cohort) is not added again, so
//! importing the same file twice adds nothing the second time.

use serde::{Deserialize, Serialize};

pub const COLUMNS: [&str; 7] = [
    "username",
    "competency",
    "source",
    "phase",
    "level",
    "date",
    "cohort",
];

pub const REQUIRED: [&str; 6] = ["username", "competency", "source", "phase", "level", "date"];

/// Body of `POST /api/v1/evidence/import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceImport {
    /// The CSV text (UTF-8).
    pub csv: String,
    /// Check and report, without storing anything.
    #[serde(default, deserialize_with = "crate::form::flag")]
    pub dry_run: bool,
}

/// The outcome of an import (or of its dry run).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceImportReport {
    pub dry_run: bool,
    /// Rows read.
    pub rows: u64,
    /// Rows stored now (or that would be, in a dry run).
    pub added: u64,
    /// Rows stored by an earlier import.
    pub already_present: u64,
}
