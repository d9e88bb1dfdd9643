//! `/api/v1/users`: the account directory for administrators and supervisors.

use actix_web::{HttpResponse, web};
use shared::Locale;
use shared::Message;
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;
use shared::user_import::ImportRequest;
use shared::users::{CreateUser, ResetPassword, UpdateUser, UserQuery};
use shared::{FieldProblem, Problem};

use super::parse_id;
use crate::api::auth::NoFields;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};

/// Form fields sent back to the page after a failed post (never passwords).
const USER_FIELDS: [&str; 6] = [
    "username",
    "full_name",
    "email",
    "phone",
    "org_unit_id",
    "position_id",
];
use crate::http::error::ApiError;
use crate::services::users::{self, NewUser, UserError, import_drafts};
use crate::startup::AppState;

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
    let page = users::list(&state.db, &user.0.actor, &query).await?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users",
    responses((status = 200, body = shared::users::UserSummary), (status = 404, body = shared::ErrorBody)))]
pub async fn get(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = users::get(&state.db, &user.0.actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(found))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users",
    request_body(content = CreateUser, content_type = "application/json",
        description = "Also accepted as a form post (roles as repeated codes), answered with a redirect."),
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
    let input = body.value.clone();
    let locale = match input.locale.as_deref() {
        None | Some("") => Locale::Vi,
        Some(code) => match Locale::from_code(code) {
            Some(locale) => locale,
            None => {
                let error = ApiError::invalid(
                    Message::FieldsNeedAttention,
                    vec![FieldProblem::new("locale", Problem::LanguageChoice)],
                );
                return body.reject(error, &Page::AdminUserNew.path(), &USER_FIELDS);
            }
        },
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
    let id = match users::create_as(&state.db, &state.passwords, actor, new).await {
        Ok(id) => id,
        Err(e) => return body.reject(ApiError::from(e), &Page::AdminUserNew.path(), &USER_FIELDS),
    };
    if body.kind == BodyKind::Form {
        let created = Page::AdminUser(id).after(Outcome::Created {
            thing: Thing::Account,
        });
        return Ok(Submitted::<()>::see_other(&created.to_string()));
    }
    let created = users::get(&state.db, actor, id).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change an account. `POST` does the same, for forms.
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
    let id = parse_id(&id)?;
    let back = Page::AdminUser(id);
    match users::update(&state.db, &user.0.actor, id, body.value.clone()).await {
        Ok(updated) => Ok(body.respond(&updated, &back.after(Outcome::Updated).to_string())),
        Err(e) => body.reject(ApiError::from(e), &back.path(), &USER_FIELDS),
    }
}

/// The same as `PATCH`, for HTML forms (which can only `POST`).
#[utoipa::path(post, path = "/api/v1/users/{id}", tag = "users",
    request_body(content = UpdateUser, content_type = "application/json",
        description = "The same as PATCH, for HTML forms (also accepted as a form post, answered with a redirect)."),
    responses((status = 303, description = "Back to the user's page"), (status = 400, body = shared::ErrorBody)))]
pub async fn update_form(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    update(state, user, id, body).await
}

async fn set_disabled(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<NoFields>,
    disabled: bool,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let back = Page::AdminUser(id);
    let outcome = if disabled {
        Outcome::Disabled
    } else {
        Outcome::Enabled
    };
    match users::set_disabled(&state.db, &user.0.actor, id, disabled).await {
        Ok(()) => Ok(body.respond_done(&back.after(outcome).to_string())),
        Err(e) => body.reject(ApiError::from(e), &back.path(), &[]),
    }
}

/// Disable an account: the user is signed out everywhere at once.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "users",
    responses((status = 204), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, description = "It is the account you are signed in with", body = shared::ErrorBody)))]
pub async fn disable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<NoFields>,
) -> Result<HttpResponse, ApiError> {
    set_disabled(state, user, id, body, true).await
}

#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "users",
    responses((status = 204), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn enable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<NoFields>,
) -> Result<HttpResponse, ApiError> {
    set_disabled(state, user, id, body, false).await
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
    let id = parse_id(&id)?;
    let back = Page::AdminUser(id);
    let password = body.value.new_password.clone();
    match users::reset_password(&state.db, &state.passwords, &user.0.actor, id, password).await {
        Ok(()) => Ok(body.respond_done(&back.after(Outcome::PasswordReset).to_string())),
        Err(e) => body.reject(ApiError::from(e), &back.path(), &[]),
    }
}

/// Import accounts from CSV (format: `shared::user_import`; docs/USER_IMPORT.md). Every row
/// is checked first; with any problem nothing changes and every problem is listed by line.
/// A dry run answers what would change. Otherwise the file is accepted as a job (`202`,
/// `Location: /api/v1/jobs/{id}`): the new accounts' passwords are prepared in the
/// background, sign-ins first, and every row is applied in one transaction, or none.
#[utoipa::path(post, path = "/api/v1/users/import", tag = "users",
    request_body(content = ImportRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Dry run: what would change", body = shared::user_import::ImportReport),
        (status = 202, description = "Accepted as a job; follow it at its `Location`", body = shared::jobs::Job),
        (status = 400, description = "Problems, each with its line and column", body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody),
        (status = 404, description = "The draft named by `draft_id` no longer exists", body = shared::ErrorBody),
    ))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<ImportRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let request = body.value.clone();
    let csv = match request.draft_id {
        Some(draft) => import_drafts::load(&state.db, actor.me.id, draft)
            .await?
            .ok_or_else(|| ApiError::not_found(Message::DraftGone))?,
        None => request.csv.clone(),
    };
    if body.kind == BodyKind::Form {
        // Without scripts: the preview is a page, so the pasted text waits in a draft.
        let draft = match request.draft_id {
            Some(draft) => draft,
            None => import_drafts::save(&state.db, actor.me.id, csv.clone()).await?,
        };
        if request.dry_run {
            return Ok(Submitted::<()>::see_other(&import_page("draft", draft)));
        }
        return match users::accept_import(&state.db, actor, &csv).await {
            Ok(job) => {
                import_drafts::delete(&state.db, actor.me.id, draft).await?;
                Ok(Submitted::<()>::see_other(&import_page("job", job.id)))
            }
            Err(UserError::Invalid(_)) => {
                Ok(Submitted::<()>::see_other(&import_page("draft", draft)))
            }
            Err(e) => Err(ApiError::from(e)),
        };
    }
    let problems = |e| match e {
        UserError::Invalid(fields) => ApiError::invalid(Message::FileHasProblems, fields),
        other => ApiError::from(other),
    };
    if request.dry_run {
        let report = users::preview_import(&state.db, actor, &csv)
            .await
            .map_err(problems)?;
        return Ok(HttpResponse::Ok().json(report));
    }
    let job = users::accept_import(&state.db, actor, &csv)
        .await
        .map_err(problems)?;
    Ok(super::jobs::accepted(&job))
}

/// The accounts you may see, as CSV in the import format (without passwords).
#[utoipa::path(get, path = "/api/v1/users/export.csv", tag = "users",
    responses((status = 200, content_type = "text/csv"), (status = 403, body = shared::ErrorBody)))]
pub async fn export(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    let csv = users::export_csv(&state.db, &user.0.actor).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"fieldschool-users.csv\"",
        ))
        .body(csv))
}

/// The import page showing what a draft would do (`draft`), or how its job goes (`job`).
fn import_page(what: &str, id: uuid::Uuid) -> String {
    Page::AdminUserImport.address().with(what, id).to_string()
}
