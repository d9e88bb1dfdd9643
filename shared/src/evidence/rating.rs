//! Rating rounds: short forms in which learners rate themselves, supervisors their cadres,
//! lecturers their class and invited peers a colleague, one level per competency the
//! course works on; and the tasks that bring those forms to people when they fall due.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::report::CompetencyRef;
use super::{Phase, Source};
use crate::L10n;
use crate::competency::ProficiencyLevel;

/// Body of `POST /api/v1/cohorts/{id}/ratings`. Forms send `level.<competency id>` fields,
/// which the server reads into `levels`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingSubmission {
    /// Fixed when the form is shown: sending the same form again stores nothing new.
    pub form_id: Uuid,
    pub learner: Uuid,
    pub phase: Phase,
    /// In which capacity the rater rates, when they could rate in several.
    #[serde(default)]
    pub source: Option<Source>,
    /// Competency id → level. Competencies left out are not rated.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::level_map))]
    pub levels: BTreeMap<Uuid, u8>,
}

/// What a rating form shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingForm {
    pub cohort_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub cohort_title: L10n,
    pub learner_id: Uuid,
    pub learner_name: String,
    pub phase: Phase,
    pub source: Source,
    pub form_id: Uuid,
    pub scale: Vec<ProficiencyLevel>,
    /// The course's competencies, each with the level this rater gave last in this phase.
    pub competencies: Vec<(CompetencyRef, Option<u8>)>,
}

/// A rating waiting for someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingTask {
    pub cohort_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub cohort_title: L10n,
    pub learner_id: Uuid,
    pub learner_name: String,
    pub phase: Phase,
    pub source: Source,
    /// `YYYY-MM-DD`: when the rating fell (or falls) due.
    pub due_on: String,
}

/// The open tasks of one person, soonest due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inbox {
    pub tasks: Vec<RatingTask>,
    /// All open tasks, when more than are listed.
    pub total: u64,
}

/// Body of `POST /api/v1/cohorts/{id}/peer-invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeerInvitation {
    /// Whom to rate; the learner inviting for themselves may leave it out.
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub learner: Option<Uuid>,
    /// The colleague's username.
    pub peer: String,
    pub phase: Phase,
}
