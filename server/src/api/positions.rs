//! `/api/v1/positions`: the catalogue of job positions.

use actix_web::{HttpResponse, web};
use shared::directory::PositionInput;
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::positions::{self};
use crate::startup::AppState;

#[utoipa::path(get, path = "/api/v1/positions", tag = "positions",
    responses((status = 200, body = [shared::directory::Position]), (status = 401, body = shared::ErrorBody)))]
pub async fn list(
    state: web::Data<AppState>,
    _user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(positions::list(&state.db).await?))
}

/// The body of `POST /positions` as the document gives it: every field required (the
/// handler reads [`PositionInput`], whose fields are optional for PATCH, and says which
/// are missing).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct NewPosition {
    #[schema(pattern = r"^[A-Z0-9_]{1,64}$")]
    code: String,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    name_vi: String,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    name_en: String,
}

#[utoipa::path(post, path = "/api/v1/positions", tag = "positions",
    request_body(content = NewPosition, content_type = "application/json"),
    responses((status = 201, body = shared::directory::Position), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<PositionInput>,
) -> Result<HttpResponse, ApiError> {
    match positions::create(&state.db, &user.0.actor, body.value.clone()).await {
        Ok(_) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::AdminPositions
                .after(Outcome::Created {
                    thing: Thing::Position,
                })
                .to_string(),
        )),
        Ok(created) => Ok(HttpResponse::Created().json(created)),
        Err(e) => body.reject(
            ApiError::from(e),
            &Page::AdminPositions.path(),
            &["code", "name_vi", "name_en"],
        ),
    }
}

#[utoipa::path(patch, path = "/api/v1/positions/{id}", tag = "positions",
    request_body(content = PositionInput, content_type = "application/json"),
    responses((status = 200, body = shared::directory::Position), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, description = "Another position has this code", body = shared::ErrorBody)))]
pub async fn update(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<PositionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let back = Page::AdminPosition(id).path();
    match positions::update(&state.db, &user.0.actor, id, body.value.clone()).await {
        Ok(updated) => Ok(body.respond(
            &updated,
            &Page::AdminPositions.after(Outcome::Updated).to_string(),
        )),
        Err(e) => body.reject(ApiError::from(e), &back, &["code", "name_vi", "name_en"]),
    }
}

/// The same as `PATCH`, for HTML forms (which can only `POST`).
#[utoipa::path(post, path = "/api/v1/positions/{id}", tag = "positions",
    request_body(content = PositionInput, content_type = "application/json",
        description = "The same as PATCH, for HTML forms (also accepted as a form post, answered with a redirect)."),
    responses((status = 303, description = "Back to the list"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn update_form(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<PositionInput>,
) -> Result<HttpResponse, ApiError> {
    update(state, user, id, body).await
}
