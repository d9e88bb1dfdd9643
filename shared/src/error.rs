//! The one error shape every API response uses:
//! `{ "error": { "code": "...", "message": "...", "fields": [...] } }`.
//!
//! `code` is stable and machine-readable (the UI matches on it); `message` is for people.

use serde::{Deserialize, Serialize};

/// Stable machine codes. Adding a variant is fine; renaming one breaks clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ErrorCode {
    /// The request body or query is malformed or fails validation.
    InvalidInput,
    /// No credentials, or credentials that are not valid.
    Unauthenticated,
    /// Signed in, but this action is not allowed.
    Forbidden,
    /// The object does not exist, or the caller may not know it exists.
    NotFound,
    /// The HTTP method is not supported on this path.
    MethodNotAllowed,
    /// The request conflicts with the current state (e.g. a duplicate username).
    Conflict,
    /// The request body is larger than this endpoint accepts.
    PayloadTooLarge,
    /// The body is neither JSON nor a form post where one of those is required.
    UnsupportedMediaType,
    /// Well-formed, but the content cannot be accepted as it is (e.g. publishing a course
    /// that has problems); the fields say where.
    Unprocessable,
    /// Too many attempts; try again later.
    RateLimited,
    /// The server is temporarily unable to serve (overload, database down).
    Unavailable,
    /// Something failed inside the server; details are in its logs, not here.
    Internal,
}

impl ErrorCode {
    /// The HTTP status this code is sent with.
    pub fn http_status(self) -> u16 {
        match self {
            Self::InvalidInput => 400,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::Unprocessable => 422,
            Self::RateLimited => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }
}

/// A problem with one named input field, as the API sends it (services describe it as a
/// [`crate::i18n::FieldProblem`], worded here in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field, JSON member or file column at fault (`email`, `answers[2]`).
    pub field: String,
    /// In an uploaded file, the line (the header is line 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// What is wrong, as a stable machine name (`required`, `no_unit_with_code`…).
    #[serde(default)]
    pub code: String,
    /// What is wrong, for people, in the request's language.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code,
                message: message.into(),
                fields: Vec::new(),
            },
        }
    }

    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.error.fields = fields;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_documented_shape() {
        let body = ErrorBody::new(ErrorCode::NotFound, "No such course.");
        let json = serde_json::to_value(&body).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({ "error": { "code": "not_found", "message": "No such course." } })
        );
    }

    #[test]
    fn field_errors_are_listed_when_present() {
        let body = ErrorBody::new(ErrorCode::InvalidInput, "Check the form.").with_fields(vec![
            FieldError {
                field: "locale".into(),
                line: None,
                code: "language_choice".into(),
                message: "vi or en".into(),
            },
        ]);
        let json = serde_json::to_value(&body).unwrap_or_default();
        assert_eq!(json["error"]["fields"][0]["field"], "locale");
        assert_eq!(json["error"]["code"], "invalid_input");
    }

    #[test]
    fn client_errors_are_4xx_and_server_errors_5xx() {
        assert_eq!(ErrorCode::InvalidInput.http_status(), 400);
        assert_eq!(ErrorCode::NotFound.http_status(), 404);
        assert_eq!(ErrorCode::RateLimited.http_status(), 429);
        assert_eq!(ErrorCode::Internal.http_status(), 500);
        assert_eq!(ErrorCode::Unavailable.http_status(), 503);
    }
}
