//! The session cookies: HttpOnly, SameSite=Lax, Secure outside development.

use actix_web::HttpResponse;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use chrono::Utc;
use shared::auth::{ACCESS_COOKIE, REFRESH_COOKIE};

use crate::services::sessions::Issued;

fn build(name: &'static str, value: String, max_age_secs: i64, secure: bool) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(Duration::seconds(max_age_secs.max(0)))
        .finish()
}

/// Sets both cookies of a newly issued (or rotated) session.
pub fn set_session(response: &mut HttpResponse, issued: &Issued, secure: bool) {
    let access_secs = i64::try_from(issued.tokens.expires_in).unwrap_or(i64::MAX);
    let refresh_secs = (issued.expires_at - Utc::now()).num_seconds();
    let cookies = [
        build(
            ACCESS_COOKIE,
            issued.tokens.access_token.clone(),
            access_secs,
            secure,
        ),
        build(
            REFRESH_COOKIE,
            issued.tokens.refresh_token.clone(),
            refresh_secs,
            secure,
        ),
    ];
    for cookie in cookies {
        if let Err(e) = response.add_cookie(&cookie) {
            tracing::error!(error = %e, "could not set a session cookie");
        }
    }
}

/// Removes both session cookies.
pub fn clear_session(response: &mut HttpResponse, secure: bool) {
    for name in [ACCESS_COOKIE, REFRESH_COOKIE] {
        if let Err(e) = response.add_cookie(&build(name, String::new(), 0, secure)) {
            tracing::error!(error = %e, "could not clear a session cookie");
        }
    }
}
