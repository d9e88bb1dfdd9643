//! How each service's error reaches a client: one `From` conversion per service error, so
//! handlers and page adapters write `?` and never word a message themselves. What a client
//! may be told is here; a cause it may not (a database fault, an encoding failure) is
//! logged by [`ApiError`] and answered with the generic message.

use shared::{ErrorCode, FieldProblem, Message, Problem};

use crate::http::error::ApiError;
use crate::services::attempts::AttemptError;
use crate::services::certificates::CertificateError;
use crate::services::cohorts::CohortError;
use crate::services::competencies::CompetencyError;
use crate::services::competency_admin::FrameworkAdminError;
use crate::services::courses::{self, CourseError};
use crate::services::directory::DirectoryError;
use crate::services::evidence::EvidenceError;
use crate::services::org_units::OrgUnitError;
use crate::services::passwords::PasswordError;
use crate::services::positions::PositionError;
use crate::services::preferences::PreferenceError;
use crate::services::ratings::RatingError;
use crate::services::sessions::SessionError;
use crate::services::supervision::SupervisionError;
use crate::services::users::UserError;

impl From<PasswordError> for ApiError {
    fn from(e: PasswordError) -> Self {
        match e {
            PasswordError::Busy => {
                ApiError::new(ErrorCode::Unavailable, Message::Busy).retry_after(3)
            }
            other @ PasswordError::Hashing(_) => ApiError::internal(&other),
        }
    }
}

impl From<UserError> for ApiError {
    fn from(e: UserError) -> Self {
        match e {
            UserError::Invalid(fields) => ApiError::invalid(Message::FieldsNeedAttention, fields),
            UserError::UsernameTaken(name) => ApiError::conflict(Message::UsernameTaken { name })
                .with_fields(vec![FieldProblem::new("username", Problem::Taken)]),
            UserError::OwnAccount => ApiError::conflict(Message::OwnAccount),
            UserError::NotFound => ApiError::not_found(Message::NoSuchUser),
            UserError::Forbidden => ApiError::forbidden(Message::NotAllowed),
            UserError::Password(e) => e.into(),
            UserError::Database(e) => e.into(),
        }
    }
}

impl From<crate::services::jobs::JobError> for ApiError {
    fn from(e: crate::services::jobs::JobError) -> Self {
        match e {
            crate::services::jobs::JobError::NotFound => ApiError::not_found(Message::NoSuchJob),
            crate::services::jobs::JobError::Database(e) => e.into(),
        }
    }
}

impl From<SessionError> for ApiError {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::InvalidCredentials => {
                ApiError::new(ErrorCode::Unauthenticated, Message::WrongCredentials)
            }
            SessionError::Throttled(secs) => {
                let secs = u64::try_from(secs).unwrap_or(1);
                ApiError::new(ErrorCode::RateLimited, Message::TooManySignIns { secs })
                    .retry_after(secs)
            }
            SessionError::InvalidRefresh | SessionError::Reused { .. } => {
                ApiError::new(ErrorCode::Unauthenticated, Message::SessionEnded)
            }
            SessionError::WeakPassword(fields) => {
                ApiError::invalid(Message::ChooseAnotherPassword, fields)
            }
            SessionError::Password(PasswordError::Busy) => {
                ApiError::new(ErrorCode::Unavailable, Message::BusySigningIn).retry_after(3)
            }
            SessionError::Database(e) => e.into(),
            other => ApiError::internal(&other),
        }
    }
}

impl From<PreferenceError> for ApiError {
    fn from(e: PreferenceError) -> Self {
        ApiError::invalid(Message::ChooseLanguage, vec![e.field()])
    }
}

impl From<DirectoryError> for ApiError {
    fn from(e: DirectoryError) -> Self {
        match e {
            DirectoryError::Database(e) => e.into(),
        }
    }
}

impl From<OrgUnitError> for ApiError {
    fn from(e: OrgUnitError) -> Self {
        match e {
            OrgUnitError::Invalid(fields) => {
                ApiError::invalid(Message::FieldsNeedAttention, fields)
            }
            OrgUnitError::CodeTaken => ApiError::conflict(Message::OrgUnitCodeTaken),
            OrgUnitError::NotFound => ApiError::not_found(Message::NoSuchOrgUnit),
            OrgUnitError::Forbidden => ApiError::forbidden(Message::OutsideYourTree),
            OrgUnitError::Database(e) => e.into(),
        }
    }
}

impl From<PositionError> for ApiError {
    fn from(e: PositionError) -> Self {
        match e {
            PositionError::Invalid(fields) => {
                ApiError::invalid(Message::FieldsNeedAttention, fields)
            }
            PositionError::CodeTaken => ApiError::conflict(Message::PositionCodeTaken),
            PositionError::NotFound => ApiError::not_found(Message::NoSuchPosition),
            PositionError::Forbidden => ApiError::forbidden(Message::PositionAdminsOnly),
            PositionError::Database(e) => e.into(),
        }
    }
}

impl From<CompetencyError> for ApiError {
    fn from(e: CompetencyError) -> Self {
        match e {
            CompetencyError::NotFound => ApiError::not_found(Message::NoSuchPosition),
            CompetencyError::FrameworkNotFound => ApiError::not_found(Message::NoSuchFramework),
            CompetencyError::Database(e) => e.into(),
            other @ CompetencyError::Csv(_) => ApiError::internal(&other),
        }
    }
}

