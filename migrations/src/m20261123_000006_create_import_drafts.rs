//! CSV text an administrator pasted for import, kept between the preview and the
//! confirmation (a form post cannot carry it across the redirect). Removed when applied
//! and after a day.

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
                    .table(ImportDrafts::Table)
                    .col(pk_uuid(ImportDrafts::Id))
                    .col(uuid(ImportDrafts::UserId))
                    .col(text(ImportDrafts::Csv))
                    .col(timestamp_with_time_zone(ImportDrafts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_drafts_user")
                            .from(ImportDrafts::Table, ImportDrafts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportDrafts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ImportDrafts {
    Table,
    Id,
    UserId,
    Csv,
    CreatedAt,
}
