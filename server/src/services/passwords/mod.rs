//! Password hashing: argon2id (m = 19456 KiB, t = 2, p = 1) in PHC strings, computed on a
//! few dedicated threads with a bound on how many run at once, so a burst of sign-ins can
//! neither exhaust memory nor starve the async workers.
//!
//! Dedicated threads, not the runtime's blocking pool: each hash needs 19 MiB, and the
//! allocator keeps that memory with the thread that used it. On the blocking pool a burst
//! of sign-ins spreads hashes over many short-lived threads and leaves the process holding
//! hundreds of megabytes; on `max_concurrent` long-lived threads the blocks are reused, and
//! let go once the threads have been idle for [`KEEP_MEMORY_FOR`].

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

mod argon;

/// How long the hashing memory is kept after the last hash: a burst of sign-ins (one
/// after another on each hashing thread) reuses it; the exam after its sign-ins does not
/// hold it (19 MiB per hashing thread). Taking it again after a pause costs a sign-in a few
/// milliseconds, against the tens the hash takes.
pub const KEEP_MEMORY_FOR: Duration = Duration::from_millis(500);

/// How often background work looks for a free hashing slot.
const BACKGROUND_POLL: Duration = Duration::from_millis(10);

/// How long a request waits for a free hashing slot before it is told to retry.
const QUEUE_WAIT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("too many password checks at once; try again shortly")]
    Busy,
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

type Job = Box<dyn FnOnce() + Send>;

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Background hashes at once: one fewer than the slots (at least one), so a request
    /// always finds a slot background work does not hold.
    background: Arc<Semaphore>,
    threads: usize,
    queue_wait: Duration,
    jobs: Sender<Job>,
    /// Callers waiting for a slot now, and callers refused so far (for `/metrics`).
    waiting: Arc<AtomicUsize>,
    refused: Arc<AtomicU64>,
    memory: argon::Memory,
}

/// A hashing slot for background work, and its turn among the background work.
struct BackgroundSlot {
    turn: OwnedSemaphorePermit,
    permit: OwnedSemaphorePermit,
}

/// How busy the hashing slots are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashingLoad {
    pub running: usize,
    pub waiting: usize,
    pub refused: u64,
}

