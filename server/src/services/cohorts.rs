//! Cohorts: a class taking one published course version, opened by the course's lecturers
//! or an administrator, with its learners.

use crate::store::Db;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
};
use shared::learning::{CohortSummary, NewCohort};
use shared::{FieldProblem, L10n, Problem};
use uuid::Uuid;

use crate::entities::{cohort, cohort_lecturer, course, course_version, enrolment, user};
use crate::services::actors::Actor;
use crate::services::courses;
use crate::services::policy::{self, CohortAction, CohortStanding};

#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    #[error("no such cohort")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("the cohort is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("database error in cohorts: {0}")]
    Database(#[from] DbErr),
}

fn invalid(field: &str, problem: Problem) -> CohortError {
    CohortError::Invalid(vec![FieldProblem::new(field, problem)])
}

/// The cohort `id` and how `actor` stands to it, read in one statement: this runs on
/// every submission and every learner's page.
async fn with_standing(
    db: &Db,
    actor: &Actor,
    id: Uuid,
) -> Result<Option<(cohort::Model, CohortStanding)>, DbErr> {
    let teaches = Query::select()
        .expr(Expr::val(1))
        .from(cohort_lecturer::Entity)
        .and_where(cohort_lecturer::Column::CohortId.eq(id))
        .and_where(cohort_lecturer::Column::UserId.eq(actor.me.id))
        .to_owned();
    let enrolled = Query::select()
        .expr(Expr::val(1))
        .from(enrolment::Entity)
        .and_where(enrolment::Column::CohortId.eq(id))
        .and_where(enrolment::Column::UserId.eq(actor.me.id))
        .to_owned();
    let statement = cohort::Entity::find_by_id(id)
        .expr_as(Expr::exists(teaches), "teaches")
        .expr_as(Expr::exists(enrolled), "enrolled")
        .into_query();
    let Some(row) = db.query_one(&statement).await? else {
        return Ok(None);
    };
    let cohort = cohort::Model::from_query_result(&row, "")?;
    let teaches: bool = row.try_get("", "teaches")?;
    let enrolled: bool = row.try_get("", "enrolled")?;
    let standing = CohortStanding {
        staff: teaches || cohort.created_by == actor.me.id,
        enrolled,
        course_author: false,
    };
    Ok(Some((cohort, standing)))
}

/// The cohort if `actor` may do `action` in it; one they have nothing to do with is not found.
pub(crate) async fn load(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    action: CohortAction,
) -> Result<cohort::Model, CohortError> {
    let (cohort, standing) = with_standing(db, actor, id)
        .await?
        .ok_or(CohortError::NotFound)?;
    let visible = policy::cohort_allows(actor, CohortAction::Manage, standing)
        || policy::cohort_allows(actor, CohortAction::Study, standing);
    if !visible {
        return Err(CohortError::NotFound);
    }
    if !policy::cohort_allows(actor, action, standing) {
        return Err(CohortError::Forbidden);
    }
    Ok(cohort)
}

fn date(field: &str, text: &str) -> Result<NaiveDate, CohortError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(field, Problem::NotADate))
}

