//! The actor: who is making a request, with roles and org scope.
//!
//! Loading one takes four queries (session, account, grants, their org units), which would
//! be most of the work of a small request such as a quiz submission. Actors are therefore
//! kept in memory per session ([`ActorCache`], a value of the running server), and every
//! change that can alter one — a session ended, an account changed, disabled or given other
//! roles, a language chosen — is announced with `Db::changed`, after which the actors it
//! touches are loaded again on their next request, on this server and on every other
//! server of the same database (`crate::cluster`).

mod cache;

pub use cache::{ActorCache, Change, FRESH_FOR, KEPT_FOR};

use crate::store::Db;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};
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
pub async fn load(db: &Db, user_id: Uuid, family: Uuid) -> Result<Option<Actor>, DbErr> {
    let cache = &db.caches.actors;
    if let Some(actor) = cache.kept(user_id, family) {
        return Ok(Some(actor));
    }
    // Read before the database: a change committed after this read makes the copy kept
    // below stale at once.
    let generation = cache.generation();
    let loaded = load_from_database(db, user_id, family).await?;
    if let Some((actor, session_expires)) = &loaded {
        cache.keep(actor, *session_expires, generation);
    }
    Ok(loaded.map(|(actor, _)| actor))
}

async fn load_from_database(
    db: &Db,
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
    Ok(of_user(db, user_id, family)
        .await?
        .map(|actor| (actor, live.expires_at)))
}

/// The actor of `user` as the database says now, whatever their sessions (work they left
/// to a job acts with the rights they have when it runs); `None` when disabled or gone.
pub async fn of_user(db: &Db, user_id: Uuid, family: Uuid) -> Result<Option<Actor>, DbErr> {
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
    Ok(Some(actor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor() -> Actor {
        Actor {
            me: Me {
                id: Uuid::new_v4(),
                username: "hv.mai".into(),
                full_name: "Giàng Thị Mai".into(),
                locale: "vi".into(),
                org_unit_id: None,
                position_id: None,
                roles: Vec::new(),
            },
            session: Uuid::new_v4(),
            org_path: None,
            scopes: Vec::new(),
        }
    }

    fn keep(cache: &ActorCache, actor: &Actor) {
        let generation = cache.generation();
        cache.keep(actor, Utc::now() + chrono::Duration::hours(1), generation);
    }

    fn is_kept(cache: &ActorCache, actor: &Actor) -> bool {
        cache.kept(actor.me.id, actor.session).is_some()
    }

    #[test]
    fn a_full_cache_lets_go_of_one_actor_not_all() {
        let cache = ActorCache::new(50);
        let actors: Vec<Actor> = (0..51).map(|_| actor()).collect();
        for a in &actors[..50] {
            keep(&cache, a);
            is_kept(&cache, a);
        }
        cache.settle();
        keep(&cache, &actors[50]);
        cache.settle();
        let kept = actors.iter().filter(|a| is_kept(&cache, a)).count();
        assert!(kept <= 50, "bounded: {kept} kept");
        assert!(
            kept >= 49,
            "one let go, not everything at once: {kept} kept"
        );
    }

    #[test]
    fn a_change_drops_only_what_it_touches_and_two_caches_share_nothing() {
        let (one, other) = (ActorCache::default(), ActorCache::default());
        let (a, b, c) = (actor(), actor(), actor());
        keep(&one, &a);
        keep(&one, &c);
        keep(&other, &b);
        assert!(is_kept(&one, &a) && !is_kept(&one, &b), "separate values");
        one.changed(Change::User(a.me.id));
        assert!(!is_kept(&one, &a), "the changed user is loaded again");
        assert!(is_kept(&one, &c), "another user is not");
        one.changed(Change::Session(c.session));
        assert!(!is_kept(&one, &c), "an ended session is loaded again");
        keep(&one, &a);
        assert!(is_kept(&one, &a), "kept again after loading");
        one.changed(Change::Everyone);
        assert!(!is_kept(&one, &a), "everyone");
        assert!(is_kept(&other, &b), "another server's cache is untouched");
    }

    #[test]
    fn a_load_that_raced_a_change_is_not_kept_as_fresh() {
        let cache = ActorCache::default();
        let a = actor();
        // Read before the database, then the change commits, then the copy is kept.
        let generation = cache.generation();
        cache.changed(Change::User(a.me.id));
        cache.keep(&a, Utc::now() + chrono::Duration::hours(1), generation);
        assert!(!is_kept(&cache, &a));
    }

    #[test]
    fn an_expired_session_is_not_served_from_memory() {
        let cache = ActorCache::default();
        let a = actor();
        let generation = cache.generation();
        cache.keep(&a, Utc::now() - chrono::Duration::seconds(1), generation);
        assert!(!is_kept(&cache, &a));
    }
}
