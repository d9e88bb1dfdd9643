//! The session cookies: HttpOnly, SameSite=Lax, Secure outside development.

use actix_web::HttpResponse;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use chrono::Utc;
use shared::auth::{ACCESS_COOKIE, REFRESH_COOKIE, WHO_COOKIE};

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
    // Who is signed in, for the service worker (not HttpOnly; an id, not a credential).
    let mut who = build(WHO_COOKIE, issued.user.to_string(), refresh_secs, secure);
    who.set_http_only(false);
    let language = issued.locale.as_deref().map(|code| locale(code, secure));
    for cookie in cookies.into_iter().chain([who]).chain(language) {
        if let Err(e) = response.add_cookie(&cookie) {
            tracing::error!(error = %e, "could not set a session cookie");
        }
    }
}

/// The cookie that remembers the interface language (read by the server only).
pub fn locale(code: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(shared::locale::LOCALE_COOKIE, code.to_owned())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(secure)
        .finish()
}

/// The device cookie (`auth/device.rs`): kept a year, sent only to the sign-in endpoint,
/// and kept at sign-out (it names nobody and only eases that account's own throttle).
pub fn set_device(response: &mut HttpResponse, value: String, secure: bool) {
    let cookie = Cookie::build(crate::auth::device::DEVICE_COOKIE, value)
        .path("/api/v1/auth/sign-in")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(Duration::days(365))
        .finish();
    if let Err(e) = response.add_cookie(&cookie) {
        tracing::error!(error = %e, "could not set the device cookie");
    }
}

/// Removes the session cookies.
pub fn clear_session(response: &mut HttpResponse, secure: bool) {
    for name in [ACCESS_COOKIE, REFRESH_COOKIE, WHO_COOKIE] {
        if let Err(e) = response.add_cookie(&build(name, String::new(), 0, secure)) {
            tracing::error!(error = %e, "could not clear a session cookie");
        }
    }
}
