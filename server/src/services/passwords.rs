//! Password hashing: argon2id (m = 19456 KiB, t = 2, p = 1) in PHC strings, computed on
//! the blocking pool with a bound on how many run at once, so a burst of sign-ins cannot
//! exhaust memory or starve the async workers.

use std::sync::Arc;
use std::time::Duration;

use argon2::{Algorithm, Argon2, Params, PasswordHasher as _, PasswordVerifier as _, Version};
use tokio::sync::Semaphore;

/// Memory cost in KiB, iterations, lanes: the OWASP baseline for argon2id.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

/// How long a request waits for a free hashing slot before it is told to retry.
const QUEUE_WAIT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("too many password checks at once; try again shortly")]
    Busy,
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    queue_wait: Duration,
}

fn argon2() -> Result<Argon2<'static>, PasswordError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None)
        .map_err(|e| PasswordError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

impl PasswordHasher {
    pub fn new(max_concurrent: usize) -> Self {
        Self::with_queue_wait(max_concurrent, QUEUE_WAIT)
    }

    /// A hasher whose callers wait at most `queue_wait` for a free slot.
    pub fn with_queue_wait(max_concurrent: usize, queue_wait: Duration) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            queue_wait,
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, PasswordError> + Send + 'static,
    ) -> Result<T, PasswordError> {
        let permit = tokio::time::timeout(self.queue_wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| PasswordError::Busy)?
            .map_err(|_| PasswordError::Busy)?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(permit);
            result
        })
        .await
        .map_err(|e| PasswordError::Hashing(e.to_string()))?
    }

    /// A new PHC string for `password` with a fresh random salt.
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.run(move || {
            argon2()?
                .hash_password(password.as_bytes())
                .map(|hash| hash.to_string())
                .map_err(|e| PasswordError::Hashing(e.to_string()))
        })
        .await
    }

    /// Whether `password` matches `phc`. A malformed hash is simply no match.
    pub async fn verify(&self, password: String, phc: String) -> Result<bool, PasswordError> {
        self.run(move || {
            Ok(argon2()?
                .verify_password(password.as_bytes(), phc.as_str())
                .is_ok())
        })
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
        let mut busy = 0;
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
