//! `POST /api/v1/preferences/locale`: the language switch. Works as a plain form post
//! (redirects back) and as JSON.

use actix_web::{HttpResponse, web};
use shared::preferences::{LocaleChoice, LocaleChosen};

use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::cookies;
use crate::http::error::ApiError;
use crate::services::preferences::{choose_locale, remember_locale};
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
    user: Option<CurrentUser>,
    body: Submitted<LocaleChoice>,
) -> Result<HttpResponse, ApiError> {
    let (locale, back) = choose_locale(&body.value)?;
    if let Some(user) = user {
        remember_locale(&state.db, user.0.actor.me.id, locale).await?;
    }
    let cookie = cookies::locale(locale.code(), state.secure_cookies);
    let mut response = body.respond(&LocaleChosen { locale }, &back);
    response
        .add_cookie(&cookie)
        .map_err(|e| ApiError::internal(&e))?;
    Ok(response)
}
