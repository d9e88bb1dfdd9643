//! `/api/v1/cohorts`, `/api/v1/learning` and attempts: classes, enrolment, and the
//! idempotent submission of graded activities.

use actix_web::{HttpResponse, web};
use shared::Message;
use shared::learning::{AttemptSubmission, EnrolForm, NewCohort};
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::attempts::{self, AttemptError, Submission};
use crate::services::cohorts::{self};
use crate::services::{drafts, enrolment};
use crate::startup::AppState;

/// The cohorts the viewer teaches (every cohort for national administrators).
#[utoipa::path(get, path = "/api/v1/cohorts", tag = "learning",
    responses((status = 200, body = [shared::learning::CohortSummary]), (status = 401, body = shared::ErrorBody)))]
pub async fn teaching(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cohorts::teaching(&state.db, &user.0.actor).await?))
}

/// The cohorts the viewer studies in.
#[utoipa::path(get, path = "/api/v1/learning/cohorts", tag = "learning",
    responses((status = 200, body = [shared::learning::CohortSummary]), (status = 401, body = shared::ErrorBody)))]
pub async fn studying(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cohorts::studying(&state.db, &user.0.actor).await?))
}

/// Opens a cohort of a published course version.
#[utoipa::path(post, path = "/api/v1/cohorts", tag = "learning",
    request_body(content = NewCohort, content_type = "application/json"),
    responses((status = 201, description = "Opened", body = shared::answers::NewId), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody)))]
pub async fn open(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<NewCohort>,
) -> Result<HttpResponse, ApiError> {
    match cohorts::open(&state.db, &user.0.actor, body.value.clone()).await {
        Ok(id) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::Teach
                .after(Outcome::Created {
                    thing: Thing::Cohort,
                })
                .at(id)
                .to_string(),
        )),
        Ok(id) => Ok(HttpResponse::Created().json(shared::answers::NewId { id })),
        Err(e) => body.reject(
            ApiError::from(e),
            &Page::Teach.path(),
            &["title_vi", "title_en", "starts_on", "ends_on"],
        ),
    }
}

/// Enrols learners by username, CSV, or org unit and position; all or nothing.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/enrolments", tag = "learning",
    request_body(content = EnrolForm, content_type = "application/json"),
    responses((status = 200, body = shared::learning::EnrolReport), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn enrol(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<EnrolForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    match enrolment::enrol(&state.db, &user.0.actor, id, &body.value).await {
        Ok(report) => Ok(body.respond(
            &report,
            &Page::Teach.after(Outcome::Updated).at(id).to_string(),
        )),
        Err(e) => body.reject_with_detail(
            ApiError::from(e),
            &Page::Teach.path(),
            &["usernames", "csv"],
        ),
    }
}

/// Moves the class to a later published version of its course (`0`: the latest). The
/// class's staff only; attempts already made keep the version they were graded on.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/version", tag = "learning",
    request_body(content = shared::learning::VersionMove, content_type = "application/json"),
    responses((status = 200, body = shared::answers::VersionMoved), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn move_version(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<shared::learning::VersionMove>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    match cohorts::move_to_version(&state.db, &user.0.actor, id, body.value.version).await {
        Ok(version) => Ok(body.respond(
            &shared::answers::VersionMoved { version },
            &Page::Teach.after(Outcome::Updated).at(id).to_string(),
        )),
        Err(e) => body.reject(ApiError::from(e), &Page::Teach.path(), &[]),
    }
}

/// Submits work in an activity: a quiz or test (graded), a case study's answers, a
/// role-play's path (replayed and scored by the server), a survey. `201` when stored; the
/// same `id` again answers `200` with the first result and stores nothing.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/attempts", tag = "learning",
    request_body(content = AttemptSubmission, content_type = "application/json"),
    responses((status = 201, body = shared::learning::AttemptResult), (status = 200, body = shared::learning::AttemptResult),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn submit(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    mut body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let cohort = parse_id(&id)?;
    let value = std::mem::take(&mut body.value);
    let field = |name: &str| {
        body.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let submission = match body.kind {
        BodyKind::Json => Submission::Json(serde_json::from_value(value).map_err(|e| {
            ApiError::invalid(
                Message::BodyNotValid {
                    detail: e.to_string(),
                },
                Vec::new(),
            )
        })?),
        BodyKind::Form => Submission::Form {
            id: field("attempt_id")
                .and_then(|v| uuid::Uuid::parse_str(&v).ok())
                .ok_or_else(|| ApiError::invalid(Message::NoAttemptId, Vec::new()))?,
            activity: field("activity").unwrap_or_default(),
            fields: body.fields.clone(),
            client_at: None,
        },
    };
    let activity = match &submission {
        Submission::Json(input) => input.activity.clone(),
        Submission::Form { activity, .. } => activity.clone(),
    };
    let page = Page::LearnActivity(cohort, activity.clone()).path();
    match attempts::submit(
        &state.db,
        &user.0.actor,
        cohort,
        submission,
        attempts::Origin::Online,
    )
    .await
    {
        Ok((result, _)) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(&format!(
            "{page}?attempt={}",
            result.id
        ))),
        Ok((result, true)) => Ok(HttpResponse::Created().json(result)),
        Ok((result, false)) => Ok(HttpResponse::Ok().json(result)),
        Err(e) => {
            // Written answers sent from a form are never lost to a refusal: they are kept as
            // the draft the page shows again.
            if body.kind == BodyKind::Form && matches!(e, AttemptError::Invalid(_)) {
                let answers: Vec<String> = body
                    .fields
                    .iter()
                    .filter(|(n, _)| n == "answers")
                    .map(|(_, v)| v.clone())
                    .collect();
                if !answers.is_empty() {
                    let _ =
                        drafts::save_answers(&state.db, &user.0.actor, cohort, &activity, &answers)
                            .await;
                }
            }
            body.reject_with_detail(ApiError::from(e), &page, &[])
        }
    }
}

/// One attempt: to its learner and the cohort's staff.
#[utoipa::path(get, path = "/api/v1/attempts/{id}", tag = "learning",
    responses((status = 200, body = shared::learning::AttemptResult), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn attempt(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let result = attempts::get(&state.db, &user.0.actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(result))
}
