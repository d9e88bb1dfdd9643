use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_frameworks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub code: String,
    pub version: i32,
    pub name_vi: String,
    pub name_en: String,
    pub created_at: DateTimeUtc,
    /// Shares of a test's marks at which each next level begins (`0.2,0.4,0.6,0.8`); none:
    /// the scale split evenly (`shared::evidence::test_level`).
    pub test_cutoffs: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
