//! Maintaining competency frameworks. A version, once created, is never edited: courses
//! and evidence point at it. A change is a new version, made from CSV (export the current
//! one, edit it in a spreadsheet, import it); an unused version can be deleted.

use std::collections::{BTreeMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use shared::FieldError;
use shared::competency::CompetencyKind;
use shared::competency_admin::{FrameworkCreated, FrameworkImport};
use uuid::Uuid;

use crate::entities::{
    competency, competency_framework, competency_level, course, position, position_profile,
};
use crate::services::actors::Actor;
use crate::services::competencies::{CompetencyError, FRAMEWORK_COLUMNS};
use crate::services::policy::{self, Action};

#[derive(Debug, thiserror::Error)]
pub enum FrameworkAdminError {
    #[error("not allowed")]
    Forbidden,
    #[error("the framework is not valid")]
    Invalid(Vec<FieldError>),
    #[error("the framework version is in use")]
    InUse,
    #[error(transparent)]
    Read(#[from] CompetencyError),
    #[error("database error in frameworks: {0}")]
    Database(#[from] sea_orm::DbErr),
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

struct Level {
    level: i32,
    name_vi: String,
    name_en: String,
    descriptor_vi: String,
    descriptor_en: String,
    proficient: bool,
}

struct Item {
    code: String,
    group_vi: String,
    group_en: String,
    kind: CompetencyKind,
    name_vi: String,
    name_en: String,
}

/// Reads the CSV; every problem is reported with its line.
fn parse(csv_text: &str) -> Result<(Vec<Level>, Vec<Item>), Vec<FieldError>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![problem("csv", e.to_string())])?
        .clone();
    let missing: Vec<&str> = FRAMEWORK_COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h.trim() == *c))
        .collect();
    if !missing.is_empty() {
        return Err(vec![problem(
            "csv",
            format!("line 1: missing columns {}", missing.join(", ")),
        )]);
    }
    let column = |name: &str| headers.iter().position(|h| h.trim() == name).unwrap_or(0);
    let (mut levels, mut items, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let mut codes = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem("csv", format!("line {line}: {e}")));
                continue;
            }
        };
        let get = |name: &str| {
            record
                .get(column(name))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let missing = std::cell::RefCell::new(Vec::new());
        let need = |name: &str| {
            let value = get(name);
            if value.is_empty() {
                missing
                    .borrow_mut()
                    .push(problem("csv", format!("line {line}: {name} is required")));
            }
            value
        };
        match get("section").as_str() {
            "level" => {
                let level = get("level")
                    .parse::<i32>()
                    .ok()
                    .filter(|l| (1..=10).contains(l));
                let entry = Level {
                    level: level.unwrap_or(0),
                    name_vi: need("name_vi"),
                    name_en: get("name_en"),
                    descriptor_vi: need("descriptor_vi"),
                    descriptor_en: get("descriptor_en"),
                    proficient: matches!(
                        get("proficient").to_lowercase().as_str(),
                        "yes" | "true" | "1" | "có"
                    ),
                };
                if level.is_none() {
                    problems.push(problem(
                        "csv",
                        format!("line {line}: level must be a number from 1 to 10"),
                    ));
                }
                levels.push(entry);
            }
            "competency" => {
                let code = need("code");
                let fine = code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if !code.is_empty() && !fine {
                    problems.push(problem(
                        "csv",
                        format!("line {line}: code {code} must be A–Z, 0–9 or _"),
                    ));
                } else if !code.is_empty() && !codes.insert(code.clone()) {
                    problems.push(problem(
                        "csv",
                        format!("line {line}: code {code} appears twice"),
                    ));
                }
                let kind = CompetencyKind::from_code(&get("kind"));
                if kind.is_none() {
                    problems.push(problem(
                        "csv",
                        format!("line {line}: kind must be knowledge, skill, attitude or digital"),
                    ));
                }
                items.push(Item {
                    code,
                    group_vi: need("group_vi"),
                    group_en: get("group_en"),
                    kind: kind.unwrap_or(CompetencyKind::Skill),
                    name_vi: need("name_vi"),
                    name_en: get("name_en"),
                });
            }
            other => problems.push(problem(
                "csv",
                format!("line {line}: section must be level or competency, not “{other}”"),
            )),
        }
        problems.extend(missing.into_inner());
    }
    let mut numbers: Vec<i32> = levels.iter().map(|l| l.level).collect();
    numbers.sort_unstable();
    if numbers.is_empty()
        || numbers
            .iter()
            .enumerate()
            .any(|(i, n)| usize::try_from(*n).ok() != Some(i + 1))
    {
        problems.push(problem(
            "csv",
            "the scale must have levels 1, 2, 3, … each once",
        ));
    }
    if !levels.iter().any(|l| l.proficient) {
        problems.push(problem(
            "csv",
            "at least one level must count as proficient",
        ));
    }
    if items.is_empty() {
        problems.push(problem("csv", "the framework has no competencies"));
    }
    if problems.is_empty() {
        Ok((levels, items))
    } else {
        Err(problems)
    }
}

