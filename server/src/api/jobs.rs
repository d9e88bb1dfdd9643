//! Jobs the signed-in person started (a bulk import), followed until they end.

use actix_web::{HttpRequest, HttpResponse, web};

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::error::ApiError;
use crate::services::jobs;
use crate::startup::AppState;

/// One of the viewer's jobs: where it is (`done` of `total`), its problems if it failed,
/// what it did once done. Anyone else's job is a 404.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "jobs",
    responses((status = 200, body = shared::jobs::Job), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn get(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = crate::http::locale::of_request(&req);
    let job = jobs::get(&state.db, &user.0.actor, parse_id(&id)?, locale).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(job))
}

/// The viewer's 50 latest jobs, newest first.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs",
    responses((status = 200, body = Vec<shared::jobs::Job>), (status = 401, body = shared::ErrorBody)))]
pub async fn mine(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    let locale = crate::http::locale::of_request(&req);
    let list = jobs::mine(&state.db, &user.0.actor, locale).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// `202 Accepted` for work accepted as `job`: the job, and where to follow it.
pub(super) fn accepted(job: &shared::jobs::Job) -> HttpResponse {
    HttpResponse::Accepted()
        .insert_header(("Location", format!("/api/v1/jobs/{}", job.id)))
        .json(job)
}
