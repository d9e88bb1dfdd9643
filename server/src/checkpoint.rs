//! SQLite's write-ahead log, copied back into the database file beside the requests.
//!
//! In WAL mode a commit appends to the log and does not wait for the disk
//! (`synchronous=NORMAL`); now and then the log is copied into the database file and that
//! file flushed: a checkpoint. Left to itself SQLite runs one on the connection that has
//! just committed, once the log passes `wal_autocheckpoint` pages, before the commit
//! returns. On exam day that connection is the group writer of attempts, and every
//! submission queued behind it waited for the copy and the flush: the seconds of an exam
//! with a p99 twice the others.
//!
//! The server checkpoints on a pooled connection of its own accord instead, every
//! [`EVERY`], in passive mode (it waits for no reader and no writer, and copies what it
//! can). The connections' own threshold is raised to [`BACKSTOP_PAGES`] (`crate::db`), for
//! the commands that run without the server and for a checkpoint that falls behind.

use std::time::Duration;

use sea_orm::{ConnectionTrait, DbBackend};

use crate::store::Db;

/// How often the log is copied back.
pub const EVERY: Duration = Duration::from_millis(250);

/// Pages of log after which a connection checkpoints by itself on commit (4 KiB each:
/// 32 MiB). SQLite's default is 1,000.
pub const BACKSTOP_PAGES: u32 = 8_192;

/// Checkpoints every [`EVERY`] for as long as the server runs (returns at once on
/// PostgreSQL, which has its own).
pub async fn run(db: Db) {
    if db.conn.get_database_backend() != DbBackend::Sqlite {
        return;
    }
    let mut every = tokio::time::interval(EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let copied = db
            .conn
            .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
            .await;
        if let Err(e) = copied {
            tracing::warn!(error = %e, "could not copy the write-ahead log into the database");
        }
    }
}
