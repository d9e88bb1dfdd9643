//! The REST API under `/api/v1`, plus the health probes. Handlers are thin: parse, call a
//! service, map the result. Every endpoint is listed in the OpenAPI document.

mod auth;
mod health;
pub mod openapi;
mod preferences;

use actix_web::web;

use crate::http::error::{method_not_allowed, not_found};

/// Largest request body the API accepts (bulk imports will get their own limit).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// A path served by `route`; any other method on it gets `405` in the error shape.
fn endpoint(path: &str, route: actix_web::Route) -> actix_web::Resource {
    web::resource(path)
        .route(route)
        .default_service(web::to(method_not_allowed))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(endpoint("/healthz", web::get().to(health::healthz)))
        .service(endpoint("/readyz", web::get().to(health::readyz)))
        .service(
            web::scope("/api/v1")
                .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
                .service(endpoint("/openapi.json", web::get().to(openapi::document)))
                .service(endpoint("/auth/sign-in", web::post().to(auth::sign_in)))
                .service(endpoint("/auth/refresh", web::post().to(auth::refresh)))
                .service(endpoint("/auth/sign-out", web::post().to(auth::sign_out)))
                .service(endpoint("/auth/me", web::get().to(auth::me)))
                .service(endpoint(
                    "/auth/password",
                    web::post().to(auth::change_password),
                ))
                .service(endpoint(
                    "/preferences/locale",
                    web::post().to(preferences::set_locale),
                ))
                .default_service(web::to(not_found)),
        );
}
