//! `users.search_key`: full name, username and email folded (lower case, no Vietnamese
//! marks), so "nguyen" finds "Nguyễn" with one `LIKE` on either database.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SearchKey {
    SearchKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len(SearchKey::SearchKey, 600).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_search_key")
                    .table(Users::Table)
                    .col(SearchKey::SearchKey)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_users_search_key")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(SearchKey::SearchKey)
                    .to_owned(),
            )
            .await
    }
}
