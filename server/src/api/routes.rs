//! Every endpoint of the API, named once. The router and the OpenAPI document are both built
//! from [`api!`]'s list: a handler's `#[utoipa::path]` gives its path and methods, and the
//! list makes it both documented and served, so a route cannot be served undocumented
//! (and so escape the contract tests and the authorisation matrix, which walk the document)
//! nor documented without being served.
//!
//! Order matters where a literal segment and a parameter meet (`/users/export.csv` before
//! `/users/{id}`): the router tries paths in the order of the list.

use actix_web::web;
use utoipa::openapi::path::HttpMethod;

use super::{
    auth, cohort_report, cohorts, competencies, course_content, courses, evidence, health, jobs,
    learning, openapi, org_units, positions, preferences, reports, sync, users,
};
use crate::http::error::{method_not_allowed, not_found};
use crate::http::request_log::RoutePattern;

/// Largest request body the API accepts unless an endpoint says otherwise.
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;
/// Largest course package or whole draft.
const MAX_PACKAGE_BYTES: usize = crate::services::courses::MAX_PACKAGE_BYTES;
/// Largest batch of offline work (devices send smaller ones; see `shared::sync`).
const MAX_SYNC_BYTES: usize = 2 * 1024 * 1024;
/// Largest CSV import (about 5,000 rows).
const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

/// The prefix of every API path but the health checks.
const API: &str = "/api/v1";

/// One handler as the router needs it.
pub struct Endpoint {
    /// The documented path, e.g. `/api/v1/users/{id}`.
    path: String,
    methods: Vec<HttpMethod>,
    /// The handler's route, without its method guard.
    route: Box<dyn Fn() -> actix_web::Route>,
    /// A body limit other than [`MAX_BODY_BYTES`].
    limit: Option<usize>,
}

impl Endpoint {
    fn of<P, F, Args>(handler: F, limit: Option<usize>) -> Self
    where
        P: utoipa::Path,
        F: actix_web::Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: actix_web::Responder + 'static,
    {
        Self {
            path: P::path(),
            methods: P::methods(),
            route: Box::new(move || web::route().to(handler.clone())),
            limit,
        }
    }
}

/// Declares the endpoints: `module::handler` each, optionally `[limit]` for its body limit.
/// Generates [`Paths`] (their OpenAPI operations, merged into `openapi::ApiDoc`) and
/// [`endpoints`].
macro_rules! api {
    ($($module:ident :: $handler:ident $([$limit:expr])?),* $(,)?) => {
        /// The operations of every endpoint, with the schemas they use.
        #[derive(utoipa::OpenApi)]
        #[openapi(paths($($module::$handler),*))]
        pub struct Paths;

        /// Every endpoint, in routing order.
        pub fn endpoints() -> Vec<Endpoint> {
            paste::paste! {
                vec![$(
                    Endpoint::of::<$module::[<__path_ $handler>], _, _>(
                        $module::$handler,
                        None $(.or(Some($limit)))?,
                    ),
                )*]
            }
        }
    };
}

api! {
    health::healthz,
    health::readyz,
    openapi::document,
    auth::sign_in,
    auth::refresh,
    auth::sign_out,
    auth::me,
    auth::queue_key,
    auth::change_password,
    users::list,
    users::create,
    users::export,
    users::import [MAX_IMPORT_BYTES],
    jobs::mine,
    jobs::get,
    users::get,
    users::update,
    users::update_form,
    users::disable,
    users::enable,
    users::reset_password,
    org_units::list,
    org_units::create,
    org_units::update,
    org_units::update_form,
    positions::list,
    positions::create,
    positions::update,
    positions::update_form,
    competencies::frameworks,
    competencies::import,
    competencies::delete,
    competencies::export,
    competencies::position_profile,
    competencies::set_profile,
    courses::list,
    courses::create,
    courses::import [MAX_PACKAGE_BYTES],
    courses::detail,
    courses::replace_draft [MAX_PACKAGE_BYTES],
    courses::export_draft,
    courses::export_version,
    courses::update_info,
    courses::publish,
    courses::add_author,
    courses::remove_author,
    course_content::add_module,
    course_content::rename_module,
    course_content::move_module,
    course_content::delete_module,
    course_content::add_activity,
    course_content::update_activity,
    course_content::move_activity,
    course_content::delete_activity,
    course_content::add_node,
    course_content::update_node,
    course_content::delete_node,
    course_content::add_choice,
    course_content::update_choice,
    course_content::delete_choice,
    // Before `{container}/{question}`, which would take `export` for a question id.
    course_content::export_questions,
    course_content::add_question,
    course_content::update_question,
    course_content::move_question,
    course_content::delete_question,
    cohorts::teaching,
    cohorts::open,
    cohorts::studying,
    cohorts::enrol,
    cohorts::move_version,
    cohorts::submit,
    cohorts::attempt,
    learning::save_draft,
    learning::play_step,
    learning::check_answer,
    learning::events,
    sync::offline_package,
    sync::sync [MAX_SYNC_BYTES],
    learning::my_progress,
    learning::issue_certificate,
    cohort_report::report,
    cohort_report::review,
    learning::verify,
    evidence::import [MAX_IMPORT_BYTES],
    evidence::void,
    evidence::rate,
    evidence::form,
    evidence::invite,
    evidence::my_inbox,
    reports::gain_report,
    reports::gain_csv,
    reports::gain_learners,
    reports::rating_gap_csv,
    reports::needs_report,
    reports::needs_csv,
    reports::cohort_summary,
    reports::reaction_csv,
    reports::learner_record,
    reports::enrol_from_needs,
    preferences::set_locale,
}

