use sea_orm::entity::prelude::*;

/// One level for (learner, competency) from a source in a phase. Never edited: a wrong one is
/// voided (with who, when and why) and a new one recorded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_evidence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub competency_id: Uuid,
    /// A `shared::evidence::Source` code.
    pub source: String,
    /// A `shared::evidence::Phase` code.
    pub phase: String,
    pub level: i32,
    pub rater_id: Option<Uuid>,
    pub cohort_id: Option<Uuid>,
    /// The test attempt it was derived from.
    pub attempt_id: Option<Uuid>,
    /// When the level was observed (the test, the rating, the paper record's date).
    pub observed_at: DateTimeUtc,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Option<Uuid>,
    /// What makes a repeat of the same record (an attempt, a form, an imported row) unique.
    #[sea_orm(unique)]
    pub dedup_key: String,
    pub voided_at: Option<DateTimeUtc>,
    pub voided_by: Option<Uuid>,
    pub void_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
