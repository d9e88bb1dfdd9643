//! Cross-site request forgery defence for browser writes:
//! 1. every unsafe request without a Bearer token must come from this site: the browser's
//!    `Sec-Fetch-Site` says so, or, for browsers that do not send it, `Origin` matches the
//!    `Host` (a forwarded host is believed only from `server.trusted_proxies`);
//! 2. a form post made with session cookies carries the session's signed form token
//!    (checked where the body is read, in `body.rs`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use shared::Message;

use super::client;
use super::error::ApiError;

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// `Some(reason)` when the request must be refused as cross-site.
fn cross_site(req: &ServiceRequest) -> Option<&'static str> {
    let headers = req.headers();
    if headers.contains_key(header::AUTHORIZATION) {
        return None;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return (!matches!(site, "same-origin" | "none")).then_some("sec-fetch-site");
    }
    let origin = headers.get(header::ORIGIN)?.to_str().unwrap_or("null");
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    let trusted = req
        .app_data::<actix_web::web::Data<crate::startup::AppState>>()
        .map(|state| state.trusted_proxies.clone())
        .unwrap_or_default();
    let peer = req.peer_addr().map(|a| a.ip());
    let host = client::host(peer, headers, &req.connection_info(), &trusted)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    (host.is_none() || origin_host != host.as_deref()).then_some("origin")
}

pub async fn check_origin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if is_unsafe(req.method())
        && let Some(reason) = cross_site(&req)
    {
        tracing::warn!(path = %req.path(), reason, "cross-site write refused");
        let response = ApiError::forbidden(Message::CrossSite).response_for(req.request());
        return Ok(req.into_response(response));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
