//! Drafts: a learner's unsent work in one activity, replaced on each save and removed when
//! the work is submitted. Written answers to a case study's prompts are saved here (the
//! "save draft" button, or a refused submission); a role-play played without scripts keeps
//! its path here (see `plays`).

use crate::store::Db;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, sea_query::OnConflict,
};
use shared::course::{ActivityBody, CaseStudy};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::{attempt, work_draft};
use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError, MAX_ANSWER_CHARS};
use crate::services::cohorts;
use crate::services::policy::CohortAction;

/// Replaces the draft of one activity.
pub(crate) async fn put(
    db: &impl ConnectionTrait,
    cohort: Uuid,
    user: Uuid,
    activity: &str,
    body: &serde_json::Value,
) -> Result<(), DbErr> {
    put_from(db, cohort, user, activity, body, None).await
}

/// Replaces the draft of one activity; `device` is the id and time a device gave a draft
/// made offline.
async fn put_from(
    db: &impl ConnectionTrait,
    cohort: Uuid,
    user: Uuid,
    activity: &str,
    body: &serde_json::Value,
    device: Option<(Uuid, Option<DateTime<Utc>>)>,
) -> Result<(), DbErr> {
    work_draft::Entity::insert(work_draft::ActiveModel {
        cohort_id: Set(cohort),
        user_id: Set(user),
        activity_id: Set(activity.to_owned()),
        body: Set(body.to_string()),
        saved_at: Set(Utc::now()),
        client_id: Set(device.map(|(id, _)| id)),
        client_at: Set(device.and_then(|(_, at)| at)),
    })
    .on_conflict(
        OnConflict::columns([
            work_draft::Column::CohortId,
            work_draft::Column::UserId,
            work_draft::Column::ActivityId,
        ])
        .update_columns([
            work_draft::Column::Body,
            work_draft::Column::SavedAt,
            work_draft::Column::ClientId,
            work_draft::Column::ClientAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// The draft of one activity, if any.
pub(crate) async fn get(
    db: &impl ConnectionTrait,
    cohort: Uuid,
    user: Uuid,
    activity: &str,
) -> Result<Option<serde_json::Value>, DbErr> {
    Ok(
        work_draft::Entity::find_by_id((cohort, user, activity.to_owned()))
            .one(db)
            .await?
            .and_then(|d| serde_json::from_str(&d.body).ok()),
    )
}

/// The list of strings under `key` in a draft.
pub fn strings(draft: Option<&serde_json::Value>, key: &str) -> Vec<String> {
    draft
        .and_then(|d| d.get(key))
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// Saves a case study's written answers as a draft.
pub async fn save_answers(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    activity: &str,
    answers: &[String],
) -> Result<(), AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = attempts::package_of(db, &cohort).await?;
    let found = package
        .activity(activity)
        .ok_or(AttemptError::NoSuchActivity)?;
    let ActivityBody::CaseStudy(case) = &found.body else {
        return Err(AttemptError::NoSuchActivity);
    };
    let tallies = attempts::tallies_if_open(db, &cohort, &package, actor.me.id, found).await?;
    if attempts::used(&tallies, activity) > 0 {
        return Err(AttemptError::NoAttemptsLeft { allowed: 1 });
    }
    check_answers(case, answers)?;
    put(
        db,
        cohort.id,
        actor.me.id,
        activity,
        &serde_json::json!({ "answers": answers }),
    )
    .await?;
    Ok(())
}

/// Refuses answers that are too long or more than the case has prompts.
fn check_answers(case: &CaseStudy, answers: &[String]) -> Result<(), AttemptError> {
    let too_long: Vec<FieldProblem> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.chars().count() > MAX_ANSWER_CHARS)
        .map(|(i, _)| {
            FieldProblem::new(
                format!("answers[{i}]"),
                Problem::CharsAtMost {
                    max: MAX_ANSWER_CHARS,
                },
            )
        })
        .collect();
    if !too_long.is_empty() || answers.len() > case.prompts.len().max(1) {
        return Err(AttemptError::Invalid(if too_long.is_empty() {
            vec![FieldProblem::new(
                "answers",
                Problem::AnswersAtMost {
                    max: case.prompts.len(),
                },
            )]
        } else {
            too_long
        }));
    }
    Ok(())
}

/// What became of a draft sent from a device's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineDraft {
    Saved,
    /// This draft (by its id) is the one stored.
    Duplicate,
    /// Later work replaced it: a newer draft, or the answers submitted after it.
    Superseded,
}

/// Saves a case study's draft made offline, unless later work replaced it: a draft saved
/// later (by the device's clock, or the server's for drafts saved online) or an attempt
/// made later. Sending it again changes nothing.
pub async fn save_offline(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    activity: &str,
    answers: &[String],
    id: Uuid,
    client_at: Option<DateTime<Utc>>,
) -> Result<OfflineDraft, AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = attempts::package_of(db, &cohort).await?;
    let Some(ActivityBody::CaseStudy(case)) = package.activity(activity).map(|a| &a.body) else {
        return Err(AttemptError::NoSuchActivity);
    };
    check_answers(case, answers)?;
    let when = client_at.unwrap_or_else(Utc::now);
    let stored = work_draft::Entity::find_by_id((cohort.id, actor.me.id, activity.to_owned()))
        .one(db)
        .await?;
    if let Some(draft) = &stored {
        if draft.client_id == Some(id) {
            return Ok(OfflineDraft::Duplicate);
        }
        if draft.client_at.unwrap_or(draft.saved_at) > when {
            return Ok(OfflineDraft::Superseded);
        }
    }
    let submitted_later = attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(cohort.id))
        .filter(attempt::Column::UserId.eq(actor.me.id))
        .filter(attempt::Column::ActivityId.eq(activity))
        .all(db)
        .await?
        .iter()
        .any(|a| a.client_at.unwrap_or(a.submitted_at) >= when);
    if submitted_later {
        return Ok(OfflineDraft::Superseded);
    }
    put_from(
        db,
        cohort.id,
        actor.me.id,
        activity,
        &serde_json::json!({ "answers": answers }),
        Some((id, client_at)),
    )
    .await?;
    Ok(OfflineDraft::Saved)
}

/// Removes a learner's draft (a role-play started again).
pub(crate) async fn remove(
    db: &impl ConnectionTrait,
    cohort: Uuid,
    user: Uuid,
    activity: &str,
) -> Result<(), DbErr> {
    work_draft::Entity::delete_many()
        .filter(work_draft::Column::CohortId.eq(cohort))
        .filter(work_draft::Column::UserId.eq(user))
        .filter(work_draft::Column::ActivityId.eq(activity))
        .exec(db)
        .await
        .map(|_| ())
}
