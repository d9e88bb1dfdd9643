//! Failed sign-ins, counted per account and per client address. After a few failures each
//! further one blocks that key for a growing delay, capped, so nobody can lock an account
//! for good. Every block is logged.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel, Set};

use crate::entities::sign_in_throttle;

/// Failures allowed before delays start.
pub const FREE_FAILURES: i32 = 5;
/// The longest block, in seconds.
pub const MAX_BLOCK_SECS: i64 = 15 * 60;
/// Failures older than this are forgotten.
const FORGET_AFTER_HOURS: i64 = 24;

pub fn account_key(username: &str) -> String {
    format!("u:{}", username.trim().to_lowercase())
}

pub fn address_key(address: &str) -> String {
    format!("ip:{address}")
}

/// Seconds a key is blocked for after its `failures`-th failure: 0 for the first few, then
/// 1, 2, 4, … up to [`MAX_BLOCK_SECS`].
pub fn block_secs(failures: i32) -> i64 {
    let over = failures - FREE_FAILURES;
    if over <= 0 {
        return 0;
    }
    let exponent = u32::try_from(over - 1).unwrap_or(u32::MAX).min(20);
    (1_i64 << exponent).min(MAX_BLOCK_SECS)
}

/// The seconds left on the longest block among `keys`, if any.
pub async fn blocked_for(
    db: &DatabaseConnection,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    let mut longest: Option<i64> = None;
    for key in keys {
        let row = sign_in_throttle::Entity::find_by_id(key.clone())
            .one(db)
            .await?;
        if let Some(until) = row
            .and_then(|r| r.blocked_until)
            .filter(|until| *until > now)
        {
            let secs = (until - now).num_seconds().max(1);
            longest = Some(longest.map_or(secs, |l| l.max(secs)));
        }
    }
    Ok(longest)
}

/// Counts one failure against each key.
pub async fn record_failure(
    db: &DatabaseConnection,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for key in keys {
        let existing = sign_in_throttle::Entity::find_by_id(key.clone())
            .one(db)
            .await?;
        let failures = match &existing {
            Some(row) if now - row.last_failure_at < Duration::hours(FORGET_AFTER_HOURS) => {
                row.failures.saturating_add(1)
            }
            _ => 1,
        };
        let block = block_secs(failures);
        let blocked_until = (block > 0).then(|| now + Duration::seconds(block));
        if block > 0 {
            tracing::warn!(key = %key, failures, block_secs = block, "sign-in blocked after repeated failures");
        }
        match existing {
            Some(row) => {
                let mut row = row.into_active_model();
                row.failures = Set(failures);
                row.last_failure_at = Set(now);
                row.blocked_until = Set(blocked_until);
                row.update(db).await?;
            }
            None => {
                sign_in_throttle::ActiveModel {
                    key: Set(key.clone()),
                    failures: Set(failures),
                    last_failure_at: Set(now),
                    blocked_until: Set(blocked_until),
                }
                .insert(db)
                .await?;
            }
        }
    }
    Ok(())
}

/// Forgets the failures of `key` after a successful sign-in.
pub async fn clear(db: &DatabaseConnection, key: &str) -> Result<(), DbErr> {
    sign_in_throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        assert_eq!(block_secs(1), 0);
        assert_eq!(block_secs(FREE_FAILURES), 0);
        assert_eq!(block_secs(FREE_FAILURES + 1), 1);
        assert_eq!(block_secs(FREE_FAILURES + 2), 2);
        assert_eq!(block_secs(FREE_FAILURES + 5), 16);
        assert_eq!(block_secs(FREE_FAILURES + 40), MAX_BLOCK_SECS);
        assert_eq!(block_secs(i32::MAX), MAX_BLOCK_SECS);
    }

    #[test]
    fn account_keys_ignore_case_and_spaces() {
        assert_eq!(account_key(" Admin "), "u:admin");
    }
}
