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
use shared::user_import::ImportAction;
use uuid::Uuid;

use super::{Checked, Parsed};
use crate::entities::{user, user_role};
use crate::services::jobs::Claim;
use crate::services::passwords::PasswordError;
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

/// Applies a checked file in one transaction with the new accounts' `hashes`, and ends
/// the job in the same transaction; nothing is applied when the job is no longer this
/// server's (`Ok(false)`).
pub(super) async fn apply(
    db: &Db,
    checked: &Checked,
    mut hashes: HashMap<String, String>,
    claim: &Claim,
) -> Result<bool, UserError> {
    let (parsed, existing, report) = (&checked.parsed, &checked.existing, &checked.report);
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
                    password_hash: Set(hashes.remove(&row.username).ok_or_else(|| {
                        UserError::Password(PasswordError::Hashing(format!(
                            "the password of {} was not prepared",
                            row.username
                        )))
                    })?),
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
    let total = u32::try_from(hashes_total(checked)).unwrap_or(u32::MAX);
    let result = serde_json::to_string(report).unwrap_or_default();
    if !claim.finish(&txn, total, result).await? {
        // Another server holds the job now: it applies it; this transaction rolls back.
        return Ok(false);
    }
    txn.commit().await?;
    db.changed(Change::Everyone).await;
    Ok(true)
}

fn hashes_total(checked: &Checked) -> usize {
    checked.new_accounts().count()
}
