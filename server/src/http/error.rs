//! The boundary error: every failure leaves the server as the one JSON shape of
//! `shared::ErrorBody`, worded in the reader's language. An [`ApiError`] holds the message
//! and the fields at fault as values ([`Message`], [`FieldProblem`]); [`in_reader_language`]
//! words them for the request. Internal causes are logged here and never sent.

use std::fmt;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use sea_orm::{DbErr, RuntimeErr};
use shared::{ErrorBody, ErrorCode, ErrorDetail, FieldProblem, Locale, Message};

#[derive(Debug, Clone)]
pub struct ApiError {
    code: ErrorCode,
    message: Message,
    fields: Vec<FieldProblem>,
    retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: Message) -> Self {
        Self {
            code,
            message,
            fields: Vec::new(),
            retry_after_secs: None,
        }
    }

    pub fn with_fields(mut self, fields: Vec<FieldProblem>) -> Self {
        self.fields = fields;
        self
    }

    /// Tells the client when to try again (`Retry-After`).
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    pub fn invalid(message: Message, fields: Vec<FieldProblem>) -> Self {
        Self::new(ErrorCode::InvalidInput, message).with_fields(fields)
    }

    pub fn not_found(message: Message) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn forbidden(message: Message) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }

    pub fn conflict(message: Message) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }

    /// A failure inside the server: the cause goes to the log, the client gets a
    /// generic message.
    pub fn internal(cause: &dyn fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal, Message::Internal)
    }

    /// The database or another dependency is down; the client may retry.
    pub fn unavailable(cause: &dyn fmt::Display) -> Self {
        tracing::warn!(error = %cause, "service unavailable");
        Self::new(ErrorCode::Unavailable, Message::Unavailable)
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The fields at fault.
    pub fn problems(&self) -> &[FieldProblem] {
        &self.fields
    }

    /// The names of the fields at fault, each once.
    pub fn field_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fields.iter().map(|f| f.field.clone()).collect();
        names.dedup();
        names
    }

    /// The body as the API sends it, worded in `locale`.
    pub fn body(&self, locale: Locale) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message.word(locale),
                fields: self.fields.iter().map(|f| f.word(locale)).collect(),
            },
        }
    }

    /// The message with the fields at fault, in one line (a sync rejection's reason).
    pub fn summary(&self, locale: Locale) -> String {
        let message = self.message.word(locale);
        if self.fields.is_empty() {
            return message;
        }
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.problem.word(locale)))
            .collect();
        format!("{message} ({})", fields.join("; "))
    }

    /// The response for `req`, worded in its language (for middleware outside
    /// [`in_reader_language`]).
    pub fn response_for(&self, req: &actix_web::HttpRequest) -> HttpResponse {
        self.respond(super::locale::of_request(req))
    }

    fn respond(&self, locale: Locale) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        let default_retry = (self.code == ErrorCode::Unavailable).then_some(5);
        if let Some(secs) = self.retry_after_secs.or(default_retry) {
            response.insert_header(("Retry-After", secs.to_string()));
        }
        response.json(self.body(locale))
    }
}

/// A database failure: an outage (no connection, the pool exhausted, the database busy or
/// shutting down) is `503` and may be retried; anything else is a fault of ours, `500`,
/// so that a broken query is not mistaken for a bad line.
impl From<DbErr> for ApiError {
    fn from(e: DbErr) -> Self {
        if is_outage(&e) {
            Self::unavailable(&e)
        } else {
            Self::internal(&e)
        }
    }
}

fn is_outage(e: &DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(inner)) | DbErr::Query(RuntimeErr::SqlxError(inner)) => {
            match inner.as_ref() {
                Sqlx::Io(_)
                | Sqlx::Tls(_)
                | Sqlx::PoolTimedOut
                | Sqlx::PoolClosed
                | Sqlx::WorkerCrashed
                | Sqlx::Protocol(_) => true,
                Sqlx::Database(db) => db.code().is_some_and(|code| outage_code(&code)),
                _ => false,
            }
        }
        _ => false,
    }
}

/// SQLite busy or locked (5, 6); PostgreSQL connection exceptions (08…), too many
/// connections, shutdown and serialization conflicts under load (40001, 40P01).
fn outage_code(code: &str) -> bool {
    matches!(
        code,
        "5" | "6" | "517" | "53300" | "57P01" | "57P02" | "57P03" | "40001" | "40P01"
    ) || code.starts_with("08")
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.code, self.summary(Locale::En))
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Worded in Vietnamese; [`in_reader_language`] words it again for the request.
    fn error_response(&self) -> HttpResponse {
        self.respond(Locale::default())
    }
}

/// Middleware: an error response is worded in the request's language (`http::locale`).
/// Only the body is replaced: headers set on the way out (cookies, `Allow`) stay. It sits
/// inside compression (which encodes what it writes) and inside authentication (so the
/// account's language is known); the middleware outside it word their own refusals with
/// [`ApiError::response_for`].
pub async fn in_reader_language(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Errors that leave as `Err` (none of ours do: middleware answers with a response) are
    // worded by `error_response`, in Vietnamese.
    let res = next.call(req).await?.map_into_boxed_body();
    let locale = super::locale::of_request(res.request());
    let body = match res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
    {
        Some(api) if locale != Locale::default() => api.body(locale),
        _ => return Ok(res),
    };
    let json = serde_json::to_vec(&body).unwrap_or_default();
    Ok(res.map_body(|_, _| BoxBody::new(json)))
}

/// `404` in the error shape, for unknown API paths.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found(Message::NoSuchEndpoint))
}

/// `405` in the error shape, with the methods the endpoint does answer (RFC 9110).
pub fn method_not_allowed(allow: &str) -> Result<HttpResponse, ApiError> {
    let error = ApiError::new(ErrorCode::MethodNotAllowed, Message::MethodNotAllowed);
    let mut response = HttpResponse::from_error(error);
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(allow) {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::Problem;

    #[test]
    fn the_body_is_worded_in_the_language_asked_for() {
        let error = ApiError::invalid(
            Message::FieldsNeedAttention,
            vec![FieldProblem::new("email", Problem::NotEmail)],
        );
        let vi = error.body(Locale::Vi);
        let en = error.body(Locale::En);
        assert_eq!(vi.error.message, "Một số ô cần sửa.");
        assert_eq!(en.error.message, "Some fields need attention.");
        assert_eq!(vi.error.fields[0].code, "not_email");
        assert_eq!(en.error.fields[0].message, "not an email address");
    }

    #[test]
    fn a_lost_connection_is_an_outage_and_a_bad_query_a_fault() {
        let lost = DbErr::ConnectionAcquire(sea_orm::error::ConnAcquireErr::Timeout);
        assert_eq!(ApiError::from(lost).code(), ErrorCode::Unavailable);
        let bad = DbErr::Query(RuntimeErr::Internal("syntax error".into()));
        assert_eq!(ApiError::from(bad).code(), ErrorCode::Internal);
        let missing = DbErr::RecordNotFound("user".into());
        assert_eq!(ApiError::from(missing).code(), ErrorCode::Internal);
    }
}
