//! Offline study: attempts sent from a device after a while offline. An attempt past the
//! activity's limit is kept but marked `over_limit` (it counts for nothing); each attempt
//! records the course version it was answered on, which may be older than the class's
//! when the class moved to a newer version meanwhile. A draft made offline keeps its
//! client id (a resend changes nothing) and the device's time (an older draft never
//! replaces a newer one).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        let columns = [
            (
                Attempts::Table.into_iden(),
                boolean(Attempts::OverLimit).default(false).to_owned(),
            ),
            (
                Attempts::Table.into_iden(),
                integer_null(Attempts::CourseVersion).to_owned(),
            ),
            (
                Drafts::Table.into_iden(),
                uuid_null(Drafts::ClientId).to_owned(),
            ),
            (
                Drafts::Table.into_iden(),
                timestamp_with_time_zone_null(Drafts::ClientAt).to_owned(),
            ),
        ];
        for (table, mut column) in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        // Every attempt so far was answered on its class's version.
        let backfill = Query::update()
            .table(Attempts::Table)
            .value(
                Attempts::CourseVersion,
                SimpleExpr::SubQuery(
                    None,
                    Box::new(
                        Query::select()
                            .column(Cohorts::Version)
                            .from(Cohorts::Table)
                            .and_where(
                                Expr::col((Cohorts::Table, Cohorts::Id))
                                    .equals((Attempts::Table, Attempts::CohortId)),
                            )
                            .to_owned()
                            .into_sub_query_statement(),
                    ),
                ),
            )
            .to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in [
            (Drafts::Table.into_iden(), Drafts::ClientAt.into_iden()),
            (Drafts::Table.into_iden(), Drafts::ClientId.into_iden()),
            (
                Attempts::Table.into_iden(),
                Attempts::CourseVersion.into_iden(),
            ),
            (Attempts::Table.into_iden(), Attempts::OverLimit.into_iden()),
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
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Attempts {
    Table,
    CohortId,
    OverLimit,
    CourseVersion,
}

#[derive(DeriveIden, Clone, Copy)]
enum Drafts {
    #[sea_orm(iden = "work_drafts")]
    Table,
    ClientId,
    ClientAt,
}
