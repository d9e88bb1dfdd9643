//! Competency frameworks: versioned; competencies in groups, each of a kind (knowledge,
//! skill, attitude, digital); a proficiency scale of levels with descriptors, some of which
//! count as proficient; and position profiles, the level each position requires.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000002_create_positions::Positions;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Frameworks::Table)
                    .col(pk_uuid(Frameworks::Id))
                    .col(string_len(Frameworks::Code, 64))
                    .col(integer(Frameworks::Version))
                    .col(string_len(Frameworks::NameVi, 200))
                    .col(string_len(Frameworks::NameEn, 200))
                    .col(timestamp_with_time_zone(Frameworks::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_frameworks_code_version")
                    .table(Frameworks::Table)
                    .col(Frameworks::Code)
                    .col(Frameworks::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Levels::Table)
                    .col(uuid(Levels::FrameworkId))
                    .col(integer(Levels::Level))
                    .col(string_len(Levels::NameVi, 100))
                    .col(string_len(Levels::NameEn, 100))
                    .col(text(Levels::DescriptorVi))
                    .col(text(Levels::DescriptorEn))
                    .col(boolean(Levels::Proficient))
                    .primary_key(Index::create().col(Levels::FrameworkId).col(Levels::Level))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_levels_framework")
                            .from(Levels::Table, Levels::FrameworkId)
                            .to(Frameworks::Table, Frameworks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Competencies::Table)
                    .col(pk_uuid(Competencies::Id))
                    .col(uuid(Competencies::FrameworkId))
                    .col(string_len(Competencies::Code, 64))
                    .col(string_len(Competencies::GroupVi, 200))
                    .col(string_len(Competencies::GroupEn, 200))
                    .col(string_len(Competencies::Kind, 16))
                    .col(string_len(Competencies::NameVi, 200))
                    .col(string_len(Competencies::NameEn, 200))
                    .col(integer(Competencies::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_competencies_framework")
                            .from(Competencies::Table, Competencies::FrameworkId)
                            .to(Frameworks::Table, Frameworks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competencies_framework_code")
                    .table(Competencies::Table)
                    .col(Competencies::FrameworkId)
                    .col(Competencies::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Profiles::Table)
                    .col(uuid(Profiles::PositionId))
                    .col(uuid(Profiles::CompetencyId))
                    .col(integer(Profiles::RequiredLevel))
                    .primary_key(
                        Index::create()
                            .col(Profiles::PositionId)
                            .col(Profiles::CompetencyId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_profiles_position")
                            .from(Profiles::Table, Profiles::PositionId)
                            .to(Positions::Table, Positions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_profiles_competency")
                            .from(Profiles::Table, Profiles::CompetencyId)
                            .to(Competencies::Table, Competencies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Profiles::Table.into_iden(),
            Competencies::Table.into_iden(),
            Levels::Table.into_iden(),
            Frameworks::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Frameworks {
    #[sea_orm(iden = "competency_frameworks")]
    Table,
    Id,
    Code,
    Version,
    NameVi,
    NameEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Levels {
    #[sea_orm(iden = "competency_levels")]
    Table,
    FrameworkId,
    Level,
    NameVi,
    NameEn,
    DescriptorVi,
    DescriptorEn,
    Proficient,
}

#[derive(DeriveIden)]
enum Competencies {
    Table,
    Id,
    FrameworkId,
    Code,
    GroupVi,
    GroupEn,
    Kind,
    NameVi,
    NameEn,
    Position,
}

#[derive(DeriveIden)]
enum Profiles {
    #[sea_orm(iden = "position_profiles")]
    Table,
    PositionId,
    CompetencyId,
    RequiredLevel,
}
