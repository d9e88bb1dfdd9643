//! `/api/v1/org-units`: the org tree.

use actix_web::{HttpResponse, web};
use shared::directory::{CreateOrgUnit, UpdateOrgUnit};
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::org_units::{self};
use crate::startup::AppState;

/// The whole tree in display order (each unit followed by its children).
#[utoipa::path(get, path = "/api/v1/org-units", tag = "org units",
    responses((status = 200, body = [shared::directory::OrgUnit]), (status = 401, body = shared::ErrorBody)))]
pub async fn list(
    state: web::Data<AppState>,
    _user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(org_units::list(&state.db).await?))
}

#[utoipa::path(post, path = "/api/v1/org-units", tag = "org units",
    request_body(content = CreateOrgUnit, content_type = "application/json"),
    responses((status = 201, body = shared::directory::OrgUnit), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<CreateOrgUnit>,
) -> Result<HttpResponse, ApiError> {
    match org_units::create(&state.db, &user.0.actor, body.value.clone()).await {
        Ok(_) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::AdminOrgUnits
                .after(Outcome::Created {
                    thing: Thing::OrgUnit,
                })
                .to_string(),
        )),
        Ok(created) => Ok(HttpResponse::Created().json(created)),
        Err(e) => body.reject(
            ApiError::from(e),
            &Page::AdminOrgUnits.path(),
            &["parent_id", "code", "name", "kind", "region"],
        ),
    }
}

#[utoipa::path(patch, path = "/api/v1/org-units/{id}", tag = "org units",
    request_body(content = UpdateOrgUnit, content_type = "application/json"),
    responses((status = 200, body = shared::directory::OrgUnit), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, description = "Another org unit has this code", body = shared::ErrorBody)))]
pub async fn update(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<UpdateOrgUnit>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let back = Page::AdminOrgUnit(id).path();
    match org_units::update(&state.db, &user.0.actor, id, body.value.clone()).await {
        Ok(updated) => Ok(body.respond(
            &updated,
            &Page::AdminOrgUnits.after(Outcome::Updated).to_string(),
        )),
        Err(e) => body.reject(
            ApiError::from(e),
            &back,
            &["code", "name", "kind", "region"],
        ),
    }
}

/// The same as `PATCH`, for HTML forms (which can only `POST`).
#[utoipa::path(post, path = "/api/v1/org-units/{id}", tag = "org units",
    request_body(content = UpdateOrgUnit, content_type = "application/json",
        description = "The same as PATCH, for HTML forms (also accepted as a form post, answered with a redirect)."),
    responses((status = 303, description = "Back to the list"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn update_form(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<UpdateOrgUnit>,
) -> Result<HttpResponse, ApiError> {
    update(state, user, id, body).await
}
