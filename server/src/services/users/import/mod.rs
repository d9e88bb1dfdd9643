//! Bulk import of accounts from CSV (format in `shared::user_import`): every row is checked
//! and every problem reported with its line; then a job (`job.rs`) prepares the new
//! accounts' passwords in the background and applies all rows in one transaction, or none.
//! Existing accounts (same username) are updated; importing the same file twice changes
//! nothing the second time.

use crate::store::Db;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::auth::RoleGrant;
use shared::user_import::{ImportAction, ImportReport, ImportRow};
use shared::{FieldProblem, Locale, Problem};
use uuid::Uuid;

use super::search::grants_of;
use super::{NewUser, UserError, contact_problems, validate};
use crate::entities::{org_unit, position, user, user_role};
use crate::services::actors::Actor;
use crate::services::jobs;
use crate::services::policy::{self, Action, Scope};
use shared::jobs::{Job, JobKind};

mod apply;
pub mod job;
mod parse;

use parse::{Parsed, problem};

/// Existing accounts named in the file, with their role grants.
async fn existing_users(
    db: &Db,
    usernames: Vec<String>,
) -> Result<HashMap<String, (user::Model, Vec<RoleGrant>)>, UserError> {
    let mut found = HashMap::new();
    for chunk in usernames.chunks(500) {
        let users = user::Entity::find()
            .filter(user::Column::Username.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        let ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
        let grants = user_role::Entity::find()
            .filter(user_role::Column::UserId.is_in(ids))
            .all(db)
            .await?;
        for u in users {
            let mine = grants_of(&grants, u.id);
            found.insert(u.username.clone(), (u, mine));
        }
    }
    Ok(found)
}

/// The org units by code (with their paths) and the positions by code, as the file names
/// them.
async fn lookups(
    db: &Db,
) -> Result<(HashMap<String, (Uuid, String)>, HashMap<String, Uuid>), UserError> {
    let units = org_unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.code, (u.id, u.path)))
        .collect();
    let positions = position::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.id))
        .collect();
    Ok((units, positions))
}

/// What a row would do, and its problems: a new account must be valid as one made by
/// hand; an existing one must be in the actor's reach (else its name is simply taken).
fn check_row(
    row: &Parsed,
    existing: Option<&(user::Model, Vec<RoleGrant>)>,
    units: &HashMap<String, (Uuid, String)>,
    actor: &Actor,
    problems: &mut Vec<FieldProblem>,
) -> Option<ImportRow> {
    let label = |p: FieldProblem| problem(row.line, &p.field, p.problem);
    let Some((current, current_grants)) = existing else {
        let candidate = NewUser {
            username: row.username.clone(),
            full_name: row.full_name.clone(),
            password: row.password.clone().unwrap_or_default(),
            email: row.email.clone(),
            phone: row.phone.clone(),
            org_unit_id: row.org_unit.as_ref().map(|u| u.0),
            position_id: row.position_id,
            grants: row.grants.clone(),
            locale: Locale::Vi,
        };
        problems.extend(validate(&candidate).into_iter().map(label));
        return Some(ImportRow {
            line: row.line,
            username: row.username.clone(),
            action: ImportAction::Create,
            changes: Vec::new(),
        });
    };
    let unit_path = current
        .org_unit_id
        .and_then(|id| units.values().find(|u| u.0 == id).map(|u| u.1.clone()));
    if !policy::allows(actor, Action::ManageUsers, unit_path.as_deref()) {
        problems.push(problem(row.line, "username", Problem::Taken));
        return None;
    }
    problems.extend(
        contact_problems(row.email.as_deref(), row.phone.as_deref())
            .into_iter()
            .map(label),
    );
    if row.grants.is_empty() {
        problems.push(problem(row.line, "roles", Problem::AtLeastOneRole));
    }
    let changes = apply::changes(current, current_grants, row);
    let action = if changes.is_empty() {
        ImportAction::Unchanged
    } else {
        ImportAction::Update
    };
    Some(ImportRow {
        line: row.line,
        username: row.username.clone(),
        action,
        changes,
    })
}

/// A checked file: what each row will do, and what applying it needs.
pub(super) struct Checked {
    parsed: Vec<Parsed>,
    existing: HashMap<String, (user::Model, Vec<RoleGrant>)>,
    report: ImportReport,
}

impl Checked {
    /// The rows that make a new account (each needs its password hashed).
    fn new_accounts(&self) -> impl Iterator<Item = &Parsed> {
        self.parsed
            .iter()
            .filter(|r| !self.existing.contains_key(&r.username))
    }
}

/// Checks the file; `Err(Invalid)` lists every problem, by line.
async fn check(
    db: &Db,
    actor: &Actor,
    csv_text: &str,
    dry_run: bool,
) -> Result<Checked, UserError> {
    if policy::scope(actor, Action::ManageUsers) == Scope::Nothing {
        return Err(UserError::Forbidden);
    }
    let (units, positions) = lookups(db).await?;
    let refs = parse::References {
        units: &units,
        positions: &positions,
        actor,
    };
    let (parsed, mut problems) = parse::read(csv_text, &refs);
    if parsed.is_empty() && !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    let existing = existing_users(db, parsed.iter().map(|p| p.username.clone()).collect()).await?;
    let mut report = ImportReport {
        dry_run,
        created: 0,
        updated: 0,
        unchanged: 0,
        rows: Vec::new(),
    };
    for row in &parsed {
        let checked = check_row(
            row,
            existing.get(&row.username),
            &units,
            actor,
            &mut problems,
        );
        report.rows.extend(checked);
    }
    // Problems of the file's shape and of each row's meaning, in the file's order.
    problems.sort_by_key(|p| p.line.unwrap_or(0));
    problems.dedup();
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    for row in &report.rows {
        match row.action {
            ImportAction::Create => report.created += 1,
            ImportAction::Update => report.updated += 1,
            ImportAction::Unchanged => report.unchanged += 1,
        }
    }
    Ok(Checked {
        parsed,
        existing,
        report,
    })
}

/// What importing the file would do, changing nothing; `Err(Invalid)` lists every problem.
pub async fn preview(db: &Db, actor: &Actor, csv_text: &str) -> Result<ImportReport, UserError> {
    Ok(check(db, actor, csv_text, true).await?.report)
}

/// Checks the file now and, when it has no problem, accepts it as a job that applies it
/// (hashing the new accounts' passwords is slow: thousands of rows take minutes).
pub async fn accept(db: &Db, actor: &Actor, csv_text: &str) -> Result<Job, UserError> {
    let checked = check(db, actor, csv_text, false).await?;
    let total = u32::try_from(checked.new_accounts().count()).unwrap_or(u32::MAX);
    jobs::create(
        db,
        actor.me.id,
        JobKind::UserImport,
        csv_text.to_owned(),
        total,
    )
    .await
    .map_err(Into::into)
}
