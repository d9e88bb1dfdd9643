//! Sign-in, refresh, sign-out, who am I, change password. Each write accepts JSON (API
//! clients, islands) and form posts (pages without scripts), which are answered with a
//! redirect to the page that shows the outcome.

use shared::Message;
use shared::page::Page;
use shared::{FieldProblem, Problem};
use std::net::IpAddr;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use serde::Deserialize;
use shared::ErrorCode;
use shared::auth::{ChangePasswordRequest, Me, REFRESH_COOKIE, RefreshRequest, SignInRequest};

use crate::auth::device::{self, DEVICE_COOKIE};
use crate::auth::refresh_token;
use crate::entities::session;
use crate::http::authenticate::{Authenticated, CurrentUser};
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::http::{client, cookies};
use crate::services::preferences::safe_return_path;
use crate::services::sessions::{self, SessionError};
use crate::startup::AppState;

fn login_page(query: &[(&str, &str)]) -> String {
    query
        .iter()
        .fold(Page::Login.address(), |page, (name, value)| {
            page.with(name, value)
        })
        .to_string()
}

fn client_address(req: &HttpRequest, trusted: &[IpAddr]) -> String {
    client::address(req.peer_addr().map(|a| a.ip()), req.headers(), trusted)
}

fn user_agent(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(200).collect())
}

/// Sign in with a username and password.
#[utoipa::path(post, path = "/api/v1/auth/sign-in", tag = "auth",
    request_body(content = SignInRequest, content_type = "application/json",
        description = "Also accepted as a form post, answered with a redirect."),
    responses(
        (status = 200, description = "Signed in; tokens in the body and as HttpOnly cookies", body = shared::auth::TokenPair),
        (status = 401, description = "Wrong username or password", body = shared::ErrorBody),
        (status = 429, description = "Too many failures; see Retry-After", body = shared::ErrorBody),
    ))]
pub async fn sign_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Submitted<SignInRequest>,
) -> Result<HttpResponse, ApiError> {
    let form = &body.value;
    let device_cookie = req.cookie(DEVICE_COOKIE);
    let device_cookie = device_cookie.as_ref().map(|c| c.value());
    let key = state.signing_key.expose();
    let device = device::device_for(key, device_cookie, &form.username);
    let outcome = sessions::sign_in(
        &state.sessions(),
        &form.username,
        &form.password,
        &client_address(&req, &state.trusted_proxies),
        device.as_deref(),
        user_agent(&req),
    )
    .await;
    let back = safe_return_path(form.return_to.as_deref());
    match (outcome, body.kind) {
        (Ok(issued), _) => {
            let mut response = body.respond(&issued.tokens, &back);
            cookies::set_session(&mut response, &issued, state.secure_cookies);
            let remembered = device::remember(key, device_cookie, &form.username);
            cookies::set_device(&mut response, remembered, state.secure_cookies);
            Ok(response)
        }
        (Err(SessionError::InvalidCredentials), BodyKind::Form) => {
            Ok(Submitted::<()>::see_other(&login_page(&[
                ("error", "credentials"),
                ("return_to", &back),
            ])))
        }
        (Err(SessionError::Throttled(secs)), BodyKind::Form) => {
            Ok(Submitted::<()>::see_other(&login_page(&[
                ("error", "throttled"),
                ("wait", &secs.to_string()),
                ("return_to", &back),
            ])))
        }
        (Err(e), _) => Err(ApiError::from(e)),
    }
}

/// Exchange a refresh token (body, or the browser's cookie) for a new pair. The old refresh
/// token stops working; presenting it again later ends the whole session.
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    request_body(content = RefreshRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "New tokens", body = shared::auth::TokenPair),
        (status = 401, description = "The refresh token is not valid", body = shared::ErrorBody),
    ))]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Submitted<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let from_cookie = body.value.refresh_token.is_none();
    let token = match body.value.refresh_token.clone() {
        Some(token) => token,
        None => req
            .cookie(REFRESH_COOKIE)
            .map(|c| c.value().to_owned())
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, Message::NoRefreshToken))?,
    };
    match sessions::refresh(&state.sessions(), &token, user_agent(&req)).await {
        Ok(issued) => {
            let mut response = HttpResponse::Ok().json(&issued.tokens);
            if from_cookie {
                cookies::set_session(&mut response, &issued, state.secure_cookies);
            }
            Ok(response)
        }
        Err(e) => Err(ApiError::from(e)),
    }
}

/// A body with nothing in it but, for forms, the form token.
#[derive(Debug, Clone, Deserialize)]
pub struct NoFields {}

/// End this session: its access and refresh tokens stop working at once.
#[utoipa::path(post, path = "/api/v1/auth/sign-out", tag = "auth",
    responses((status = 200, description = "Signed out (also when already signed out)", body = shared::answers::SignedOut)))]
