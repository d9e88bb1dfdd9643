//! Security headers on every response. Pages set their own Content-Security-Policy with
//! the per-request script nonce (see `pages.rs`); everything else gets a locked-down one.
//! In production, HSTS.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// The policy for HTML pages: only our own assets, scripts only with this request's nonce
/// (the hydration bootstrap), and wasm compilation for the islands.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

const DEFAULT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

pub async fn add(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let production = req
        .app_data::<actix_web::web::Data<crate::startup::AppState>>()
        .is_some_and(|state| state.secure_cookies);
    let mut res = next.call(req).await?;
    // A 304 must not replace the policy stored with the cached page (see `etag.rs`).
    let not_modified = res.status() == actix_web::http::StatusCode::NOT_MODIFIED;
    let headers = res.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if production {
        // Production is served over HTTPS only (docs/SECURITY.md): browsers refuse plain
        // HTTP to this host for a year, so a hostile network cannot strip TLS.
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !not_modified && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_POLICY),
        );
    }
    Ok(res)
}
