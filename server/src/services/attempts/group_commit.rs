//! Group commit for attempts with nothing else to write in their transaction (no limit to
//! count again, no draft to replace, no evidence): an exam's open quiz, sent by hundreds of
//! learners at once.
//!
//! A submission queues its row. If no write is under way it starts one; the write takes
//! every row queued by then (at most [`MAX_ROWS`]) into `INSERT … ON CONFLICT (id) DO
//! NOTHING RETURNING id` statements of a few sizes, in one transaction, and goes on until
//! the queue is empty. Each submission is answered once the transaction holding its row
//! has committed, never before: under load one commit (one flush of SQLite's WAL or of
//! PostgreSQL's log, one trip to the database) carries many attempts, and an acknowledged
//! attempt is as durable as one written alone. A write that fails as a whole (say one
//! row's class was deleted meanwhile) is tried again row by row, so each submission gets
//! its own answer.
//!
//! What the writes cost is counted ([`GroupTotals`], at `/metrics`): how many, how many
//! rows, how long rows waited in the queue, and the time spent starting each transaction,
//! sending its rows and committing it.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, TransactionTrait, TryInsertResult,
};
use tokio::sync::oneshot;
use uuid::Uuid;

use crate::entities::attempt;
use crate::store::Db;

/// Rows in one write at most.
const MAX_ROWS: usize = 256;
/// Rows in one statement at most (13 parameters each, far below SQLite's 32,766).
const CHUNK: usize = 64;

/// What became of a row.
#[derive(Debug)]
pub enum Written {
    /// Stored: the row as written.
    Stored(attempt::Model),
    /// An attempt with this id was already stored (the same submission sent twice).
    Taken,
}

struct Pending {
    row: attempt::Model,
    answer: oneshot::Sender<Result<Written, DbErr>>,
    queued: Instant,
}

#[derive(Default)]
struct Queue {
    rows: Vec<Pending>,
    /// A write is under way and will take what is queued.
    writing: bool,
}

/// What the group writes have done since the server started.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupTotals {
    /// Writes: the rows taken from the queue at once.
    pub writes: u64,
    /// Rows taken from the queue (submissions, a repeated one included).
    pub rows: u64,
    /// Seconds rows spent queued before their write began, summed over the rows.
    pub queued_seconds: f64,
    /// Seconds spent taking a connection and beginning the transaction.
    pub begin_seconds: f64,
    /// Seconds spent sending the rows (a write of one statement commits with it).
    pub insert_seconds: f64,
    /// Seconds spent committing.
    pub commit_seconds: f64,
}

/// [`GroupTotals`] as they are counted: durations in nanoseconds.
#[derive(Default)]
struct Counters {
    writes: AtomicU64,
    rows: AtomicU64,
    queued: AtomicU64,
    begin: AtomicU64,
    insert: AtomicU64,
    commit: AtomicU64,
}

fn add(counter: &AtomicU64, took: Duration) {
    let nanos = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
    counter.fetch_add(nanos, Ordering::Relaxed);
}

fn seconds(counter: &AtomicU64) -> f64 {
    Duration::from_nanos(counter.load(Ordering::Relaxed)).as_secs_f64()
}

#[derive(Default)]
struct Shared {
    queue: Mutex<Queue>,
    counters: Counters,
}

/// The rows waiting to be written together, one per server (held with its caches).
#[derive(Clone, Default)]
pub struct GroupCommit(Arc<Shared>);

impl GroupCommit {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        // Nothing is left half-changed under this lock: a panic elsewhere cannot spoil it.
        self.0.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the writes have done so far.
    pub fn totals(&self) -> GroupTotals {
        let c = &self.0.counters;
        GroupTotals {
            writes: c.writes.load(Ordering::Relaxed),
            rows: c.rows.load(Ordering::Relaxed),
            queued_seconds: seconds(&c.queued),
            begin_seconds: seconds(&c.begin),
            insert_seconds: seconds(&c.insert),
            commit_seconds: seconds(&c.commit),
        }
    }

    /// The next rows to write, or none (and no write under way any more).
    fn next(&self) -> Option<Vec<Pending>> {
        let mut queue = self.queue();
        if queue.rows.is_empty() {
            queue.writing = false;
            return None;
        }
        let take = queue.rows.len().min(MAX_ROWS);
        Some(queue.rows.drain(..take).collect())
    }
}

/// The write under way. Should it stop before emptying the queue (a panic), the queue is
/// let go, and the next submission starts another.
struct Writing {
    commit: GroupCommit,
    emptied: bool,
}

impl Drop for Writing {
    fn drop(&mut self) {
        if !self.emptied {
            self.commit.queue().writing = false;
        }
    }
}

