//! A request body that may be JSON (islands, offline sync, API clients) or a plain HTML
//! form post (pages with scripts off). Handlers answer JSON with JSON and a form post with
//! a redirect (post/redirect/get) through [`Submitted::respond`].

use std::future::Future;
use std::pin::Pin;

use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, dev::Payload, web};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::ErrorCode;

use super::error::ApiError;

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
}

impl<T> Submitted<T> {
    /// JSON gets `200` with `answer`; a form post gets `303 See Other` to `redirect_to`.
    pub fn respond(&self, answer: &impl Serialize, redirect_to: &str) -> HttpResponse {
        match self.kind {
            BodyKind::Json => HttpResponse::Ok().json(answer),
            BodyKind::Form => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, redirect_to))
                .finish(),
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
            _ => None,
        };
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let kind = kind.ok_or_else(|| {
                ApiError::new(
                    ErrorCode::UnsupportedMediaType,
                    "Send the body as application/json or application/x-www-form-urlencoded.",
                )
            })?;
            let bytes = bytes
                .await
                .map_err(|e| match e.as_error::<PayloadError>() {
                    Some(PayloadError::Overflow) => {
                        ApiError::new(ErrorCode::PayloadTooLarge, "The request body is too large.")
                    }
                    _ => ApiError::invalid("The request body could not be read.", Vec::new()),
                })?;
            let value = match kind {
                BodyKind::Json => serde_json::from_slice(&bytes).map_err(|e| {
                    ApiError::invalid(format!("The JSON body is not valid: {e}."), Vec::new())
                })?,
                BodyKind::Form => serde_urlencoded::from_bytes(&bytes).map_err(|e| {
                    ApiError::invalid(format!("The form is not valid: {e}."), Vec::new())
                })?,
            };
            Ok(Submitted { value, kind })
        })
    }
}
