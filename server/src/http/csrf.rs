//! Cross-site request forgery defence for browser writes:
//! 1. every unsafe request without a Bearer token must come from this site: the browser's
//!    `Sec-Fetch-Site` says so, or, for browsers that do not send it, `Origin` matches;
//! 2. a form post made with session cookies carries the session's signed form token
//!    (checked where the body is read, in `body.rs`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use shared::ErrorCode;

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
    let host = req.connection_info().host().to_owned();
    (origin_host != Some(host.as_str())).then_some("origin")
}

pub async fn check_origin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if is_unsafe(req.method())
        && let Some(reason) = cross_site(&req)
    {
        tracing::warn!(path = %req.path(), reason, "cross-site write refused");
        let error = ApiError::new(
            ErrorCode::Forbidden,
            "This request came from another site and was refused.",
        );
        return Ok(req.error_response(error));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
