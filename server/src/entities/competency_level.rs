use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_levels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub framework_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub level: i32,
    pub name_vi: String,
    pub name_en: String,
    #[sea_orm(column_type = "Text")]
    pub descriptor_vi: String,
    #[sea_orm(column_type = "Text")]
    pub descriptor_en: String,
    pub proficient: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
