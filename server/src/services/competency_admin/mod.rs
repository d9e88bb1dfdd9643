//! Maintaining competency frameworks. A version, once created, is never edited: courses
//! and evidence point at it. A change is a new version, made from CSV (export the current
//! one, edit it in a spreadsheet, import it); an unused version can be deleted.

use crate::store::Db;
use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use shared::competency_admin::{FrameworkCreated, FrameworkImport};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::{
    competency, competency_framework, competency_level, course, position, position_profile,
};
use crate::services::actors::Actor;
use crate::services::competencies::CompetencyError;
use crate::services::policy::{self, Action};

#[derive(Debug, thiserror::Error)]
pub enum FrameworkAdminError {
    #[error("not allowed")]
    Forbidden,
    #[error("the framework is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("the framework version is in use")]
    InUse,
    #[error(transparent)]
    Read(#[from] CompetencyError),
    #[error("database error in frameworks: {0}")]
    Database(#[from] sea_orm::DbErr),
}

fn problem(field: impl Into<String>, problem: Problem) -> FieldProblem {
    FieldProblem::new(field, problem)
}

mod parse;

use parse::parse;

/// The cutoffs as stored (normalised), if any were given.
fn cutoffs_of(text: Option<&str>, levels: usize) -> Result<Option<String>, FrameworkAdminError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let levels = u8::try_from(levels).unwrap_or(u8::MAX);
    shared::evidence::parse_cutoffs(text, levels)
        .map(|c| Some(c.iter().map(f64::to_string).collect::<Vec<_>>().join(",")))
        .map_err(|p| FrameworkAdminError::Invalid(vec![problem("test_cutoffs", p)]))
}

/// Creates the next version of framework `input.code` (version 1 for a new code).
pub async fn import_csv(
    db: &Db,
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
        problems.push(problem("code", Problem::CodeLetters));
    }
    if input.name_vi.trim().is_empty() || input.name_vi.chars().count() > 200 {
        problems.push(problem(
            "name_vi",
            Problem::CharsBetween { min: 1, max: 200 },
        ));
    }
    if input.name_en.chars().count() > 200 {
        problems.push(problem("name_en", Problem::CharsAtMost { max: 200 }));
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
pub async fn delete(db: &Db, actor: &Actor, id: Uuid) -> Result<(), FrameworkAdminError> {
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
    db: &Db,
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
    // The framework is named in the body, not the address: a reference to fix, not a
    // missing resource (the position in the address exists).
    if competencies.is_empty() {
        return Err(FrameworkAdminError::Invalid(vec![problem(
            "framework_id",
            Problem::NoSuchFramework,
        )]));
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
            problems.push(problem(code.clone(), Problem::NotCompetencyOfFramework));
        } else if !(0..=top).contains(level) {
            problems.push(problem(
                code.clone(),
                Problem::NumberBetween {
                    min: 0,
                    max: i64::from(top),
                },
            ));
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
