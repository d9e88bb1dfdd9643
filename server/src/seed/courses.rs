//! The demo course, published as version 1 and owned by the demo lecturer: handling
//! citizens' complaints and land disputes at commune level, in Vietnamese and English.
//! Its content is the package `demo_course.json` (the same format as any export).

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::course::{self, Package};
use uuid::Uuid;

use super::SeedError;
use crate::entities::{competency_framework, course as course_row, course_version, user};

/// The demo course's content package.
pub const DEMO_COURSE: &str = include_str!("demo_course.json");
const OWNER: &str = "gv.lan";

/// Adds and publishes the demo course if missing; returns how many courses were added.
pub async fn seed(db: &Db) -> Result<usize, SeedError> {
    let package: Package = serde_json::from_str(DEMO_COURSE)
        .map_err(|e| SeedError::Missing(format!("readable demo course ({e})")))?;
    let exists = course_row::Entity::find()
        .filter(course_row::Column::Code.eq(package.course.code.as_str()))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(0);
    }
    let reference = &package.course.framework;
    let framework = competency_framework::Entity::find()
        .filter(competency_framework::Column::Code.eq(reference.code.as_str()))
        .filter(
            competency_framework::Column::Version
                .eq(i32::try_from(reference.version).unwrap_or(-1)),
        )
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("framework {}", reference.code)))?;
    let known = crate::services::courses::framework_codes(db, framework.id).await?;
    let issues = course::validate(&package, Some(&known));
    if let Some(first) = issues.first() {
        return Err(SeedError::Missing(format!(
            "a valid demo course ({}: {:?})",
            first.path, first.kind
        )));
    }
    let owner = user::Entity::find()
        .filter(user::Column::Username.eq(OWNER))
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("user {OWNER}")))?;
    let json = serde_json::to_string(&package)
        .map_err(|e| SeedError::Missing(format!("encodable demo course ({e})")))?;
    let now = Utc::now();
    let id = Uuid::new_v4();
    let txn = db.begin().await?;
    course_row::ActiveModel {
        id: Set(id),
        code: Set(package.course.code.clone()),
        owner_id: Set(owner.id),
        framework_id: Set(framework.id),
        title_vi: Set(package.course.title.vi.clone()),
        title_en: Set(package.course.title.en.clone()),
        draft: Set(json.clone()),
        draft_revision: Set(1),
        latest_version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    course_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        course_id: Set(id),
        number: Set(1),
        package_bytes: Set(i32::try_from(json.len()).unwrap_or(i32::MAX)),
        package: Set(json),
        published_by: Set(owner.id),
        published_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(1)
}
