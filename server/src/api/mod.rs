//! The REST API under `/api/v1`, plus the health probes. Handlers are thin: parse, call a
//! service, answer; a service's error becomes the API's by `?` (`refusals.rs`). Every
//! endpoint is named once, in `routes.rs`, which builds both the router and the OpenAPI
//! document.

mod auth;
mod cohort_report;
mod cohorts;
mod competencies;
pub mod contract;
mod course_content;
mod courses;
mod evidence;
mod health;
mod jobs;
mod learning;
pub mod openapi;
mod org_units;
mod positions;
mod preferences;
mod refusals;
mod reports;
mod routes;
mod sync;
mod users;

pub use routes::configure;
use shared::Message;

use crate::http::error::ApiError;

/// Ids in URLs are UUIDs; anything else names nothing.
pub(crate) fn parse_id(raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| ApiError::not_found(Message::NoSuchObject))
}
