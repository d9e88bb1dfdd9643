//! The small answers of write endpoints, typed so the OpenAPI document describes them and
//! a client can rely on their shape.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A new object, by its id (a course, a cohort).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewId {
    pub id: Uuid,
}

/// A new part of a course draft (a module, an activity, a node, a choice, a question), by
/// its id in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPart {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedOut {
    /// Always `true`: signing out when already signed out is no error.
    pub signed_out: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChanged {
    pub changed: bool,
}

/// The course version a class now studies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionMoved {
    pub version: u32,
}

/// The draft's revision after a save (send it with the next change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftRevision {
    pub revision: u32,
}

/// An activity's form saved; `warning` says what was kept as it was, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivitySaved {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// Where a role-play stands after a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PlayState {
    /// The play went on to the next node.
    Moved,
    /// The page was out of date; nothing changed.
    Stale,
    /// The play ended: its attempt is stored.
    Ended { attempt: Uuid },
}

/// A certificate, by the code printed on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateIssued {
    pub code: String,
}

/// How many ratings were stored (none when the same form is sent again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingsAdded {
    pub added: u64,
}

/// How many people were newly enrolled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolled {
    pub enrolled: u64,
}

/// A problem an imported course still has, at its path in the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageIssue {
    pub path: String,
    /// Stable machine name of the problem.
    pub code: String,
    /// The problem in the request's language.
    pub message: String,
}

/// An imported course: its id, and what to fix before it can be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseImported {
    pub id: Uuid,
    pub issues: Vec<PackageIssue>,
}

impl CourseImported {
    /// The course `id`, with `issues` worded in `locale`.
    pub fn new(id: Uuid, issues: Vec<crate::course::Issue>, locale: crate::Locale) -> Self {
        let issues = issues
            .into_iter()
            .map(|i| PackageIssue {
                code: i.kind.code(),
                message: i.kind.describe(locale),
                path: i.path,
            })
            .collect();
        Self { id, issues }
    }
}
