//! A request body that may be JSON (islands, offline sync, API clients) or a plain HTML
//! form post (pages with scripts off). Handlers answer JSON with JSON and a form post with
//! a redirect (post/redirect/get) through [`Submitted::respond`].

use shared::Message;
use std::future::Future;
use std::pin::Pin;

use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, dev::Payload, web};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::ErrorCode;

use super::authenticate::{AuthVia, Authenticated};
use super::error::ApiError;
use crate::auth::csrf;
use crate::startup::AppState;
use shared::auth::CSRF_FIELD;

/// The longest typed value sent back in the address of a failed form post.
const MAX_ECHO: usize = 4096;

/// How the client sent its body, and so how it wants the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Form,
}

#[derive(Debug)]
pub struct Submitted<T> {
    pub value: T,
    pub kind: BodyKind,
    /// The raw fields of a form post (empty for JSON), to send back with an error.
    pub fields: Vec<(String, String)>,
    /// The language of the page the form was on, for a problem sent back to it.
    pub locale: shared::Locale,
}

impl<T> Submitted<T> {
    /// A failure: JSON gets the error; a form post goes back to `back` with the error code,
    /// the names of the fields at fault and the submitted values of `echo` (never
    /// passwords), so the page can show the problems and keep what the person typed.
    pub fn reject(
        &self,
        error: ApiError,
        back: &str,
        echo: &[&str],
    ) -> Result<HttpResponse, ApiError> {
        if self.kind == BodyKind::Json {
            return Err(error);
        }
        let mut query: Vec<(String, String)> = vec![
            (
                "error".into(),
                serde_json::to_value(error.code())
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            ),
            ("fields".into(), error.field_names().join(",")),
        ];
        query.extend(
            self.fields
                .iter()
                // Long texts are not echoed: the address would grow past what servers and
                // proxies accept, and the page could not be shown at all.
                .filter(|(name, value)| echo.contains(&name.as_str()) && value.len() <= MAX_ECHO)
                .cloned(),
        );
        let separator = if back.contains('?') { '&' } else { '?' };
        let query = serde_urlencoded::to_string(&query).unwrap_or_default();
        Ok(Self::see_other(&format!("{back}{separator}{query}")))
    }

    /// Like [`Self::reject`], and the page also gets the first problem, worded in its
    /// language, as `detail` (e.g. which line of a text box is wrong).
    pub fn reject_with_detail(
        &self,
        error: ApiError,
        back: &str,
        echo: &[&str],
    ) -> Result<HttpResponse, ApiError> {
        let back = match error.problems().first() {
            Some(problem) if self.kind == BodyKind::Form => {
                let detail = problem.describe(self.locale);
                let query = serde_urlencoded::to_string([("detail", detail)]).unwrap_or_default();
                let separator = if back.contains('?') { '&' } else { '?' };
                format!("{back}{separator}{query}")
            }
            _ => back.to_owned(),
        };
        self.reject(error, &back, echo)
    }

    /// JSON gets `204 No Content`; a form post gets `303 See Other` to `redirect_to`.
    pub fn respond_done(&self, redirect_to: &str) -> HttpResponse {
        match self.kind {
            BodyKind::Json => HttpResponse::NoContent().finish(),
            BodyKind::Form => Self::see_other(redirect_to),
        }
    }