/// The cutoffs as stored (normalised), if any were given.
fn cutoffs_of(text: Option<&str>, levels: usize) -> Result<Option<String>, FrameworkAdminError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let levels = u8::try_from(levels).unwrap_or(u8::MAX);
    shared::evidence::parse_cutoffs(text, levels)
        .map(|c| Some(c.iter().map(f64::to_string).collect::<Vec<_>>().join(",")))
        .map_err(|message| FrameworkAdminError::Invalid(vec![problem("test_cutoffs", message)]))
}

/// Creates the next version of framework `input.code` (version 1 for a new code).
pub async fn import_csv(
    db: &DatabaseConnection,
    actor: &Actor,
    input: FrameworkImport,
) -> Result<FrameworkCreated, FrameworkAdminError> {
    if !policy::allows(actor, Action::ManageFrameworks, None) {
        return Err(FrameworkAdminError::Forbidden);
    }
    let code = input.code.trim().to_owned();
    let mut problems = Vec::new();
    if code.is_empty()
        || code.len() > 64
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        problems.push(problem("code", "1 to 64 letters, digits, '-' or '_'"));
    }
    if input.name_vi.trim().is_empty() {
        problems.push(problem("name_vi", "required"));
    }
    let parsed = parse(&input.csv);
    let (levels, items) = match parsed {
        Ok(found) if problems.is_empty() => found,
        Ok(_) => return Err(FrameworkAdminError::Invalid(problems)),
        Err(more) => {
            problems.extend(more);
            return Err(FrameworkAdminError::Invalid(problems));
        }
    };
    let cutoffs = cutoffs_of(input.test_cutoffs.as_deref(), levels.len())?;
    let txn = db.begin().await?;
    let latest = competency_framework::Entity::find()
        .filter(competency_framework::Column::Code.eq(code.as_str()))
        .order_by_desc(competency_framework::Column::Version)
        .one(&txn)
        .await?
        .map_or(0, |f| f.version);
    let id = Uuid::new_v4();
    competency_framework::ActiveModel {
        id: Set(id),
        code: Set(code.clone()),
        version: Set(latest + 1),
        name_vi: Set(input.name_vi.trim().to_owned()),
        name_en: Set(input.name_en.trim().to_owned()),
        created_at: Set(Utc::now()),
        test_cutoffs: Set(cutoffs),
    }
    .insert(&txn)
    .await?;
    for l in levels {
        competency_level::ActiveModel {
            framework_id: Set(id),
            level: Set(l.level),
            name_vi: Set(l.name_vi),
            name_en: Set(l.name_en),
            descriptor_vi: Set(l.descriptor_vi),
            descriptor_en: Set(l.descriptor_en),
            proficient: Set(l.proficient),
        }
        .insert(&txn)
        .await?;
    }
    for (index, c) in items.into_iter().enumerate() {
        competency::ActiveModel {
            id: Set(Uuid::new_v4()),
            framework_id: Set(id),
            code: Set(c.code),
            group_vi: Set(c.group_vi),
            group_en: Set(c.group_en),
            kind: Set(c.kind.code().to_owned()),
            name_vi: Set(c.name_vi),
            name_en: Set(c.name_en),
            position: Set(i32::try_from(index).unwrap_or(0)),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(FrameworkCreated {
        id,
        code,
        version: u32::try_from(latest + 1).unwrap_or(0),
    })
}

/// Deletes a framework version no course and no position profile uses.
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> Result<(), FrameworkAdminError> {
    if !policy::allows(actor, Action::ManageFrameworks, None) {
        return Err(FrameworkAdminError::Forbidden);
    }
    competency_framework::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CompetencyError::FrameworkNotFound)?;
    let used_by_course = course::Entity::find()
        .filter(course::Column::FrameworkId.eq(id))
        .one(db)
        .await?
        .is_some();
    let competencies: Vec<Uuid> = competency::Entity::find()
        .filter(competency::Column::FrameworkId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let used_by_profile = position_profile::Entity::find()
        .filter(position_profile::Column::CompetencyId.is_in(competencies.clone()))
        .one(db)
        .await?
        .is_some();
    if used_by_course || used_by_profile {
        return Err(FrameworkAdminError::InUse);
    }
    let txn = db.begin().await?;
    competency::Entity::delete_many()
        .filter(competency::Column::FrameworkId.eq(id))
        .exec(&txn)
        .await?;
    competency_level::Entity::delete_many()
        .filter(competency_level::Column::FrameworkId.eq(id))
        .exec(&txn)
        .await?;
    competency_framework::Entity::delete_by_id(id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Sets the levels position `position_id` requires in framework `framework_id`: `levels`
/// maps competency codes to a level of the scale; a code left out (or 0) requires nothing.
pub async fn set_profile(
    db: &DatabaseConnection,
    actor: &Actor,
    position_id: Uuid,
    framework_id: Uuid,
    levels: BTreeMap<String, i32>,
) -> Result<(), FrameworkAdminError> {
    if !policy::allows(actor, Action::ManageFrameworks, None) {
        return Err(FrameworkAdminError::Forbidden);
    }
    position::Entity::find_by_id(position_id)
        .one(db)
        .await?
        .ok_or(CompetencyError::NotFound)?;
    let competencies = competency::Entity::find()
        .filter(competency::Column::FrameworkId.eq(framework_id))
        .all(db)
        .await?;
    if competencies.is_empty() {
        return Err(CompetencyError::FrameworkNotFound.into());
    }
    let top = competency_level::Entity::find()
        .filter(competency_level::Column::FrameworkId.eq(framework_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.level)
        .max()
        .unwrap_or(0);
    let mut problems = Vec::new();
    for (code, level) in &levels {
        if !competencies.iter().any(|c| &c.code == code) {
            problems.push(problem(code.clone(), "not a competency of this framework"));
        } else if !(0..=top).contains(level) {
            problems.push(problem(code.clone(), format!("a level from 0 to {top}")));
        }
    }
    if !problems.is_empty() {
        return Err(FrameworkAdminError::Invalid(problems));
    }
    let txn = db.begin().await?;
    position_profile::Entity::delete_many()
        .filter(position_profile::Column::PositionId.eq(position_id))
        .filter(position_profile::Column::CompetencyId.is_in(competencies.iter().map(|c| c.id)))
        .exec(&txn)
        .await?;
    for c in &competencies {
        if let Some(level) = levels.get(&c.code).filter(|l| **l > 0) {
            position_profile::ActiveModel {
                position_id: Set(position_id),
                competency_id: Set(c.id),
                required_level: Set(*level),
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