fn method(method: &HttpMethod) -> actix_web::http::Method {
    use actix_web::http::Method;
    match method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Trace => Method::TRACE,
    }
}

/// The endpoints of one path as one resource: its handlers by method, its body limit, and
/// `405` with `Allow` for any other method.
fn resource(doc: &openapi::Built, path: &str, group: Vec<Endpoint>) -> actix_web::Resource {
    let allow = doc.allowed(path).to_owned();
    let local = local_path(path);
    let limit = group.iter().find_map(|e| e.limit);
    let mut resource = web::resource(local.to_owned()).app_data(RoutePattern(path.to_owned()));
    for endpoint in &group {
        for m in &endpoint.methods {
            resource = resource.route((endpoint.route)().method(method(m)));
        }
    }
    if let Some(limit) = limit {
        resource = resource.app_data(web::PayloadConfig::new(limit));
    }
    resource.default_service(web::to(move || {
        let allow = allow.clone();
        async move { method_not_allowed(&allow) }
    }))
}

/// The first segment of an API path (`cohorts` of `/api/v1/cohorts/{id}/attempts`): the
/// routes are grouped by it, so a request is matched against its group's paths only, not
/// against every path in turn.
fn group_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix(API)?.strip_prefix('/')?;
    Some(rest.split('/').next().unwrap_or(rest))
}

/// A path as its resource sees it, within its group's scope.
fn local_path(path: &str) -> &str {
    match group_of(path) {
        Some(group) => &path[API.len() + 1 + group.len()..],
        None => path,
    }
}

/// The API's routes: the health checks at the root, everything else under `/api/v1`, in
/// one scope per first segment (routing order kept within each).
pub fn configure(cfg: &mut web::ServiceConfig) {
    let doc = openapi::built();
    let mut groups: Vec<(String, Vec<Endpoint>)> = Vec::new();
    for endpoint in endpoints() {
        match groups.iter_mut().find(|(path, _)| *path == endpoint.path) {
            Some((_, group)) => group.push(endpoint),
            None => groups.push((endpoint.path.clone(), vec![endpoint])),
        }
    }
    let mut scopes: Vec<(String, actix_web::Scope)> = Vec::new();
    for (path, group) in groups {
        let Some(prefix) = group_of(&path).map(|g| format!("/{g}")) else {
            cfg.service(resource(doc, &path, group));
            continue;
        };
        let service = resource(doc, &path, group);
        match scopes.iter().position(|(p, _)| *p == prefix) {
            Some(at) => {
                let (prefix, scope) = scopes.remove(at);
                scopes.insert(at, (prefix, scope.service(service)));
            }
            None => {
                let scope = web::scope(&prefix).default_service(web::to(not_found));
                scopes.push((prefix, scope.service(service)));
            }
        }
    }
    let mut api = web::scope(API).app_data(web::PayloadConfig::new(MAX_BODY_BYTES));
    for (_, scope) in scopes {
        api = api.service(scope);
    }
    cfg.service(api.default_service(web::to(not_found)));
}

#[cfg(test)]
mod tests {
    use super::{group_of, local_path};

    #[test]
    fn api_paths_are_grouped_by_their_first_segment() {
        assert_eq!(group_of("/api/v1/cohorts/{id}/attempts"), Some("cohorts"));
        assert_eq!(
            local_path("/api/v1/cohorts/{id}/attempts"),
            "/{id}/attempts"
        );
        assert_eq!(group_of("/api/v1/cohorts"), Some("cohorts"));
        assert_eq!(local_path("/api/v1/cohorts"), "");
        assert_eq!(local_path("/api/v1/openapi.json"), "");
        assert_eq!(group_of("/healthz"), None);
        assert_eq!(local_path("/healthz"), "/healthz");
    }
}
