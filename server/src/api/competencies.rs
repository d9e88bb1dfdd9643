//! `/api/v1/competency-frameworks` and position profiles: read by everyone signed in,
//! maintained by national administrators.

use actix_web::{HttpResponse, web};
use shared::Message;
use shared::outcome::Outcome;
use shared::outcome::Thing;
use shared::page::Page;
use shared::{FieldProblem, Problem};

use shared::competency_admin::FrameworkImport;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::{BodyKind, Submitted};
use crate::http::error::ApiError;
use crate::services::competencies::{self};
use crate::services::competency_admin::{self};
use crate::startup::AppState;

/// Every competency framework version with its proficiency scale and competencies.
#[utoipa::path(get, path = "/api/v1/competency-frameworks", tag = "competencies",
    responses((status = 200, body = [shared::competency::Framework]), (status = 401, body = shared::ErrorBody)))]
pub async fn frameworks(
    state: web::Data<AppState>,
    _user: CurrentUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(competencies::frameworks(&state.db).await?))
}

/// The level of each competency a job position requires.
#[utoipa::path(get, path = "/api/v1/positions/{id}/profile", tag = "competencies",
    responses((status = 200, body = shared::competency::PositionProfile), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn position_profile(
    state: web::Data<AppState>,
    _user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let profile = competencies::position_profile(&state.db, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(profile))
}

/// One framework version as CSV: a row per scale level, then a row per competency.
#[utoipa::path(get, path = "/api/v1/competency-frameworks/{id}/export.csv", tag = "competencies",
    responses((status = 200, content_type = "text/csv"), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn export(
    state: web::Data<AppState>,
    _user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let csv = competencies::export_csv(&state.db, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"competency-framework.csv\"",
        ))
        .body(csv))
}

/// A new framework version from CSV (the export's format): version 1 of a new code, or the
/// next version of an existing one. Versions are never edited in place.
#[utoipa::path(post, path = "/api/v1/competency-frameworks/import", tag = "competencies",
    request_body(content = FrameworkImport, content_type = "application/json"),
    responses((status = 201, body = shared::competency_admin::FrameworkCreated), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody)))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Submitted<FrameworkImport>,
) -> Result<HttpResponse, ApiError> {
    match competency_admin::import_csv(&state.db, &user.0.actor, body.value.clone()).await {
        Ok(_) if body.kind == BodyKind::Form => Ok(Submitted::<()>::see_other(
            &Page::Competencies
                .after(Outcome::Created {
                    thing: Thing::Framework,
                })
                .to_string(),
        )),
        Ok(created) => Ok(HttpResponse::Created().json(created)),
        Err(e) => body.reject_with_detail(
            ApiError::from(e),
            &Page::Competencies.path(),
            &["code", "name_vi", "name_en", "csv"],
        ),
    }
}

/// Deletes a framework version nothing uses.
#[utoipa::path(post, path = "/api/v1/competency-frameworks/{id}/delete", tag = "competencies",
    responses((status = 204), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody),
        (status = 409, body = shared::ErrorBody)))]
pub async fn delete(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    match competency_admin::delete(&state.db, &user.0.actor, parse_id(&id)?).await {
        Ok(()) => Ok(body.respond_done(&Page::Competencies.after(Outcome::Updated).to_string())),
        Err(e) => body.reject(ApiError::from(e), &Page::Competencies.path(), &[]),
    }
}

/// The body of `POST /positions/{id}/profile`, for the document (the handler also reads
/// the form's `level.CODE` fields).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ProfileInput {
    /// The framework version the levels belong to.
    framework_id: uuid::Uuid,
    /// Competency code → the level required (0: nothing).
    #[schema(value_type = std::collections::BTreeMap<String, u8>)]
    levels: std::collections::BTreeMap<String, u8>,
}

/// Sets the levels a position requires in one framework version. JSON:
/// `{"framework_id": "…", "levels": {"LEAD": 4, …}}`; a form sends `framework_id` and
/// `level.CODE` fields. A level of 0 (or a code left out) requires nothing.
#[utoipa::path(post, path = "/api/v1/positions/{id}/profile", tag = "competencies",
    request_body(content = ProfileInput, content_type = "application/json"),
    responses((status = 204), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn set_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let position = parse_id(&id)?;
    let back = Page::AdminPosition(position);
    let (framework, levels): (String, Vec<(String, String)>) = match body.kind {
        BodyKind::Form => (
            body.fields
                .iter()
                .find(|(k, _)| k == "framework_id")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            body.fields
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("level.").map(|c| (c.to_owned(), v.clone())))
                .collect(),
        ),
        BodyKind::Json => (
            body.value["framework_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            match &body.value["levels"] {
                serde_json::Value::Object(m) => {
                    m.iter().map(|(k, v)| (k.clone(), v.to_string())).collect()
                }
                _ => {
                    return Err(ApiError::invalid(
                        Message::LevelsAreObject,
                        vec![FieldProblem::new("levels", Problem::LevelsObject)],
                    ));
                }
            },
        ),
    };
    let framework = uuid::Uuid::parse_str(framework.trim()).map_err(|_| {
        ApiError::invalid(
            Message::ChooseFramework,
            vec![FieldProblem::new("framework_id", Problem::FrameworkId)],
        )
    })?;
    let mut parsed = std::collections::BTreeMap::new();
    for (code, level) in levels {
        let level = level.trim().trim_matches('"').parse::<i32>().map_err(|_| {
            ApiError::invalid(
                Message::LevelsAreNumbers,
                vec![FieldProblem::new(code.clone(), Problem::LevelNumber)],
            )
        })?;
        parsed.insert(code, level);
    }
    match competency_admin::set_profile(&state.db, &user.0.actor, position, framework, parsed).await
    {
        Ok(()) => Ok(body.respond_done(&back.after(Outcome::Updated).to_string())),
        Err(e) => body.reject(ApiError::from(e), &back.path(), &[]),
    }
}
