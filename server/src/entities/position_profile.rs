use sea_orm::entity::prelude::*;

/// The level a position requires in a competency.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "position_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub position_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: Uuid,
    pub required_level: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
