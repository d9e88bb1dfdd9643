//! The boundary error: every failure leaves the server as the one JSON shape of
//! `shared::ErrorBody`. Internal causes are logged here and never sent to the client.

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use shared::{ErrorBody, ErrorCode, FieldError};

#[derive(Debug)]
pub struct ApiError {
    body: ErrorBody,
    retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            body: ErrorBody::new(code, message),
            retry_after_secs: None,
        }
    }

    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.body.error.fields = fields;
        self
    }

    /// Tells the client when to try again (`Retry-After`).
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    pub fn invalid(message: impl Into<String>, fields: Vec<FieldError>) -> Self {
        Self {
            body: ErrorBody::new(ErrorCode::InvalidInput, message).with_fields(fields),
            retry_after_secs: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// A failure inside the server: the cause goes to the log, the client gets a
    /// generic message.
    pub fn internal(cause: &dyn fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            ErrorCode::Internal,
            "Something went wrong on the server. Please try again.",
        )
    }

    /// The database or another dependency is down; the client may retry.
    pub fn unavailable(cause: &dyn fmt::Display) -> Self {
        tracing::warn!(error = %cause, "service unavailable");
        Self::new(
            ErrorCode::Unavailable,
            "The service is temporarily unavailable. Please try again shortly.",
        )
    }

    pub fn code(&self) -> ErrorCode {
        self.body.error.code
    }

    /// The message with the fields at fault, in one line (for a record of a rejection).
    pub fn summary(&self) -> String {
        let error = &self.body.error;
        if error.fields.is_empty() {
            return error.message.clone();
        }
        let fields: Vec<String> = error
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect();
        format!("{} ({})", error.message, fields.join("; "))
    }

    /// The message about the first field at fault, if any.
    pub fn first_field_message(&self) -> Option<&str> {
        self.body.error.fields.first().map(|f| f.message.as_str())
    }

    /// The fields at fault, without the `line N:` prefixes of imports.
    pub fn field_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .body
            .error
            .fields
            .iter()
            .map(|f| f.field.clone())
            .collect();
        names.dedup();
        names
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.body.error.code, self.body.error.message)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.body.error.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        let default_retry = (self.code() == ErrorCode::Unavailable).then_some(5);
        if let Some(secs) = self.retry_after_secs.or(default_retry) {
            response.insert_header(("Retry-After", secs.to_string()));
        }
        response.json(&self.body)
    }
}

/// `404` in the error shape, for unknown API paths.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found("There is no such API endpoint."))
}

/// `405` in the error shape, for a known path with an unsupported method.
/// `405` in the error shape, with the methods the endpoint does answer (RFC 9110).
pub fn method_not_allowed(allow: &str) -> HttpResponse {
    let mut response = actix_web::ResponseError::error_response(&ApiError::new(
        ErrorCode::MethodNotAllowed,
        "This method is not allowed on this endpoint.",
    ));
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(allow) {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    response
}
