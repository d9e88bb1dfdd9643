use sea_orm::entity::prelude::*;

/// A course and its draft (a content package as JSON).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub owner_id: Uuid,
    pub framework_id: Uuid,
    pub title_vi: String,
    pub title_en: String,
    #[sea_orm(column_type = "Text")]
    pub draft: String,
    /// Goes up by one with every saved change of the draft.
    pub draft_revision: i32,
    /// The newest published version's number; 0 before the first.
    pub latest_version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
