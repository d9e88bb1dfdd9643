//! `GET /metrics`: the server's metrics for a Prometheus scraper that sends the configured
//! bearer token (`metrics.token`). Without a configured token the address does not exist
//! (404); a wrong or missing token is a 401. Not part of the API document: it is for the
//! institution's monitoring, not for clients.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};

use crate::metrics::Readings;
use crate::startup::AppState;

/// Whether `given` is the token, compared as digests so the time taken says nothing of
/// how much of it was right.
fn same_token(given: &str, token: &str) -> bool {
    Sha256::digest(given.as_bytes()) == Sha256::digest(token.as_bytes())
}

pub async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let Some(token) = state.metrics_token.as_ref() else {
        return HttpResponse::NotFound().finish();
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|given| same_token(given.trim(), token.expose())) {
        return HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
            .finish();
    }
    let (jobs_queued, jobs_running) = match crate::services::jobs::counts(&state.db).await {
        Ok(counts) => counts,
        Err(e) => {
            tracing::warn!(error = %e, "could not count the jobs for /metrics");
            (0, 0)
        }
    };
    let load = state.passwords.load();
    let pool = state.db.pool_use();
    let readings = Readings {
        hashes_running: load.running,
        hashes_waiting: load.waiting,
        hashes_refused: load.refused,
        db_in_use: pool.in_use,
        db_idle: pool.idle,
        db_max: pool.max,
        hearing: state.db.hears().then(|| state.db.caches.actors.hearing()),
        jobs_queued,
        jobs_running,
        attempt_writes: state.db.caches.attempt_writes.totals(),
    };
    HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(state.metrics.render(&readings))
}

#[cfg(test)]
mod tests {
    use super::same_token;

    #[test]
    fn only_the_whole_token_passes() {
        assert!(same_token("s3cret-scraper-token", "s3cret-scraper-token"));
        assert!(!same_token("s3cret-scraper-toke", "s3cret-scraper-token"));
        assert!(!same_token("", "s3cret-scraper-token"));
    }
}
