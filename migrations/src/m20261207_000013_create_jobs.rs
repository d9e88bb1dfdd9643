//! Long work runs as a job, not inside a request: a bulk import is accepted at once, stored
//! here, and carried out by whichever server claims it (a lease, renewed while it works, so
//! a job whose server stopped is taken up again by another). `input` holds what the job
//! needs to start (an import's file) and is emptied when the job ends; `work` holds what is
//! done so far that a resumed job need not do again.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(pk_uuid(Jobs::Id))
                    .col(string_len(Jobs::Kind, 32))
                    .col(uuid(Jobs::OwnerId))
                    .col(string_len(Jobs::State, 16))
                    .col(text(Jobs::Input))
                    .col(text(Jobs::Work))
                    .col(integer(Jobs::Total))
                    .col(integer(Jobs::Done))
                    .col(text_null(Jobs::Problems))
                    .col(text_null(Jobs::Result))
                    .col(uuid_null(Jobs::ClaimedBy))
                    .col(timestamp_with_time_zone_null(Jobs::LeaseUntil))
                    .col(integer(Jobs::Runs))
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .col(timestamp_with_time_zone(Jobs::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Jobs::FinishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_jobs_owner")
                            .from(Jobs::Table, Jobs::OwnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_state")
                    .table(Jobs::Table)
                    .col(Jobs::State)
                    .col(Jobs::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_owner")
                    .table(Jobs::Table)
                    .col(Jobs::OwnerId)
                    .col(Jobs::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Jobs::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    OwnerId,
    State,
    Input,
    Work,
    Total,
    Done,
    Problems,
    Result,
    ClaimedBy,
    LeaseUntil,
    Runs,
    CreatedAt,
    UpdatedAt,
    FinishedAt,
}