    /// `303 See Other` to `location`, for a form post whose outcome a page shows. Bytes a header may not carry (controls, spaces,
    /// non-ASCII) are percent-encoded, so a location built from typed text or a path always
    /// makes a valid header instead of a failed response.
    pub fn see_other(location: &str) -> HttpResponse {
        let mut safe = String::with_capacity(location.len());
        for byte in location.bytes() {
            if byte.is_ascii_graphic() {
                safe.push(char::from(byte));
            } else {
                safe.push_str(&format!("%{byte:02X}"));
            }
        }
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, safe))
            .finish()
    }

    /// JSON gets `200` with `answer`; a form post gets `303 See Other` to `redirect_to`.
    pub fn respond(&self, answer: &impl Serialize, redirect_to: &str) -> HttpResponse {
        match self.kind {
            BodyKind::Json => HttpResponse::Ok().json(answer),
            BodyKind::Form => Self::see_other(redirect_to),
        }
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Submitted<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let kind = match req.content_type() {
            "application/json" => Some(BodyKind::Json),
            "application/x-www-form-urlencoded" => Some(BodyKind::Form),
            // No body at all (e.g. an API client signing out): an empty JSON object.
            "" => Some(BodyKind::Json),
            _ => None,
        };
        // A form posted with session cookies must carry the session's form token.
        let form_token_check = req
            .extensions()
            .get::<Authenticated>()
            .filter(|auth| auth.via == AuthVia::Cookie)
            .map(|auth| auth.actor.session)
            .zip(req.app_data::<web::Data<AppState>>().cloned());
        let locale = super::locale::of_page(req);
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let kind = kind.ok_or_else(|| {
                ApiError::new(ErrorCode::UnsupportedMediaType, Message::SendJsonOrForm)
            })?;
            let bytes = bytes.await.map_err(unreadable)?;
            let fields: Vec<(String, String)> = match kind {
                BodyKind::Form => serde_urlencoded::from_bytes(&bytes).unwrap_or_default(),
                BodyKind::Json => Vec::new(),
            };
            if let (BodyKind::Form, Some((session, state))) = (kind, &form_token_check) {
                let token = fields
                    .iter()
                    .find(|(name, _)| name == CSRF_FIELD)
                    .map(|(_, v)| v.as_str());
                if !token.is_some_and(|t| csrf::verify(state.signing_key.expose(), *session, t)) {
                    return Err(ApiError::new(ErrorCode::Forbidden, Message::FormExpired));
                }
            }
            let json: &[u8] = if bytes.is_empty() { b"{}" } else { &bytes };
            let value = match kind {
                BodyKind::Json => json_body(json)?,
                BodyKind::Form => serde_html_form::from_bytes(&bytes).map_err(|e| {
                    ApiError::invalid(
                        Message::FormNotValid {
                            detail: e.to_string(),
                        },
                        Vec::new(),
                    )
                })?,
            };
            Ok(Submitted {
                value,
                kind,
                fields,
                locale,
            })
        })
    }
}

/// Why a body could not be read: too large for the route's `PayloadConfig`, or cut off.
fn unreadable(e: actix_web::Error) -> ApiError {
    match e.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) => {
            ApiError::new(ErrorCode::PayloadTooLarge, Message::BodyTooLarge)
        }
        _ => ApiError::invalid(Message::BodyUnreadable, Vec::new()),
    }
}

/// A body that is JSON only (the offline queue, whole drafts, progress events): `415` for
/// any other type; its size limit is the route's `PayloadConfig`.
pub struct JsonBody<T>(pub T);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for JsonBody<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = req.content_type() == "application/json";
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !json {
                return Err(ApiError::new(
                    ErrorCode::UnsupportedMediaType,
                    Message::SendJson,
                ));
            }
            let bytes = bytes.await.map_err(unreadable)?;
            Ok(JsonBody(json_body(&bytes)?))
        })
    }
}

/// A JSON body as `T`. An integer written with a zero fraction (`2.0`) is an integer, as
/// JSON Schema has it, so clients whose JSON libraries write numbers that way are understood.
pub fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let not_valid = |e: serde_json::Error| {
        ApiError::invalid(
            Message::BodyNotValid {
                detail: e.to_string(),
            },
            Vec::new(),
        )
    };
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(not_valid)?;
    // Every body of the API is an object (serde would otherwise read a struct from a list).
    if !value.is_object() {
        return Err(ApiError::invalid(Message::BodyNotObject, Vec::new()));
    }
    integers_as_integers(&mut value);
    serde_json::from_value(value).map_err(not_valid)
}

fn integers_as_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let Some(f) = n.as_f64() else { return };
            // Exactly representable integers only (|f| < 2^53).
            if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                #[allow(clippy::cast_possible_truncation)]
                let int = f as i64;
                *value = Value::from(int);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers_as_integers),
        Value::Object(map) => map.values_mut().for_each(integers_as_integers),
        _ => {}
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn integral_floats_are_integers_and_others_stay() {
        #[derive(serde::Deserialize)]
        struct Review {
            points: Vec<u32>,
            score: f64,
        }
        let review: Review =
            json_body(br#"{"points": [2.0, 3, 2147483646.0], "score": 2.5}"#).unwrap();
        assert_eq!(review.points, [2, 3, 2_147_483_646]);
        assert!((review.score - 2.5).abs() < f64::EPSILON);
        assert!(json_body::<Review>(br#"{"points": [2.5], "score": 1}"#).is_err());
        assert!(json_body::<Review>(br#"{"points": [1e300], "score": 1}"#).is_err());
        // A struct is never read from a list.
        assert!(json_body::<Review>(br#"[[1], 2]"#).is_err());
    }
}
