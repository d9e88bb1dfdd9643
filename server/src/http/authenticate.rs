//! Authentication, once per request: a Bearer token (API clients) or the session cookies
//! (browsers). An expired access cookie is renewed from the refresh cookie on the fly, so a
//! cadre who submits a form after a long pause is not signed out and loses nothing.
//! Handlers take [`CurrentUser`]; pages read the same [`Authenticated`] from the request.

use shared::Message;
use std::future::{Ready, ready};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use shared::ErrorCode;
use shared::auth::{ACCESS_COOKIE, REFRESH_COOKIE};

use super::cookies;
use super::error::ApiError;
use crate::services::actors::{self, Actor};
use crate::services::sessions::{self, Issued, SessionError};
use crate::startup::AppState;

/// How the request proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthVia {
    Bearer,
    /// Cookies are sent by the browser on its own, so writes need CSRF checks.
    Cookie,
}

/// The authenticated actor of a request, stored in its extensions.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub actor: Actor,
    pub via: AuthVia,
}

#[derive(Default)]
struct Resolution {
    authenticated: Option<Authenticated>,
    issued: Option<Issued>,
    clear_cookies: bool,
}

/// Paths that handle the session cookies themselves.
fn manages_session(path: &str) -> bool {
    matches!(
        path,
        "/api/v1/auth/sign-in" | "/api/v1/auth/refresh" | "/api/v1/auth/sign-out"
    )
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

fn user_agent(req: &HttpRequest) -> Option<String> {
    let ua = req.headers().get(header::USER_AGENT)?.to_str().ok()?;
    Some(ua.chars().take(200).collect())
}

async fn resolve(state: &AppState, req: &HttpRequest) -> Result<Resolution, SessionError> {
    if let Some(token) = bearer(req) {
        let Ok(claims) = state.tokens.verify(&token) else {
            return Ok(Resolution::default());
        };
        let actor = actors::load(&state.db, claims.sub, claims.sid).await?;
        return Ok(Resolution {
            authenticated: actor.map(|actor| Authenticated {
                actor,
                via: AuthVia::Bearer,
            }),
            ..Resolution::default()
        });
    }
    let access = req.cookie(ACCESS_COOKIE);
    let refresh = req.cookie(REFRESH_COOKIE);
    if access.is_none() && refresh.is_none() {
        return Ok(Resolution::default());
    }
    let cookie_auth = |actor: Option<Actor>| {
        actor.map(|actor| Authenticated {
            actor,
            via: AuthVia::Cookie,
        })
    };
    if let Some(claims) = access
        .as_ref()
        .and_then(|c| state.tokens.verify(c.value()).ok())
    {
        let actor = actors::load(&state.db, claims.sub, claims.sid).await?;
        let clear_cookies = actor.is_none();
        return Ok(Resolution {
            authenticated: cookie_auth(actor),
            clear_cookies,
            ..Resolution::default()
        });
    }
    let Some(refresh) = refresh.filter(|_| !manages_session(req.path())) else {
        return Ok(Resolution::default());
    };
    match sessions::refresh(&state.sessions(), refresh.value(), user_agent(req)).await {
        Ok(issued) => {
            let actor = actors::load(&state.db, issued.user, issued.family).await?;
            Ok(Resolution {
                clear_cookies: actor.is_none(),
                authenticated: cookie_auth(actor),
                issued: Some(issued),
            })
        }
        // Another request of this browser rotated the token a moment ago.
        Err(SessionError::Reused { family, user }) => Ok(Resolution {
            authenticated: cookie_auth(actors::load(&state.db, user, family).await?),
            ..Resolution::default()
        }),
        Err(SessionError::InvalidRefresh) => Ok(Resolution {
            clear_cookies: true,
            ..Resolution::default()
        }),
        Err(e) => Err(e),
    }
}

pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let Some(state) = state.filter(|_| !req.path().starts_with("/pkg/")) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let resolution = match resolve(&state, req.request()).await {
        Ok(resolution) => resolution,
        Err(e) => {
            let error = match e {
                SessionError::Database(e) => ApiError::from(e),
                other => ApiError::internal(&other),
            };
            let response = error.response_for(req.request());
            return Ok(req.into_response(response));
        }
    };
    if let Some(authenticated) = resolution.authenticated {
        req.extensions_mut().insert(authenticated);
    }
    let mut res = next.call(req).await?.map_into_boxed_body();
    if let Some(issued) = &resolution.issued {
        cookies::set_session(res.response_mut(), issued, state.secure_cookies);
    } else if resolution.clear_cookies {
        cookies::clear_session(res.response_mut(), state.secure_cookies);
    }
    Ok(res)
}

/// The signed-in user of a request; `401` in the error shape when there is none.
pub struct CurrentUser(pub Authenticated);

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<Authenticated>()
                .cloned()
                .map(CurrentUser)
                .ok_or_else(|| {
                    ApiError::new(ErrorCode::Unauthenticated, Message::SignInToContinue)
                }),
        )
    }
}
