//! Job positions: a national catalogue everyone signed in reads and national
//! administrators maintain.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    Set,
};
use shared::directory::{Position, PositionInput};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::position;
use crate::services::actors::Actor;
use crate::services::policy::{self, Action};

#[derive(Debug, thiserror::Error)]
pub enum PositionError {
    #[error("the position is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("the code is taken")]
    CodeTaken,
    #[error("no such position")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("database error in positions: {0}")]
    Database(#[from] DbErr),
}

fn to_dto(p: position::Model) -> Position {
    Position {
        id: p.id,
        code: p.code,
        name_vi: p.name_vi,
        name_en: p.name_en,
    }
}

pub async fn list(db: &Db) -> Result<Vec<Position>, PositionError> {
    let rows = position::Entity::find()
        .order_by_asc(position::Column::Code)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_dto).collect())
}

fn problems(input: &PositionInput, creating: bool) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut need = |name: &str, value: &Option<String>, max: usize| match value {
        None if creating => problems.push(FieldProblem::new(name, Problem::Required)),
        Some(v) if v.trim().is_empty() || v.chars().count() > max => problems.push(
            FieldProblem::new(name, Problem::CharsBetween { min: 1, max }),
        ),
        _ => {}
    };
    need("code", &input.code, 64);
    need("name_vi", &input.name_vi, 200);
    need("name_en", &input.name_en, 200);
    if let Some(code) = &input.code
        && !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        problems.push(FieldProblem::new("code", Problem::CapitalCode));
    }
    problems
}

async fn code_taken(db: &Db, code: &str, except: Option<Uuid>) -> Result<bool, DbErr> {
    let found = position::Entity::find()
        .filter(position::Column::Code.eq(code))
        .one(db)
        .await?;
    Ok(found.is_some_and(|p| Some(p.id) != except))
}

pub async fn create(
    db: &Db,
    actor: &Actor,
    input: PositionInput,
) -> Result<Position, PositionError> {
    if !policy::allows(actor, Action::ManagePositions, None) {
        return Err(PositionError::Forbidden);
    }
    let problems = problems(&input, true);
    if !problems.is_empty() {
        return Err(PositionError::Invalid(problems));
    }
    let (code, name_vi, name_en) = (
        input.code.unwrap_or_default(),
        input.name_vi.unwrap_or_default(),
        input.name_en.unwrap_or_default(),
    );
    if code_taken(db, &code, None).await? {
        return Err(PositionError::CodeTaken);
    }
    let row = position::ActiveModel {
        id: Set(Uuid::new_v4()),
        code: Set(code),
        name_vi: Set(name_vi.trim().to_owned()),
        name_en: Set(name_en.trim().to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(to_dto(row))
}

pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    input: PositionInput,
) -> Result<Position, PositionError> {
    if !policy::allows(actor, Action::ManagePositions, None) {
        return Err(PositionError::Forbidden);
    }
    let row = position::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(PositionError::NotFound)?;
    let problems = problems(&input, false);
    if !problems.is_empty() {
        return Err(PositionError::Invalid(problems));
    }
    if let Some(code) = &input.code
        && code_taken(db, code, Some(id)).await?
    {
        return Err(PositionError::CodeTaken);
    }
    let mut row = row.into_active_model();
    if let Some(code) = input.code {
        row.code = Set(code);
    }
    if let Some(name) = input.name_vi {
        row.name_vi = Set(name.trim().to_owned());
    }
    if let Some(name) = input.name_en {
        row.name_en = Set(name.trim().to_owned());
    }
    Ok(to_dto(row.update(db).await?))
}
