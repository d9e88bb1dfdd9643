//! Cohorts (classes) of a published course version, their lecturers and learners, and the
//! append-only attempts learners submit. An attempt's id is made by the client, so sending
//! the same attempt twice stores it once.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;
use crate::m20261123_000008_create_courses::Courses;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_user(name: &str, from: (Cohorts, Cohorts)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(Users::Table, Users::Id)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Cohorts::Table)
                    .col(pk_uuid(Cohorts::Id))
                    .col(uuid(Cohorts::CourseId))
                    .col(integer(Cohorts::Version))
                    .col(string_len(Cohorts::TitleVi, 300))
                    .col(string_len(Cohorts::TitleEn, 300))
                    .col(date(Cohorts::StartsOn))
                    .col(date(Cohorts::EndsOn))
                    .col(uuid(Cohorts::CreatedBy))
                    .col(timestamp_with_time_zone(Cohorts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_cohorts_course")
                            .from(Cohorts::Table, Cohorts::CourseId)
                            .to(Courses::Table, Courses::Id),
                    )
                    .foreign_key(&mut to_user(
                        "fk_cohorts_creator",
                        (Cohorts::Table, Cohorts::CreatedBy),
                    ))
                    .to_owned(),
            )
            .await?;
        for (table, name) in [
            (Members::CohortLecturers, "cohort_lecturers"),
            (Members::Enrolments, "enrolments"),
        ] {
            manager
                .create_table(
                    Table::create()
                        .table(table)
                        .col(uuid(Members::CohortId))
                        .col(uuid(Members::UserId))
                        .col(timestamp_with_time_zone(Members::AddedAt))
                        .primary_key(Index::create().col(Members::CohortId).col(Members::UserId))
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_{name}_cohort"))
                                .from(table, Members::CohortId)
                                .to(Cohorts::Table, Cohorts::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_{name}_user"))
                                .from(table, Members::UserId)
                                .to(Users::Table, Users::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{name}_user"))
                        .table(table)
                        .col(Members::UserId)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Attempts::Table)
                    .col(pk_uuid(Attempts::Id))
                    .col(uuid(Attempts::CohortId))
                    .col(uuid(Attempts::UserId))
                    .col(string_len(Attempts::ActivityId, 64))
                    .col(text(Attempts::Responses))
                    .col(double(Attempts::Score))
                    .col(boolean(Attempts::Passed))
                    .col(text(Attempts::Result))
                    .col(timestamp_with_time_zone(Attempts::SubmittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attempts_cohort")
                            .from(Attempts::Table, Attempts::CohortId)
                            .to(Cohorts::Table, Cohorts::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attempts_user")
                            .from(Attempts::Table, Attempts::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attempts_learner_activity")
                    .table(Attempts::Table)
                    .col(Attempts::CohortId)
                    .col(Attempts::UserId)
                    .col(Attempts::ActivityId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Attempts::Table.into_iden(),
            Members::Enrolments.into_iden(),
            Members::CohortLecturers.into_iden(),
            Cohorts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Cohorts {
    Table,
    Id,
    CourseId,
    Version,
    TitleVi,
    TitleEn,
    StartsOn,
    EndsOn,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Members {
    CohortLecturers,
    Enrolments,
    CohortId,
    UserId,
    AddedAt,
}

#[derive(DeriveIden)]
enum Attempts {
    Table,
    Id,
    CohortId,
    UserId,
    ActivityId,
    Responses,
    Score,
    Passed,
    Result,
    SubmittedAt,
}
