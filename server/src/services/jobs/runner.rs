//! Each server's job runner: claims jobs one at a time and carries them out, renewing the
//! claim while it works, for as long as the server runs.

use std::time::{Duration, Instant};

use tracing::Instrument;

use super::{Claim, LEASE, claim_next, prune};
use crate::services::passwords::PasswordHasher;
use crate::services::users::import;
use crate::services::{courses, evidence};
use crate::store::Db;
use shared::jobs::JobKind;

/// How often a server looks for claimable jobs when nothing woke it (a job accepted by
/// another server, or one whose server stopped).
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// How often a server deletes the jobs ended long ago.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Runs jobs until the task is stopped.
pub async fn run(db: Db, hasher: PasswordHasher) {
    let mut pruned: Option<Instant> = None;
    loop {
        if pruned.is_none_or(|at| at.elapsed() >= PRUNE_EVERY) {
            match prune(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "ended jobs pruned"),
                Err(e) => tracing::warn!(error = %e, "could not prune ended jobs"),
            }
            pruned = Some(Instant::now());
        }
        match claim_next(&db).await {
            Ok(Some(claim)) => carry_out(&db, &hasher, claim).await,
            Ok(None) => {
                let woken = db.caches.jobs_waiting.notified();
                let _ = tokio::time::timeout(LOOK_EVERY, woken).await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not look for jobs");
                tokio::time::sleep(LOOK_EVERY).await;
            }
        }
    }
}

async fn carry_out(db: &Db, hasher: &PasswordHasher, claim: Claim) {
    let span = tracing::info_span!("job", id = %claim.id);
    work_on(db, hasher, claim).instrument(span).await;
}

async fn work_on(db: &Db, hasher: &PasswordHasher, claim: Claim) {
    tracing::info!(kind = ?claim.kind, "job claimed");
    // The claim is renewed beside the work, however long one step of it takes.
    let renewing = {
        let (db, id) = (db.clone(), claim.id);
        let claim = claim.without_input();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(LEASE / 3).await;
                match claim.renew(&db).await {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(e) => tracing::warn!(error = %e, %id, "could not renew a job's claim"),
                }
            }
        })
    };
    let outcome = match claim.kind {
        Some(JobKind::UserImport) => import::job::run(db, hasher, &claim)
            .await
            .map_err(|e| e.to_string()),
        Some(JobKind::EvidenceImport) => evidence::import::run_job(db, &claim)
            .await
            .map_err(|e| e.to_string()),
        Some(JobKind::PackageImport) => courses::run_import_job(db, &claim)
            .await
            .map_err(|e| e.to_string()),
        None => claim.fail(db, &[]).await.map_err(|e| e.to_string()),
    };
    renewing.abort();
    match outcome {
        Ok(()) => tracing::info!("job ended"),
        // Left running: its lease runs out and a server takes it up again.
        Err(e) => tracing::error!(error = %e, "job interrupted; it will be resumed"),
    }
}
