//! What learners do besides graded attempts: drafts of written answers (the one mutable
//! thing a learner owns), append-only progress events keyed by the client's id, lecturers'
//! reviews of written answers, and certificates. Cohorts choose their gating; attempts
//! keep a role-play's ending and the client's own clock beside the server's.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_cohort(table: impl IntoIden + Copy, name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, Learner::CohortId)
        .to(Cohorts::Table, Cohorts::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn to_user(
    table: impl IntoIden + Copy,
    column: impl IntoIden,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [Cohorts::GatePre, Cohorts::GatePost] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cohorts::Table)
                        .add_column(boolean(column).default(true))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Attempts::Table)
                    .add_column(string_len_null(Attempts::Outcome, 16))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Attempts::Table)
                    .add_column(timestamp_with_time_zone_null(Attempts::ClientAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Drafts::Table)
                    .col(uuid(Learner::CohortId))
                    .col(uuid(Learner::UserId))
                    .col(string_len(Learner::ActivityId, 64))
                    .col(text(Drafts::Body))
                    .col(timestamp_with_time_zone(Drafts::SavedAt))
                    .primary_key(
                        Index::create()
                            .col(Learner::CohortId)
                            .col(Learner::UserId)
                            .col(Learner::ActivityId),
                    )
                    .foreign_key(&mut to_cohort(Drafts::Table, "fk_drafts_cohort"))
                    .foreign_key(&mut to_user(
                        Drafts::Table,
                        Learner::UserId,
                        "fk_drafts_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .col(pk_uuid(Events::Id))
                    .col(uuid(Learner::CohortId))
                    .col(uuid(Learner::UserId))
                    .col(string_len(Learner::ActivityId, 64))
                    .col(string_len_null(Events::Position, 64))
                    .col(timestamp_with_time_zone_null(Events::ClientAt))
                    .col(timestamp_with_time_zone(Events::RecordedAt))
                    .foreign_key(&mut to_cohort(Events::Table, "fk_events_cohort"))
                    .foreign_key(&mut to_user(
                        Events::Table,
                        Learner::UserId,
                        "fk_events_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_progress_events_learner")
                    .table(Events::Table)
                    .col(Learner::CohortId)
                    .col(Learner::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(pk_uuid(Reviews::AttemptId))
                    .col(uuid(Reviews::ReviewerId))
                    .col(text(Reviews::Points))
                    .col(text(Reviews::Comment))
                    .col(timestamp_with_time_zone(Reviews::ReviewedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reviews_attempt")
                            .from(Reviews::Table, Reviews::AttemptId)
                            .to(Attempts::Table, Attempts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut to_user(
                        Reviews::Table,
                        Reviews::ReviewerId,
                        "fk_reviews_reviewer",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .col(string_len(Certificates::Code, 32).primary_key())
                    .col(uuid(Learner::CohortId))
                    .col(uuid(Learner::UserId))
                    .col(string_len(Certificates::LearnerName, 200))
                    .col(text(Certificates::Competencies))
                    .col(timestamp_with_time_zone(Certificates::IssuedAt))
                    .foreign_key(&mut to_cohort(
                        Certificates::Table,
                        "fk_certificates_cohort",
                    ))
                    .foreign_key(&mut to_user(
                        Certificates::Table,
                        Learner::UserId,
                        "fk_certificates_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificates_learner")
                    .table(Certificates::Table)
                    .col(Learner::CohortId)
                    .col(Learner::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Certificates::Table.into_iden(),
            Reviews::Table.into_iden(),
            Events::Table.into_iden(),
            Drafts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for (table, column) in [
            (Attempts::Table.into_iden(), Attempts::ClientAt.into_iden()),
            (Attempts::Table.into_iden(), Attempts::Outcome.into_iden()),
            (Cohorts::Table.into_iden(), Cohorts::GatePost.into_iden()),
            (Cohorts::Table.into_iden(), Cohorts::GatePre.into_iden()),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Cohorts {
    Table,
    Id,
    GatePre,
    GatePost,
}

#[derive(DeriveIden, Clone, Copy)]
enum Attempts {
    Table,
    Id,
    Outcome,
    ClientAt,
}

/// The columns every per-learner table shares; named as the columns are.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden, Clone, Copy)]
enum Learner {
    CohortId,
    UserId,
    ActivityId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Drafts {
    #[sea_orm(iden = "work_drafts")]
    Table,
    Body,
    SavedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Events {
    #[sea_orm(iden = "progress_events")]
    Table,
    Id,
    Position,
    ClientAt,
    RecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Reviews {
    #[sea_orm(iden = "reviews")]
    Table,
    AttemptId,
    ReviewerId,
    Points,
    Comment,
    ReviewedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Certificates {
    Table,
    Code,
    LearnerName,
    Competencies,
    IssuedAt,
}
