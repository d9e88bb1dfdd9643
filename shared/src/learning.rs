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
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 300, pattern = r"\S")
    )]
    pub title_vi: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub title_en: String,
    /// `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub starts_on: String,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub ends_on: String,
    /// Modules open after the pre-test (default yes).
    #[serde(default = "yes")]
    pub gate_pre: bool,
    /// The post-test opens after the modules, the survey after it (default yes).
    #[serde(default = "yes")]
    pub gate_post: bool,
}

fn yes() -> bool {
    true
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
    /// The course's latest published version: a later one than the class's may be taken.
    #[serde(default)]
    pub latest_version: u32,
}

/// Moves a class to a later published version of its course (`0`: the latest). Attempts
/// made on the earlier version keep it; work still on a device is graded on the version it
/// was made on (docs/OFFLINE.md).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionMove {
    #[serde(default)]
    pub version: u32,
}

/// Learners to enrol, in any combination: usernames (one per line, or separated by commas
/// or spaces); a CSV whose `username` column (or first column) names them; or everyone with
/// the learner role in an org unit and its sub-units, optionally only those in a position.
/// All or nothing: one wrong name refuses the whole request, naming each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolForm {
    #[serde(default)]
    pub usernames: String,
    #[serde(default)]
    pub csv: String,
    /// An org unit's id; empty for none.
    #[serde(default)]
    pub org_unit: String,
    /// A position's id; empty for any.
    #[serde(default)]
    pub position: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolReport {
    pub added: Vec<String>,
    pub already: Vec<String>,
}

/// A learner's work in one activity. `id` is made by the client (a UUID v4) when the learner
/// presses submit; sending it again returns the first result and changes nothing. Which
/// field counts depends on the activity: `responses` for a quiz or test, `answers` for a
/// case study's prompts, `path` for a role-play, `survey` for a survey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptSubmission {
    pub id: Uuid,
    pub activity: String,
    /// Question id → response.
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// One written answer per prompt, in order.
    #[serde(default)]
    pub answers: Vec<String>,
    /// The choice ids taken from the start to an ending; the server replays them.
    #[serde(default)]
    pub path: Vec<String>,
    /// [`survey_key`] → a Likert value `1`–`5` or text.
    #[serde(default)]
    pub survey: BTreeMap<String, String>,
    /// When the learner did it by their device's clock (RFC 3339), kept beside the server's.
    #[serde(default)]
    pub client_at: Option<String>,
}

/// A survey answer's key: the item, and for items about lecturers, which lecturer.
pub fn survey_key(item: &str, lecturer: Option<Uuid>) -> String {
    match lecturer {
        Some(id) => format!("{item}@{id}"),
        None => item.to_owned(),
    }
}

/// Written answers kept as a draft until submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftAnswers {
    #[serde(default)]
    pub answers: Vec<String>,
}

/// One step of a role-play played without scripts: the node the page showed and the
/// choice taken there; `step_id` is fixed when the page is made, so pressing twice counts
/// once. `restart` starts the scenario again instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlayStep {
    pub step_id: Uuid,
    #[serde(default)]
    pub at: String,
    #[serde(default)]
    pub choice: String,
    #[serde(default)]
    pub restart: bool,
}

/// The learner was on an activity (and where in it). Append-only; the same id twice is
/// recorded once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressEvent {
    pub id: Uuid,
    pub activity: String,
    #[serde(default)]
    pub position: Option<String>,
    /// By the device's clock (RFC 3339).
    #[serde(default)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventBatch {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub events: Vec<ProgressEvent>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventReport {
    pub recorded: u32,
    pub duplicates: u32,
}

/// A lecturer's review of a case study's answers: points per rubric criterion, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewForm {
    #[serde(default)]
    pub points: Vec<u32>,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AchievedCompetency {
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: L10n,
    /// Share of the post-test's marks on this competency, 0 to 1.
    pub share: f64,
    /// The level that share reaches on the framework's scale. Absent on certificates
    /// issued before levels were printed on them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelReached>,
}

/// A level of a competency framework's scale, as a certificate prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelReached {
    /// 1 to `of`.
    pub level: u8,
    /// The top of the scale.
    pub of: u8,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: L10n,
    /// Whether the framework counts this level as proficient.
    pub proficient: bool,
}

/// A certificate as its printable page and the public verification page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    pub code: String,
    /// The training institution that runs the course (the course owner's, or the nearest
    /// above it); `None` when the owner belongs to none.
    #[serde(default)]
    pub issuer: Option<String>,
    pub learner_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub course_title: L10n,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub cohort_title: L10n,
    pub starts_on: String,
    pub ends_on: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    pub competencies: Vec<AchievedCompetency>,
}

/// One question of a quiz checked before the quiz is submitted, for quizzes whose lecturer
/// chose feedback after each question. Nothing is stored. A plain form sends `question`
/// beside the quiz's own fields instead of `response`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerCheck {
    pub question: String,
    #[serde(default)]
    pub response: Option<Response>,
}

/// What a checked answer is worth, with the question's feedback as safe HTML in the
/// viewer's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckedAnswer {
    pub question: String,
    pub score: f64,
    pub correct: bool,
    #[serde(default)]
    pub feedback_html: Option<String>,
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
    /// A role-play's ending.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub outcome: Option<crate::roleplay::Outcome>,
    /// A case study's written answers, in the order of its prompts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// A role-play's choices, from the start to its ending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// RFC 3339.
    pub submitted_at: String,
    /// When the learner's device says it was done (RFC 3339), for work sent after a while
    /// offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_at: Option<String>,
    /// Sent from a device after the activity's attempts were used up: kept and shown, but
    /// it counts for nothing (see docs/OFFLINE.md).
    #[serde(default)]
    pub over_limit: bool,
}

/// A lecturer's view of one cohort: who is where, written answers to review, and how each
/// quiz and test item performed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortReport {
    pub cohort: CohortSummary,
    pub learners: Vec<LearnerStanding>,
    pub reflections: Vec<Reflection>,
    pub items: Vec<crate::item_stats::ItemStat>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerStanding {
    pub id: Uuid,
    pub username: String,
    pub full_name: String,
    pub progress: crate::progress::CourseProgress,
    pub certificate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reflection {
    pub attempt: Uuid,
    pub activity: String,
    pub learner: String,
    pub answers: Vec<String>,
    pub submitted_at: String,
    pub review: Option<ReviewForm>,
}