impl From<FrameworkAdminError> for ApiError {
    fn from(e: FrameworkAdminError) -> Self {
        match e {
            FrameworkAdminError::Forbidden => ApiError::forbidden(Message::FrameworkAdminsOnly),
            FrameworkAdminError::Invalid(fields) => {
                ApiError::invalid(Message::FieldsNeedAttention, fields)
            }
            FrameworkAdminError::InUse => ApiError::conflict(Message::FrameworkInUse),
            FrameworkAdminError::Read(e) => e.into(),
            FrameworkAdminError::Database(e) => e.into(),
        }
    }
}

impl From<CourseError> for ApiError {
    fn from(e: CourseError) -> Self {
        match e {
            CourseError::NotFound => ApiError::not_found(Message::NoSuchCourse),
            CourseError::Forbidden => ApiError::forbidden(Message::CourseStaffOnly),
            CourseError::Invalid(fields) => ApiError::invalid(Message::FieldsNeedAttention, fields),
            CourseError::CodeTaken => ApiError::conflict(Message::CourseCodeTaken),
            CourseError::Stale(revision) => ApiError::conflict(Message::DraftChanged { revision }),
            CourseError::NotPublishable(issues) => {
                ApiError::new(ErrorCode::Unprocessable, Message::NotPublishable)
                    .with_fields(courses::by_path(issues))
            }
            CourseError::BadPackage(issues) => {
                ApiError::invalid(Message::PackageHasProblems, courses::by_path(issues))
            }
            other @ CourseError::Encoding(_) => ApiError::internal(&other),
            CourseError::Database(e) => e.into(),
        }
    }
}

impl From<CohortError> for ApiError {
    fn from(e: CohortError) -> Self {
        match e {
            CohortError::NotFound => ApiError::not_found(Message::NoSuchCohort),
            CohortError::Forbidden => ApiError::forbidden(Message::CohortStaffOnly),
            CohortError::Invalid(fields) => ApiError::invalid(Message::FieldsNeedAttention, fields),
            CohortError::Database(e) => e.into(),
        }
    }
}

impl From<AttemptError> for ApiError {
    fn from(e: AttemptError) -> Self {
        match e {
            AttemptError::Cohort(e) => e.into(),
            AttemptError::NotFound => ApiError::not_found(Message::NoSuchAttempt),
            // An activity is named in the path, or in the body as the object the work is for.
            AttemptError::NoSuchActivity => ApiError::not_found(Message::NoSuchActivity)
                .with_fields(vec![FieldProblem::new(
                    "activity",
                    Problem::NotActivityOfCourse,
                )]),
            AttemptError::Invalid(fields) => {
                ApiError::invalid(Message::AnswersNeedAttention, fields)
            }
            AttemptError::Locked => ApiError::conflict(Message::ActivityLocked),
            AttemptError::NoFeedbackNow => ApiError::conflict(Message::NoFeedbackNow),
            AttemptError::NoAttemptsLeft { allowed } => {
                ApiError::conflict(Message::NoAttemptsLeft { allowed })
            }
            AttemptError::IdReused => ApiError::conflict(Message::AttemptIdReused),
            other @ AttemptError::Encoding(_) => ApiError::internal(&other),
            AttemptError::Database(e) => e.into(),
        }
    }
}

impl From<CertificateError> for ApiError {
    fn from(e: CertificateError) -> Self {
        match e {
            CertificateError::Attempt(e) => e.into(),
            CertificateError::NotComplete => ApiError::conflict(Message::CertificateNotYet),
            CertificateError::NotFound => ApiError::not_found(Message::NoSuchCertificate),
            other @ CertificateError::Encoding(_) => ApiError::internal(&other),
        }
    }
}

impl From<EvidenceError> for ApiError {
    fn from(e: EvidenceError) -> Self {
        match e {
            EvidenceError::Invalid(fields) => ApiError::invalid(Message::RowsNeedAttention, fields),
            EvidenceError::NotFound => ApiError::not_found(Message::NoSuchEvidence),
            EvidenceError::Forbidden => ApiError::forbidden(Message::NotAllowed),
            EvidenceError::AlreadyVoid => ApiError::conflict(Message::AlreadyVoid),
            EvidenceError::Database(e) => e.into(),
        }
    }
}

impl From<RatingError> for ApiError {
    fn from(e: RatingError) -> Self {
        match e {
            RatingError::Invalid(fields) => ApiError::invalid(Message::LevelsNeedAttention, fields),
            RatingError::NotFound => ApiError::not_found(Message::NoSuchRating),
            RatingError::Database(e) => e.into(),
        }
    }
}

impl From<SupervisionError> for ApiError {
    fn from(e: SupervisionError) -> Self {
        match e {
            SupervisionError::Invalid(fields) => {
                ApiError::invalid(Message::FiltersNeedAttention, fields)
            }
            SupervisionError::NotFound => ApiError::not_found(Message::NoSuchUnitOrPerson),
            SupervisionError::Forbidden => ApiError::forbidden(Message::SmallGroupHidden),
            SupervisionError::Database(e) => e.into(),
        }
    }
}