/// Writes `row` with the others queued at the same time; answered once committed.
pub async fn write(db: &Db, row: attempt::Model) -> Result<Written, DbErr> {
    let commit = &db.caches.attempt_writes;
    let (answer, answered) = oneshot::channel();
    let start = {
        let mut queue = commit.queue();
        queue.rows.push(Pending {
            row,
            answer,
            queued: Instant::now(),
        });
        !std::mem::replace(&mut queue.writing, true)
    };
    if start {
        // A task of its own: the rows it takes are written and answered even if the request
        // that started it goes away.
        let (db, commit) = (db.clone(), commit.clone());
        tokio::spawn(async move {
            let mut writing = Writing {
                commit,
                emptied: false,
            };
            while let Some(rows) = writing.commit.next() {
                let now = Instant::now();
                let counters = &writing.commit.0.counters;
                counters.writes.fetch_add(1, Ordering::Relaxed);
                counters
                    .rows
                    .fetch_add(rows.len() as u64, Ordering::Relaxed);
                for pending in &rows {
                    add(&counters.queued, now.duration_since(pending.queued));
                }
                write_rows(&db, counters, rows).await;
            }
            writing.emptied = true;
        });
    }
    answered
        .await
        .map_err(|_| DbErr::Custom("the attempt was not written: the writer stopped".into()))?
}

async fn write_rows(db: &Db, counters: &Counters, rows: Vec<Pending>) {
    // The same id twice in one batch (a button pressed twice): sent once; the other is
    // answered `Taken` once the first is committed, so that its lookup finds it.
    let mut seen = HashSet::new();
    let (unique, repeats): (Vec<Pending>, Vec<Pending>) =
        rows.into_iter().partition(|p| seen.insert(p.row.id));
    let rows: Vec<&attempt::Model> = unique.iter().map(|p| &p.row).collect();
    let inserted = insert(db, counters, &rows).await;
    match inserted {
        Ok(stored) => {
            for pending in unique {
                let written = if stored.contains(&pending.row.id) {
                    Written::Stored(pending.row)
                } else {
                    Written::Taken
                };
                // A submission that went away is not waiting for its answer.
                let _ = pending.answer.send(Ok(written));
            }
        }
        Err(e) if unique.len() == 1 => {
            if let Some(pending) = unique.into_iter().next() {
                let _ = pending.answer.send(Err(e));
            }
        }
        // One row spoilt the statement: each on its own, so each gets its own answer.
        Err(_) => {
            for pending in unique {
                Box::pin(write_rows(db, counters, vec![pending])).await;
            }
        }
    }
    for pending in repeats {
        let _ = pending.answer.send(Ok(Written::Taken));
    }
}

/// Inserts `rows` (distinct ids), skipping ids already stored, in one transaction: the ids
/// stored. Statements of a power of two rows each, at most [`CHUNK`]: the database keeps
/// each statement it has prepared, and a statement for every batch size would fill its
/// memory with statements used once.
async fn insert(
    db: &Db,
    counters: &Counters,
    rows: &[&attempt::Model],
) -> Result<HashSet<Uuid>, DbErr> {
    let db = db.writer();
    let sizes = chunk_sizes(rows.len());
    let mut stored = HashSet::with_capacity(rows.len());
    let began = Instant::now();
    if sizes.len() == 1 {
        stored.extend(insert_chunk(db, rows).await?);
        add(&counters.insert, began.elapsed());
        return Ok(stored);
    }
    let txn = db.begin().await?;
    add(&counters.begin, began.elapsed());
    let sending = Instant::now();
    let mut at = 0;
    for size in sizes {
        stored.extend(insert_chunk(&txn, &rows[at..at + size]).await?);
        at += size;
    }
    add(&counters.insert, sending.elapsed());
    let committing = Instant::now();
    txn.commit().await?;
    add(&counters.commit, committing.elapsed());
    Ok(stored)
}

async fn insert_chunk<C: ConnectionTrait>(
    db: &C,
    rows: &[&attempt::Model],
) -> Result<Vec<Uuid>, DbErr> {
    let models = rows
        .iter()
        .map(|row| attempt::ActiveModel::from((*row).clone()).reset_all());
    let inserted = attempt::Entity::insert_many(models)
        .on_conflict_do_nothing_on([attempt::Column::Id])
        .exec_with_returning_keys(db)
        .await?;
    Ok(match inserted {
        TryInsertResult::Inserted(stored) => stored,
        TryInsertResult::Conflicted | TryInsertResult::Empty => Vec::new(),
    })
}

/// `n` as a sum of powers of two of at most [`CHUNK`], largest first.
fn chunk_sizes(n: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = n;
    while left > 0 {
        let size = if left >= CHUNK {
            CHUNK
        } else {
            1 << left.ilog2()
        };
        sizes.push(size);
        left -= size;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, chunk_sizes};

    #[test]
    fn batches_are_written_in_statements_of_few_sizes() {
        assert_eq!(chunk_sizes(0), Vec::<usize>::new());
        assert_eq!(chunk_sizes(1), vec![1]);
        assert_eq!(chunk_sizes(7), vec![4, 2, 1]);
        assert_eq!(chunk_sizes(200), vec![64, 64, 64, 8]);
        for n in 0..=600 {
            let sizes = chunk_sizes(n);
            assert_eq!(sizes.iter().sum::<usize>(), n);
            assert!(sizes.iter().all(|s| s.is_power_of_two() && *s <= CHUNK));
        }
    }
}
