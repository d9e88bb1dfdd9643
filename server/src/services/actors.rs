//! The actor: who is making a request, with roles and org scope, loaded once per request.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use shared::Role;
use shared::auth::{Me, RoleGrant};
use uuid::Uuid;

use crate::entities::{org_unit, session, user, user_role};

/// A signed-in user acting in one session.
#[derive(Debug, Clone)]
pub struct Actor {
    pub me: Me,
    /// The session family the request belongs to.
    pub session: Uuid,
    /// Materialised path of the user's own org unit.
    pub org_path: Option<String>,
    /// Each grant with the materialised path of its scope (`None`: everywhere).
    pub scopes: Vec<(Role, Option<String>)>,
}

/// The actor for `user` in session `family`, or `None` when the session is revoked or
/// expired or the user is disabled: revocation takes effect on the next request.
pub async fn load(
    db: &DatabaseConnection,
    user_id: Uuid,
    family: Uuid,
) -> Result<Option<Actor>, DbErr> {
    let now = Utc::now();
    let live = session::Entity::find()
        .filter(session::Column::FamilyId.eq(family))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .is_some();
    if !live {
        return Ok(None);
    }
    let Some(user) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    if user.disabled {
        return Ok(None);
    }
    let grants = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let mut unit_ids: Vec<Uuid> = grants.iter().filter_map(|g| g.scope_org_unit_id).collect();
    unit_ids.extend(user.org_unit_id);
    let units = if unit_ids.is_empty() {
        Vec::new()
    } else {
        org_unit::Entity::find()
            .filter(org_unit::Column::Id.is_in(unit_ids))
            .all(db)
            .await?
    };
    let path_of = |id: Option<Uuid>| {
        id.and_then(|id| units.iter().find(|u| u.id == id).map(|u| u.path.clone()))
    };
    let mut roles = Vec::new();
    let mut scopes = Vec::new();
    for grant in grants {
        let Some(role) = Role::from_code(&grant.role) else {
            continue;
        };
        roles.push(RoleGrant {
            role,
            scope_org_unit_id: grant.scope_org_unit_id,
        });
        scopes.push((role, path_of(grant.scope_org_unit_id)));
    }
    roles.sort_by_key(|g| g.role);
    Ok(Some(Actor {
        org_path: path_of(user.org_unit_id),
        me: Me {
            id: user.id,
            username: user.username,
            full_name: user.full_name,
            locale: user.locale,
            org_unit_id: user.org_unit_id,
            position_id: user.position_id,
            roles,
        },
        session: family,
        scopes,
    }))
}
