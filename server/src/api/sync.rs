//! The device's queue of offline work comes back through one endpoint, in batches.

use actix_web::{HttpResponse, web};
use shared::Message;
use shared::sync::{SyncBatch, SyncReport, SyncResult, SyncStatus};

use super::parse_id;
use crate::http::assets::StaticAssets;
use crate::http::authenticate::CurrentUser;
use crate::http::error::ApiError;
use crate::services::attempts::AttemptError;
use crate::services::offline;
use crate::services::sync::{self, Applied};
use crate::startup::AppState;

/// Applies a batch of work done offline (up to 50 items) and answers for each item, in
/// order: `accepted`, `duplicate` (the id was applied before; nothing changed) or
/// `rejected` with the reason. Attempts are graded here and come back with their results.
/// A failure of the database answers 503 for the whole batch: the items applied before it
/// are duplicates when the batch is sent again.
#[utoipa::path(post, path = "/api/v1/sync", tag = "learning",
    request_body(content = SyncBatch, content_type = "application/json"),
    responses((status = 200, body = SyncReport), (status = 400, body = shared::ErrorBody),
        (status = 401, body = shared::ErrorBody), (status = 503, body = shared::ErrorBody)))]
pub async fn sync(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
    body: crate::http::body::JsonBody<SyncBatch>,
) -> Result<HttpResponse, ApiError> {
    sync::check_size(&body)?;
    let actor = &user.0.actor;
    let locale = crate::http::locale::of_request(&req);
    let mut results = Vec::with_capacity(body.items.len());
    for item in &body.items {
        let result = match sync::apply(&state.db, actor, item).await {
            Ok(Applied::New(attempt)) => answer(item.id, SyncStatus::Accepted, attempt),
            Ok(Applied::Again(attempt)) => answer(item.id, SyncStatus::Duplicate, attempt),
            Ok(Applied::Superseded) => SyncResult {
                reason: Some(Message::Superseded.word(locale)),
                ..answer(item.id, SyncStatus::Accepted, None)
            },
            Err(e @ (AttemptError::Database(_) | AttemptError::Encoding(_))) => {
                return Err(ApiError::from(e));
            }
            Err(refused) => {
                let error = ApiError::from(refused);
                SyncResult {
                    reason: Some(error.summary(locale)),
                    code: Some(error.code()),
                    ..answer(item.id, SyncStatus::Rejected, None)
                }
            }
        };
        results.push(result);
    }
    state
        .metrics
        .sync_batch(results.iter().map(|r| match r.status {
            SyncStatus::Accepted => "accepted",
            SyncStatus::Duplicate => "duplicate",
            SyncStatus::Rejected => "rejected",
        }));
    Ok(HttpResponse::Ok().json(SyncReport { results }))
}

fn answer(
    id: uuid::Uuid,
    status: SyncStatus,
    attempt: Option<Box<shared::learning::AttemptResult>>,
) -> SyncResult {
    SyncResult {
        id,
        status,
        reason: None,
        code: None,
        attempt: attempt.map(|a| *a),
    }
}

/// What saving the class's course for offline use downloads: pages and assets with their
/// sizes, and the course version (a saved copy of another version is out of date).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/offline", tag = "learning",
    responses((status = 200, body = shared::sync::OfflinePackage), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn offline_package(
    state: web::Data<AppState>,
    assets: web::Data<StaticAssets>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let package = offline::package(
        &state.db,
        &user.0.actor,
        parse_id(&id)?,
        assets.offline_files(),
    )
    .await?;
    state.metrics.package_served();
    Ok(HttpResponse::Ok().json(package))
}
