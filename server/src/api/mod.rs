//! The REST API under `/api/v1`, plus the health probes. Handlers are thin: parse, call a
//! service, map the result. Every endpoint is listed in the OpenAPI document.

mod auth;
mod cohort_report;
mod cohorts;
mod competencies;
pub mod contract;
mod course_content;
mod courses;
mod evidence;
mod health;
mod learning;
pub mod openapi;
mod org_units;
mod positions;
mod preferences;
mod reports;
mod sync;
mod users;

use actix_web::web;

use crate::http::error::{ApiError, method_not_allowed, not_found};

/// Ids in URLs are UUIDs; anything else names nothing.
pub(crate) fn parse_id(raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| ApiError::not_found("There is no such object."))
}

/// A path served by several method routes; other methods get `405` with the `Allow` header
/// naming the methods the OpenAPI document gives the path.
fn endpoints(
    doc: &utoipa::openapi::OpenApi,
    path: &str,
    routes: Vec<actix_web::Route>,
) -> actix_web::Resource {
    let mut allowed = contract::allowed_methods(doc, path);
    if allowed.is_empty() {
        allowed = contract::allowed_methods(doc, &format!("/api/v1{path}"));
    }
    let allow = allowed.join(", ");
    routes
        .into_iter()
        .fold(web::resource(path), |resource, route| resource.route(route))
        .default_service(web::to(move || {
            let allow = allow.clone();
            async move { method_not_allowed(&allow) }
        }))
}

/// Largest request body the API accepts (bulk imports will get their own limit).
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;
/// Largest course package or whole draft.
const MAX_PACKAGE_BYTES: usize = 4 * 1024 * 1024;
/// Largest batch of offline work (devices send smaller ones; see `shared::sync`).
const MAX_SYNC_BYTES: usize = 2 * 1024 * 1024;
/// Largest CSV import (about 5,000 rows).
const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

