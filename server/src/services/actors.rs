//! The actor: who is making a request, with roles and org scope.
//!
//! Loading one takes four queries (session, account, grants, their org units), which would
//! be most of the work of a small request such as a quiz submission. Actors are therefore
//! kept in memory per session, and every change that can alter one — a session ended, an
//! account changed, disabled or given other roles, a language chosen — calls [`changed`],
//! after which every kept actor is loaded again on its next request. Within one server
//! process revocation thus still takes effect on the next request. Several processes behind
//! one address do not see each other's changes: a kept actor is also reloaded after
//! [`FRESH_FOR`], which bounds how long a revoked session can outlive its revocation there.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
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

/// How long a kept actor is used before it is loaded again even without a change.
pub const FRESH_FOR: Duration = Duration::from_secs(30);
/// At most this many actors are kept; beyond it the memory is emptied and refills.
const MAX_KEPT: usize = 20_000;

/// Counts the changes that can alter an actor.
static GENERATION: AtomicU64 = AtomicU64::new(0);

struct Kept {
    actor: Actor,
    session_expires: DateTime<Utc>,
    generation: u64,
    loaded: Instant,
}

static KEPT: LazyLock<Mutex<HashMap<(Uuid, Uuid), Kept>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Something that can alter an actor changed (call it after the change is committed):
/// every kept actor is loaded again on its next request.
pub fn changed() {
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

fn kept(user_id: Uuid, family: Uuid, generation: u64) -> Option<Actor> {
    let kept = KEPT.lock().ok()?;
    let found = kept.get(&(user_id, family))?;
    (found.generation == generation
        && found.loaded.elapsed() < FRESH_FOR
        && found.session_expires > Utc::now())
    .then(|| found.actor.clone())
}

fn keep(actor: &Actor, session_expires: DateTime<Utc>, generation: u64) {
    if let Ok(mut kept) = KEPT.lock() {
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(
            (actor.me.id, actor.session),
            Kept {
                actor: actor.clone(),
                session_expires,
                generation,
                loaded: Instant::now(),
            },
        );
    }
}

/// The actor for `user` in session `family`, or `None` when the session is revoked or
/// expired or the user is disabled: revocation takes effect on the next request.
pub async fn load(
    db: &DatabaseConnection,
    user_id: Uuid,
    family: Uuid,
) -> Result<Option<Actor>, DbErr> {
    // Read before the database: a change committed after this read makes the copy kept
    // below stale at once.
    let generation = GENERATION.load(Ordering::SeqCst);
    if let Some(actor) = kept(user_id, family, generation) {
        return Ok(Some(actor));
    }
    let loaded = load_from_database(db, user_id, family).await?;
    if let Some((actor, session_expires)) = &loaded {
        keep(actor, *session_expires, generation);
    }
    Ok(loaded.map(|(actor, _)| actor))
}

async fn load_from_database(
    db: &DatabaseConnection,
    user_id: Uuid,
    family: Uuid,
) -> Result<Option<(Actor, DateTime<Utc>)>, DbErr> {
    let now = Utc::now();
    let Some(live) = session::Entity::find()
        .filter(session::Column::FamilyId.eq(family))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
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
    let actor = Actor {
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
    };
    Ok(Some((actor, live.expires_at)))
}
