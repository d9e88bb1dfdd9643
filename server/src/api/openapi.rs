//! The OpenAPI document at `/api/v1/openapi.json`. Every endpoint is added here.

use actix_web::HttpResponse;
use utoipa::OpenApi;

use super::{auth, competencies, health, org_units, positions, preferences, users};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Fieldschool API",
        description = "REST API of Fieldschool. Errors always have the shape \
            `{ \"error\": { \"code\", \"message\", \"fields\"? } }`. Write endpoints accept JSON \
            and plain HTML form posts; a form post is answered with a redirect."
    ),
    paths(
        health::healthz,
        health::readyz,
        preferences::set_locale,
        auth::sign_in,
        auth::refresh,
        auth::sign_out,
        auth::me,
        auth::change_password,
        users::list,
        users::get,
        users::create,
        users::update,
        users::update_form,
        users::disable,
        users::enable,
        users::reset_password,
        users::import,
        users::export,
        org_units::list,
        org_units::create,
        org_units::update,
        org_units::update_form,
        positions::list,
        positions::create,
        positions::update,
        positions::update_form,
        competencies::frameworks,
        competencies::position_profile,
        competencies::export,
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
    ))
)]
pub struct ApiDoc;

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
