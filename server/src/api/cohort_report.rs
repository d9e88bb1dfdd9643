//! The lecturer's cohort view over the API, and reviews of written answers.

use actix_web::{HttpResponse, web};
use shared::learning::ReviewForm;
use shared::outcome::Outcome;
use shared::page::Page;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::cohort_report;
use crate::startup::AppState;

/// Who is where, the written answers with their reviews, and item statistics; to the
/// cohort's staff and national administrators.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/report", tag = "learning",
    responses((status = 200, body = shared::learning::CohortReport), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn report(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let report = cohort_report::report(&state.db, &user.0.actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Reviews a case study's written answers: points per rubric criterion and a comment.
#[utoipa::path(post, path = "/api/v1/attempts/{id}/review", tag = "learning",
    request_body(content = ReviewForm, content_type = "application/json"),
    responses((status = 204, description = "Saved"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn review(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<ReviewForm>,
) -> Result<HttpResponse, ApiError> {
    let attempt = parse_id(&id)?;
    match cohort_report::review(&state.db, &user.0.actor, attempt, &body.value).await {
        Ok(cohort) => Ok(body.respond_done(
            &Page::TeachCohort(cohort)
                .after(Outcome::Updated)
                .at(format!("review-{attempt}"))
                .to_string(),
        )),
        Err(e) => body.reject_with_detail(ApiError::from(e), &Page::Teach.path(), &["comment"]),
    }
}
