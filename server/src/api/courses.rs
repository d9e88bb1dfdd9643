//! `/api/v1/courses`: courses as their authors see them — list, create, import, the draft,
//! publishing, versions and co-authors. The editing of a draft's parts is in
//! `course_content`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use shared::authoring::{AuthorForm, CourseInfoForm, DraftReplace, NewCourse};
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;
use shared::{FieldProblem, L10n, Message, Problem};

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::actors::Actor;
use crate::services::courses;
use crate::startup::AppState;

/// Where the course's editor page is.
pub(super) fn editor(id: uuid::Uuid) -> String {
    Page::AuthorCourse(id).path()
}

/// The editor's list of authors, after a change to it.
fn authors(id: uuid::Uuid) -> String {
    Page::AuthorCourse(id)
        .after(Outcome::Updated)
        .at("authors")
        .to_string()
}

fn actor(user: &CurrentUser) -> &Actor {
    &user.0.actor
}

/// The courses the viewer authors (every course for national administrators).
#[utoipa::path(get, path = "/api/v1/courses", tag = "courses",
    responses((status = 200, body = [shared::authoring::CourseSummary]), (status = 401, body = shared::ErrorBody)))]
pub async fn list(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let courses = courses::list(&state.db, actor).await?;
    Ok(HttpResponse::Ok().json(courses))
}

/// Starts an empty draft owned by the viewer (lecturers).
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses",
    request_body(content = NewCourse, content_type = "application/json"),
    responses((status = 201, description = "Created; `Location` names it", body = shared::answers::NewId), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<NewCourse>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    match courses::create(&state.db, actor, body.value.clone()).await {
        Ok(id) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::AuthorCourse(id)
                .after(Outcome::Created {
                    thing: Thing::Course,
                })
                .to_string(),
        )),
        Ok(id) => Ok(HttpResponse::Created()
            .insert_header(("Location", format!("/api/v1/courses/{id}")))
            .json(shared::answers::NewId { id })),
        Err(e) => body.reject_with_detail(
            ApiError::from(e),
            &Page::Author.path(),
            &["code", "title_vi", "title_en"],
        ),
    }
}

#[derive(Debug, Deserialize)]
pub struct ImportQuery {
    code: Option<String>,
}

/// Imports a content package (docs/CONTENT_PACKAGE.md) as a new draft. JSON clients send the
/// package file itself as the body (`?code=` gives the copy a new course code); forms send
/// `package` (the JSON text) and `code`. The package is checked at once, every problem
/// reported by path; a package that can become a course is accepted as a job (`202`,
/// `Location: /api/v1/jobs/{id}`), whose `course` names the new draft and what to fix
/// before publishing it.
#[utoipa::path(post, path = "/api/v1/courses/import", tag = "courses",
    request_body(content = Object, content_type = "application/json"),
    params(("code" = Option<String>, Query, description = "A new course code for the copy")),
    responses((status = 202, description = "Accepted as a job; follow it at its `Location`", body = shared::jobs::Job),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 409, body = shared::ErrorBody), (status = 413, body = shared::ErrorBody)))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<ImportQuery>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let field = |name: &str| {
        body.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let (json, code) = match body.kind {
        BodyKind::Form => (field("package").unwrap_or_default(), field("code")),
        BodyKind::Json => (body.value.to_string(), query.into_inner().code),
    };
    match courses::accept_import(&state.db, actor, &json, code.as_deref()).await {
        Ok(job) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::Author.address().with("job", job.id).to_string(),
        )),
        Ok(job) => Ok(super::jobs::accepted(&job)),
        Err(e) => {
            let mut error = ApiError::from(e);
            // The form shows one line: say where as well as what.
            if let Some(FieldProblem {
                field: path,
                problem: Problem::Course { issue },
                ..
            }) = error.problems().first().cloned()
                && !path.is_empty()
                && body.kind == BodyKind::Form
            {
                error = error.with_fields(vec![FieldProblem::new(
                    "package",
                    Problem::CourseAt { path, issue },
                )]);
            }
            body.reject_with_detail(error, &Page::Author.path(), &["code"])
        }
    }
}

