//! Work sent from a device's queue after a while offline (see docs/OFFLINE.md). Each item is
//! applied on its own, through the same services as work sent online, and keyed by the id
//! the device gave it: a batch sent again, in part or in another order, applies nothing
//! twice. The server grades everything itself and keeps the device's time beside its own.

use crate::store::Db;
use shared::learning::{AttemptResult, EventBatch, ProgressEvent};
use shared::sync::{MAX_ITEMS, SyncBatch, SyncItem, Work};
use shared::{FieldProblem, Problem};

use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError, Origin, Submission};
use crate::services::drafts::{self, OfflineDraft};
use crate::services::progress;

/// What became of one item that was not refused.
#[derive(Debug)]
pub enum Applied {
    /// Stored now; an attempt comes with its result.
    New(Option<Box<AttemptResult>>),
    /// Stored before under the same id; an attempt comes with its first result.
    Again(Option<Box<AttemptResult>>),
    /// A draft that later work had already replaced: received, changes nothing.
    Superseded,
}

/// Refuses an empty batch or one over [`MAX_ITEMS`].
pub fn check_size(batch: &SyncBatch) -> Result<(), AttemptError> {
    if batch.items.is_empty() || batch.items.len() > MAX_ITEMS {
        return Err(AttemptError::Invalid(vec![FieldProblem::new(
            "items",
            Problem::ItemsBetween { max: MAX_ITEMS },
        )]));
    }
    Ok(())
}

/// Applies one item as `actor`. A database failure is the only error that should make the
/// device send the item again; every other error is the item's rejection.
pub async fn apply(db: &Db, actor: &Actor, item: &SyncItem) -> Result<Applied, AttemptError> {
    let client_at = attempts::client_time(item.client_at.as_deref())?;
    let origin = Origin::Offline {
        version: item.version.map(|v| i32::try_from(v).unwrap_or(i32::MAX)),
    };
    let attempt = |(result, new): (AttemptResult, bool)| {
        let result = Some(Box::new(result));
        if new {
            Applied::New(result)
        } else {
            Applied::Again(result)
        }
    };
    match &item.work {
        Work::Attempt { submission } => {
            let mut submission = submission.clone();
            submission.id = item.id;
            submission.client_at = item.client_at.clone();
            attempts::submit(db, actor, item.cohort, Submission::Json(submission), origin)
                .await
                .map(attempt)
        }
        Work::AttemptForm { fields } => {
            let activity = fields
                .iter()
                .find(|(name, _)| name == "activity")
                .map(|(_, value)| value.clone())
                .unwrap_or_default();
            let submission = Submission::Form {
                id: item.id,
                activity,
                fields: fields.clone(),
                client_at: item.client_at.clone(),
            };
            attempts::submit(db, actor, item.cohort, submission, origin)
                .await
                .map(attempt)
        }
        Work::Draft { activity, answers } => {
            let saved = drafts::save_offline(
                db,
                actor,
                item.cohort,
                activity,
                answers,
                item.id,
                client_at,
            )
            .await?;
            Ok(match saved {
                OfflineDraft::Saved => Applied::New(None),
                OfflineDraft::Duplicate => Applied::Again(None),
                OfflineDraft::Superseded => Applied::Superseded,
            })
        }
        Work::Event { activity, position } => {
            let batch = EventBatch {
                events: vec![ProgressEvent {
                    id: item.id,
                    activity: activity.clone(),
                    position: position.clone(),
                    at: item.client_at.clone(),
                }],
            };
            let report = progress::record(db, actor, item.cohort, &batch).await?;
            Ok(if report.recorded > 0 {
                Applied::New(None)
            } else {
                Applied::Again(None)
            })
        }
    }
}
