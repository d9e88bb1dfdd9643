use sea_orm::entity::prelude::*;

/// Derived from the evidence in the same transaction: a learner's mean level per phase for
/// one competency, one cohort (nil: evidence without a cohort) and one lens.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_pairs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub cohort_key: Uuid,
    /// A `shared::evidence::Lens` code.
    #[sea_orm(primary_key, auto_increment = false)]
    pub lens: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub follow_up_30: Option<f64>,
    pub follow_up_90: Option<f64>,
    /// The latest evidence's date.
    pub observed_at: DateTimeUtc,
    /// The learner's unit and position when last refreshed (kept current by every change
    /// of either).
    pub org_unit_id: Option<Uuid>,
    pub position_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