/// The draft, what publishing would say of it, the authors and the versions.
#[utoipa::path(get, path = "/api/v1/courses/{id}", tag = "courses",
    responses((status = 200, body = shared::authoring::CourseDetail), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn detail(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let detail = courses::detail(&state.db, actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(detail))
}

/// Replaces the whole draft; `revision` must be the draft's current one (else `409`).
#[utoipa::path(put, path = "/api/v1/courses/{id}/draft", tag = "courses",
    request_body(content = DraftReplace, content_type = "application/json"),
    responses((status = 200, description = "Saved", body = shared::answers::DraftRevision), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn replace_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: crate::http::body::JsonBody<DraftReplace>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let revision =
        courses::replace_draft(&state.db, actor, parse_id(&id)?, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(shared::answers::DraftRevision { revision }))
}

fn package_file(code: &str, suffix: &str, json: String) -> HttpResponse {
    let safe: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{safe}{suffix}.json\""),
        ))
        .body(json)
}

/// The draft as a content package file.
#[utoipa::path(get, path = "/api/v1/courses/{id}/draft/package.json", tag = "courses",
    responses((status = 200, content_type = "application/json"), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn export_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let (code, json) = courses::version_package(&state.db, actor, parse_id(&id)?, 0).await?;
    Ok(package_file(&code, "-draft", json))
}

/// A published version as a content package file, exactly as it was frozen.
#[utoipa::path(get, path = "/api/v1/courses/{id}/versions/{number}/package.json", tag = "courses",
    responses((status = 200, content_type = "application/json"), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn export_version(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let (id, number) = path.into_inner();
    let number: u32 = number
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::not_found(Message::NoSuchVersion))?;
    let (code, json) = courses::version_package(&state.db, actor, parse_id(&id)?, number).await?;
    Ok(package_file(&code, &format!("-v{number}"), json))
}

/// The course's title and summary.
#[utoipa::path(post, path = "/api/v1/courses/{id}/info", tag = "courses",
    request_body(content = CourseInfoForm, content_type = "application/json"),
    responses((status = 204, description = "Saved"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn update_info(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<CourseInfoForm>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let result = courses::edit(&state.db, actor, id, |package| {
        package.course.title = courses::check_title(&form.title_vi, &form.title_en, "title_vi")?;
        package.course.summary = L10n::new(form.summary_vi.trim(), form.summary_en.trim());
        Ok(())
    })
    .await;
    match result {
        Ok(()) => {
            Ok(body.respond_done(&Page::AuthorCourse(id).after(Outcome::Updated).to_string()))
        }
        Err(e) => body.reject_with_detail(ApiError::from(e), &editor(id), &[]),
    }
}

/// Freezes the draft as the next version, or lists every problem (`422`).
#[utoipa::path(post, path = "/api/v1/courses/{id}/publish", tag = "courses",
    responses((status = 201, body = shared::authoring::Published), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody),
        (status = 422, body = shared::ErrorBody, description = "The problems, each with its path")))]
pub async fn publish(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let id = parse_id(&id)?;
    match courses::publish(&state.db, actor, id).await {
        Ok(_) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::AuthorCourse(id).after(Outcome::Published).to_string(),
        )),
        Ok(published) => Ok(HttpResponse::Created().json(published)),
        Err(e) => body.reject_with_detail(ApiError::from(e), &editor(id), &[]),
    }
}

/// Adds a lecturer as co-author (the owner only).
#[utoipa::path(post, path = "/api/v1/courses/{id}/authors", tag = "courses",
    request_body(content = AuthorForm, content_type = "application/json"),
    responses((status = 204, description = "Added"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_author(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<AuthorForm>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let id = parse_id(&id)?;
    match courses::add_author(&state.db, actor, id, &body.value.username).await {
        Ok(_) => Ok(body.respond_done(&authors(id))),
        Err(e) => body.reject_with_detail(ApiError::from(e), &editor(id), &["username"]),
    }
}

/// Removes a co-author (the owner only).
#[utoipa::path(post, path = "/api/v1/courses/{id}/authors/{user_id}/remove", tag = "courses",
    responses((status = 204, description = "Removed"), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn remove_author(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(&user);
    let (id, user_id) = path.into_inner();
    let id = parse_id(&id)?;
    match courses::remove_author(&state.db, actor, id, parse_id(&user_id)?).await {
        Ok(()) => Ok(body.respond_done(&authors(id))),
        Err(e) => body.reject(ApiError::from(e), &editor(id), &[]),
    }
}
