//! Creating an account, by the system (`create-user`, seed) or by an admin (policy-checked).

use crate::store::Db;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use super::{NewUser, UserError, field, optional, search_key, validate};
use crate::entities::{org_unit, position, user, user_role};
use crate::services::actors::Actor;
use crate::services::passwords::PasswordHasher;
use crate::services::policy::{self, Action};

/// The path of an org unit, or a field error when it does not exist.
pub(super) async fn unit_path(
    db: &impl ConnectionTrait,
    id: Uuid,
    name: &str,
) -> Result<Result<String, shared::FieldProblem>, sea_orm::DbErr> {
    Ok(org_unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|u| u.path)
        .ok_or_else(|| field(name, shared::Problem::NoSuchOrgUnit)))
}

/// Checks that referenced org units and positions exist; returns the user's unit path and
/// the scope paths of the grants.
pub(super) async fn check_references(
    db: &impl ConnectionTrait,
    org_unit_id: Option<Uuid>,
    position_id: Option<Uuid>,
    grants: &[shared::auth::RoleGrant],
    problems: &mut Vec<shared::FieldProblem>,
) -> Result<(Option<String>, Vec<Option<String>>), sea_orm::DbErr> {
    let org_path = match org_unit_id {
        Some(id) => unit_path(db, id, "org_unit_id")
            .await?
            .map_err(|e| problems.push(e))
            .ok(),
        None => None,
    };
    if let Some(id) = position_id
        && position::Entity::find_by_id(id).one(db).await?.is_none()
    {
        problems.push(field("position_id", shared::Problem::NoSuchPosition));
    }
    let mut scope_paths = Vec::new();
    for grant in grants {
        scope_paths.push(match grant.scope_org_unit_id {
            Some(id) => unit_path(db, id, "roles")
                .await?
                .map_err(|e| problems.push(e))
                .ok(),
            None => None,
        });
    }
    Ok((org_path, scope_paths))
}

/// Creates the user with its roles in one transaction (no authorisation: for the system).
pub async fn create(db: &Db, hasher: &PasswordHasher, new: NewUser) -> Result<Uuid, UserError> {
    let mut problems = validate(&new);
    check_references(
        db,
        new.org_unit_id,
        new.position_id,
        &new.grants,
        &mut problems,
    )
    .await?;
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    insert(db, hasher, new).await
}

/// Creates a user on behalf of `actor`: only inside the actor's scope, granting only roles
/// the actor could hold there.
pub async fn create_as(
    db: &Db,
    hasher: &PasswordHasher,
    actor: &Actor,
    new: NewUser,
) -> Result<Uuid, UserError> {
    if policy::scope(actor, Action::ManageUsers) == policy::Scope::Nothing {
        return Err(UserError::Forbidden);
    }
    let mut problems = validate(&new);
    let (org_path, scope_paths) = check_references(
        db,
        new.org_unit_id,
        new.position_id,
        &new.grants,
        &mut problems,
    )
    .await?;
    if problems.is_empty() && !policy::allows(actor, Action::ManageUsers, org_path.as_deref()) {
        problems.push(field("org_unit_id", shared::Problem::OutsideYourTree));
    }
    if new
        .grants
        .iter()
        .zip(&scope_paths)
        .any(|(g, path)| !policy::may_grant(actor, g.role, path.as_deref()))
    {
        problems.push(field("roles", shared::Problem::GrantOutsideTree));
    }
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    insert(db, hasher, new).await
}

async fn insert(db: &Db, hasher: &PasswordHasher, new: NewUser) -> Result<Uuid, UserError> {
    let username = new.username.trim().to_owned();
    let taken = user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .one(db)
        .await?
        .is_some();
    if taken {
        return Err(UserError::UsernameTaken(username));
    }
    let password_hash = hasher.hash(new.password).await?;
    let email = optional(new.email);
    let id = Uuid::new_v4();
    let now = Utc::now();
    let txn = db.begin().await?;
    user::ActiveModel {
        id: Set(id),
        search_key: Set(search_key(&new.full_name, &username, email.as_deref())),
        username: Set(username),
        full_name: Set(new.full_name.trim().to_owned()),
        email: Set(email),
        phone: Set(optional(new.phone)),
        locale: Set(new.locale.code().to_owned()),
        org_unit_id: Set(new.org_unit_id),
        position_id: Set(new.position_id),
        password_hash: Set(password_hash),
        disabled: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    insert_grants(&txn, id, new.grants).await?;
    txn.commit().await?;
    Ok(id)
}

/// Saves `grants` for `user` (one per role).
pub(super) async fn insert_grants(
    db: &impl ConnectionTrait,
    user: Uuid,
    grants: Vec<shared::auth::RoleGrant>,
) -> Result<(), sea_orm::DbErr> {
    for grant in dedup(grants) {
        user_role::ActiveModel {
            user_id: Set(user),
            role: Set(grant.role.code().to_owned()),
            scope_org_unit_id: Set(grant.scope_org_unit_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// One grant per role (the table's key); the first one given wins.
pub(super) fn dedup(grants: Vec<shared::auth::RoleGrant>) -> Vec<shared::auth::RoleGrant> {
    let mut seen = Vec::new();
    grants
        .into_iter()
        .filter(|g| {
            let fresh = !seen.contains(&g.role);
            seen.push(g.role);
            fresh
        })
        .collect()
}
