//! Competency frameworks and position profiles (reading; authoring comes with the course
//! editor).

use crate::store::Db;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use shared::competency::{
    Competency, CompetencyKind, Framework, PositionProfile, ProficiencyLevel, Requirement,
};
use uuid::Uuid;

use crate::spreadsheet::CsvWriter;

use crate::entities::{
    competency, competency_framework, competency_level, position, position_profile,
};

#[derive(Debug, thiserror::Error)]
pub enum CompetencyError {
    #[error("no such position")]
    NotFound,
    #[error("no such framework")]
    FrameworkNotFound,
    #[error("could not write the CSV: {0}")]
    Csv(String),
    #[error("database error reading competencies: {0}")]
    Database(#[from] DbErr),
}

fn level(value: i32) -> u8 {
    u8::try_from(value).unwrap_or(0)
}

/// Every framework version, newest first, with its scale and competencies in order.
pub async fn frameworks(db: &Db) -> Result<Vec<Framework>, CompetencyError> {
    let frameworks = competency_framework::Entity::find()
        .order_by_asc(competency_framework::Column::Code)
        .order_by_desc(competency_framework::Column::Version)
        .all(db)
        .await?;
    let levels = competency_level::Entity::find()
        .order_by_asc(competency_level::Column::Level)
        .all(db)
        .await?;
    let competencies = competency::Entity::find()
        .order_by_asc(competency::Column::Position)
        .all(db)
        .await?;
    Ok(frameworks
        .into_iter()
        .map(|f| Framework {
            levels: levels
                .iter()
                .filter(|l| l.framework_id == f.id)
                .map(proficiency_level)
                .collect(),
            competencies: competencies
                .iter()
                .filter(|c| c.framework_id == f.id)
                .map(|c| Competency {
                    id: c.id,
                    code: c.code.clone(),
                    group_vi: c.group_vi.clone(),
                    group_en: c.group_en.clone(),
                    kind: CompetencyKind::from_code(&c.kind).unwrap_or(CompetencyKind::Skill),
                    name_vi: c.name_vi.clone(),
                    name_en: c.name_en.clone(),
                })
                .collect(),
            id: f.id,
            code: f.code,
            version: u32::try_from(f.version).unwrap_or(0),
            name_vi: f.name_vi,
            name_en: f.name_en,
        })
        .collect())
}

/// The levels a position requires.
pub async fn position_profile(
    db: &Db,
    position_id: Uuid,
) -> Result<PositionProfile, CompetencyError> {
    position::Entity::find_by_id(position_id)
        .one(db)
        .await?
        .ok_or(CompetencyError::NotFound)?;
    let rows = position_profile::Entity::find()
        .filter(position_profile::Column::PositionId.eq(position_id))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.competency_id).collect();
    let competencies = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .order_by_asc(competency::Column::Position)
        .all(db)
        .await?;
    Ok(PositionProfile {
        position_id,
        requirements: competencies
            .iter()
            .filter_map(|c| {
                rows.iter()
                    .find(|r| r.competency_id == c.id)
                    .map(|r| Requirement {
                        competency_id: c.id,
                        competency_code: c.code.clone(),
                        required_level: level(r.required_level),
                    })
            })
            .collect(),
    })
}

/// The columns of a framework's CSV: one row per scale level (`section` = `level`) and one
/// per competency (`section` = `competency`), in order, so a spreadsheet can edit both.
pub const FRAMEWORK_COLUMNS: [&str; 11] = [
    "section",
    "code",
    "level",
    "group_vi",
    "group_en",
    "kind",
    "name_vi",
    "name_en",
    "descriptor_vi",
    "descriptor_en",
    "proficient",
];

/// One framework version as CSV.
pub async fn export_csv(db: &Db, framework_id: Uuid) -> Result<String, CompetencyError> {
    let framework = frameworks(db)
        .await?
        .into_iter()
        .find(|f| f.id == framework_id)
        .ok_or(CompetencyError::FrameworkNotFound)?;
    let csv_error = |e: csv::Error| CompetencyError::Csv(e.to_string());
    let mut writer = CsvWriter::new(FRAMEWORK_COLUMNS).map_err(csv_error)?;
    for l in &framework.levels {
        let level = l.level.to_string();
        let proficient = if l.proficient { "yes" } else { "no" };
        writer
            .row([
                "level",
                "",
                &level,
                "",
                "",
                "",
                &l.name_vi,
                &l.name_en,
                &l.descriptor_vi,
                &l.descriptor_en,
                proficient,
            ])
            .map_err(csv_error)?;
    }
    for c in &framework.competencies {
        writer
            .row([
                "competency",
                &c.code,
                "",
                &c.group_vi,
                &c.group_en,
                c.kind.code(),
                &c.name_vi,
                &c.name_en,
                "",
                "",
                "",
            ])
            .map_err(csv_error)?;
    }
    let bytes = writer.finish().map_err(csv_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One level of a scale as the API shows it.
pub fn proficiency_level(l: &competency_level::Model) -> ProficiencyLevel {
    ProficiencyLevel {
        level: level(l.level),
        name_vi: l.name_vi.clone(),
        name_en: l.name_en.clone(),
        descriptor_vi: l.descriptor_vi.clone(),
        descriptor_en: l.descriptor_en.clone(),
        proficient: l.proficient,
    }
}

/// A framework's scale, lowest level first.
pub async fn scale_of(
    db: &impl sea_orm::ConnectionTrait,
    framework: Uuid,
) -> Result<Vec<ProficiencyLevel>, DbErr> {
    Ok(competency_level::Entity::find()
        .filter(competency_level::Column::FrameworkId.eq(framework))
        .order_by_asc(competency_level::Column::Level)
        .all(db)
        .await?
        .iter()
        .map(proficiency_level)
        .collect())
}
