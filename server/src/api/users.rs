//! `/api/v1/users`: the account directory for administrators and supervisors.

use actix_web::{HttpResponse, web};
use shared::user_import::ImportRequest;
use shared::users::{CreateUser, ResetPassword, UpdateUser, UserQuery};
use shared::{ErrorCode, FieldError, Locale};

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::passwords::PasswordError;
use crate::services::users::{self, NewUser, UserError};
use crate::startup::AppState;

pub fn user_error(e: UserError) -> ApiError {
    match e {
        UserError::Invalid(fields) => ApiError::invalid("Some fields need attention.", fields),
        UserError::UsernameTaken(name) => ApiError::new(
            ErrorCode::Conflict,
            format!("The username {name} is taken."),
        )
        .with_fields(vec![FieldError {
            field: "username".into(),
            message: "taken".into(),
        }]),
        UserError::NotFound => ApiError::not_found("There is no such user."),
        UserError::Forbidden => ApiError::new(ErrorCode::Forbidden, "You may not do this."),
        UserError::Password(PasswordError::Busy) => ApiError::new(
            ErrorCode::Unavailable,
            "The server is busy. Try again in a few seconds.",
        )
        .retry_after(3),
        UserError::Database(e) => ApiError::unavailable(&e),
        other => ApiError::internal(&other),
    }
}

/// Search accounts; Vietnamese marks are ignored ("nguyen" finds "Nguyễn").
#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(UserQuery),
    responses(
        (status = 200, body = shared::users::UserPage),
        (status = 401, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
    ))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<UserQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = users::list(&state.db, &user.0.actor, &query)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users",
    responses((status = 200, body = shared::users::UserSummary), (status = 404, body = shared::ErrorBody)))]
pub async fn get(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = users::get(&state.db, &user.0.actor, parse_id(&id)?)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::Ok().json(found))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users",
    request_body(content = CreateUser, content_type = "application/json"),
    responses(
        (status = 201, body = shared::users::UserSummary),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 409, description = "Username taken", body = shared::ErrorBody),
    ))]
pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let input = body.value;
    let locale = match input.locale.as_deref() {
        None => Locale::Vi,
        Some(code) => Locale::from_code(code).ok_or_else(|| {
            ApiError::invalid(
                "Some fields need attention.",
                vec![FieldError {
                    field: "locale".into(),
                    message: "vi or en".into(),
                }],
            )
        })?,
    };
    let new = NewUser {
        username: input.username,
        full_name: input.full_name,
        password: input.password,
        email: input.email,
        phone: input.phone,
        org_unit_id: input.org_unit_id,
        position_id: input.position_id,
        grants: input.roles,
        locale,
    };
    let actor = &user.0.actor;
    let id = users::create_as(&state.db, &state.passwords, actor, new)
        .await
        .map_err(user_error)?;
    let created = users::get(&state.db, actor, id).await.map_err(user_error)?;
    Ok(HttpResponse::Created().json(created))
}

#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users",
    request_body(content = UpdateUser, content_type = "application/json"),
    responses(
        (status = 200, body = shared::users::UserSummary),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
    ))]
pub async fn update(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    let updated = users::update(&state.db, &user.0.actor, parse_id(&id)?, body.value)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::Ok().json(updated))
}

/// Disable an account: the user is signed out everywhere at once.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "users",
    responses((status = 204), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn disable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    users::set_disabled(&state.db, &user.0.actor, parse_id(&id)?, true)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "users",
    responses((status = 204), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn enable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    users::set_disabled(&state.db, &user.0.actor, parse_id(&id)?, false)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set a new password for a user (who is then signed out everywhere).
#[utoipa::path(post, path = "/api/v1/users/{id}/password", tag = "users",
    request_body(content = ResetPassword, content_type = "application/json"),
    responses((status = 204), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn reset_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<ResetPassword>,
) -> Result<HttpResponse, ApiError> {
    users::reset_password(
        &state.db,
        &state.passwords,
        &user.0.actor,
        parse_id(&id)?,
        body.value.new_password,
    )
    .await
    .map_err(user_error)?;
    Ok(HttpResponse::NoContent().finish())
}

/// Import accounts from CSV (format: `shared::user_import`; docs/USER_IMPORT.md). Every row
/// is checked first; with any problem nothing changes and every problem is listed by line.
#[utoipa::path(post, path = "/api/v1/users/import", tag = "users",
    request_body(content = ImportRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Imported, or (dry run) what would change", body = shared::user_import::ImportReport),
        (status = 400, description = "Problems, each as `line N: column`", body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody),
    ))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<ImportRequest>,
) -> Result<HttpResponse, ApiError> {
    let request = body.value;
    let report = users::import(
        &state.db,
        &state.passwords,
        &user.0.actor,
        &request.csv,
        request.dry_run,
    )
    .await
    .map_err(|e| match e {
        UserError::Invalid(fields) => {
            ApiError::invalid("The file has problems; nothing was imported.", fields)
        }
        other => user_error(other),
    })?;
    Ok(HttpResponse::Ok().json(report))
}

/// The accounts you may see, as CSV in the import format (without passwords).
#[utoipa::path(get, path = "/api/v1/users/export.csv", tag = "users",
    responses((status = 200, content_type = "text/csv"), (status = 403, body = shared::ErrorBody)))]
pub async fn export(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    let csv = users::export_csv(&state.db, &user.0.actor)
        .await
        .map_err(user_error)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"fieldschool-users.csv\"",
        ))
        .body(csv))
}
