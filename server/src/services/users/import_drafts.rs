//! Pasted CSV kept between an import's preview and its confirmation; each administrator
//! sees only their own drafts, and drafts older than a day are dropped.

use crate::store::Db;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::import_draft;

const KEEP_HOURS: i64 = 24;

pub async fn save(db: &Db, user: Uuid, csv: String) -> Result<Uuid, DbErr> {
    import_draft::Entity::delete_many()
        .filter(import_draft::Column::CreatedAt.lt(Utc::now() - Duration::hours(KEEP_HOURS)))
        .exec(db)
        .await?;
    let id = Uuid::new_v4();
    import_draft::ActiveModel {
        id: Set(id),
        user_id: Set(user),
        csv: Set(csv),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// The CSV of one of `user`'s drafts.
pub async fn load(db: &Db, user: Uuid, id: Uuid) -> Result<Option<String>, DbErr> {
    Ok(import_draft::Entity::find_by_id(id)
        .filter(import_draft::Column::UserId.eq(user))
        .one(db)
        .await?
        .map(|d| d.csv))
}

pub async fn delete(db: &Db, user: Uuid, id: Uuid) -> Result<(), DbErr> {
    import_draft::Entity::delete_many()
        .filter(import_draft::Column::Id.eq(id))
        .filter(import_draft::Column::UserId.eq(user))
        .exec(db)
        .await?;
    Ok(())
}
