//! One structured log line per request (method, path, status, duration, request id), and
//! the request's figures for `/metrics`.
//!
//! The request id joins this server's log with the proxy's: a trusted proxy's
//! `X-Request-Id` is kept (nginx sends `$request_id`), otherwise one is made; it is on every
//! log line written while the request is served (a `tracing` span) and in the response's
//! `X-Request-Id`, so a cadre reporting a problem can quote it.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use tracing::Instrument;

use crate::startup::AppState;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The documented path of the API resource that served a request (its data), so the
/// figures name the route without matching the path against every route a second time.
pub struct RoutePattern(pub String);

/// A request id sent by a proxy is kept only if it is this plain: nothing a log reader
/// could mistake for another field.
fn plain(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn request_id(req: &ServiceRequest, state: Option<&AppState>) -> String {
    let from_proxy = req
        .peer_addr()
        .zip(state)
        .is_some_and(|(peer, state)| state.trusted_proxies.contains(&peer.ip()));
    from_proxy
        .then(|| req.headers().get(&REQUEST_ID)?.to_str().ok())
        .flatten()
        .filter(|id| plain(id))
        .map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_owned)
}

pub async fn log(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let id = request_id(&req, state.as_ref().map(|s| s.get_ref()));
    let method = req.method().clone();
    let path = req.path().to_owned();
    let span = tracing::info_span!("request", id = %id);
    let mut res = next.call(req).instrument(span.clone()).await?;
    let status = res.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    let elapsed_ms = seconds * 1000.0;
    span.in_scope(|| {
        if status >= 500 {
            tracing::error!(%method, %path, status, elapsed_ms, "request");
        } else {
            tracing::info!(%method, %path, status, elapsed_ms, "request");
        }
    });
    if let Some(state) = state {
        let request = res.request();
        let matched = match request.app_data::<RoutePattern>() {
            Some(pattern) => Some(std::borrow::Cow::Borrowed(pattern.0.as_str())),
            None => request.match_pattern().map(std::borrow::Cow::Owned),
        };
        let route = matched.as_deref().unwrap_or("unmatched");
        state
            .metrics
            .request(method.as_str(), route, status, seconds);
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn only_plain_request_ids_are_kept() {
        assert!(plain("9f2c4a1b0e3d4c5b8a7f6e5d4c3b2a19"));
        assert!(plain("a-b_c"));
        assert!(!plain(""));
        assert!(!plain("id\" status=200"));
        assert!(!plain(&"x".repeat(65)));
    }
}
