//! Cohorts, enrolment and attempts as the API takes and gives them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::L10n;
use crate::quiz::Response;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCohort {
    pub course_id: Uuid,
    /// A published version; the newest when left out or 0.
    #[serde(default)]
    pub version: u32,
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortSummary {
    pub id: Uuid,
    pub course_id: Uuid,
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: L10n,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub course_title: L10n,
    pub starts_on: String,
    pub ends_on: String,
    pub learners: u32,
}

/// Learners to enrol, by username: one per line, or separated by commas or spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolForm {
    pub usernames: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolReport {
    pub added: Vec<String>,
    pub already: Vec<String>,
}

/// A graded activity's answers. `id` is made by the client (a UUID v4) when the learner
/// presses submit; sending it again returns the first result and changes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptSubmission {
    pub id: Uuid,
    pub activity: String,
    /// Question id → response.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub responses: BTreeMap<String, Response>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionOutcome {
    pub question: String,
    pub score: f64,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptResult {
    pub id: Uuid,
    pub cohort_id: Uuid,
    pub activity: String,
    /// 0 to 1.
    pub score: f64,
    pub passed: bool,
    pub questions: Vec<QuestionOutcome>,
    /// RFC 3339.
    pub submitted_at: String,
}
