//! Bulk import of accounts from CSV (format in `shared::user_import`): every row is checked
//! and every problem reported with its line; then all rows apply in one transaction, or
//! none. Existing accounts (same username) are updated; importing the same file twice
//! changes nothing the second time.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionTrait,
};
use shared::auth::RoleGrant;
use shared::user_import::{COLUMNS, ImportAction, ImportReport, ImportRow};
use shared::{FieldError, Locale, Role};
use uuid::Uuid;

use super::create::dedup;
use super::{NewUser, UserError, contact_problems, optional, search_key, validate};
use crate::entities::{org_unit, position, user, user_role};
use crate::services::actors::Actor;
use crate::services::passwords::PasswordHasher;
use crate::services::policy::{self, Action, Scope};

/// Rows accepted in one file.
pub const MAX_ROWS: usize = 5000;

struct Parsed {
    line: u64,
    username: String,
    full_name: String,
    email: Option<String>,
    phone: Option<String>,
    org_unit: Option<(Uuid, String)>,
    position_id: Option<Uuid>,
    grants: Vec<RoleGrant>,
    password: Option<String>,
}

fn problem(line: u64, column: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: format!("line {line}: {column}"),
        message: message.into(),
    }
}

/// Existing accounts named in the file, with their role grants.
async fn existing_users(
    db: &DatabaseConnection,
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
            let mine = grants
                .iter()
                .filter(|g| g.user_id == u.id)
                .filter_map(|g| {
                    Role::from_code(&g.role).map(|role| RoleGrant {
                        role,
                        scope_org_unit_id: g.scope_org_unit_id,
                    })
                })
                .collect();
            found.insert(u.username.clone(), (u, mine));
        }
    }
    Ok(found)
}

