use sea_orm::entity::prelude::*;

/// A class taking one published version of a course.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohorts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    /// The published version the cohort studies.
    pub version: i32,
    pub title_vi: String,
    pub title_en: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    /// Modules open after the pre-test.
    pub gate_pre: bool,
    /// The post-test opens after the modules, the survey after the post-test.
    pub gate_post: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
