//! What a row changes on an existing account, and applying a checked file in one
//! transaction.

use crate::services::actors::Change;
use crate::store::Db;
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use shared::Locale;
use shared::auth::RoleGrant;
use shared::user_import::{ImportAction, ImportReport};
use uuid::Uuid;

use super::Parsed;
use crate::entities::{user, user_role};
use crate::services::passwords::PasswordHasher;
use crate::services::users::create::{dedup, insert_grants};
use crate::services::users::{UserError, optional, search_key};

pub(super) fn changes(current: &user::Model, grants: &[RoleGrant], row: &Parsed) -> Vec<String> {
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

pub(super) async fn apply(
    db: &Db,
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
    let mut moved = Vec::new();
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
                moved.push(current.id);
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
        insert_grants(&txn, id, row.grants.clone()).await?;
    }
    // Reports keep each learner's unit and position beside their levels.
    crate::services::evidence::derived::refresh(&txn, Some(&moved)).await?;
    txn.commit().await?;
    db.changed(Change::Everyone).await;
    Ok(())
}
