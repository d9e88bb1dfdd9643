//! argon2id itself: the parameters (m = 19456 KiB, t = 2, p = 1), PHC strings, and the
//! hashing threads' working memory, reused from hash to hash and let go when idle.

use std::sync::{Arc, Mutex, PoisonError};

use argon2::{Algorithm, Argon2, Block, Params, PasswordVerifier as _, Version};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD;

use super::PasswordError;

/// Memory cost in KiB, iterations, lanes: the OWASP baseline for argon2id.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

fn argon2() -> Result<Argon2<'static>, PasswordError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None)
        .map_err(|e| PasswordError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `password` on the calling (hashing) thread.
pub(super) fn hash_now(memory: &Memory, password: &str) -> Result<String, PasswordError> {
    let mut salt = [0u8; SALT_LEN];
    rand::fill(&mut salt);
    let mut out = [0u8; OUTPUT_LEN];
    memory.with_blocks(|blocks| {
        argon2()?
            .hash_password_into_with_memory(password.as_bytes(), &salt, &mut out, blocks)
            .map_err(|e| PasswordError::Hashing(e.to_string()))
    })?;
    Ok(format!(
        "{PHC_PREFIX}{}${}",
        STANDARD_NO_PAD.encode(salt),
        STANDARD_NO_PAD.encode(out)
    ))
}

/// Salt and output lengths (bytes), as the argon2 crate's defaults.
const SALT_LEN: usize = 16;
const OUTPUT_LEN: usize = 32;
/// The PHC string of our parameters, up to the salt.
const PHC_PREFIX: &str = "$argon2id$v=19$m=19456,t=2,p=1$";

/// The working memory of hashes (19 MiB each), shared by a hasher's threads: a hash takes
/// a spare block or allocates one, and gives it back when done, so a burst of sign-ins
/// allocates once per thread. [`Memory::release`] lets the spares go once the threads
/// are idle: a server past its morning of sign-ins does not carry them through the exam.
#[derive(Clone, Default)]
pub(super) struct Memory(Arc<Mutex<Vec<Vec<Block>>>>);

impl Memory {
    fn with_blocks<T>(
        &self,
        hash: impl FnOnce(&mut [Block]) -> Result<T, PasswordError>,
    ) -> Result<T, PasswordError> {
        let wanted = usize::try_from(MEMORY_KIB).unwrap_or(usize::MAX);
        let spare = self.spares().pop().filter(|b| b.len() == wanted);
        let mut blocks = spare.unwrap_or_else(|| vec![Block::new(); wanted]);
        let hashed = hash(&mut blocks);
        self.spares().push(blocks);
        hashed
    }

    fn spares(&self) -> std::sync::MutexGuard<'_, Vec<Vec<Block>>> {
        // A list of buffers cannot be left inconsistent by a panic elsewhere.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Frees every spare block.
    pub(super) fn release(&self) {
        let spares = std::mem::take(&mut *self.spares());
        drop(spares);
    }

    /// How many blocks are kept between hashes.
    #[cfg(test)]
    pub(super) fn kept(&self) -> usize {
        self.spares().len()
    }
}

/// Salt and hash of a PHC string made with our parameters; `None` for any other.
fn ours(phc: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let (salt, hash) = phc.strip_prefix(PHC_PREFIX)?.split_once('$')?;
    let salt = STANDARD_NO_PAD.decode(salt).ok()?;
    let hash = STANDARD_NO_PAD.decode(hash).ok()?;
    (!salt.is_empty() && !hash.is_empty()).then_some((salt, hash))
}

/// Equal, compared in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether `password` matches `phc`, on the calling (hashing) thread. A malformed hash is
/// simply no match.
pub(super) fn verify_now(
    memory: &Memory,
    password: &str,
    phc: &str,
) -> Result<bool, PasswordError> {
    let Some((salt, expected)) = ours(phc) else {
        // Another algorithm or other parameters: the library checks it with memory of its own.
        return Ok(argon2()?.verify_password(password.as_bytes(), phc).is_ok());
    };
    let mut out = vec![0u8; expected.len()];
    let hashed = memory.with_blocks(|blocks| {
        Ok(argon2()?
            .hash_password_into_with_memory(password.as_bytes(), &salt, &mut out, blocks)
            .is_ok())
    })?;
    Ok(hashed && same(&out, &expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::passwords::PasswordHasher;

    #[tokio::test]
    async fn hashes_agree_with_the_argon2_library_both_ways() {
        use argon2::PasswordHasher as _;
        let hasher = PasswordHasher::new(1);
        // Stored by the library (as every account made before): checked on our memory.
        let library = argon2()
            .and_then(|a| {
                a.hash_password(b"song Hong chay qua")
                    .map(|h| h.to_string())
                    .map_err(|e| PasswordError::Hashing(e.to_string()))
            })
            .unwrap_or_default();
        assert!(ours(&library).is_some(), "{library}");
        assert!(
            hasher
                .verify("song Hong chay qua".into(), library.clone())
                .await
                .unwrap_or(false)
        );
        assert!(
            !hasher
                .verify("song Hong chay qua!".into(), library)
                .await
                .unwrap_or(true)
        );
        // Made here: the library accepts it.
        let made = hasher.hash("nui Ba Vi".into()).await.unwrap_or_default();
        let accepted =
            argon2().is_ok_and(|a| a.verify_password(b"nui Ba Vi", made.as_str()).is_ok());
        assert!(accepted, "{made}");
        // Other parameters go to the library, and still verify.
        let lighter = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8, 1, 1, None).unwrap_or_default(),
        )
        .hash_password(b"doi che")
        .map(|h| h.to_string())
        .unwrap_or_default();
        assert!(ours(&lighter).is_none());
        assert!(
            hasher
                .verify("doi che".into(), lighter)
                .await
                .unwrap_or(false)
        );
    }
}