/// A path served by `route`; any other method on it gets `405` in the error shape.
fn endpoint(
    doc: &utoipa::openapi::OpenApi,
    path: &str,
    route: actix_web::Route,
) -> actix_web::Resource {
    endpoints(doc, path, vec![route])
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    use utoipa::OpenApi;
    let doc = openapi::ApiDoc::openapi();
    cfg.service(endpoint(&doc, "/healthz", web::get().to(health::healthz)))
        .service(endpoint(&doc, "/readyz", web::get().to(health::readyz)))
        .service(
            web::scope("/api/v1")
                .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
                .service(endpoint(
                    &doc,
                    "/openapi.json",
                    web::get().to(openapi::document),
                ))
                .service(endpoint(
                    &doc,
                    "/auth/sign-in",
                    web::post().to(auth::sign_in),
                ))
                .service(endpoint(
                    &doc,
                    "/auth/refresh",
                    web::post().to(auth::refresh),
                ))
                .service(endpoint(
                    &doc,
                    "/auth/sign-out",
                    web::post().to(auth::sign_out),
                ))
                .service(endpoint(&doc, "/auth/me", web::get().to(auth::me)))
                .service(endpoint(
                    &doc,
                    "/auth/queue-key",
                    web::get().to(auth::queue_key),
                ))
                .service(endpoint(
                    &doc,
                    "/auth/password",
                    web::post().to(auth::change_password),
                ))
                .service(endpoints(
                    &doc,
                    "/users",
                    vec![web::get().to(users::list), web::post().to(users::create)],
                ))
                // Before `/users/{id}`, which would otherwise take these names as ids.
                .service(endpoint(
                    &doc,
                    "/users/export.csv",
                    web::get().to(users::export),
                ))
                .service(
                    endpoint(&doc, "/users/import", web::post().to(users::import))
                        .app_data(web::PayloadConfig::new(MAX_IMPORT_BYTES)),
                )
                .service(endpoints(
                    &doc,
                    "/users/{id}",
                    vec![
                        web::get().to(users::get),
                        web::patch().to(users::update),
                        web::post().to(users::update_form),
                    ],
                ))
                .service(endpoint(
                    &doc,
                    "/users/{id}/disable",
                    web::post().to(users::disable),
                ))
                .service(endpoint(
                    &doc,
                    "/users/{id}/enable",
                    web::post().to(users::enable),
                ))
                .service(endpoint(
                    &doc,
                    "/users/{id}/password",
                    web::post().to(users::reset_password),
                ))
                .service(endpoints(
                    &doc,
                    "/org-units",
                    vec![
                        web::get().to(org_units::list),
                        web::post().to(org_units::create),
                    ],
                ))
                .service(endpoints(
                    &doc,
                    "/org-units/{id}",
                    vec![
                        web::patch().to(org_units::update),
                        web::post().to(org_units::update_form),
                    ],
                ))
                .service(endpoints(
                    &doc,
                    "/positions",
                    vec![
                        web::get().to(positions::list),
                        web::post().to(positions::create),
                    ],
                ))
                .service(endpoints(
                    &doc,
                    "/positions/{id}",
                    vec![
                        web::patch().to(positions::update),
                        web::post().to(positions::update_form),
                    ],
                ))
                .service(endpoint(
                    &doc,
                    "/competency-frameworks",
                    web::get().to(competencies::frameworks),
                ))
                .service(endpoint(
                    &doc,
                    "/competency-frameworks/import",
                    web::post().to(competencies::import),
                ))
                .service(endpoint(
                    &doc,
                    "/competency-frameworks/{id}/delete",
                    web::post().to(competencies::delete),
                ))
                .service(endpoint(
                    &doc,
                    "/competency-frameworks/{id}/export.csv",
                    web::get().to(competencies::export),
                ))
                .service(endpoints(
                    &doc,
                    "/positions/{id}/profile",
                    vec![
                        web::get().to(competencies::position_profile),
                        web::post().to(competencies::set_profile),
                    ],
                ))
                .service(endpoints(
                    &doc,
                    "/courses",
                    vec![
                        web::get().to(courses::list),
                        web::post().to(courses::create),
                    ],
                ))
                // Before `/courses/{id}`, which would otherwise take the name as an id.
                .service(
                    endpoint(&doc, "/courses/import", web::post().to(courses::import))
                        .app_data(web::PayloadConfig::new(MAX_PACKAGE_BYTES)),
                )
                .service(endpoint(
                    &doc,
                    "/courses/{id}",
                    web::get().to(courses::detail),
                ))
                .service(
                    endpoint(
                        &doc,
                        "/courses/{id}/draft",
                        web::put().to(courses::replace_draft),
                    )
                    .app_data(web::PayloadConfig::new(MAX_PACKAGE_BYTES)),
                )
                .service(endpoint(
                    &doc,
                    "/courses/{id}/draft/package.json",
                    web::get().to(courses::export_draft),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/versions/{number}/package.json",
                    web::get().to(courses::export_version),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/info",
                    web::post().to(courses::update_info),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/publish",
                    web::post().to(courses::publish),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/authors",
                    web::post().to(courses::add_author),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/authors/{user_id}/remove",
                    web::post().to(courses::remove_author),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/modules",
                    web::post().to(course_content::add_module),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/modules/{module}",
                    web::post().to(course_content::rename_module),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/modules/{module}/move",
                    web::post().to(course_content::move_module),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/modules/{module}/delete",
                    web::post().to(course_content::delete_module),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities",
                    web::post().to(course_content::add_activity),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}",
                    web::post().to(course_content::update_activity),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/move",
                    web::post().to(course_content::move_activity),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/delete",
                    web::post().to(course_content::delete_activity),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes",
                    web::post().to(course_content::add_node),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes/{node}",
                    web::post().to(course_content::update_node),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes/{node}/delete",
                    web::post().to(course_content::delete_node),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes/{node}/choices",
                    web::post().to(course_content::add_choice),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}",
                    web::post().to(course_content::update_choice),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}/delete",
                    web::post().to(course_content::delete_choice),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/questions/{container}",
                    web::post().to(course_content::add_question),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/questions/{container}/{question}",
                    web::post().to(course_content::update_question),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/questions/{container}/{question}/move",
                    web::post().to(course_content::move_question),
                ))
                .service(endpoint(
                    &doc,
                    "/courses/{id}/questions/{container}/{question}/delete",
                    web::post().to(course_content::delete_question),
                ))
                .service(endpoints(
                    &doc,
                    "/cohorts",
                    vec![
                        web::get().to(cohorts::teaching),
                        web::post().to(cohorts::open),
                    ],
                ))
                .service(endpoint(
                    &doc,
                    "/learning/cohorts",
                    web::get().to(cohorts::studying),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/enrolments",
                    web::post().to(cohorts::enrol),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/version",
                    web::post().to(cohorts::move_version),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/attempts",
                    web::post().to(cohorts::submit),
                ))
                .service(endpoint(
                    &doc,
                    "/attempts/{id}",
                    web::get().to(cohorts::attempt),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/drafts/{activity}",
                    web::post().to(learning::save_draft),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/plays/{activity}",
                    web::post().to(learning::play_step),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/checks/{activity}",
                    web::post().to(learning::check_answer),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/events",
                    web::post().to(learning::events),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/offline",
                    web::get().to(sync::offline_package),
                ))
                .service(
                    endpoint(&doc, "/sync", web::post().to(sync::sync))
                        .app_data(web::PayloadConfig::new(MAX_SYNC_BYTES)),
                )
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/progress",
                    web::get().to(learning::my_progress),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/certificate",
                    web::post().to(learning::issue_certificate),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/report",
                    web::get().to(cohort_report::report),
                ))
                .service(endpoint(
                    &doc,
                    "/attempts/{id}/review",
                    web::post().to(cohort_report::review),
                ))
                .service(endpoint(
                    &doc,
                    "/certificates/{code}",
                    web::get().to(learning::verify),
                ))
                .service(
                    endpoint(&doc, "/evidence/import", web::post().to(evidence::import))
                        .app_data(web::PayloadConfig::new(MAX_IMPORT_BYTES)),
                )
                .service(endpoint(
                    &doc,
                    "/evidence/{id}/void",
                    web::post().to(evidence::void),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/ratings",
                    web::post().to(evidence::rate),
                ))
                .service(endpoint(
                    &doc,
                    "/ratings/form",
                    web::get().to(evidence::form),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/peer-invitations",
                    web::post().to(evidence::invite),
                ))
                .service(endpoint(&doc, "/inbox", web::get().to(evidence::my_inbox)))
                .service(endpoint(
                    &doc,
                    "/reports/gains",
                    web::get().to(reports::gain_report),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/gains.csv",
                    web::get().to(reports::gain_csv),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/gains/learners",
                    web::get().to(reports::gain_learners),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/rating-gaps.csv",
                    web::get().to(reports::rating_gap_csv),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/needs",
                    web::get().to(reports::needs_report),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/needs.csv",
                    web::get().to(reports::needs_csv),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/cohorts/{id}/kirkpatrick",
                    web::get().to(reports::cohort_summary),
                ))
                .service(endpoint(
                    &doc,
                    "/reports/cohorts/{id}/reaction.csv",
                    web::get().to(reports::reaction_csv),
                ))
                .service(endpoint(
                    &doc,
                    "/learners/{id}/record",
                    web::get().to(reports::learner_record),
                ))
                .service(endpoint(
                    &doc,
                    "/cohorts/{id}/needs-enrolments",
                    web::post().to(reports::enrol_from_needs),
                ))
                .service(endpoint(
                    &doc,
                    "/preferences/locale",
                    web::post().to(preferences::set_locale),
                ))
                .default_service(web::to(not_found)),
        );
}
