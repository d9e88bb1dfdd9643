//! What learners do besides submitting: drafts of written answers, role-play steps without
//! scripts, progress events, their progress, and certificates (issued to the learner,
//! verified by anyone).

use actix_web::{HttpRequest, HttpResponse, web};
use shared::Locale;
use shared::answers::PlayState;
use shared::learning::{AnswerCheck, CheckedAnswer, DraftAnswers, EventBatch, PlayStep};
use shared::locale::LOCALE_COOKIE;
use shared::outcome::Outcome;
use shared::page::Page;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::attempts;
use crate::services::certificates::{self};
use crate::services::cohorts;
use crate::services::courses::locale_of;
use crate::services::plays::{self, Stepped};
use crate::services::policy::CohortAction;
use crate::services::{drafts, markdown, progress};
use crate::startup::AppState;

/// Saves a case study's written answers as a draft (replacing the previous one).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/drafts/{activity}", tag = "learning",
    request_body(content = DraftAnswers, content_type = "application/json"),
    responses((status = 204, description = "Saved"), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn save_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<DraftAnswers>,
) -> Result<HttpResponse, ApiError> {
    let (cohort, activity) = path.into_inner();
    let cohort = parse_id(&cohort)?;
    let page = Page::LearnActivity(cohort, activity.clone());
    match drafts::save_answers(
        &state.db,
        &user.0.actor,
        cohort,
        &activity,
        &body.value.answers,
    )
    .await
    {
        Ok(()) => Ok(body.respond_done(&page.after(Outcome::DraftSaved).to_string())),
        Err(e) => body.reject_with_detail(ApiError::from(e), &page.path(), &[]),
    }
}

/// One choice in a role-play played without scripts (or `restart`). JSON gets the state:
/// `moved`, `stale` (the page was out of date; nothing changed) or `ended` with the attempt.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/plays/{activity}", tag = "learning",
    request_body(content = PlayStep, content_type = "application/json"),
    responses((status = 200, body = shared::answers::PlayState),
        (status = 400, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, body = shared::ErrorBody)))]
pub async fn play_step(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<PlayStep>,
) -> Result<HttpResponse, ApiError> {
    let (cohort, activity) = path.into_inner();
    let cohort = parse_id(&cohort)?;
    let page = Page::LearnActivity(cohort, activity.clone());
    match plays::step(&state.db, &user.0.actor, cohort, &activity, &body.value).await {
        Ok(Stepped::Moved) => Ok(body.respond(&PlayState::Moved, &page.path())),
        Ok(Stepped::Stale) => Ok(body.respond(
            &PlayState::Stale,
            &page.address().with("notice", "stale").to_string(),
        )),
        Ok(Stepped::Ended(attempt)) => Ok(body.respond(
            &PlayState::Ended { attempt },
            &page.address().with("attempt", attempt).to_string(),
        )),
        Err(e) => body.reject_with_detail(ApiError::from(e), &page.path(), &[]),
    }
}

/// Checks one answer of a quiz that gives feedback after each question (the page's island
/// sends the quiz form with `question`). Always answers JSON; nothing is stored.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/checks/{activity}", tag = "learning",
    request_body(content = AnswerCheck, content_type = "application/json"),
    responses((status = 200, body = shared::learning::CheckedAnswer), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody), (status = 409, body = shared::ErrorBody)))]
pub async fn check_answer(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: Submitted<AnswerCheck>,
) -> Result<HttpResponse, ApiError> {
    let (cohort, activity) = path.into_inner();
    let actor = &user.0.actor;
    let answer = match body.kind {
        BodyKind::Json => attempts::Answer::Response(body.value.response.clone()),
        BodyKind::Form => attempts::Answer::Form(body.fields.clone()),
    };
    let question = body.value.question.clone();
    let (grade, feedback) = attempts::check(
        &state.db,
        actor,
        parse_id(&cohort)?,
        &activity,
        &question,
        answer,
    )
    .await?;
    let locale = req
        .cookie(LOCALE_COOKIE)
        .and_then(|c| Locale::from_code(c.value()))
        .unwrap_or_else(|| locale_of(actor));
    Ok(HttpResponse::Ok().json(CheckedAnswer {
        question,
        score: grade.score,
        correct: grade.correct,
        feedback_html: feedback.map(|f| markdown::render(f.get(locale))),
    }))
}

/// Records progress events (page views, positions, time) in a batch; ids already recorded
/// are counted as duplicates and change nothing.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/events", tag = "learning",
    request_body(content = EventBatch, content_type = "application/json"),
    responses((status = 200, body = shared::learning::EventReport), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn events(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: crate::http::body::JsonBody<EventBatch>,
) -> Result<HttpResponse, ApiError> {
    let report = progress::record(&state.db, &user.0.actor, parse_id(&id)?, &body).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// The viewer's progress in a cohort they study in.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/progress", tag = "learning",
    responses((status = 200, body = shared::progress::CourseProgress), (status = 404, body = shared::ErrorBody)))]
pub async fn my_progress(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let cohort = cohorts::load(&state.db, actor, parse_id(&id)?, CohortAction::Study).await?;
    let package = attempts::package_of(&state.db, &cohort).await?;
    let progress = progress::of_learner(&state.db, &cohort, &package, actor.me.id).await?;
    Ok(HttpResponse::Ok().json(progress))
}

/// Issues the viewer's certificate for a cohort whose course they completed (once; asking
/// again answers the same code).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/certificate", tag = "learning",
    responses((status = 200, body = shared::answers::CertificateIssued), (status = 404, body = shared::ErrorBody),
        (status = 409, body = shared::ErrorBody)))]
pub async fn issue_certificate(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let cohort = parse_id(&id)?;
    match certificates::issue(&state.db, &user.0.actor, cohort).await {
        Ok(code) => Ok(body.respond(
            &shared::answers::CertificateIssued { code },
            &Page::Certificate(cohort).path(),
        )),
        Err(e) => body.reject(ApiError::from(e), &Page::Learn(cohort).path(), &[]),
    }
}

/// A certificate by its code: public, for anyone checking one.
#[utoipa::path(get, path = "/api/v1/certificates/{code}", tag = "learning",
    responses((status = 200, body = shared::learning::Certificate), (status = 404, body = shared::ErrorBody)))]
pub async fn verify(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = certificates::verify(&state.db, &code).await?;
    Ok(HttpResponse::Ok().json(found))
}
