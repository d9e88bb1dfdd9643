use sea_orm::entity::prelude::*;

/// A learner's unsent work in one activity: written answers saved as a draft, or the path of
/// a role-play being played without scripts. Replaced on each save; gone once submitted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cohort_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: String,
    /// JSON: `{"answers": [...]}` or `{"path": [...]}`.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub saved_at: DateTimeUtc,
    /// The device's id for a draft saved offline (a resend changes nothing).
    pub client_id: Option<Uuid>,
    /// When the device saved it; an older draft never replaces a newer one.
    pub client_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
