//! `/api/v1/competency-frameworks` and position profiles (read; everyone signed in).

use actix_web::{HttpResponse, web};

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::error::ApiError;
use crate::services::competencies::{self, CompetencyError};
use crate::startup::AppState;

fn competency_error(e: CompetencyError) -> ApiError {
    match e {
        CompetencyError::NotFound => ApiError::not_found("There is no such position."),
        CompetencyError::FrameworkNotFound => ApiError::not_found("There is no such framework."),
        CompetencyError::Database(e) => ApiError::unavailable(&e),
        other @ CompetencyError::Csv(_) => ApiError::internal(&other),
    }
}

/// Every competency framework version with its proficiency scale and competencies.
#[utoipa::path(get, path = "/api/v1/competency-frameworks", tag = "competencies",
    responses((status = 200, body = [shared::competency::Framework]), (status = 401, body = shared::ErrorBody)))]
pub async fn frameworks(
    state: web::Data<AppState>,
    _user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(
        competencies::frameworks(&state.db)
            .await
            .map_err(competency_error)?,
    ))
}

/// The level of each competency a job position requires.
#[utoipa::path(get, path = "/api/v1/positions/{id}/profile", tag = "competencies",
    responses((status = 200, body = shared::competency::PositionProfile), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn position_profile(
    state: web::Data<AppState>,
    _user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let profile = competencies::position_profile(&state.db, parse_id(&id)?)
        .await
        .map_err(competency_error)?;
    Ok(HttpResponse::Ok().json(profile))
}

/// One framework version as CSV: a row per scale level, then a row per competency.
#[utoipa::path(get, path = "/api/v1/competency-frameworks/{id}/export.csv", tag = "competencies",
    responses((status = 200, content_type = "text/csv"), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn export(
    state: web::Data<AppState>,
    _user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let csv = competencies::export_csv(&state.db, parse_id(&id)?)
        .await
        .map_err(competency_error)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"competency-framework.csv\"",
        ))
        .body(csv))
}
