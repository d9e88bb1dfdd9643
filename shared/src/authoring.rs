//! The course authoring API's bodies and answers. Form bodies are flat so the same type
//! reads a JSON body and an HTML form post; structured text uses [`crate::course::notation`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::L10n;
use crate::course::edit::Direction;
use crate::course::{Issue, Package};
use crate::form::{flag, optional_id};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCourse {
    pub code: String,
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
    /// The competency framework version; the newest when left out.
    #[serde(default, deserialize_with = "optional_id")]
    pub framework_id: Option<Uuid>,
}

/// How the viewer stands to a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Owner,
    CoAuthor,
    /// May read drafts but not change them (national administrators).
    Reader,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseSummary {
    pub id: Uuid,
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: L10n,
    pub owner_name: String,
    pub part: Part,
    pub draft_revision: u32,
    /// The newest published version; 0 before the first.
    pub latest_version: u32,
    /// RFC 3339.
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Author {
    pub user_id: Uuid,
    pub username: String,
    pub full_name: String,
    pub owner: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    pub number: u32,
    /// RFC 3339.
    pub published_at: String,
    pub published_by: String,
    pub package_bytes: u32,
}

/// A course as its authors see it: the draft, what publishing would say of it, its
/// authors and its versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseDetail {
    pub summary: CourseSummary,
    pub framework_id: Uuid,
    pub authors: Vec<Author>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub draft: Package,
    /// Empty when the draft may be published.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub issues: Vec<Issue>,
    pub versions: Vec<VersionSummary>,
}

/// `PUT /courses/{id}/draft`: the whole draft, guarded by the revision it was based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftReplace {
    pub revision: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub package: Package,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Published {
    pub number: u32,
    pub package_bytes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseInfoForm {
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub summary_vi: String,
    #[serde(default)]
    pub summary_en: String,
}

/// A module's or an activity's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleForm {
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewActivity {
    pub module: String,
    /// `case_study`, `quiz`, `role_play`, `assessment` or `survey`.
    pub kind: String,
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveForm {
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorForm {
    pub username: String,
}

/// The editor of one activity: the title, and the fields of its kind (others are ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ActivityForm {
    pub title_vi: String,
    pub title_en: String,
    // case study
    pub body_vi: String,
    pub body_en: String,
    pub outcome_vi: String,
    pub outcome_en: String,
    /// One prompt per line, `vi | en`.
    pub prompts: String,
    /// `points: criterion | English`, one per line.
    pub rubric: String,
    // quiz
    pub attempts: Option<u32>,
    pub pass_mark: Option<u32>,
    #[serde(deserialize_with = "flag")]
    pub shuffle_questions: bool,
    #[serde(deserialize_with = "flag")]
    pub shuffle_options: bool,
    /// `immediate` or `after_submission`.
    pub feedback: String,
    #[serde(deserialize_with = "flag")]
    pub offline_feedback: bool,
    // role-play
    pub briefing_vi: String,
    pub briefing_en: String,
    pub start: String,
    // assessment
    /// `pre` or `post`.
    pub phase: String,
    /// `CODE: count`, one per line.
    pub blueprint: String,
    // survey
    /// `likert course: prompt | English`, one per line.
    pub items: String,
}

/// A question of a quiz or of the item bank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct QuestionForm {
    /// One of [`crate::course::notation::QUESTION_TYPES`].
    #[serde(rename = "type")]
    pub kind: String,
    pub competency: String,
    pub prompt_vi: String,
    pub prompt_en: String,
    /// The answers in the form notation of the type.
    pub answers: String,
    pub feedback_vi: String,
    pub feedback_en: String,
    /// Short text: ignore case and Vietnamese marks.
    #[serde(deserialize_with = "flag")]
    pub lenient: bool,
    /// Multiple choice: partial credit.
    #[serde(deserialize_with = "flag")]
    pub partial: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NodeForm {
    /// For a new node: an ending instead of a situation.
    #[serde(deserialize_with = "flag")]
    pub ending: bool,
    pub speaker_vi: String,
    pub speaker_en: String,
    pub text_vi: String,
    pub text_en: String,
    /// Endings: `success`, `partial` or `fail`.
    pub outcome: String,
    pub debrief_vi: String,
    pub debrief_en: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ChoiceForm {
    pub text_vi: String,
    pub text_en: String,
    pub feedback_vi: String,
    pub feedback_en: String,
    /// Id of the node it leads to.
    pub next: String,
    /// `CODE +2, CODE -1`.
    pub effects: String,
}
