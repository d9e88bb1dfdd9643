//! Sign-in sessions and failed sign-in counters.
//!
//! A session is a *family* of refresh tokens: each refresh replaces the token with a new
//! row of the same family. Only a SHA-256 of each token is stored. Presenting a replaced
//! token again (after a short grace) revokes the whole family.

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
                    .table(Sessions::Table)
                    .col(pk_uuid(Sessions::Id))
                    .col(uuid(Sessions::FamilyId))
                    .col(uuid(Sessions::UserId))
                    .col(string_len_uniq(Sessions::TokenHash, 64))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Sessions::ReplacedAt))
                    .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                    .col(string_len_null(Sessions::UserAgent, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sessions_user")
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_family")
                    .table(Sessions::Table)
                    .col(Sessions::FamilyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignInThrottle::Table)
                    .col(string_len(SignInThrottle::Key, 200).primary_key())
                    .col(integer(SignInThrottle::Failures))
                    .col(timestamp_with_time_zone(SignInThrottle::LastFailureAt))
                    .col(timestamp_with_time_zone_null(SignInThrottle::BlockedUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SignInThrottle::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Sessions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Sessions {
    Table,
    Id,
    FamilyId,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    ReplacedAt,
    RevokedAt,
    UserAgent,
}

#[derive(DeriveIden)]
pub enum SignInThrottle {
    Table,
    Key,
    Failures,
    LastFailureAt,
    BlockedUntil,
}
