//! Sign-in throttling, decided before any password is hashed.
//!
//! Every attempt first **reserves** a failure on each of its keys, atomically (a
//! compare-and-set on the key's count): a key blocked now refuses the attempt without
//! hashing; otherwise the count grows by one and, past the key's free failures, the key is
//! blocked for a growing delay (1 s, 2 s, 4 s … capped at 15 min) starting now. A sign-in
//! that succeeds gives its reservations back. Fifty parallel guesses therefore cost at most
//! a handful of hashes, and the count is exact.
//!
//! The keys (docs/SECURITY.md, after OWASP's "device cookies"):
//! - from a **device** that has signed in to this account before (it holds a device cookie
//!   for the username, [`crate::auth::device`]): that device's key alone. A guesser
//!   elsewhere cannot lock the owner out of their own office computer;
//! - from anywhere else: the **account** (5 free failures) and the client **address**
//!   (50 free: a commune office's NAT is many people, and one of them guessing must not
//!   lock the others out, yet spraying passwords over many accounts from one address
//!   is slowed).

use crate::store::Db;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, Set, TryInsertResult};

use crate::entities::sign_in_throttle::{self, Column};

/// Failures allowed on an account (or from one device) before delays start.
pub const FREE_FAILURES: i32 = 5;
/// Failures allowed from one client address before delays start.
pub const ADDRESS_FREE_FAILURES: i32 = 50;
/// The longest block, in seconds.
pub const MAX_BLOCK_SECS: i64 = 15 * 60;
/// Failures older than this are forgotten.
const FORGET_AFTER_HOURS: i64 = 24;
/// Compare-and-set rounds before a reservation gives up (only under extreme contention).
const MAX_ROUNDS: usize = 50;

/// One thing attempts are counted against, with how many failures it is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub key: String,
    pub free: i32,
}

pub fn account_key(username: &str) -> Key {
    Key {
        key: format!("u:{}", username.trim().to_lowercase()),
        free: FREE_FAILURES,
    }
}

pub fn address_key(address: &str) -> Key {
    Key {
        key: format!("ip:{address}"),
        free: ADDRESS_FREE_FAILURES,
    }
}

/// A device that signed in to the account before (its device cookie's id).
pub fn device_key(device: &str) -> Key {
    Key {
        key: format!("d:{device}"),
        free: FREE_FAILURES,
    }
}

/// Seconds a key is blocked for after its `failures`-th failure with `free` allowed: 0 up
/// to `free`, then 1, 2, 4, … up to [`MAX_BLOCK_SECS`].
pub fn block_secs(failures: i32, free: i32) -> i64 {
    let over = failures.saturating_sub(free);
    if over <= 0 {
        return 0;
    }
    let exponent = u32::try_from(over - 1).unwrap_or(u32::MAX).min(20);
    (1_i64 << exponent).min(MAX_BLOCK_SECS)
}

#[derive(Debug, thiserror::Error)]
pub enum ThrottleError {
    #[error("blocked for {0} s")]
    Blocked(i64),
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Reserves one failure on every key, in order; refuses while any key is blocked, giving
/// back what it reserved before (a refused attempt counts against nothing).
pub async fn reserve(db: &Db, keys: &[Key], now: DateTime<Utc>) -> Result<(), ThrottleError> {
    for (at, key) in keys.iter().enumerate() {
        if let Err(e) = reserve_one(db, key, now).await {
            for earlier in &keys[..at] {
                give_back(db, earlier).await?;
            }
            return Err(e);
        }
    }
    Ok(())
}

/// One reserved failure taken back from `key`.
async fn give_back(db: &Db, key: &Key) -> Result<(), DbErr> {
    sign_in_throttle::Entity::update_many()
        .col_expr(
            Column::Failures,
            sea_orm::sea_query::ExprTrait::sub(Expr::col(Column::Failures), 1),
        )
        .filter(Column::Key.eq(key.key.clone()))
        .filter(Column::Failures.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

async fn reserve_one(db: &Db, key: &Key, now: DateTime<Utc>) -> Result<(), ThrottleError> {
    for _ in 0..MAX_ROUNDS {
        let row = sign_in_throttle::Entity::find_by_id(key.key.clone())
            .one(db)
            .await?;
        let Some(row) = row else {
            let inserted = sign_in_throttle::Entity::insert(sign_in_throttle::ActiveModel {
                key: Set(key.key.clone()),
                failures: Set(1),
                last_failure_at: Set(now),
                blocked_until: Set(blocked_until(1, key.free, now)),
            })
            .on_conflict_do_nothing_on([Column::Key])
            .exec_without_returning(db)
            .await?;
            if matches!(inserted, TryInsertResult::Inserted(1)) {
                return Ok(());
            }
            continue;
        };
        let stale = now - row.last_failure_at >= Duration::hours(FORGET_AFTER_HOURS);
        if !stale && let Some(until) = row.blocked_until.filter(|until| *until > now) {
            return Err(ThrottleError::Blocked((until - now).num_seconds().max(1)));
        }
        let failures = if stale {
            1
        } else {
            row.failures.saturating_add(1)
        };
        let until = blocked_until(failures, key.free, now);
        if until.is_some() {
            tracing::warn!(key = %key.key, failures, "sign-in blocked after repeated failures");
        }
        let updated = sign_in_throttle::Entity::update_many()
            .col_expr(Column::Failures, Expr::value(failures))
            .col_expr(Column::LastFailureAt, Expr::value(now))
            .col_expr(Column::BlockedUntil, Expr::value(until))
            .filter(Column::Key.eq(key.key.clone()))
            .filter(Column::Failures.eq(row.failures))
            .exec(db)
            .await?;
        if updated.rows_affected == 1 {
            return Ok(());
        }
    }
    Err(ThrottleError::Database(DbErr::Custom(format!(
        "sign-in throttle for {} too contended",
        key.key
    ))))
}

fn blocked_until(failures: i32, free: i32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let block = block_secs(failures, free);
    (block > 0).then(|| now + Duration::seconds(block))
}

/// Gives back the reservation of a sign-in that succeeded: the account's and the device's
/// failures are forgotten; the address keeps its count less this attempt, so one person
/// signing in does not clear what a guesser behind the same address did.
pub async fn succeeded(db: &Db, keys: &[Key]) -> Result<(), DbErr> {
    for key in keys {
        if key.key.starts_with("ip:") {
            give_back(db, key).await?;
        } else {
            sign_in_throttle::Entity::delete_by_id(key.key.clone())
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        assert_eq!(block_secs(1, FREE_FAILURES), 0);
        assert_eq!(block_secs(FREE_FAILURES, FREE_FAILURES), 0);
        assert_eq!(block_secs(FREE_FAILURES + 1, FREE_FAILURES), 1);
        assert_eq!(block_secs(FREE_FAILURES + 2, FREE_FAILURES), 2);
        assert_eq!(block_secs(FREE_FAILURES + 5, FREE_FAILURES), 16);
        assert_eq!(
            block_secs(FREE_FAILURES + 40, FREE_FAILURES),
            MAX_BLOCK_SECS
        );
        assert_eq!(block_secs(i32::MAX, FREE_FAILURES), MAX_BLOCK_SECS);
        assert_eq!(block_secs(40, ADDRESS_FREE_FAILURES), 0);
    }

    #[test]
    fn account_keys_ignore_case_and_spaces() {
        assert_eq!(account_key(" Admin ").key, "u:admin");
    }
}
