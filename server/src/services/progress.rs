//! Progress events (append-only, keyed by the client's id) and each learner's progress,
//! derived from attempts, events and drafts by `shared::progress::derive`.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use shared::learning::{EventBatch, EventReport};
use shared::progress::{CourseProgress, Record, RecordKind, derive};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::{cohort, progress_event, work_draft};
use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError, attempt_records, client_time_of, gating};
use crate::services::cohorts;
use crate::services::policy::CohortAction;

/// The most events taken in one request.
pub const MAX_BATCH: usize = 200;
const MAX_POSITION: usize = 64;

/// Records a batch of events; events already recorded (by id) are counted, not repeated.
pub async fn record(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    batch: &EventBatch,
) -> Result<EventReport, AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = attempts::package_of(db, &cohort).await?;
    if batch.events.is_empty() || batch.events.len() > MAX_BATCH {
        return Err(AttemptError::Invalid(vec![FieldProblem::new(
            "events",
            Problem::EventsBetween { max: MAX_BATCH },
        )]));
    }
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let now = Utc::now();
    for (i, event) in batch.events.iter().enumerate() {
        if package.activity(&event.activity).is_none() {
            problems.push(FieldProblem::new(
                format!("events[{i}].activity"),
                Problem::NotActivityOfCourse,
            ));
            continue;
        }
        let position = event
            .position
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if position.is_some_and(|p| p.chars().count() > MAX_POSITION) {
            problems.push(FieldProblem::new(
                format!("events[{i}].position"),
                Problem::CharsAtMost { max: MAX_POSITION },
            ));
            continue;
        }
        let client_at = match client_time_of(&format!("events[{i}].at"), event.at.as_deref()) {
            Ok(at) => at,
            Err(AttemptError::Invalid(mut fields)) => {
                problems.append(&mut fields);
                continue;
            }
            Err(e) => return Err(e),
        };
        rows.push((
            event.id,
            progress_event::ActiveModel {
                id: Set(event.id),
                cohort_id: Set(cohort.id),
                user_id: Set(actor.me.id),
                activity_id: Set(event.activity.clone()),
                position: Set(position.map(str::to_owned)),
                client_at: Set(client_at),
                recorded_at: Set(now),
            },
        ));
    }
    if !problems.is_empty() {
        return Err(AttemptError::Invalid(problems));
    }
    let sent = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let mut seen = std::collections::HashSet::new();
    rows.retain(|(id, _)| seen.insert(*id));
    let ids: Vec<Uuid> = seen.into_iter().collect();
    let known: std::collections::HashSet<Uuid> = progress_event::Entity::find()
        .select_only()
        .column(progress_event::Column::Id)
        .filter(progress_event::Column::Id.is_in(ids))
        .filter(progress_event::Column::UserId.eq(actor.me.id))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    rows.retain(|(id, _)| !known.contains(id));
    // An id already taken by someone else's event is answered as any new id is: whose ids
    // exist is nobody's business. (Only a forged id can collide; it is not stored.)
    let recorded = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    if !rows.is_empty() {
        progress_event::Entity::insert_many(rows.into_iter().map(|(_, row)| row))
            .on_conflict_do_nothing()
            .exec(db)
            .await?;
    }
    Ok(EventReport {
        recorded,
        duplicates: sent.saturating_sub(recorded),
    })
}

/// Records that the learner opened an activity (a page view), at a position.
pub async fn opened(
    db: &Db,
    actor: &Actor,
    cohort: Uuid,
    activity: &str,
    position: Option<String>,
) -> Result<(), DbErr> {
    progress_event::Entity::insert(progress_event::ActiveModel {
        id: Set(Uuid::new_v4()),
        cohort_id: Set(cohort),
        user_id: Set(actor.me.id),
        activity_id: Set(activity.to_owned()),
        position: Set(position),
        client_at: Set(None),
        recorded_at: Set(Utc::now()),
    })
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// What progress needs of an attempt, an event and a draft.
pub(crate) fn attempt_record(a: &crate::entities::attempt::Model) -> Record {
    Record {
        activity: a.activity_id.clone(),
        at: a.submitted_at.timestamp(),
        kind: RecordKind::Attempt {
            score: a.score,
            passed: a.passed,
        },
    }
}

pub(crate) fn event_record(e: progress_event::Model) -> Record {
    Record {
        activity: e.activity_id,
        at: e.recorded_at.timestamp(),
        kind: RecordKind::Event {
            position: e.position,
        },
    }
}

pub(crate) fn draft_record(d: work_draft::Model) -> Record {
    Record {
        activity: d.activity_id,
        at: d.saved_at.timestamp(),
        kind: RecordKind::Draft,
    }
}

/// Every record of a learner in a cohort: attempts, events and drafts.
pub async fn records(db: &Db, cohort: Uuid, user: Uuid) -> Result<Vec<Record>, DbErr> {
    let mut records = attempt_records(db, cohort, user).await?;
    let events = progress_event::Entity::find()
        .filter(progress_event::Column::CohortId.eq(cohort))
        .filter(progress_event::Column::UserId.eq(user))
        .all(db)
        .await?;
    records.extend(events.into_iter().map(event_record));
    let drafts = work_draft::Entity::find()
        .filter(work_draft::Column::CohortId.eq(cohort))
        .filter(work_draft::Column::UserId.eq(user))
        .all(db)
        .await?;
    records.extend(drafts.into_iter().map(draft_record));
    Ok(records)
}

/// A learner's progress in a cohort they study in.
pub async fn of_learner(
    db: &Db,
    cohort: &cohort::Model,
    package: &shared::course::Package,
    user: Uuid,
) -> Result<CourseProgress, DbErr> {
    let records = records(db, cohort.id, user).await?;
    Ok(derive(package, gating(cohort), &records))
}
