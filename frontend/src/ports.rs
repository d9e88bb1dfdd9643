//! What pages need from the server, declared here and implemented by the server over its
//! services. Pages get a [`Ports`] value from context; tests can hand in fakes.

use std::sync::Arc;

use async_trait::async_trait;
use shared::ErrorCode;
use shared::directory::DirectoryOverview;

/// Why a port could not answer. The server logs the cause; pages show a message by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortError(pub ErrorCode);

pub type PortResult<T> = Result<T, PortError>;

/// The org tree as pages show it.
#[async_trait]
pub trait DirectoryPort: Send + Sync {
    async fn overview(&self) -> PortResult<DirectoryOverview>;
}

/// The directory administration, as the viewer may see it (scope applied by the server).
#[async_trait]
pub trait AdminPort: Send + Sync {
    async fn users(&self, query: shared::users::UserQuery) -> PortResult<shared::users::UserPage>;
    async fn user(&self, id: uuid::Uuid) -> PortResult<shared::users::UserSummary>;
    async fn org_units(&self) -> PortResult<Vec<shared::directory::OrgUnit>>;
    async fn positions(&self) -> PortResult<Vec<shared::directory::Position>>;
    /// Every competency framework version with its scale and competencies.
    async fn frameworks(&self) -> PortResult<Vec<shared::competency::Framework>>;
    /// The levels a position requires (across framework versions).
    async fn position_profile(
        &self,
        position: uuid::Uuid,
    ) -> PortResult<shared::competency::PositionProfile>;
    /// The CSV of an import draft and what importing it would do (or its problems).
    async fn import_preview(&self, draft: uuid::Uuid) -> PortResult<ImportPreview>;
}

/// The viewer's own jobs (accepted imports).
#[async_trait]
pub trait JobsPort: Send + Sync {
    /// One of the viewer's jobs, its problems worded in `locale`.
    async fn job(&self, id: uuid::Uuid, locale: shared::Locale) -> PortResult<shared::jobs::Job>;
}

/// Course authoring, as the viewer may see it.
#[async_trait]
pub trait AuthorPort: Send + Sync {
    /// The courses the viewer authors (all of them for national administrators).
    async fn courses(&self) -> PortResult<Vec<shared::authoring::CourseSummary>>;
    async fn course(&self, id: uuid::Uuid) -> PortResult<shared::authoring::CourseDetail>;
    /// The competencies of a framework version, in order.
    async fn competencies(
        &self,
        framework: uuid::Uuid,
    ) -> PortResult<Vec<shared::competency::Competency>>;
    /// Author-written Markdown as safe HTML.
    fn markdown(&self, text: &str) -> String;
}

/// A learner's view of their cohorts.
#[async_trait]
pub trait LearnPort: Send + Sync {
    async fn cohorts(&self) -> PortResult<Vec<shared::learning::CohortSummary>>;
    /// A cohort's course as the viewer studies it; with `activity`, that activity's
    /// questions (for an assessment, the viewer's own paper).
    async fn study(&self, cohort: uuid::Uuid, activity: Option<String>) -> PortResult<Study>;
    /// The cohorts the viewer teaches.
    async fn teaching(&self) -> PortResult<Vec<shared::learning::CohortSummary>>;
    /// A cohort as its staff see it: who is where, answers to review, item statistics.
    async fn report(&self, cohort: uuid::Uuid) -> PortResult<shared::learning::CohortReport>;
    /// The course version a cohort studies, for its staff.
    async fn package_of(&self, cohort: uuid::Uuid) -> PortResult<Arc<shared::course::Package>>;
    /// The viewer's certificate in a cohort, once issued.
    async fn certificate(&self, cohort: uuid::Uuid) -> PortResult<shared::learning::Certificate>;
    /// Any certificate by its code (public).
    async fn verify(&self, code: &str) -> PortResult<shared::learning::Certificate>;
}

