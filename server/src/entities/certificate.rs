use sea_orm::entity::prelude::*;

/// A certificate of completion; one per learner and cohort. The code (128 random bits) is
/// what the public verification page looks up.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub cohort_id: Uuid,
    pub user_id: Uuid,
    /// The name as it was when issued.
    pub learner_name: String,
    /// JSON: the competencies achieved, with their names and post-test shares.
    #[sea_orm(column_type = "Text")]
    pub competencies: String,
    pub issued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
