//! Bulk import of accounts from CSV.
//!
//! Columns (header row required, order free, names as below):
//! `username, full_name, email, phone, org_unit_code, position_code, roles, password`.
//! `roles` lists role codes separated by `;`, each optionally limited to an org unit:
//! `learner;supervisor@VN-LCI`. `password` is needed for new accounts only; existing
//! accounts keep theirs, so importing the same file again changes nothing.

use serde::{Deserialize, Serialize};

pub const COLUMNS: [&str; 8] = [
    "username",
    "full_name",
    "email",
    "phone",
    "org_unit_code",
    "position_code",
    "roles",
    "password",
];

/// Body of `POST /api/v1/users/import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRequest {
    /// The CSV text (UTF-8).
    #[serde(default)]
    pub csv: String,
    /// Forms only: apply the draft saved at the preview step instead of `csv`.
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub draft_id: Option<uuid::Uuid>,
    /// Check and report what would change, without changing anything.
    #[serde(default, deserialize_with = "crate::form::flag")]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ImportAction {
    Create,
    Update,
    Unchanged,
}

/// What happens to one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// Line in the file (the header is line 1).
    pub line: u64,
    pub username: String,
    pub action: ImportAction,
    /// Fields that change, for updates.
    pub changes: Vec<String>,
}

/// The outcome of an import (or of its dry run).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub dry_run: bool,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rows: Vec<ImportRow>,
}
