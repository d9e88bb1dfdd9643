//! An accepted account import, carried out by a server's job runner: the file is checked
//! again (the directory may have changed since it was accepted), the new accounts'
//! passwords are hashed in the background — sign-ins go first — with the progress and the
//! hashes so far written to the job, so a resumed job hashes only what is left; then every
//! row is applied in one transaction that also ends the job.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use shared::FieldProblem;

use super::{UserError, apply, check};
use crate::services::jobs::{self, Claim, Refusal};
use crate::services::passwords::PasswordHasher;
use crate::store::Db;

/// How often progress is written while passwords are hashed.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

impl Refusal for UserError {
    fn refusal(&self) -> Option<Vec<FieldProblem>> {
        match self {
            Self::Invalid(problems) => Some(problems.clone()),
            Self::Forbidden => Some(jobs::no_longer_allowed()),
            _ => None,
        }
    }
}

pub async fn run(db: &Db, hasher: &PasswordHasher, claim: &Claim) -> Result<(), UserError> {
    let checked = claim
        .recheck(db, async |actor| {
            check(db, actor, &claim.input, false).await
        })
        .await?;
    let Some(checked) = checked else {
        return Ok(());
    };
    // What an earlier run of this job hashed already.
    let mut hashes: HashMap<String, String> = serde_json::from_str(&claim.work).unwrap_or_default();
    let mut hashing = tokio::task::JoinSet::new();
    for row in checked.new_accounts() {
        if hashes.contains_key(&row.username) {
            continue;
        }
        let (hasher, username, password) = (
            hasher.clone(),
            row.username.clone(),
            row.password.clone().unwrap_or_default(),
        );
        hashing.spawn(async move {
            hasher
                .hash_in_background(password)
                .await
                .map(|hash| (username, hash))
        });
    }
    let mut written = Instant::now();
    while let Some(done) = hashing.join_next().await {
        let (username, hash) =
            done.map_err(|e| UserError::Database(sea_orm::DbErr::Custom(e.to_string())))??;
        hashes.insert(username, hash);
        if written.elapsed() >= PROGRESS_EVERY || hashing.is_empty() {
            let work = serde_json::to_string(&hashes).unwrap_or_default();
            let count = u32::try_from(hashes.len()).unwrap_or(u32::MAX);
            if !claim.progress(db, count, work).await? {
                // Another server took the job over: it carries on from the hashes written.
                return Ok(());
            }
            written = Instant::now();
        }
    }
    apply::apply(db, &checked, hashes, claim).await?;
    Ok(())
}
