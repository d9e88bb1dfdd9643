use sea_orm::entity::prelude::*;

/// Derived from the evidence in the same transaction: the level that counts now for a
/// learner and competency (`shared::evidence::current_level`'s rule).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_current")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: Uuid,
    pub level: f64,
    pub source: String,
    pub observed_at: DateTimeUtc,
    /// The learner's unit and position when last refreshed (kept current by every change
    /// of either).
    pub org_unit_id: Option<Uuid>,
    pub position_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
