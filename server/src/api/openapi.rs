//! The OpenAPI document at `/api/v1/openapi.json`: the endpoints of `routes.rs`, their
//! schemas, and the contract every operation keeps (`contract.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use utoipa::OpenApi;

use super::contract::Contract;

use super::{evidence, reports};

#[derive(OpenApi)]
#[openapi(
    modifiers(&Endpoints, &Contract),
    info(
        title = "Fieldschool API",
        description = "REST API of Fieldschool. Errors always have the shape \
            `{ \"error\": { \"code\", \"message\", \"fields\"? } }`. Write endpoints accept JSON \
            and plain HTML form posts; a form post is answered with a redirect."
    ),
    components(schemas(
        shared::ErrorBody,
        shared::ErrorDetail,
        shared::ErrorCode,
        shared::FieldError,
        shared::health::Health,
        shared::preferences::LocaleChoice,
        shared::preferences::LocaleChosen,
        shared::auth::SignInRequest,
        shared::auth::TokenPair,
        shared::auth::RefreshRequest,
        shared::auth::Me,
        shared::auth::QueueKey,
        shared::auth::RoleGrant,
        shared::auth::ChangePasswordRequest,
        shared::users::NamedRef,
        shared::users::UserSummary,
        shared::users::UserPage,
        shared::users::CreateUser,
        shared::users::UpdateUser,
        shared::users::ResetPassword,
        shared::user_import::ImportRequest,
        shared::user_import::ImportReport,
        shared::user_import::ImportRow,
        shared::user_import::ImportAction,
        shared::directory::OrgUnit,
        shared::directory::CreateOrgUnit,
        shared::directory::UpdateOrgUnit,
        shared::directory::Position,
        shared::directory::PositionInput,
        shared::competency::Framework,
        shared::competency::ProficiencyLevel,
        shared::competency::Competency,
        shared::competency::CompetencyKind,
        shared::competency::PositionProfile,
        shared::competency::Requirement,
        shared::competency_admin::FrameworkImport,
        shared::competency_admin::FrameworkCreated,
        shared::authoring::NewCourse,
        shared::authoring::Part,
        shared::authoring::CourseSummary,
        shared::authoring::Author,
        shared::authoring::VersionSummary,
        shared::authoring::CourseDetail,
        shared::authoring::DraftReplace,
        shared::authoring::Published,
        shared::authoring::CourseInfoForm,
        shared::authoring::TitleForm,
        shared::authoring::NewActivity,
        shared::authoring::MoveForm,
        shared::authoring::AuthorForm,
        shared::authoring::ActivityForm,
        shared::authoring::QuestionForm,
        shared::authoring::NodeForm,
        shared::authoring::ChoiceForm,
        shared::learning::NewCohort,
        shared::learning::CohortSummary,
        shared::learning::EnrolForm,
        shared::learning::EnrolReport,
        shared::learning::AttemptSubmission,
        shared::learning::AttemptResult,
        shared::learning::QuestionOutcome,
        shared::learning::DraftAnswers,
        shared::learning::PlayStep,
        shared::sync::SyncBatch,
        shared::learning::VersionMove,
        shared::sync::SyncItem,
        shared::sync::Work,
        shared::sync::SyncStatus,
        shared::sync::SyncResult,
        shared::sync::SyncReport,
        shared::sync::OfflinePackage,
        shared::sync::OfflineFile,
        shared::learning::AnswerCheck,
        shared::learning::CheckedAnswer,
        shared::learning::ProgressEvent,
        shared::learning::EventBatch,
        shared::learning::EventReport,
        shared::learning::AchievedCompetency,
        shared::learning::LevelReached,
        crate::api::course_content::ExportFormat,
        shared::learning::Certificate,
        shared::learning::CohortReport,
        shared::learning::LearnerStanding,
        shared::learning::Reflection,
        shared::learning::ReviewForm,
        shared::item_stats::ItemStat,
        shared::progress::CourseProgress,
        shared::progress::ActivityProgress,
        shared::progress::Status,
        shared::evidence::Source,
        shared::evidence::Phase,
        shared::evidence::Lens,
        shared::evidence::import::EvidenceImport,
        shared::evidence::import::EvidenceImportReport,
        shared::evidence::rating::RatingSubmission,
        shared::evidence::rating::RatingForm,
        shared::evidence::rating::RatingTask,
        shared::evidence::rating::Inbox,
        shared::evidence::rating::PeerInvitation,
        shared::evidence::report::ReportFilter,
        shared::evidence::report::Comparison,
        shared::evidence::report::CompetencyRef,
        shared::evidence::report::GainRow,
        shared::evidence::report::RatingGap,
        shared::evidence::report::GainReport,
        shared::evidence::report::LearnerChange,
        shared::evidence::report::NeedCell,
        shared::evidence::report::UnitRef,
        shared::evidence::report::Recommendation,
        shared::evidence::report::OpenCohort,
        shared::evidence::report::RankedGap,
        shared::evidence::report::NeedsReport,
        shared::evidence::report::PersonGap,
        shared::evidence::report::FilterOptions,
        shared::evidence::report::Choice,
        shared::evidence::report::LearnerNeed,
        shared::evidence::report::EvidenceItem,
        shared::evidence::report::LearnerRecord,
        shared::evidence::kirkpatrick::KirkpatrickSummary,
        shared::evidence::kirkpatrick::ReactionItem,
        shared::gain::Scale,
        shared::gain::Gain,
        shared::gain::McNemar,
        evidence::VoidRequest,
        reports::NeedsEnrolment,
    ))
)]
pub struct ApiDoc;

/// Adds the operations of every endpoint (`routes::Paths`) before the contract is applied.
struct Endpoints;

impl utoipa::Modify for Endpoints {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi.merge(super::routes::Paths::openapi());
    }
}

/// The document as the server uses it, built once per process: building it allocates
/// megabytes, which every worker's routing and every request for it used to do again.
pub struct Built {
    /// The document, as served.
    pub json: Bytes,
    /// The methods each path answers, as `Allow` lists them (`GET, HEAD, POST`).
    allowed: HashMap<String, String>,
}

impl Built {
    /// The methods `path` (a pattern of the document) answers.
    pub fn allowed(&self, path: &str) -> &str {
        self.allowed.get(path).map_or("", String::as_str)
    }
}

fn build() -> Built {
    let doc = ApiDoc::openapi();
    let allowed = doc
        .paths
        .paths
        .keys()
        .map(|path| {
            let methods = super::contract::allowed_methods(&doc, path).join(", ");
            (path.clone(), methods)
        })
        .collect();
    // Maps with string keys and plain values: writing them cannot fail.
    let json = serde_json::to_vec(&doc).unwrap_or_else(|e| {
        tracing::error!(error = %e, "the OpenAPI document could not be written");
        b"{}".to_vec()
    });
    Built {
        json: Bytes::from(json),
        allowed,
    }
}

/// The document, built on first use on a thread of its own, so that what building it
/// allocates goes back with that thread's memory rather than staying among the pages of
/// a worker.
pub fn built() -> &'static Built {
    static BUILT: LazyLock<Built> = LazyLock::new(|| {
        std::thread::scope(|s| s.spawn(build).join())
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    &BUILT
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json")))]
pub async fn document() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(built().json.clone())
}
