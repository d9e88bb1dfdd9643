//! An admin's changes to an account: edit, disable or enable, reset the password.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use shared::users::{UpdateUser, UserSummary};
use shared::{Locale, Problem};
use uuid::Uuid;

use super::create::{check_references, insert_grants};
use super::search::{summaries, visible};
use super::{UserError, contact_problems, field, optional, password_problems, search_key};
use crate::entities::{user, user_role};
use crate::services::actors::{Actor, Change};
use crate::services::evidence;
use crate::services::passwords::PasswordHasher;
use crate::services::policy::{self, Action};
use crate::services::sessions;

/// The target, when the actor may manage it: not found outside what they may see,
/// forbidden where they may see but not manage.
async fn managed(db: &Db, actor: &Actor, id: Uuid) -> Result<user::Model, UserError> {
    let (target, path) = visible(db, actor, id).await?;
    if !policy::allows(actor, Action::ManageUsers, path.as_deref()) {
        return Err(UserError::Forbidden);
    }
    Ok(target)
}

pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    change: UpdateUser,
) -> Result<UserSummary, UserError> {
    let target = managed(db, actor, id).await?;
    let mut problems = contact_problems(change.email.as_deref(), change.phone.as_deref());
    if let Some(name) = &change.full_name
        && (name.trim().is_empty() || name.chars().count() > 200)
    {
        problems.push(field(
            "full_name",
            Problem::CharsBetween { min: 1, max: 200 },
        ));
    }
    let locale = match change.locale.as_deref() {
        Some(code) => Locale::from_code(code).or_else(|| {
            problems.push(field("locale", Problem::LanguageChoice));
            None
        }),
        None => None,
    };
    let grants = change.roles.clone().unwrap_or_default();
    if change.roles.as_ref().is_some_and(Vec::is_empty) {
        problems.push(field("roles", Problem::AtLeastOneRole));
    }
    let (org_path, scope_paths) = check_references(
        db,
        change.org_unit_id,
        change.position_id,
        &grants,
        &mut problems,
    )
    .await?;
    if change.org_unit_id.is_some()
        && problems.is_empty()
        && !policy::allows(actor, Action::ManageUsers, org_path.as_deref())
    {
        problems.push(field("org_unit_id", Problem::OutsideYourTree));
    }
    if grants
        .iter()
        .zip(&scope_paths)
        .any(|(g, p)| !policy::may_grant(actor, g.role, p.as_deref()))
    {
        problems.push(field("roles", Problem::GrantOutsideTree));
    }
    if id == actor.me.id
        && change.roles.is_some()
        && !grants.iter().any(|g| g.role == shared::Role::Admin)
    {
        problems.push(field("roles", Problem::OwnAdminRole));
    }
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }

    let txn = db.begin().await?;
    let mut row = target.clone().into_active_model();
    let full_name = change
        .full_name
        .map(|n| n.trim().to_owned())
        .unwrap_or(target.full_name.clone());
    let email = match change.email {
        Some(email) => optional(Some(email)),
        None => target.email.clone(),
    };
    row.search_key = Set(search_key(&full_name, &target.username, email.as_deref()));
    row.full_name = Set(full_name);
    row.email = Set(email);
    if let Some(phone) = change.phone {
        row.phone = Set(optional(Some(phone)));
    }
    if let Some(unit) = change.org_unit_id {
        row.org_unit_id = Set(Some(unit));
    }
    if let Some(position) = change.position_id {
        row.position_id = Set(Some(position));
    }
    if let Some(locale) = locale {
        row.locale = Set(locale.code().to_owned());
    }
    row.updated_at = Set(Utc::now());
    let updated = row.update(&txn).await?;
    if change.roles.is_some() {
        user_role::Entity::delete_many()
            .filter(user_role::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
        insert_grants(&txn, id, grants).await?;
    }
    // Reports keep each learner's unit and position beside their levels.
    evidence::derived::refresh(&txn, Some(&[id])).await?;
    txn.commit().await?;
    db.changed(Change::User(id)).await;
    let mut list = summaries(db, vec![updated]).await?;
    list.pop().ok_or(UserError::NotFound)
}

/// Disables (signing the user out everywhere at once) or re-enables an account.
pub async fn set_disabled(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    disabled: bool,
) -> Result<(), UserError> {
    let target = managed(db, actor, id).await?;
    if disabled && id == actor.me.id {
        return Err(UserError::OwnAccount);
    }
    let mut row = target.into_active_model();
    row.disabled = Set(disabled);
    row.updated_at = Set(Utc::now());
    let txn = db.begin().await?;
    row.update(&txn).await?;
    // A disabled account is no one's training need any more (and counts again when enabled).
    evidence::derived::refresh(&txn, Some(&[id])).await?;
    txn.commit().await?;
    db.changed(Change::User(id)).await;
    if disabled {
        sessions::revoke_others(db, id, None).await?;
    }
    Ok(())
}

/// Sets a new password chosen by an admin; the user's sessions end.
pub async fn reset_password(
    db: &Db,
    hasher: &PasswordHasher,
    actor: &Actor,
    id: Uuid,
    new_password: String,
) -> Result<(), UserError> {
    let target = managed(db, actor, id).await?;
    let problems = password_problems(&new_password, Some(&target.username));
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    let hash = hasher.hash(new_password).await?;
    let mut row = target.into_active_model();
    row.password_hash = Set(hash);
    row.updated_at = Set(Utc::now());
    row.update(db).await?;
    sessions::revoke_others(db, id, None).await?;
    Ok(())
}
