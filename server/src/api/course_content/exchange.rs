//! A quiz's questions or the item bank as a file other systems read: Moodle XML (for
//! Moodle's question bank) or GIFT (text), in the language asked for.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use shared::Locale;
use shared::course::Package;
use shared::{FieldProblem, Message, Problem};

use crate::api::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::error::ApiError;
use crate::interchange::{gift, moodle_xml};
use crate::services::courses::{self, CourseError};
use crate::startup::AppState;

/// The formats questions are written in.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    MoodleXml,
    Gift,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `moodle_xml` (every type) or `gift` (every type but ordering).
    pub format: ExportFormat,
    /// The language of the texts written: `vi` (default) or `en`.
    #[param(value_type = Option<String>, pattern = r"^(vi|en)$")]
    #[serde(default)]
    pub language: Option<String>,
}

/// The questions of a quiz (`{container}` is its activity id) or of the item bank
/// (`bank`) in the course's draft, as a Moodle XML or GIFT file. What GIFT cannot hold is
/// said in comments at the top of the file.
#[utoipa::path(get, path = "/api/v1/courses/{id}/questions/{container}/export", tag = "course content",
    params(ExportQuery),
    responses((status = 200, description = "The file: Moodle XML, or GIFT as text",
            content((String = "application/xml"), (String = "text/plain"))),
        (status = 400, body = shared::ErrorBody), (status = 401, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn export_questions(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, container) = path.into_inner();
    let locale = match query.language.as_deref() {
        None => Locale::Vi,
        Some(code) => Locale::from_code(code).ok_or_else(|| {
            ApiError::invalid(
                Message::ChooseLanguage,
                vec![FieldProblem::new("language", Problem::LanguageChoice)],
            )
        })?,
    };
    let (code, json) =
        courses::version_package(&state.db, &user.0.actor, parse_id(&id)?, 0).await?;
    let mut package: Package = serde_json::from_str(&json)
        .map_err(|e| ApiError::from(CourseError::Encoding(e.to_string())))?;
    let questions = package
        .questions_mut(&container)
        .map_err(|_| ApiError::not_found(Message::NoSuchActivity))?
        .clone();
    let category = format!("$course$/{code}/{container}");
    let (body, content_type, extension) = match query.format {
        ExportFormat::MoodleXml => (
            moodle_xml::write(&questions, locale, Some(&category)),
            "application/xml; charset=utf-8",
            "xml",
        ),
        ExportFormat::Gift => {
            let (text, lost) = gift::write(&questions, locale, Some(&category));
            let mut head: String = lost
                .iter()
                .map(|(question, note)| format!("// {question}: {note}\n"))
                .collect();
            if !head.is_empty() {
                head.push('\n');
            }
            (head + &text, "text/plain; charset=utf-8", "gift.txt")
        }
    };
    let safe: String = format!("{code}-{container}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{safe}.{extension}\""),
        ))
        .body(body))
}
