//! Publishing: a draft with no problems is frozen as the next numbered version, stored as
//! its canonical JSON. Versions are never changed afterwards; attempts point at them.

use crate::store::Db;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::authoring::Published;
use shared::course;
use uuid::Uuid;

use super::{CourseError, decode, encode, framework_codes, load};
use crate::entities::{course as course_row, course_version};
use crate::services::actors::Actor;
use crate::services::policy::CourseAction;

pub async fn publish(db: &Db, actor: &Actor, id: Uuid) -> Result<Published, CourseError> {
    let (course, _) = load(db, actor, id, CourseAction::Edit).await?;
    let package = decode(&course)?;
    let issues = course::validate(
        &package,
        Some(&framework_codes(db, course.framework_id).await?),
    );
    if !issues.is_empty() {
        return Err(CourseError::NotPublishable(issues));
    }
    let json = encode(&package)?;
    let latest = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(id))
        .filter(course_version::Column::Number.eq(course.latest_version))
        .one(db)
        .await?;
    if latest.is_some_and(|v| v.package == json) {
        return Err(CourseError::field(
            "draft",
            shared::Problem::DraftUnchanged {
                version: course.latest_version,
            },
        ));
    }
    let bytes = i32::try_from(json.len()).unwrap_or(i32::MAX);
    let number = course.latest_version + 1;
    let txn = db.begin().await?;
    let moved = course_row::Entity::update_many()
        .col_expr(course_row::Column::LatestVersion, Expr::value(number))
        .filter(course_row::Column::Id.eq(id))
        .filter(course_row::Column::LatestVersion.eq(course.latest_version))
        // What was checked is what is published: refuse if the draft changed meanwhile.
        .filter(course_row::Column::DraftRevision.eq(course.draft_revision))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(CourseError::Stale(
            u32::try_from(course.draft_revision).unwrap_or(0),
        ));
    }
    course_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        course_id: Set(id),
        number: Set(number),
        package: Set(json),
        package_bytes: Set(bytes),
        published_by: Set(actor.me.id),
        published_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Published {
        number: u32::try_from(number).unwrap_or(0),
        package_bytes: u32::try_from(bytes).unwrap_or(0),
    })
}

/// The package of version `number` (0: the current draft), as stored, with the course code
/// for a file name.
pub async fn version_package(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    number: u32,
) -> Result<(String, String), CourseError> {
    let (course, _) = load(db, actor, id, CourseAction::Read).await?;
    if number == 0 {
        let draft = decode(&course)?;
        return Ok((course.code, encode(&draft)?));
    }
    let version = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(id))
        .filter(course_version::Column::Number.eq(i32::try_from(number).unwrap_or(-1)))
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    Ok((course.code, version.package))
}
