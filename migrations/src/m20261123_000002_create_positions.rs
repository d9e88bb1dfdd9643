//! Job positions (vị trí việc làm), named in both UI languages.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Positions::Table)
                    .col(pk_uuid(Positions::Id))
                    .col(string_len_uniq(Positions::Code, 64))
                    .col(string_len(Positions::NameVi, 200))
                    .col(string_len(Positions::NameEn, 200))
                    .col(timestamp_with_time_zone(Positions::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Positions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Positions {
    Table,
    Id,
    Code,
    NameVi,
    NameEn,
    CreatedAt,
}
