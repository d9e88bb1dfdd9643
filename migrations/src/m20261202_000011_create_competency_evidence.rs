//! Competency evidence: append-only levels for (learner, competency) from a source in a
//! phase, voided but never edited; and two tables derived from it inside the same
//! transaction, so reports read one row per learner instead of every piece of evidence:
//! `competency_pairs` (a learner's mean level per phase, per cohort and lens) and
//! `competency_current` (the level that counts now, by the documented priority of sources),
//! both carrying the learner's unit and position so reports need not join every row to
//! the people.
//! Peers are invited to rate; frameworks say how test scores become levels.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_user(table: Evidence, column: Evidence, name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Frameworks::Table)
                    .add_column(string_len_null(Frameworks::TestCutoffs, 200))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Evidence::Table)
                    .col(pk_uuid(Evidence::Id))
                    .col(uuid(Evidence::UserId))
                    .col(uuid(Evidence::CompetencyId))
                    .col(string_len(Evidence::Source, 16))
                    .col(string_len(Evidence::Phase, 16))
                    .col(integer(Evidence::Level))
                    .col(uuid_null(Evidence::RaterId))
                    .col(uuid_null(Evidence::CohortId))
                    .col(uuid_null(Evidence::AttemptId))
                    .col(timestamp_with_time_zone(Evidence::ObservedAt))
                    .col(timestamp_with_time_zone(Evidence::RecordedAt))
                    .col(uuid_null(Evidence::RecordedBy))
                    .col(string_len(Evidence::DedupKey, 200))
                    .col(timestamp_with_time_zone_null(Evidence::VoidedAt))
                    .col(uuid_null(Evidence::VoidedBy))
                    .col(string_len_null(Evidence::VoidReason, 500))
                    .foreign_key(&mut to_user(
                        Evidence::Table,
                        Evidence::UserId,
                        "fk_evidence_user",
                    ))
                    .foreign_key(&mut to_user(
                        Evidence::Table,
                        Evidence::RaterId,
                        "fk_evidence_rater",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evidence_competency")
                            .from(Evidence::Table, Evidence::CompetencyId)
                            .to(Competencies::Table, Competencies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evidence_cohort")
                            .from(Evidence::Table, Evidence::CohortId)
                            .to(Cohorts::Table, Cohorts::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns, unique) in [
            (
                "idx_evidence_learner",
                vec![Evidence::UserId, Evidence::CompetencyId],
                false,
            ),
            ("idx_evidence_cohort", vec![Evidence::CohortId], false),
            ("idx_evidence_dedup", vec![Evidence::DedupKey], true),
        ] {
            let mut index = Index::create();
            index.name(name).table(Evidence::Table);
            for column in columns {
                index.col(column);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Pairs::Table)
                    .col(uuid(Pairs::UserId))
                    .col(uuid(Pairs::CompetencyId))
                    .col(uuid(Pairs::CohortKey))
                    .col(string_len(Pairs::Lens, 16))
                    .col(double_null(Pairs::Before))
                    .col(double_null(Pairs::After))
                    .col(double_null(Pairs::FollowUp30))
                    .col(double_null(Pairs::FollowUp90))
                    .col(timestamp_with_time_zone(Pairs::ObservedAt))
                    .col(uuid_null(Pairs::OrgUnitId))
                    .col(uuid_null(Pairs::PositionId))
                    .primary_key(
                        Index::create()
                            .col(Pairs::UserId)
                            .col(Pairs::CompetencyId)
                            .col(Pairs::CohortKey)
                            .col(Pairs::Lens),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competency_pairs_lens")
                    .table(Pairs::Table)
                    .col(Pairs::Lens)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competency_pairs_cohort")
                    .table(Pairs::Table)
                    .col(Pairs::CohortKey)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Current::Table)
                    .col(uuid(Current::UserId))
                    .col(uuid(Current::CompetencyId))
                    .col(double(Current::Level))
                    .col(string_len(Current::Source, 16))
                    .col(timestamp_with_time_zone(Current::ObservedAt))
                    .col(uuid_null(Current::OrgUnitId))
                    .col(uuid_null(Current::PositionId))
                    .primary_key(
                        Index::create()
                            .col(Current::UserId)
                            .col(Current::CompetencyId),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table) in [
            ("idx_competency_pairs_unit", Pairs::Table.into_iden()),
            ("idx_competency_current_unit", Current::Table.into_iden()),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(Alias::new("org_unit_id"))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(pk_uuid(Invitations::Id))
                    .col(uuid(Invitations::CohortId))
                    .col(uuid(Invitations::LearnerId))
                    .col(uuid(Invitations::PeerId))
                    .col(string_len(Invitations::Phase, 16))
                    .col(uuid(Invitations::InvitedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_cohort")
                            .from(Invitations::Table, Invitations::CohortId)
                            .to(Cohorts::Table, Cohorts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_learner")
                            .from(Invitations::Table, Invitations::LearnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_peer")
                            .from(Invitations::Table, Invitations::PeerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_once")
                    .table(Invitations::Table)
                    .col(Invitations::CohortId)
                    .col(Invitations::LearnerId)
                    .col(Invitations::PeerId)
                    .col(Invitations::Phase)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Invitations::Table.into_iden(),
            Current::Table.into_iden(),
            Pairs::Table.into_iden(),
            Evidence::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Frameworks::Table)
                    .drop_column(Frameworks::TestCutoffs)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Frameworks {
    #[sea_orm(iden = "competency_frameworks")]
    Table,
    TestCutoffs,
}

#[derive(DeriveIden, Clone, Copy)]
enum Competencies {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Cohorts {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Evidence {
    #[sea_orm(iden = "competency_evidence")]
    Table,
    Id,
    UserId,
    CompetencyId,
    Source,
    Phase,
    Level,
    RaterId,
    CohortId,
    AttemptId,
    ObservedAt,
    RecordedAt,
    RecordedBy,
    DedupKey,
    VoidedAt,
    VoidedBy,
    VoidReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum Pairs {
    #[sea_orm(iden = "competency_pairs")]
    Table,
    UserId,
    CompetencyId,
    CohortKey,
    Lens,
    Before,
    After,
    #[sea_orm(iden = "follow_up_30")]
    FollowUp30,
    #[sea_orm(iden = "follow_up_90")]
    FollowUp90,
    ObservedAt,
    OrgUnitId,
    PositionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Current {
    #[sea_orm(iden = "competency_current")]
    Table,
    UserId,
    CompetencyId,
    Level,
    Source,
    ObservedAt,
    OrgUnitId,
    PositionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Invitations {
    #[sea_orm(iden = "rating_invitations")]
    Table,
    Id,
    CohortId,
    LearnerId,
    PeerId,
    Phase,
    InvitedBy,
    CreatedAt,
}
