//! A demo cohort of the demo course, taught by the demo lecturer, with the demo learners.

use crate::store::Db;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::SeedError;
use crate::entities::{cohort, cohort_lecturer, course, enrolment, user};

pub const TITLE_VI: &str = "Lớp bồi dưỡng cán bộ cấp xã K1/2026";
const TITLE_EN: &str = "Commune cadre training, class 1/2026";
const LECTURER: &str = "gv.lan";
const LEARNERS: [&str; 4] = ["hv.mai", "hv.tuan", "hv.thao", "ql.hung"];

async fn person(db: &Db, username: &str) -> Result<user::Model, SeedError> {
    user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("user {username}")))
}

/// Adds the cohort if missing; returns how many cohorts were added.
pub async fn seed(db: &Db) -> Result<usize, SeedError> {
    if cohort::Entity::find()
        .filter(cohort::Column::TitleVi.eq(TITLE_VI))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(0);
    }
    let course = course::Entity::find()
        .filter(course::Column::Code.eq("KNTC-DAT-DAI-XA"))
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing("the demo course".into()))?;
    let lecturer = person(db, LECTURER).await?;
    let now = Utc::now();
    let id = Uuid::new_v4();
    // A class in progress whenever the demo is seeded: it began a month ago.
    let today = now.date_naive();
    let starts = today - Duration::days(30);
    let ends = today + Duration::days(16);
    cohort::ActiveModel {
        id: Set(id),
        course_id: Set(course.id),
        version: Set(1),
        title_vi: Set(TITLE_VI.into()),
        title_en: Set(TITLE_EN.into()),
        starts_on: Set(starts),
        ends_on: Set(ends),
        created_by: Set(lecturer.id),
        created_at: Set(now),
        gate_pre: Set(true),
        gate_post: Set(true),
    }
    .insert(db)
    .await?;
    cohort_lecturer::ActiveModel {
        cohort_id: Set(id),
        user_id: Set(lecturer.id),
        added_at: Set(now),
    }
    .insert(db)
    .await?;
    for username in LEARNERS {
        let learner = person(db, username).await?;
        enrolment::ActiveModel {
            cohort_id: Set(id),
            user_id: Set(learner.id),
            added_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(1)
}
