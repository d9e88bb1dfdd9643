//! `seed-demo`: realistic, bilingual demo data. Idempotent: rows are found by their
//! stable code (or username) and only missing ones are added, so running it again changes
//! nothing. Later capabilities add their own demo data here.

mod accounts;
mod cohorts;
mod competencies;
mod courses;
mod evidence;
mod org_units;
mod positions;
mod progress;

use crate::store::Db;
use sea_orm::DbErr;

pub use accounts::{DEMO_ACCOUNTS, DemoAccount};
pub use courses::DEMO_COURSE;
pub use evidence::{CADRE_COUNT as DEMO_CADRES, PASSWORD as DEMO_CADRE_PASSWORD};

use crate::services::passwords::PasswordHasher;
use crate::services::users::UserError;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub org_units_added: usize,
    pub positions_added: usize,
    pub users_added: usize,
    pub competencies_added: usize,
    pub courses_added: usize,
    pub cohorts_added: usize,
    /// Demo learners given work in the demo cohort.
    pub learners_progressed: usize,
    /// Pieces of competency evidence of the finished demo class.
    pub evidence_added: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database error while seeding: {0}")]
    Database(#[from] DbErr),
    #[error("could not create a demo user: {0}")]
    User(#[from] UserError),
    #[error("the demo data refers to a missing {0}")]
    Missing(String),
}

pub async fn seed_demo(db: &Db, hasher: &PasswordHasher) -> Result<SeedReport, SeedError> {
    Ok(SeedReport {
        org_units_added: org_units::seed(db).await?,
        positions_added: positions::seed(db).await?,
        users_added: accounts::seed(db, hasher).await?,
        competencies_added: competencies::seed(db).await?,
        courses_added: courses::seed(db).await?,
        cohorts_added: cohorts::seed(db).await?,
        learners_progressed: progress::seed(db, cohorts::TITLE_VI).await?,
        evidence_added: evidence::seed(db, hasher).await?,
    })
}
