//! The org tree: listing it, adding units, renaming them. Scope comes from the policy.

use crate::store::Db;
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use shared::directory::{CreateOrgUnit, OrgUnit, OrgUnitKind, UpdateOrgUnit};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::org_unit;
use crate::services::actors::Actor;
use crate::services::policy::{self, Action};

#[derive(Debug, thiserror::Error)]
pub enum OrgUnitError {
    #[error("the org unit is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("the code is taken")]
    CodeTaken,
    #[error("no such org unit")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("database error in the org tree: {0}")]
    Database(#[from] DbErr),
}

fn field(name: &str, problem: Problem) -> FieldProblem {
    FieldProblem::new(name, problem)
}

fn to_dto(unit: &org_unit::Model) -> OrgUnit {
    OrgUnit {
        id: unit.id,
        parent_id: unit.parent_id,
        code: unit.code.clone(),
        name: unit.name.clone(),
        kind: OrgUnitKind::from_code(&unit.kind).unwrap_or(OrgUnitKind::Commune),
        region: unit.region.clone(),
        depth: u32::try_from(unit.path.matches('/').count().saturating_sub(2)).unwrap_or(0),
    }
}

/// The whole tree in display order: each unit followed by its children, siblings by name.
pub async fn list(db: &Db) -> Result<Vec<OrgUnit>, OrgUnitError> {
    let units = org_unit::Entity::find().all(db).await?;
    let mut children: HashMap<Option<Uuid>, Vec<&org_unit::Model>> = HashMap::new();
    for unit in &units {
        children.entry(unit.parent_id).or_default().push(unit);
    }
    for list in children.values_mut() {
        list.sort_by_cached_key(|u| (shared::text::fold(&u.name), u.name.clone()));
    }
    let mut ordered = Vec::with_capacity(units.len());
    let mut stack: Vec<&org_unit::Model> = children
        .get(&None)
        .map(|r| r.iter().rev().copied().collect())
        .unwrap_or_default();
    while let Some(unit) = stack.pop() {
        ordered.push(to_dto(unit));
        if let Some(kids) = children.get(&Some(unit.id)) {
            stack.extend(kids.iter().rev().copied());
        }
    }
    Ok(ordered)
}

fn check_fields(
    code: Option<&str>,
    name: Option<&str>,
    kind: Option<&str>,
    region: Option<&str>,
    problems: &mut Vec<FieldProblem>,
) {
    if region.is_some_and(|r| r.chars().count() > 200) {
        problems.push(field("region", Problem::CharsAtMost { max: 200 }));
    }
    if let Some(code) = code {
        let ok = (1..=64).contains(&code.len())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            problems.push(field("code", Problem::UnitCode));
        }
    }
    if let Some(name) = name
        && (name.trim().is_empty() || name.chars().count() > 200)
    {
        problems.push(field("name", Problem::CharsBetween { min: 1, max: 200 }));
    }
    if let Some(kind) = kind
        && OrgUnitKind::from_code(kind).is_none()
    {
        problems.push(field(
            "kind",
            Problem::OneOf {
                choices: "national, province, district, commune, institution".into(),
            },
        ));
    }
}

async fn code_taken(db: &Db, code: &str, except: Option<Uuid>) -> Result<bool, DbErr> {
    let found = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code))
        .one(db)
        .await?;
    Ok(found.is_some_and(|u| Some(u.id) != except))
}

pub async fn create(db: &Db, actor: &Actor, input: CreateOrgUnit) -> Result<OrgUnit, OrgUnitError> {
    if policy::scope(actor, Action::ManageOrgUnits) == policy::Scope::Nothing {
        return Err(OrgUnitError::Forbidden);
    }
    let mut problems = Vec::new();
    check_fields(
        Some(&input.code),
        Some(&input.name),
        Some(&input.kind),
        input.region.as_deref(),
        &mut problems,
    );
    let parent = match input.parent_id {
        Some(id) => {
            let parent = org_unit::Entity::find_by_id(id).one(db).await?;
            if parent.is_none() {
                problems.push(field("parent_id", Problem::NoSuchOrgUnit));
            }
            parent
        }
        None => None,
    };
    let parent_path = parent.as_ref().map(|p| p.path.as_str());
    if problems.is_empty() && !policy::allows(actor, Action::ManageOrgUnits, parent_path) {
        problems.push(field("parent_id", Problem::OutsideYourTree));
    }
    if !problems.is_empty() {
        return Err(OrgUnitError::Invalid(problems));
    }
    if code_taken(db, &input.code, None).await? {
        return Err(OrgUnitError::CodeTaken);
    }
    let id = Uuid::new_v4();
    let unit = org_unit::ActiveModel {
        id: Set(id),
        parent_id: Set(parent.as_ref().map(|p| p.id)),
        code: Set(input.code),
        name: Set(input.name.trim().to_owned()),
        kind: Set(input.kind),
        region: Set(input
            .region
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())),
        path: Set(format!("{}{id}/", parent_path.unwrap_or("/"))),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(to_dto(&unit))
}

pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    input: UpdateOrgUnit,
) -> Result<OrgUnit, OrgUnitError> {
    let unit = org_unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(OrgUnitError::NotFound)?;
    if !policy::allows(actor, Action::ManageOrgUnits, Some(&unit.path)) {
        return Err(OrgUnitError::Forbidden);
    }
    let mut problems = Vec::new();
    check_fields(
        input.code.as_deref(),
        input.name.as_deref(),
        input.kind.as_deref(),
        input.region.as_deref(),
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(OrgUnitError::Invalid(problems));
    }
    if let Some(code) = &input.code
        && code_taken(db, code, Some(id)).await?
    {
        return Err(OrgUnitError::CodeTaken);
    }
    let mut row = unit.into_active_model();
    if let Some(code) = input.code {
        row.code = Set(code);
    }
    if let Some(name) = input.name {
        row.name = Set(name.trim().to_owned());
    }
    if let Some(kind) = input.kind {
        row.kind = Set(kind);
    }
    if let Some(region) = input.region {
        row.region = Set(Some(region.trim().to_owned()).filter(|r| !r.is_empty()));
    }
    Ok(to_dto(&row.update(db).await?))
}
