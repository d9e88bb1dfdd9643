#![doc = include_str!("../README.md")]
// A migration is one schema step, read top to bottom as the tables it creates, and never
// changed once released: its `up` is not split to fit a length.
#![allow(clippy::too_many_lines)]

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_org_units;
mod m20261123_000002_create_positions;
mod m20261123_000003_create_users;
mod m20261123_000004_create_sessions;
mod m20261123_000005_add_user_search_key;
mod m20261123_000006_create_import_drafts;
mod m20261123_000007_create_competency_frameworks;
mod m20261123_000008_create_courses;
mod m20261123_000009_create_cohorts;
mod m20261123_000010_create_progress;
mod m20261202_000011_create_competency_evidence;
mod m20261202_000012_offline_sync;
mod m20261207_000013_create_jobs;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_org_units::Migration),
            Box::new(m20261123_000002_create_positions::Migration),
            Box::new(m20261123_000003_create_users::Migration),
            Box::new(m20261123_000004_create_sessions::Migration),
            Box::new(m20261123_000005_add_user_search_key::Migration),
            Box::new(m20261123_000006_create_import_drafts::Migration),
            Box::new(m20261123_000007_create_competency_frameworks::Migration),
            Box::new(m20261123_000008_create_courses::Migration),
            Box::new(m20261123_000009_create_cohorts::Migration),
            Box::new(m20261123_000010_create_progress::Migration),
            Box::new(m20261202_000011_create_competency_evidence::Migration),
            Box::new(m20261202_000012_offline_sync::Migration),
            Box::new(m20261207_000013_create_jobs::Migration),
        ]
    }
}