/// The supervisor's reports, inbox and rating forms, as the viewer may see them.
#[async_trait]
pub trait SupervisePort: Send + Sync {
    async fn filter_options(&self) -> PortResult<shared::evidence::report::FilterOptions>;
    async fn gains(
        &self,
        filter: shared::evidence::report::ReportFilter,
    ) -> PortResult<shared::evidence::report::GainReport>;
    /// The learners behind one row of the gain table (refused for groups under five).
    async fn learners(
        &self,
        filter: shared::evidence::report::ReportFilter,
        competency: uuid::Uuid,
        comparison: shared::evidence::report::Comparison,
    ) -> PortResult<Vec<shared::evidence::report::LearnerChange>>;
    async fn needs(
        &self,
        filter: shared::evidence::report::ReportFilter,
    ) -> PortResult<shared::evidence::report::NeedsReport>;
    async fn learner(&self, id: uuid::Uuid) -> PortResult<shared::evidence::report::LearnerRecord>;
    async fn inbox(&self) -> PortResult<shared::evidence::rating::Inbox>;
    async fn rating_form(
        &self,
        cohort: uuid::Uuid,
        learner: uuid::Uuid,
        phase: shared::evidence::Phase,
    ) -> PortResult<shared::evidence::rating::RatingForm>;
    /// The CSV of an evidence import draft and what importing it would do.
    async fn import_preview(&self, draft: uuid::Uuid) -> PortResult<EvidencePreview>;
    /// One cohort through Kirkpatrick's levels, for the viewer's people.
    async fn kirkpatrick(
        &self,
        cohort: uuid::Uuid,
    ) -> PortResult<shared::evidence::kirkpatrick::KirkpatrickSummary>;
    /// The cohorts the viewer studies in, for inviting a colleague to rate them.
    async fn my_cohorts(&self) -> PortResult<Vec<shared::learning::CohortSummary>>;
}

/// An evidence import draft checked again for its preview page.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidencePreview {
    pub csv: String,
    pub outcome: Result<shared::evidence::import::EvidenceImportReport, Vec<shared::FieldProblem>>,
}

/// What the player shows of one cohort.
#[derive(Debug, Clone)]
pub struct Study {
    pub cohort: shared::learning::CohortSummary,
    pub package: Arc<shared::course::Package>,
    /// The viewer's attempts, newest first.
    pub attempts: Vec<shared::learning::AttemptResult>,
    pub questions: Option<Vec<shared::course::QuizQuestion>>,
    pub progress: shared::progress::CourseProgress,
    /// The activity's draft: written answers, or a role-play's path so far.
    pub draft_answers: Vec<String>,
    pub play_path: Vec<String>,
    /// The cohort's lecturers (id, name), for survey items about each.
    pub lecturers: Vec<(uuid::Uuid, String)>,
    /// The viewer's certificate code, once issued.
    pub certificate: Option<String>,
    /// The id of the learner's next attempt at the activity: pressing submit twice sends it
    /// twice, and it is stored once. The same until an attempt is stored.
    pub fresh_attempt_id: uuid::Uuid,
    /// A fresh id for one role-play step posted without scripts.
    pub step_id: uuid::Uuid,
}

/// An import draft checked again for its preview page.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub csv: String,
    pub outcome: Result<shared::user_import::ImportReport, Vec<shared::FieldProblem>>,
}

/// Every port, provided once per request as context, acting for that request's viewer.
#[derive(Clone)]
pub struct Ports {
    pub directory: Arc<dyn DirectoryPort>,
    pub admin: Arc<dyn AdminPort>,
    pub author: Arc<dyn AuthorPort>,
    pub learn: Arc<dyn LearnPort>,
    pub supervise: Arc<dyn SupervisePort>,
    pub jobs: Arc<dyn JobsPort>,
}

/// Lets a page set the HTTP status of its response (e.g. 404 for an unknown path)
/// without this crate knowing the web framework.
#[derive(Clone)]
pub struct ResponseStatus(pub Arc<dyn Fn(u16) + Send + Sync>);

/// Names of the hashed static assets of this build (stylesheet; whether the browser bundle
/// exists). Missing assets leave the pages complete, only unstyled or without islands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assets {
    /// Path of the stylesheet, e.g. `/pkg/fieldschool.3f9a1c2e.css`.
    pub stylesheet: Option<String>,
    /// Whether the wasm bundle was built and the hydration script should be included.
    pub scripts: bool,
    /// Path of the offline script (service worker, queue indicator, saving courses).
    pub offline_script: Option<String>,
}

/// The address the page was asked for, scheme and host (`https://hoc.example.vn`): what a
/// printed certificate's QR code points back to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteOrigin(pub String);

/// Who is looking at the page: the signed-in user, if any, and the session's form token,
/// which every form a signed-in user posts must carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub me: Option<shared::auth::Me>,
    pub form_token: Option<String>,
}
