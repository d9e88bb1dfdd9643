//! `POST /api/v1/preferences/locale`: the language switch. Works as a plain form post
//! (redirects back) and as JSON.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpResponse, web};
use shared::locale::LOCALE_COOKIE;
use shared::preferences::{LocaleChoice, LocaleChosen};

use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::preferences::choose_locale;
use crate::startup::AppState;

/// Choose the interface language; it is remembered in a cookie for a year.
#[utoipa::path(post, path = "/api/v1/preferences/locale", tag = "preferences",
    request_body(content = LocaleChoice, content_type = "application/json",
        description = "Also accepted as an application/x-www-form-urlencoded form post."),
    responses(
        (status = 200, description = "JSON request: the language chosen", body = LocaleChosen),
        (status = 303, description = "Form post: back to `return_to`"),
        (status = 400, description = "Unknown language", body = shared::ErrorBody),
        (status = 415, description = "Neither JSON nor a form", body = shared::ErrorBody),
    ))]
pub async fn set_locale(
    state: web::Data<AppState>,
    body: Submitted<LocaleChoice>,
) -> Result<HttpResponse, ApiError> {
    let (locale, back) = choose_locale(&body.value)
        .map_err(|e| ApiError::invalid("Choose vi or en.", vec![e.field()]))?;
    let cookie = Cookie::build(LOCALE_COOKIE, locale.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.secure_cookies)
        .finish();
    let mut response = body.respond(&LocaleChosen { locale }, &back);
    response
        .add_cookie(&cookie)
        .map_err(|e| ApiError::internal(&e))?;
    Ok(response)
}