/// Opens a cohort of a published course version; the opener teaches it.
pub async fn open(db: &Db, actor: &Actor, input: NewCohort) -> Result<Uuid, CohortError> {
    let course = course::Entity::find_by_id(input.course_id)
        .one(db)
        .await?
        .ok_or_else(|| invalid("course_id", Problem::NoSuchCourse))?;
    let authorship = courses::authorship(db, actor, &course).await?;
    let standing = CohortStanding {
        course_author: authorship.owner || authorship.co_author,
        ..CohortStanding::default()
    };
    if !policy::cohort_allows(actor, CohortAction::Open, standing) {
        return Err(CohortError::Forbidden);
    }
    let version = if input.version == 0 {
        course.latest_version
    } else {
        i32::try_from(input.version).unwrap_or(-1)
    };
    let published = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course.id))
        .filter(course_version::Column::Number.eq(version))
        .one(db)
        .await?
        .is_some();
    if !published {
        return Err(invalid("version", Problem::NoSuchPublishedVersion));
    }
    let title = input.title_vi.trim();
    if title.is_empty() || input.title_vi.chars().count() > 300 {
        return Err(invalid(
            "title_vi",
            Problem::CharsBetween { min: 1, max: 300 },
        ));
    }
    if input.title_en.chars().count() > 300 {
        return Err(invalid("title_en", Problem::CharsAtMost { max: 300 }));
    }
    let (starts, ends) = (
        date("starts_on", &input.starts_on)?,
        date("ends_on", &input.ends_on)?,
    );
    if ends < starts {
        return Err(invalid("ends_on", Problem::EndBeforeStart));
    }
    let id = Uuid::new_v4();
    let now = Utc::now();
    cohort::ActiveModel {
        id: Set(id),
        course_id: Set(course.id),
        version: Set(version),
        title_vi: Set(title.to_owned()),
        title_en: Set(input.title_en.trim().to_owned()),
        starts_on: Set(starts),
        ends_on: Set(ends),
        created_by: Set(actor.me.id),
        created_at: Set(now),
        gate_pre: Set(input.gate_pre),
        gate_post: Set(input.gate_post),
    }
    .insert(db)
    .await?;
    cohort_lecturer::ActiveModel {
        cohort_id: Set(id),
        user_id: Set(actor.me.id),
        added_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// A cohort's lecturers: id and full name, in the order they were added.
pub async fn lecturers(db: &Db, cohort: Uuid) -> Result<Vec<(Uuid, String)>, DbErr> {
    let ids: Vec<Uuid> = cohort_lecturer::Entity::find()
        .filter(cohort_lecturer::Column::CohortId.eq(cohort))
        .order_by_asc(cohort_lecturer::Column::AddedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.user_id)
        .collect();
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    Ok(ids
        .into_iter()
        .filter_map(|id| {
            people
                .iter()
                .find(|p| p.id == id)
                .map(|p| (id, p.full_name.clone()))
        })
        .collect())
}

pub(crate) async fn summaries(
    db: &Db,
    cohorts: Vec<cohort::Model>,
) -> Result<Vec<CohortSummary>, DbErr> {
    let mut out = Vec::new();
    for c in cohorts {
        let course = course::Entity::find_by_id(c.course_id).one(db).await?;
        let latest = course
            .as_ref()
            .map_or(0, |c| u32::try_from(c.latest_version).unwrap_or(0));
        let learners = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(c.id))
            .count(db)
            .await?;
        out.push(CohortSummary {
            id: c.id,
            course_id: c.course_id,
            version: u32::try_from(c.version).unwrap_or(0),
            title: L10n::new(c.title_vi, c.title_en),
            course_title: course
                .map(|c| L10n::new(c.title_vi, c.title_en))
                .unwrap_or_default(),
            starts_on: c.starts_on.to_string(),
            ends_on: c.ends_on.to_string(),
            learners: u32::try_from(learners).unwrap_or(u32::MAX),
            latest_version: latest,
        });
    }
    Ok(out)
}

/// Moves a class its staff manage to a later published version of its course (`0`: the
/// latest); answers the version it studies now.
pub async fn move_to_version(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    version: u32,
) -> Result<u32, CohortError> {
    let cohort = load(db, actor, id, CohortAction::Manage).await?;
    let latest = course::Entity::find_by_id(cohort.course_id)
        .one(db)
        .await?
        .map_or(0, |c| c.latest_version);
    let target = if version == 0 {
        latest
    } else {
        i32::try_from(version).unwrap_or(i32::MAX)
    };
    if target <= cohort.version || target > latest {
        return Err(invalid(
            "version",
            Problem::LaterVersion {
                current: cohort.version,
                latest,
            },
        ));
    }
    let mut row: cohort::ActiveModel = cohort.into();
    row.version = Set(target);
    row.update(db).await?;
    Ok(u32::try_from(target).unwrap_or(0))
}

/// The cohorts `actor` teaches (every cohort for national administrators).
pub async fn teaching(db: &Db, actor: &Actor) -> Result<Vec<CohortSummary>, CohortError> {
    let mut query = cohort::Entity::find().order_by_desc(cohort::Column::StartsOn);
    if !policy::cohort_allows(actor, CohortAction::Manage, CohortStanding::default()) {
        let mine: Vec<Uuid> = cohort_lecturer::Entity::find()
            .filter(cohort_lecturer::Column::UserId.eq(actor.me.id))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.cohort_id)
            .collect();
        query = query.filter(cohort::Column::Id.is_in(mine));
    }
    Ok(summaries(db, query.all(db).await?).await?)
}

/// The cohorts `actor` studies in.
pub async fn studying(db: &Db, actor: &Actor) -> Result<Vec<CohortSummary>, CohortError> {
    let mine: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(actor.me.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.cohort_id)
        .collect();
    let cohorts = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(mine))
        .order_by_desc(cohort::Column::StartsOn)
        .all(db)
        .await?;
    Ok(summaries(db, cohorts).await?)
}
