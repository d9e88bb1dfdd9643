//! Courses: the draft being edited (a content package as JSON, with a revision number for
//! safe concurrent edits), the co-authors, and the immutable published versions.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000003_create_users::Users;
use crate::m20261123_000007_create_competency_frameworks::Frameworks;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .col(pk_uuid(Courses::Id))
                    .col(string_len_uniq(Courses::Code, 64))
                    .col(uuid(Courses::OwnerId))
                    .col(uuid(Courses::FrameworkId))
                    .col(string_len(Courses::TitleVi, 300))
                    .col(string_len(Courses::TitleEn, 300))
                    .col(text(Courses::Draft))
                    .col(integer(Courses::DraftRevision))
                    .col(integer(Courses::LatestVersion))
                    .col(timestamp_with_time_zone(Courses::CreatedAt))
                    .col(timestamp_with_time_zone(Courses::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_courses_owner")
                            .from(Courses::Table, Courses::OwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_courses_framework")
                            .from(Courses::Table, Courses::FrameworkId)
                            .to(Frameworks::Table, Frameworks::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_courses_owner")
                    .table(Courses::Table)
                    .col(Courses::OwnerId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseAuthors::Table)
                    .col(uuid(CourseAuthors::CourseId))
                    .col(uuid(CourseAuthors::UserId))
                    .col(timestamp_with_time_zone(CourseAuthors::AddedAt))
                    .primary_key(
                        Index::create()
                            .col(CourseAuthors::CourseId)
                            .col(CourseAuthors::UserId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_course_authors_course")
                            .from(CourseAuthors::Table, CourseAuthors::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_course_authors_user")
                            .from(CourseAuthors::Table, CourseAuthors::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_authors_user")
                    .table(CourseAuthors::Table)
                    .col(CourseAuthors::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseVersions::Table)
                    .col(pk_uuid(CourseVersions::Id))
                    .col(uuid(CourseVersions::CourseId))
                    .col(integer(CourseVersions::Number))
                    .col(text(CourseVersions::Package))
                    .col(integer(CourseVersions::PackageBytes))
                    .col(uuid(CourseVersions::PublishedBy))
                    .col(timestamp_with_time_zone(CourseVersions::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_course_versions_course")
                            .from(CourseVersions::Table, CourseVersions::CourseId)
                            .to(Courses::Table, Courses::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_course_versions_publisher")
                            .from(CourseVersions::Table, CourseVersions::PublishedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_versions_number")
                    .table(CourseVersions::Table)
                    .col(CourseVersions::CourseId)
                    .col(CourseVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CourseVersions::Table.into_iden(),
            CourseAuthors::Table.into_iden(),
            Courses::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Courses {
    Table,
    Id,
    Code,
    OwnerId,
    FrameworkId,
    TitleVi,
    TitleEn,
    Draft,
    DraftRevision,
    /// 0 until first published.
    LatestVersion,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CourseAuthors {
    Table,
    CourseId,
    UserId,
    AddedAt,
}

#[derive(DeriveIden)]
pub enum CourseVersions {
    Table,
    Id,
    CourseId,
    Number,
    Package,
    PackageBytes,
    PublishedBy,
    PublishedAt,
}
