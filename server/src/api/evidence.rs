//! Competency evidence over the API: importing results from paper tests and earlier
//! systems, voiding a wrong record, and rating rounds (forms, peer invitations, the inbox).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use shared::Message;
use shared::evidence::Phase;
use shared::evidence::import::EvidenceImport;
use shared::evidence::rating::{PeerInvitation, RatingSubmission};
use shared::outcome::Outcome;
use shared::page::Address;
use shared::page::Page;
use uuid::Uuid;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::evidence::{self};
use crate::services::ratings::{self, inbox, peers};
use crate::services::users::import_drafts;
use crate::startup::AppState;

/// The import form's extra field: a draft kept between preview and confirmation.
#[derive(Debug, Deserialize)]
pub struct ImportBody {
    #[serde(flatten)]
    pub import: EvidenceImport,
    #[serde(default, deserialize_with = "shared::form::optional_id")]
    pub draft_id: Option<Uuid>,
}

/// Imports evidence from CSV (see `shared::evidence::import` for the columns). Every row is
/// checked first and every problem reported with its line. A dry run answers what would be
/// added; otherwise the file is accepted as a job (`202`, `Location: /api/v1/jobs/{id}`) that
/// stores all rows in one transaction, or none. Forms preview first, keeping the pasted text
/// as a draft until it is confirmed.
#[utoipa::path(post, path = "/api/v1/evidence/import", tag = "evidence",
    request_body(content = EvidenceImport, content_type = "application/json"),
    responses(
        (status = 200, description = "Dry run: what would be added", body = shared::evidence::import::EvidenceImportReport),
        (status = 202, description = "Accepted as a job; follow it at its `Location`", body = shared::jobs::Job),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody)))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<ImportBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let request = &body.value;
    let csv = match request.draft_id {
        Some(draft) => import_drafts::load(&state.db, actor.me.id, draft)
            .await?
            .ok_or_else(|| ApiError::not_found(Message::DraftGone))?,
        None => request.import.csv.clone(),
    };
    if body.kind == BodyKind::Json {
        if request.import.dry_run {
            let report = evidence::import::preview(&state.db, actor, &csv).await?;
            return Ok(HttpResponse::Ok().json(report));
        }
        let job = evidence::import::accept(&state.db, actor, &csv).await?;
        return Ok(super::jobs::accepted(&job));
    }
    let page = Page::SuperviseEvidenceImport;
    let at = |what: &str, id: uuid::Uuid| page.address().with(what, id).to_string();
    let draft = match request.draft_id {
        Some(draft) => draft,
        None => import_drafts::save(&state.db, actor.me.id, csv.clone()).await?,
    };
    if request.import.dry_run {
        return Ok(Submitted::<()>::see_other(&at("draft", draft)));
    }
    match evidence::import::accept(&state.db, actor, &csv).await {
        Ok(job) => {
            import_drafts::delete(&state.db, actor.me.id, draft).await?;
            Ok(Submitted::<()>::see_other(&at("job", job.id)))
        }
        Err(e) => body.reject(ApiError::from(e), &at("draft", draft), &[]),
    }
}

/// Where a form post returns: its `back` field when that is a supervision page (never an
/// outside address), else `fallback`.
pub fn back_to(fields: &[(String, String)], fallback: Page) -> Address {
    fields
        .iter()
        .find(|(name, _)| name == "back")
        .map(|(_, v)| crate::services::preferences::safe_return_path(Some(v)))
        .filter(|v| v.starts_with("/supervise/"))
        .map_or_else(|| fallback.address(), Address::new)
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct VoidRequest {
    /// Why it no longer counts.
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

/// Voids one piece of evidence: it stays on record, marked, and stops counting.
#[utoipa::path(post, path = "/api/v1/evidence/{id}/void", tag = "evidence",
    request_body(content = VoidRequest, content_type = "application/json"),
    responses((status = 204, description = "Voided"), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, body = shared::ErrorBody)))]
pub async fn void(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<VoidRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let back = back_to(&body.fields, Page::Supervise);
    match evidence::void(&state.db, &user.0.actor, id, &body.value.reason).await {
        Ok(()) => Ok(body.respond_done(&back.clone().outcome(Outcome::Voided).to_string())),
        Err(e) => body.reject_with_detail(ApiError::from(e), &back.to_string(), &[]),
    }
}

/// Rates a learner of a cohort: one level per competency, as self, supervisor, lecturer or
/// invited peer. Sending the same form again stores nothing new.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/ratings", tag = "evidence",
    request_body(content = RatingSubmission, content_type = "application/json"),
    responses((status = 200, body = shared::answers::RatingsAdded), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn rate(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<RatingSubmission>,
) -> Result<HttpResponse, ApiError> {
    let cohort = parse_id(&id)?;
    let mut submission = body.value.clone();
    let page = Page::Rating(
        cohort,
        submission.learner,
        submission.phase.code().to_owned(),
    )
    .path();
    let result = match ratings::read_form_levels(&mut submission, &body.fields) {
        Ok(()) => ratings::submit(&state.db, &user.0.actor, cohort, &submission).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(added) => Ok(body.respond(
            &shared::answers::RatingsAdded { added },
            &Page::Inbox.after(Outcome::Rated).to_string(),
        )),
        Err(e) => body.reject_with_detail(ApiError::from(e), &page, &[]),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormQuery {
    pub cohort: Uuid,
    pub learner: Uuid,
    pub phase: Phase,
}

/// The rating form for a learner of a cohort in a phase (what a page shows).
#[utoipa::path(get, path = "/api/v1/ratings/form", tag = "evidence", params(FormQuery),
    responses((status = 200, body = shared::evidence::rating::RatingForm),
        (status = 404, body = shared::ErrorBody)))]
pub async fn form(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<FormQuery>,
) -> Result<HttpResponse, ApiError> {
    let form = ratings::form(
        &state.db,
        &user.0.actor,
        query.cohort,
        query.learner,
        query.phase,
        None,
    )
    .await?;
    Ok(HttpResponse::Ok().json(form))
}

/// Invites a colleague to rate a learner in a phase.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/peer-invitations", tag = "evidence",
    request_body(content = PeerInvitation, content_type = "application/json"),
    responses((status = 204, description = "Invited"), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn invite(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<PeerInvitation>,
) -> Result<HttpResponse, ApiError> {
    let cohort = parse_id(&id)?;
    match peers::invite(&state.db, &user.0.actor, cohort, &body.value).await {
        Ok(()) => Ok(body.respond_done(&Page::Inbox.after(Outcome::Invited).to_string())),
        Err(e) => body.reject_with_detail(ApiError::from(e), &Page::Inbox.path(), &["peer"]),
    }
}

/// The ratings waiting for the signed-in person.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "evidence",
    responses((status = 200, body = shared::evidence::rating::Inbox),
        (status = 401, body = shared::ErrorBody)))]
pub async fn my_inbox(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    let found = inbox::inbox(&state.db, &user.0.actor).await?;
    Ok(HttpResponse::Ok().json(found))
}