/// One hashing thread: takes jobs until every hasher sharing the queue is dropped.
/// A hashing thread: runs jobs, and lets the spare memory go when none came for
/// `keep_memory_for` (the thread waiting on the queue does it for all of them).
fn work(jobs: &Mutex<Receiver<Job>>, memory: &argon::Memory, keep_memory_for: Duration) {
    loop {
        let job = match jobs.lock() {
            Ok(queue) => queue.recv_timeout(keep_memory_for),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(),
            Err(RecvTimeoutError::Timeout) => memory.release(),
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

impl PasswordHasher {
    pub fn new(max_concurrent: usize) -> Self {
        Self::with_queue_wait(max_concurrent, QUEUE_WAIT)
    }

    /// A hasher with `max_concurrent` threads whose callers wait at most `queue_wait` for
    /// a free one.
    pub fn with_queue_wait(max_concurrent: usize, queue_wait: Duration) -> Self {
        Self::with_limits(max_concurrent, queue_wait, KEEP_MEMORY_FOR)
    }

    /// As [`Self::with_queue_wait`], keeping the hashing memory `keep_memory_for` after the
    /// last hash.
    pub fn with_limits(
        max_concurrent: usize,
        queue_wait: Duration,
        keep_memory_for: Duration,
    ) -> Self {
        let threads = max_concurrent.max(1);
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let memory = argon::Memory::default();
        for n in 0..threads {
            let (queue, memory) = (Arc::clone(&queue), memory.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("password-hash-{n}"))
                .spawn(move || work(&queue, &memory, keep_memory_for));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a password hashing thread");
            }
        }
        Self {
            permits: Arc::new(Semaphore::new(threads)),
            background: Arc::new(Semaphore::new(threads.saturating_sub(1).max(1))),
            threads,
            queue_wait,
            jobs,
            waiting: Arc::new(AtomicUsize::new(0)),
            refused: Arc::new(AtomicU64::new(0)),
            memory,
        }
    }

    pub fn load(&self) -> HashingLoad {
        HashingLoad {
            running: self
                .threads
                .saturating_sub(self.permits.available_permits()),
            waiting: self.waiting.load(Ordering::Relaxed),
            refused: self.refused.load(Ordering::Relaxed),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, PasswordError> + Send + 'static,
    ) -> Result<T, PasswordError> {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        let permit =
            tokio::time::timeout(self.queue_wait, self.permits.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::Relaxed);
        let Ok(Ok(permit)) = permit else {
            self.refused.fetch_add(1, Ordering::Relaxed);
            return Err(PasswordError::Busy);
        };
        self.run_with(permit, work).await
    }

    /// A slot for background work (an import's passwords): taken only while no request
    /// waits for one, and never the last free one when there are several, so a sign-in
    /// waits at most for one background hash to finish. Background work waits as long as
    /// it must; it is never refused.
    async fn background_slot(&self) -> Result<BackgroundSlot, PasswordError> {
        let turn = self
            .background
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| PasswordError::Busy)?;
        loop {
            if self.waiting.load(Ordering::Relaxed) == 0
                && let Ok(permit) = self.permits.clone().try_acquire_owned()
            {
                return Ok(BackgroundSlot { turn, permit });
            }
            tokio::time::sleep(BACKGROUND_POLL).await;
        }
    }

    async fn run_with<T: Send + 'static>(
        &self,
        permit: OwnedSemaphorePermit,
        work: impl FnOnce() -> Result<T, PasswordError> + Send + 'static,
    ) -> Result<T, PasswordError> {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let done = work();
                // Free before answering: whoever is answered finds the slot free.
                drop(permit);
                let _ = answer.send(done);
            }))
            .map_err(|_| PasswordError::Hashing("no hashing thread is running".into()))?;
        answered
            .await
            .map_err(|_| PasswordError::Hashing("the hashing thread stopped".into()))?
    }

    /// A new PHC string for `password` with a fresh random salt.
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        let memory = self.memory.clone();
        self.run(move || argon::hash_now(&memory, &password)).await
    }

    /// As [`Self::hash`], for background work: sign-ins and other requests go first.
    pub async fn hash_in_background(&self, password: String) -> Result<String, PasswordError> {
        let slot = self.background_slot().await?;
        let memory = self.memory.clone();
        let hashed = self
            .run_with(slot.permit, move || argon::hash_now(&memory, &password))
            .await;
        drop(slot.turn);
        hashed
    }

    /// Whether `password` matches `phc`. A malformed hash is simply no match.
    pub async fn verify(&self, password: String, phc: String) -> Result<bool, PasswordError> {
        let memory = self.memory.clone();
        self.run(move || argon::verify_now(&memory, &password, &phc))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_carry_their_parameters() {
        let hasher = PasswordHasher::new(2);
        let phc = hasher
            .hash("mật khẩu dài đủ".into())
            .await
            .unwrap_or_default();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            hasher
                .verify("mật khẩu dài đủ".into(), phc.clone())
                .await
                .unwrap_or(false)
        );
        assert!(
            !hasher
                .verify("mat khau dai du".into(), phc.clone())
                .await
                .unwrap_or(true)
        );
        let again = hasher
            .hash("mật khẩu dài đủ".into())
            .await
            .unwrap_or_default();
        assert_ne!(phc, again, "each hash gets its own salt");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_queue_answers_busy_instead_of_piling_up() {
        let hasher = PasswordHasher::with_queue_wait(1, Duration::from_millis(1));
        let mut attempts = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let hasher = hasher.clone();
            attempts.spawn(async move { hasher.hash("mật khẩu đủ dài".into()).await });
        }
        let mut busy = 0u64;
        let mut done = 0;
        while let Some(outcome) = attempts.join_next().await {
            match outcome {
                Ok(Ok(_)) => done += 1,
                Ok(Err(PasswordError::Busy)) => busy += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(done >= 1, "the first one gets the slot");
        assert!(
            busy >= 1,
            "the others are told to retry rather than wait without bound"
        );
        let load = hasher.load();
        assert_eq!(load.refused, busy, "every refusal is counted");
        assert_eq!(
            (load.running, load.waiting),
            (0, 0),
            "and nothing is left busy"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn background_hashes_leave_a_slot_for_sign_ins() {
        // A sign-in here gives up after 1 ms: it only gets through if a slot is free.
        let hasher = PasswordHasher::with_queue_wait(2, Duration::from_millis(1));
        let mut background = tokio::task::JoinSet::new();
        for n in 0..6 {
            let hasher = hasher.clone();
            background
                .spawn(async move { hasher.hash_in_background(format!("mật khẩu {n}")).await });
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
        for _ in 0..5 {
            assert!(
                hasher.load().running <= 1,
                "background work holds one slot at most"
            );
            let signed_in = hasher.hash("mật khẩu đăng nhập".into()).await;
            assert!(
                signed_in.is_ok(),
                "a sign-in is never refused for an import: {signed_in:?}"
            );
        }
        let mut done = 0;
        while let Some(hashed) = background.join_next().await {
            assert!(hashed.unwrap().is_ok());
            done += 1;
        }
        assert_eq!(done, 6, "and the background work all gets done");
        assert_eq!(hasher.load().refused, 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashing_memory_is_reused_in_a_burst_and_let_go_when_idle() {
        let hasher = PasswordHasher::with_limits(2, QUEUE_WAIT, Duration::from_millis(500));
        let mut burst = tokio::task::JoinSet::new();
        for n in 0..6 {
            let hasher = hasher.clone();
            burst.spawn(async move { hasher.hash(format!("mật khẩu {n}")).await });
        }
        while let Some(hashed) = burst.join_next().await {
            assert!(hashed.unwrap().is_ok());
        }
        let kept = hasher.memory.kept();
        assert!(
            (1..=2).contains(&kept),
            "six hashes on two threads allocate at most two blocks, kept for the next: {kept}"
        );
        tokio::time::sleep(Duration::from_millis(2000)).await;
        assert_eq!(
            hasher.memory.kept(),
            0,
            "idle, the 19 MiB blocks are let go"
        );
        assert!(hasher.hash("và lại dùng được".into()).await.is_ok());
        assert_eq!(hasher.memory.kept(), 1);
    }

    #[tokio::test]
    async fn a_malformed_hash_is_no_match() {
        let hasher = PasswordHasher::new(1);
        assert!(
            !hasher
                .verify("whatever1".into(), "not-a-hash".into())
                .await
                .unwrap_or(true)
        );
    }
}
