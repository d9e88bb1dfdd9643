//! Co-authors: the owner adds lecturers by username, and removes them.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, ModelTrait, QueryFilter, Set};
use shared::{Problem, Role};
use uuid::Uuid;

use super::{CourseError, load};
use crate::entities::{course_author, user, user_role};
use crate::services::actors::Actor;
use crate::services::policy::CourseAction;

pub async fn add_author(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    username: &str,
) -> Result<Uuid, CourseError> {
    let (course, _) = load(db, actor, id, CourseAction::ManageAuthors).await?;
    let person = user::Entity::find()
        .filter(user::Column::Username.eq(username.trim()))
        .filter(user::Column::Disabled.eq(false))
        .one(db)
        .await?
        .ok_or_else(|| CourseError::field("username", Problem::NoActiveAccount))?;
    let lecturer = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(person.id))
        .filter(user_role::Column::Role.eq(Role::Lecturer.code()))
        .one(db)
        .await?
        .is_some();
    if !lecturer {
        return Err(CourseError::field("username", Problem::LecturersOnly));
    }
    if person.id == course.owner_id {
        return Err(CourseError::field("username", Problem::AlreadyOwner));
    }
    if course_author::Entity::find_by_id((id, person.id))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(person.id);
    }
    course_author::ActiveModel {
        course_id: Set(id),
        user_id: Set(person.id),
        added_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(person.id)
}

pub async fn remove_author(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    user_id: Uuid,
) -> Result<(), CourseError> {
    load(db, actor, id, CourseAction::ManageAuthors).await?;
    let row = course_author::Entity::find_by_id((id, user_id))
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    row.delete(db).await?;
    Ok(())
}
