//! Long work done as a job (a bulk import): accepted at once, carried out by a server in the
//! background, and followed by its owner on a page or at `GET /api/v1/jobs/{id}`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::answers::CourseImported;
use crate::error::FieldError;
use crate::evidence::import::EvidenceImportReport;
use crate::user_import::ImportReport;

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Accounts from CSV (`POST /api/v1/users/import`).
    UserImport,
    /// Competency evidence from CSV (`POST /api/v1/evidence/import`).
    EvidenceImport,
    /// A content package as a new course (`POST /api/v1/courses/import`).
    PackageImport,
}

impl JobKind {
    pub const ALL: [Self; 3] = [Self::UserImport, Self::EvidenceImport, Self::PackageImport];

    pub fn code(self) -> &'static str {
        match self {
            Self::UserImport => "user_import",
            Self::EvidenceImport => "evidence_import",
            Self::PackageImport => "package_import",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Accepted; no server has taken it up yet.
    Queued,
    /// A server is working on it (or one stopped while it did, and another will resume it).
    Running,
    /// Finished: everything it had to do is done, in one transaction.
    Done,
    /// Finished without changing anything; `problems` says why.
    Failed,
}

impl JobState {
    pub fn code(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Queued, Self::Running, Self::Done, Self::Failed]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// Whether it has ended, one way or the other.
    pub fn ended(self) -> bool {
        matches!(self, Self::Done | Self::Failed)
    }
}

/// A job as its owner follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Job {
    pub id: Uuid,
    pub kind: JobKind,
    pub state: JobState,
    /// Steps done of `total` (an account import: new accounts whose password is prepared;
    /// an evidence import: its rows, all at once, as they are stored in one transaction;
    /// a package import: 1 once the course is made).
    pub done: u32,
    pub total: u32,
    /// Why it failed, worded in the reader's language; the same shape as an error's fields.
    pub problems: Vec<FieldError>,
    /// What an account import did, once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<ImportReport>,
    /// What an evidence import did, once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceImportReport>,
    /// The course a package import made, and what to fix before publishing it, once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseImported>,
    /// When it was accepted and when it ended (RFC 3339).
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for state in [
            JobState::Queued,
            JobState::Running,
            JobState::Done,
            JobState::Failed,
        ] {
            assert_eq!(JobState::from_code(state.code()), Some(state));
        }
        for kind in JobKind::ALL {
            assert_eq!(JobKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(JobState::from_code("lost"), None);
    }
}
