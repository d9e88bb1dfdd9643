//! The REST API under `/api/v1`, plus the health probes. Handlers are thin: parse, call a
//! service, map the result. Every endpoint is listed in the OpenAPI document.

mod health;
pub mod openapi;
mod preferences;

use actix_web::web;

use crate::http::error::{method_not_allowed, not_found};

/// Largest request body the API accepts (bulk imports will get their own limit).
const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/healthz")
            .route(web::get().to(health::healthz))
            .default_service(web::to(method_not_allowed)),
    )
    .service(
        web::resource("/readyz")
            .route(web::get().to(health::readyz))
            .default_service(web::to(method_not_allowed)),
    )
    .service(
        web::scope("/api/v1")
            .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
            .service(
                web::resource("/openapi.json")
                    .route(web::get().to(openapi::document))
                    .default_service(web::to(method_not_allowed)),
            )
            .service(
                web::resource("/preferences/locale")
                    .route(web::post().to(preferences::set_locale))
                    .default_service(web::to(method_not_allowed)),
            )
            .default_service(web::to(not_found)),
    );
}
