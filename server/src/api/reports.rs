//! The supervisor's reports over the API, each also as CSV with the same cells as the page:
//! gains per competency (and the learners behind a row), self–supervisor gaps, training
//! needs of a unit and of one learner; and enrolling people from the needs.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use shared::Message;
use shared::evidence::report::{Comparison, ReportFilter};
use shared::evidence::table::{self, Table};
use shared::outcome::Outcome;
use shared::page::Page;
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::locale_of;
use crate::services::supervision::{enrol, gains, kirkpatrick, learner, needs};
use crate::spreadsheet::CsvWriter;
use crate::startup::AppState;

/// A table as a CSV download.
pub fn csv_download(table: &Table, name: &str) -> Result<HttpResponse, ApiError> {
    let bytes = CsvWriter::new(&table.header)
        .and_then(|mut writer| {
            table.rows.iter().try_for_each(|r| writer.row(r))?;
            writer.finish()
        })
        .map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"fieldschool-{name}.csv\""),
        ))
        .body(bytes))
}

/// Gains per competency and measure, for the signed-in supervisor's people.
#[utoipa::path(get, path = "/api/v1/reports/gains", tag = "reports", params(ReportFilter),
    responses((status = 200, body = shared::evidence::report::GainReport),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody)))]
pub async fn gain_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ReportFilter>,
) -> Result<HttpResponse, ApiError> {
    let report = gains::report(&state.db, &user.0.actor, &filter).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// The gain table as CSV: the same cells as the page, in the reader's language.
#[utoipa::path(get, path = "/api/v1/reports/gains.csv", tag = "reports", params(ReportFilter),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = shared::ErrorBody)))]
pub async fn gain_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ReportFilter>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let report = gains::report(&state.db, actor, &filter).await?;
    csv_download(&table::gains(&report, locale_of(actor)), "gains")
}

/// The self − supervisor rating gaps as CSV.
#[utoipa::path(get, path = "/api/v1/reports/rating-gaps.csv", tag = "reports", params(ReportFilter),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = shared::ErrorBody)))]
pub async fn rating_gap_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ReportFilter>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let report = gains::report(&state.db, actor, &filter).await?;
    csv_download(
        &table::rating_gaps(&report.gaps, locale_of(actor)),
        "rating-gaps",
    )
}

#[derive(Debug, Deserialize)]
pub struct RowQuery {
    #[serde(flatten)]
    pub filter: ReportFilter,
    pub of: Uuid,
    pub measure: String,
}

/// The row of `GET /reports/gains/learners`, beside the report's filters.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct RowParams {
    /// The row's competency.
    of: Uuid,
    /// The row's measure, e.g. `supervisor:follow_up_30`.
    #[param(
        pattern = r"^(test|self|supervisor|peer|lecturer):after$|^supervisor:follow_up_(30|90)$"
    )]
    measure: String,
}

/// The learners behind one row of the gain table (refused for groups under 5).
#[utoipa::path(get, path = "/api/v1/reports/gains/learners", tag = "reports", params(ReportFilter, RowParams),
    responses((status = 200, body = Vec<shared::evidence::report::LearnerChange>),
        (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody)))]
pub async fn gain_learners(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<RowQuery>,
) -> Result<HttpResponse, ApiError> {
    let comparison = Comparison::from_code(&query.measure).ok_or_else(|| {
        ApiError::invalid(
            Message::NoSuchMeasure,
            vec![FieldProblem::new("measure", Problem::Measure)],
        )
    })?;
    let found = gains::learners(
        &state.db,
        &user.0.actor,
        &query.filter,
        query.of,
        comparison,
    )
    .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Training needs of the supervisor's people: the heat map, ranked gaps, courses.
#[utoipa::path(get, path = "/api/v1/reports/needs", tag = "reports", params(ReportFilter),
    responses((status = 200, body = shared::evidence::report::NeedsReport),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn needs_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ReportFilter>,
) -> Result<HttpResponse, ApiError> {
    let report = needs::of_unit(&state.db, &user.0.actor, &filter).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// The needs heat map as CSV.
#[utoipa::path(get, path = "/api/v1/reports/needs.csv", tag = "reports", params(ReportFilter),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = shared::ErrorBody)))]
pub async fn needs_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ReportFilter>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let report = needs::of_unit(&state.db, actor, &filter).await?;
    csv_download(&table::needs(&report, locale_of(actor)), "needs")
}

/// One learner's evidence, needs and recommended courses (their own, or a supervisor's
/// person's).
#[utoipa::path(get, path = "/api/v1/learners/{id}/record", tag = "reports",
    responses((status = 200, body = shared::evidence::report::LearnerRecord),
        (status = 404, body = shared::ErrorBody)))]
pub async fn learner_record(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = learner::record(&state.db, &user.0.actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(found))
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NeedsEnrolment {
    /// The people to enrol (forms send `learners` once per person).
    #[serde(default)]
    pub learners: Vec<Uuid>,
}

/// Enrols people with a gap in an open cohort of a recommended course.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/needs-enrolments", tag = "reports",
    request_body(content = NeedsEnrolment, content_type = "application/json"),
    responses((status = 200, body = shared::answers::Enrolled), (status = 400, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn enrol_from_needs(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<NeedsEnrolment>,
) -> Result<HttpResponse, ApiError> {
    let cohort = parse_id(&id)?;
    let back = super::evidence::back_to(&body.fields, Page::SuperviseNeeds);
    match enrol::enrol(&state.db, &user.0.actor, cohort, &body.value.learners).await {
        Ok(n) => Ok(body.respond(
            &shared::answers::Enrolled { enrolled: n },
            &back
                .clone()
                .outcome(Outcome::Enrolled { count: n })
                .to_string(),
        )),
        Err(e) => body.reject_with_detail(ApiError::from(e), &back.to_string(), &[]),
    }
}

/// One cohort through Kirkpatrick's levels, for the viewer's people: survey means
/// (reaction), test gains (learning), the supervisor's follow-ups (behaviour).
#[utoipa::path(get, path = "/api/v1/reports/cohorts/{id}/kirkpatrick", tag = "reports",
    responses((status = 200, body = shared::evidence::kirkpatrick::KirkpatrickSummary),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn cohort_summary(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = kirkpatrick::summary(&state.db, &user.0.actor, parse_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(found))
}

/// The cohort's survey means as CSV.
#[utoipa::path(get, path = "/api/v1/reports/cohorts/{id}/reaction.csv", tag = "reports",
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn reaction_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let found = kirkpatrick::summary(&state.db, actor, parse_id(&id)?).await?;
    csv_download(
        &table::reaction(&found.reaction, locale_of(actor)),
        "reaction",
    )
}
