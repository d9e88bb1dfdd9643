//! What the OpenAPI document says of every operation without each handler repeating it:
//! the path parameters its template names, and the error answers the layers around every
//! handler can give (authentication, cross-site refusal, body limits, ids that name
//! nothing, a database that is down). A client generator and Schemathesis can then rely on
//! the document; a new endpoint gets all of it from its path and its body.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, Parameter, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, Required, ResponseBuilder};

/// Operations anyone may call without signing in.
const PUBLIC: [&str; 7] = [
    "/healthz",
    "/readyz",
    "/api/v1/auth/sign-in",
    "/api/v1/auth/refresh",
    "/api/v1/auth/sign-out",
    "/api/v1/preferences/locale",
    "/api/v1/certificates/{code}",
];

/// Path parameters that are ids (UUIDs); `number` is a version; the rest are names.
fn parameter_schema(name: &str) -> ObjectBuilder {
    match name {
        "id" | "user_id" => ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid))),
        "number" => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(1)),
        _ => ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(200)),
    }
}

fn parameter_description(name: &str) -> &'static str {
    match name {
        "id" => "The object's id.",
        "user_id" => "The person's id.",
        "number" => "A published version's number.",
        "code" => "The code printed on the certificate.",
        "activity" => "An activity's id in the course (e.g. `a2`).",
        "module" => "A module's id in the course.",
        "node" => "A role-play node's id.",
        "choice" => "A role-play choice's id.",
        "container" => "The activity holding the questions, or `bank`.",
        "question" => "A question's id.",
        _ => "A name in the path.",
    }
}

/// The `{names}` of a path template, in order.
pub fn template_names(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

fn error(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                Content::new(Some(Ref::from_schema_name("ErrorBody"))),
            )
            .build(),
    )
}

fn add_error(operation: &mut Operation, status: &str, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| error(description));
}

fn complete(path: &str, operation: &mut Operation) {
    let names = template_names(path);
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    for name in &names {
        let declared = parameters
            .iter()
            .any(|p| p.name == *name && p.parameter_in == ParameterIn::Path);
        if !declared {
            let mut parameter = Parameter::new(*name);
            parameter.parameter_in = ParameterIn::Path;
            parameter.required = Required::True;
            parameter.description = Some(parameter_description(name).to_owned());
            parameter.schema = Some(RefOr::T(parameter_schema(name).build().into()));
            parameters.push(parameter);
        }
    }
    let has_query = parameters
        .iter()
        .any(|p| p.parameter_in == ParameterIn::Query);
    if parameters.is_empty() {
        operation.parameters = None;
    }
    let has_body = operation
        .request_body
        .as_ref()
        .is_some_and(|body| !body.content.is_empty());
    if !names.is_empty() || has_query {
        add_error(
            operation,
            "404",
            "There is no such object, or it is not yours to see.",
        );
    }
    if has_body || has_query || !names.is_empty() {
        add_error(
            operation,
            "400",
            "The request is not valid; `fields` say where.",
        );
    }
    if has_body {
        add_error(
            operation,
            "413",
            "The body is larger than this endpoint takes.",
        );
        add_error(
            operation,
            "415",
            "The body is neither JSON nor a form post.",
        );
    }
    if !PUBLIC.contains(&path) {
        add_error(operation, "401", "Not signed in, or the session has ended.");
        add_error(
            operation,
            "403",
            "Signed in but not allowed, or a browser write from another site.",
        );
    }
    if path != "/healthz" {
        add_error(
            operation,
            "503",
            "The database cannot be reached or the server is busy; try again.",
        );
    }
}

/// Completes every operation of the document (see the module's comment).
pub struct Contract;

impl Modify for Contract {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            // A PATCH changes the fields present; an empty one changes nothing. Its POST alias
            // for HTML forms (which can only post) takes the same body and answers the same.
            if let Some(patch) = &mut item.patch {
                if let Some(body) = &mut patch.request_body {
                    body.required = Some(Required::False);
                }
                let patched = patch.responses.responses.clone();
                if let Some(post) = &mut item.post {
                    if let Some(body) = &mut post.request_body {
                        body.required = Some(Required::False);
                    }
                    for (status, response) in patched {
                        post.responses.responses.entry(status).or_insert(response);
                    }
                }
            }
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                complete(path, operation);
            }
        }
    }
}

/// The methods a documented path answers, for the `Allow` header of a `405` (HEAD comes
/// with GET).
pub fn allowed_methods(openapi: &OpenApi, path: &str) -> Vec<&'static str> {
    let Some(item) = openapi.paths.paths.get(path) else {
        return Vec::new();
    };
    let mut methods = Vec::new();
    for (present, names) in [
        (item.get.is_some(), &["GET", "HEAD"][..]),
        (item.post.is_some(), &["POST"][..]),
        (item.put.is_some(), &["PUT"][..]),
        (item.patch.is_some(), &["PATCH"][..]),
        (item.delete.is_some(), &["DELETE"][..]),
    ] {
        if present {
            methods.extend_from_slice(names);
        }
    }
    methods
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_in_order() {
        assert_eq!(
            template_names("/api/v1/courses/{id}/versions/{number}/package.json"),
            ["id", "number"]
        );
        assert!(template_names("/healthz").is_empty());
    }
}