pub async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Submitted<NoFields>,
) -> Result<HttpResponse, ApiError> {
    let family = req
        .extensions()
        .get::<Authenticated>()
        .map(|auth| auth.actor.session);
    let family = match (family, req.cookie(REFRESH_COOKIE)) {
        (Some(family), _) => Some(family),
        (None, Some(cookie)) => {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            session::Entity::find()
                .filter(session::Column::TokenHash.eq(refresh_token::hash(cookie.value())))
                .one(&state.db)
                .await?
                .map(|row| row.family_id)
        }
        (None, None) => None,
    };
    if let Some(family) = family {
        sessions::revoke_family(&state.db, family).await?;
    }
    let mut response = body.respond(
        &shared::answers::SignedOut { signed_out: true },
        &login_page(&[("signed_out", "1")]),
    );
    cookies::clear_session(&mut response, state.secure_cookies);
    // The browser drops what it cached of this person's pages (Back included). The offline
    // copies and the queue are the service worker's to clear (docs/OFFLINE.md).
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("clear-site-data"),
        actix_web::http::header::HeaderValue::from_static("\"cache\""),
    );
    Ok(response)
}

/// The key this device's offline queue is locked with while you are signed in. A device
/// forgets it at sign-out, so work still waiting there stays unreadable to the next person
/// and is sent when you sign in on it again.
#[utoipa::path(get, path = "/api/v1/auth/queue-key", tag = "auth",
    responses(
        (status = 200, body = shared::auth::QueueKey),
        (status = 401, description = "Not signed in", body = shared::ErrorBody),
    ))]
pub async fn queue_key(state: web::Data<AppState>, user: CurrentUser) -> HttpResponse {
    let key = device::queue_key(state.signing_key.expose(), user.0.actor.me.id);
    HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(shared::auth::QueueKey { key })
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses(
        (status = 200, body = Me),
        (status = 401, description = "Not signed in", body = shared::ErrorBody),
    ))]
pub async fn me(user: CurrentUser) -> HttpResponse {
    HttpResponse::Ok().json(&user.0.actor.me)
}

/// Change your own password; your other sessions end.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth",
    request_body(content = ChangePasswordRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Changed", body = shared::answers::PasswordChanged),
        (status = 400, description = "The current password is wrong or the new one is not allowed", body = shared::ErrorBody),
        (status = 401, description = "Not signed in", body = shared::ErrorBody),
    ))]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let outcome = sessions::change_password(
        &state.sessions(),
        actor.me.id,
        actor.session,
        &body.value.current_password,
        &body.value.new_password,
    )
    .await;
    match (outcome, body.kind) {
        (Ok(()), _) => Ok(body.respond(
            &shared::answers::PasswordChanged { changed: true },
            &Page::Profile.address().with("changed", 1).to_string(),
        )),
        (Err(SessionError::InvalidCredentials), BodyKind::Form) => Ok(Submitted::<()>::see_other(
            &Page::Profile.address().with("error", "current").to_string(),
        )),
        (Err(SessionError::WeakPassword(_)), BodyKind::Form) => Ok(Submitted::<()>::see_other(
            &Page::Profile.address().with("error", "new").to_string(),
        )),
        (Err(SessionError::InvalidCredentials), BodyKind::Json) => Err(ApiError::invalid(
            Message::CurrentPasswordWrong,
            vec![FieldProblem::new(
                "current_password",
                Problem::WrongPassword,
            )],
        )),
        (Err(e), _) => Err(ApiError::from(e)),
    }
}

#[cfg(test)]
mod tests {
    use actix_web::ResponseError;

    use super::*;

    #[test]
    fn a_busy_hasher_is_503_with_retry_after() {
        let response = ApiError::from(SessionError::Password(
            crate::services::passwords::PasswordError::Busy,
        ))
        .error_response();
        assert_eq!(response.status().as_u16(), 503);
        assert_eq!(
            response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("3")
        );
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        use actix_web::test::TestRequest;
        let proxy: IpAddr = [10, 0, 0, 2].into();
        let request = |peer: &str| {
            TestRequest::default()
                .peer_addr(peer.parse().unwrap())
                .insert_header(("x-forwarded-for", "6.6.6.6, 203.0.113.7"))
                .to_http_request()
        };
        // Behind the proxy: the nearest untrusted hop, not the forgeable left-most one.
        assert_eq!(
            client_address(&request("10.0.0.2:5000"), &[proxy]),
            "203.0.113.7"
        );
        // Not from the proxy: the header is ignored.
        assert_eq!(
            client_address(&request("198.51.100.9:5000"), &[proxy]),
            "198.51.100.9"
        );
        assert_eq!(client_address(&request("10.0.0.2:5000"), &[]), "10.0.0.2");
    }

    #[test]
    fn throttling_is_429_with_the_wait() {
        let response = ApiError::from(SessionError::Throttled(42)).error_response();
        assert_eq!(response.status().as_u16(), 429);
        assert_eq!(
            response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("42")
        );
    }
}
