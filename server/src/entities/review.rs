use sea_orm::entity::prelude::*;

/// A lecturer's review of a case study's written answers, by the activity's rubric.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attempt_id: Uuid,
    pub reviewer_id: Uuid,
    /// JSON list: points given for each rubric criterion, in order.
    #[sea_orm(column_type = "Text")]
    pub points: String,
    #[sea_orm(column_type = "Text")]
    pub comment: String,
    pub reviewed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
