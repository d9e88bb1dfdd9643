//! Work done offline, sent from the device's queue in batches when a connection returns.
//! Every item carries the id the device gave it, so a batch may be sent again, in part, in
//! any order: each item is applied once. The rules are in docs/OFFLINE.md.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::learning::{AttemptResult, AttemptSubmission};

/// The most items taken in one batch.
pub const MAX_ITEMS: usize = 50;

/// A batch of queued work.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncBatch {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub items: Vec<SyncItem>,
}

/// One piece of work made on a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncItem {
    /// The device's id for the work (a UUID v4); an attempt's id is this id.
    pub id: Uuid,
    /// The class the work belongs to.
    pub cohort: Uuid,
    /// When the learner did it by the device's clock (RFC 3339); kept beside the server's.
    #[serde(default)]
    pub client_at: Option<String>,
    /// The course version of the saved pages it was done on.
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(flatten)]
    pub work: Work,
}

/// What was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Work {
    /// An attempt as JSON (the role-play player, API clients); its `id` and `client_at`
    /// are the item's.
    Attempt { submission: AttemptSubmission },
    /// An attempt as the page's plain form posted it: the form's fields in order.
    AttemptForm {
        #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::string_pairs))]
        fields: Vec<(String, String)>,
    },
    /// Written answers saved as a draft.
    Draft {
        activity: String,
        #[serde(default)]
        answers: Vec<String>,
    },
    /// The learner was on an activity (a page view, a position in it).
    Event {
        activity: String,
        #[serde(default)]
        position: Option<String>,
    },
}

/// What became of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    /// Applied now.
    Accepted,
    /// Applied before (the same id was sent already); nothing changed.
    Duplicate,
    /// Not applied, with the reason; sending it again changes nothing.
    Rejected,
}

/// The answer for one item, in the order the items were sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncResult {
    pub id: Uuid,
    pub status: SyncStatus,
    /// Why it was rejected (in English, for the record), or a note on an accepted item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The error code of a rejection (`invalid`, `not_found`, `conflict`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<crate::ErrorCode>,
    /// An attempt's result, graded by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<AttemptResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncReport {
    pub results: Vec<SyncResult>,
}

/// What saving a class's course for offline use downloads: its pages and the assets they
/// need, with sizes (stored sizes are exact for assets and estimated for pages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfflinePackage {
    pub cohort: Uuid,
    /// The course version the class studies: a saved copy of another version is out of date.
    pub version: u32,
    pub files: Vec<OfflineFile>,
    /// What the files take on the device, in bytes.
    pub bytes: u64,
    /// About how much is downloaded (compressed), in bytes.
    pub transfer: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfflineFile {
    pub url: String,
    pub bytes: u64,
    pub transfer: u64,
}
