//! The actors a server keeps in memory, and how a change makes one stale.
//!
//! A change names what it alters ([`Change`]: one user, one session, or everyone), and
//! every kept actor it touches is loaded again on its next request — on this server at
//! once, and on every other server of the same PostgreSQL database as soon as the change's
//! notification arrives (`crate::cluster`). Only while that notification channel is down
//! does a kept actor fall back to living at most [`FRESH_FOR`].
//!
//! Stale copies are recognised, not hunted down: every change takes the next number of a
//! counter and records it against what it touched; an actor is kept with the counter's
//! value read before it was loaded, and is used only if no change it is subject to came
//! later. A load racing a change therefore never keeps a stale copy.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Actor;

/// How long a kept actor is used while this server hears other servers' changes.
pub const KEPT_FOR: Duration = Duration::from_secs(600);
/// How long a kept actor is used while it does not (SQLite, or the channel is down).
pub const FRESH_FOR: Duration = Duration::from_secs(30);
/// At most this many actors are kept; beyond it the least used are let go, one at a time.
const MAX_KEPT: u64 = 20_000;
/// At most this many recent changes are remembered; forgetting one by size makes every
/// kept actor stale, so forgetting never serves a stale one.
const MAX_CHANGES: u64 = 100_000;

/// What a change can make stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// One user's account: disabled, other roles or unit, another language, a new password.
    User(Uuid),
    /// One session (family) ended.
    Session(Uuid),
    /// Anything (many accounts at once, such as an import).
    Everyone,
}

#[derive(Clone)]
struct Kept {
    actor: Actor,
    session_expires: DateTime<Utc>,
    /// The change counter when the actor was read from the database.
    generation: u64,
    loaded: Instant,
}

/// The actors kept in memory: one value per running server (in `AppState`), bounded.
#[derive(Clone)]
pub struct ActorCache {
    kept: moka::sync::Cache<(Uuid, Uuid), Kept>,
    /// The counter of changes.
    generation: Arc<AtomicU64>,
    /// The number of the latest change of each user or session.
    changes: moka::sync::Cache<Change, u64>,
    /// The number of the latest change of everyone.
    everyone: Arc<AtomicU64>,
    /// Whether this server hears the other servers' changes (see `crate::cluster`).
    hearing: Arc<AtomicBool>,
}

impl Default for ActorCache {
    fn default() -> Self {
        Self::new(MAX_KEPT)
    }
}

impl ActorCache {
    pub fn new(capacity: u64) -> Self {
        let everyone = Arc::new(AtomicU64::new(0));
        let generation = Arc::new(AtomicU64::new(0));
        let on_forget = (Arc::clone(&everyone), Arc::clone(&generation));
        Self {
            kept: moka::sync::Cache::builder()
                .max_capacity(capacity)
                .time_to_live(KEPT_FOR)
                .build(),
            changes: moka::sync::Cache::builder()
                .max_capacity(MAX_CHANGES)
                .time_to_live(KEPT_FOR)
                .eviction_listener(move |_, _, cause| {
                    if cause == moka::notification::RemovalCause::Size {
                        let next = on_forget.1.fetch_add(1, Ordering::SeqCst) + 1;
                        on_forget.0.fetch_max(next, Ordering::SeqCst);
                    }
                })
                .build(),
            generation,
            everyone,
            hearing: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The counter, read before an actor is loaded from the database.
    pub(super) fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Something an actor is made of changed (call it after the change is committed).
    pub fn changed(&self, change: Change) {
        // Recorded before the counter moves: a load that reads the new counter read the
        // database after the change was committed.
        let next = self.generation() + 1;
        match change {
            Change::Everyone => {
                self.everyone.fetch_max(next, Ordering::SeqCst);
            }
            Change::User(_) | Change::Session(_) => {
                let latest = self.changes.get(&change).unwrap_or(0).max(next);
                self.changes.insert(change, latest);
            }
        }
        self.generation.fetch_max(next, Ordering::SeqCst);
    }

    /// Whether this server hears other servers' changes; while it does not, kept actors
    /// live at most [`FRESH_FOR`].
    pub fn set_hearing(&self, hearing: bool) {
        self.hearing.store(hearing, Ordering::SeqCst);
    }

    pub fn hearing(&self) -> bool {
        self.hearing.load(Ordering::SeqCst)
    }

    pub(super) fn kept(&self, user_id: Uuid, family: Uuid) -> Option<Actor> {
        let found = self.kept.get(&(user_id, family))?;
        let latest = [
            self.everyone.load(Ordering::SeqCst),
            self.changes.get(&Change::User(user_id)).unwrap_or(0),
            self.changes.get(&Change::Session(family)).unwrap_or(0),
        ];
        let fresh_for = if self.hearing() { KEPT_FOR } else { FRESH_FOR };
        (latest.iter().all(|l| found.generation >= *l)
            && found.session_expires > Utc::now()
            && found.loaded.elapsed() < fresh_for)
            .then_some(found.actor)
    }

    pub(super) fn keep(&self, actor: &Actor, session_expires: DateTime<Utc>, generation: u64) {
        self.kept.insert(
            (actor.me.id, actor.session),
            Kept {
                actor: actor.clone(),
                session_expires,
                generation,
                loaded: Instant::now(),
            },
        );
    }

    #[cfg(test)]
    pub(super) fn settle(&self) {
        self.kept.run_pending_tasks();
        self.changes.run_pending_tasks();
    }
}
