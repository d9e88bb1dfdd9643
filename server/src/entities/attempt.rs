use sea_orm::entity::prelude::*;

/// One submitted attempt at an activity (a quiz or test, a case study's answers, a finished
/// role-play, a survey); never changed once stored. The id is the
/// client's, so a repeated submission finds the first.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "attempts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub cohort_id: Uuid,
    pub user_id: Uuid,
    pub activity_id: String,
    /// The responses as JSON, by question id.
    #[sea_orm(column_type = "Text")]
    pub responses: String,
    /// 0 to 1.
    pub score: f64,
    pub passed: bool,
    /// The per-question outcome as JSON.
    #[sea_orm(column_type = "Text")]
    pub result: String,
    pub submitted_at: DateTimeUtc,
    /// A role-play's ending: `success`, `partial` or `fail`.
    pub outcome: Option<String>,
    /// When the learner's device says it was done (offline work arrives later).
    pub client_at: Option<DateTimeUtc>,
    /// Sent from a device after the activity's attempts were used up: kept and shown to
    /// the learner, but it counts for nothing (progress, evidence, certificates).
    pub over_limit: bool,
    /// The course version the learner answered on (the class may have moved on since).
    pub course_version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