/// Checks the file; `Err(Invalid)` lists every problem, by line.
pub async fn import(
    db: &DatabaseConnection,
    hasher: &PasswordHasher,
    actor: &Actor,
    csv_text: &str,
    dry_run: bool,
) -> Result<ImportReport, UserError> {
    if policy::scope(actor, Action::ManageUsers) == Scope::Nothing {
        return Err(UserError::Forbidden);
    }
    let units: HashMap<String, (Uuid, String)> = org_unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.code, (u.id, u.path)))
        .collect();
    let positions: HashMap<String, Uuid> = position::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.id))
        .collect();

    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect::<Vec<_>>(),
        Err(e) => {
            return Err(UserError::Invalid(vec![problem(
                1,
                "header",
                format!("cannot read the header: {e}"),
            )]));
        }
    };
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(problem(
                1,
                h,
                format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            ));
        }
    }
    for required in ["username", "full_name", "roles"] {
        if !headers.iter().any(|h| h == required) {
            problems.push(problem(1, required, "this column is required"));
        }
    }
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    let column = |record: &csv::StringRecord, name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| record.get(i))
            .map(str::to_owned)
            .filter(|v| !v.is_empty())
    };

    let mut parsed = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        if index >= MAX_ROWS {
            problems.push(problem(
                index as u64 + 2,
                "file",
                format!("at most {MAX_ROWS} rows per file"),
            ));
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(index as u64 + 2, |p| p.line());
                problems.push(problem(line, "row", format!("cannot read this row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(index as u64 + 2, |p| p.line());
        let username = column(&record, "username")
            .unwrap_or_default()
            .to_lowercase();
        if !username.is_empty() && !seen.insert(username.clone()) {
            problems.push(problem(line, "username", "appears twice in the file"));
        }
        let org_unit = column(&record, "org_unit_code").and_then(|code| match units.get(&code) {
            Some(unit) => Some(unit.clone()),
            None => {
                problems.push(problem(
                    line,
                    "org_unit_code",
                    format!("no org unit has the code {code}"),
                ));
                None
            }
        });
        if let Some((_, path)) = &org_unit
            && !policy::allows(actor, Action::ManageUsers, Some(path))
        {
            problems.push(problem(
                line,
                "org_unit_code",
                "outside the part of the tree you manage",
            ));
        }
        let position_id =
            column(&record, "position_code").and_then(|code| match positions.get(&code) {
                Some(id) => Some(*id),
                None => {
                    problems.push(problem(
                        line,
                        "position_code",
                        format!("no position has the code {code}"),
                    ));
                    None
                }
            });
        let mut grants = Vec::new();
        for item in column(&record, "roles")
            .unwrap_or_default()
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let (code, scope) = match item.split_once('@') {
                Some((code, scope)) => (code.trim(), Some(scope.trim())),
                None => (item, None),
            };
            let Some(role) = Role::from_code(code) else {
                problems.push(problem(line, "roles", format!("unknown role {code}")));
                continue;
            };
            let scope_unit = match scope {
                Some(scope) => match units.get(scope) {
                    Some(unit) => Some(unit.clone()),
                    None => {
                        problems.push(problem(
                            line,
                            "roles",
                            format!("no org unit has the code {scope}"),
                        ));
                        continue;
                    }
                },
                None => None,
            };
            if !policy::may_grant(actor, role, scope_unit.as_ref().map(|u| u.1.as_str())) {
                problems.push(problem(line, "roles", format!("you may not grant {item}")));
            }
            grants.push(RoleGrant {
                role,
                scope_org_unit_id: scope_unit.map(|u| u.0),
            });
        }
        parsed.push(Parsed {
            line,
            username,
            full_name: column(&record, "full_name").unwrap_or_default(),
            email: column(&record, "email"),
            phone: column(&record, "phone"),
            org_unit,
            position_id,
            grants,
            password: column(&record, "password"),
        });
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
        let label = |p: FieldError| problem(row.line, &p.field, p.message);
        match existing.get(&row.username) {
            None => {
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
                report.rows.push(ImportRow {
                    line: row.line,
                    username: row.username.clone(),
                    action: ImportAction::Create,
                    changes: Vec::new(),
                });
            }
            Some((current, current_grants)) => {
                let unit_path = current
                    .org_unit_id
                    .and_then(|id| units.values().find(|u| u.0 == id).map(|u| u.1.clone()));
                if !policy::allows(actor, Action::ManageUsers, unit_path.as_deref()) {
                    problems.push(problem(row.line, "username", "this username is taken"));
                    continue;
                }
                problems.extend(
                    contact_problems(row.email.as_deref(), row.phone.as_deref())
                        .into_iter()
                        .map(label),
                );
                if row.grants.is_empty() {
                    problems.push(problem(row.line, "roles", "at least one role"));
                }
                let changes = changes(current, current_grants, row);
                let action = if changes.is_empty() {
                    ImportAction::Unchanged
                } else {
                    ImportAction::Update
                };
                report.rows.push(ImportRow {
                    line: row.line,
                    username: row.username.clone(),
                    action,
                    changes,
                });
            }
        }
    }
    problems.sort_by_key(|p| {
        p.field
            .split(':')
            .next()
            .and_then(|l| l.trim_start_matches("line ").parse::<u64>().ok())
            .unwrap_or(0)
    });
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
    if !dry_run {
        apply(db, hasher, &parsed, &existing, &report).await?;
    }
    Ok(report)
}

fn changes(current: &user::Model, grants: &[RoleGrant], row: &Parsed) -> Vec<String> {
    let mut changed = Vec::new();
    if current.full_name != row.full_name.trim() {
        changed.push("full_name".into());
    }
    if current.email != optional(row.email.clone()) {
        changed.push("email".into());
    }
    if current.phone != optional(row.phone.clone()) {
        changed.push("phone".into());
    }
    if current.org_unit_id != row.org_unit.as_ref().map(|u| u.0) {
        changed.push("org_unit_code".into());
    }
    if current.position_id != row.position_id {
        changed.push("position_code".into());
    }
    let mut old: Vec<_> = grants
        .iter()
        .map(|g| (g.role, g.scope_org_unit_id))
        .collect();
    let mut new: Vec<_> = dedup(row.grants.clone())
        .iter()
        .map(|g| (g.role, g.scope_org_unit_id))
        .collect();
    old.sort();
    new.sort();
    if old != new {
        changed.push("roles".into());
    }
    changed
}

async fn apply(
    db: &DatabaseConnection,
    hasher: &PasswordHasher,
    parsed: &[Parsed],
    existing: &HashMap<String, (user::Model, Vec<RoleGrant>)>,
    report: &ImportReport,
) -> Result<(), UserError> {
    // Hash the new passwords first, in parallel up to the hasher's bound, outside the
    // transaction so it stays short.
    let mut hashing = tokio::task::JoinSet::new();
    for row in parsed
        .iter()
        .filter(|r| !existing.contains_key(&r.username))
    {
        let (hasher, username, password) = (
            hasher.clone(),
            row.username.clone(),
            row.password.clone().unwrap_or_default(),
        );
        hashing.spawn(async move { hasher.hash(password).await.map(|hash| (username, hash)) });
    }
    let mut hashes = HashMap::new();
    while let Some(done) = hashing.join_next().await {
        let (username, hash) =
            done.map_err(|e| UserError::Database(sea_orm::DbErr::Custom(e.to_string())))??;
        hashes.insert(username, hash);
    }

    let now = Utc::now();
    let txn = db.begin().await?;
    for (row, outcome) in parsed.iter().zip(&report.rows) {
        let email = optional(row.email.clone());
        let id = match (outcome.action, existing.get(&row.username)) {
            (ImportAction::Unchanged, _) => continue,
            (ImportAction::Update, Some((current, _))) => {
                let mut model = current.clone().into_active_model();
                model.full_name = Set(row.full_name.trim().to_owned());
                model.search_key = Set(search_key(&row.full_name, &row.username, email.as_deref()));
                model.email = Set(email);
                model.phone = Set(optional(row.phone.clone()));
                model.org_unit_id = Set(row.org_unit.as_ref().map(|u| u.0));
                model.position_id = Set(row.position_id);
                model.updated_at = Set(now);
                model.update(&txn).await?;
                user_role::Entity::delete_many()
                    .filter(user_role::Column::UserId.eq(current.id))
                    .exec(&txn)
                    .await?;
                current.id
            }
            _ => {
                let id = Uuid::new_v4();
                user::ActiveModel {
                    id: Set(id),
                    username: Set(row.username.clone()),
                    full_name: Set(row.full_name.trim().to_owned()),
                    search_key: Set(search_key(&row.full_name, &row.username, email.as_deref())),
                    email: Set(email),
                    phone: Set(optional(row.phone.clone())),
                    locale: Set(Locale::Vi.code().to_owned()),
                    org_unit_id: Set(row.org_unit.as_ref().map(|u| u.0)),
                    position_id: Set(row.position_id),
                    password_hash: Set(hashes.remove(&row.username).unwrap_or_default()),
                    disabled: Set(false),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(&txn)
                .await?;
                id
            }
        };
        for grant in dedup(row.grants.clone()) {
            user_role::ActiveModel {
                user_id: Set(id),
                role: Set(grant.role.code().to_owned()),
                scope_org_unit_id: Set(grant.scope_org_unit_id),
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
