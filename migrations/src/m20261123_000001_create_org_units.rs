//! Org units: a tree of any depth (national > province > district > commune, or the
//! two-tier province > commune), plus training institutions.
//!
//! `path` is the materialised path of ids from the root (`/root-id/…/own-id/`), so a
//! subtree is one indexed prefix match on either database.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrgUnits::Table)
                    .col(pk_uuid(OrgUnits::Id))
                    .col(uuid_null(OrgUnits::ParentId))
                    .col(string_len_uniq(OrgUnits::Code, 64))
                    .col(string_len(OrgUnits::Name, 200))
                    .col(string_len(OrgUnits::Kind, 32))
                    .col(string_len_null(OrgUnits::Region, 100))
                    .col(string_len(OrgUnits::Path, 1000))
                    .col(timestamp_with_time_zone(OrgUnits::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_units_parent")
                            .from(OrgUnits::Table, OrgUnits::ParentId)
                            .to(OrgUnits::Table, OrgUnits::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_org_units_parent")
                    .table(OrgUnits::Table)
                    .col(OrgUnits::ParentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_org_units_path")
                    .table(OrgUnits::Table)
                    .col(OrgUnits::Path)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OrgUnits::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum OrgUnits {
    Table,
    Id,
    ParentId,
    Code,
    Name,
    Kind,
    Region,
    Path,
    CreatedAt,
}
