//! A role-play played without scripts, one form post per choice. The path so far is the
//! learner's draft; each step carries an id fixed when its page was made, recorded as a
//! progress event, so pressing a choice twice (or again after a dropped connection) moves
//! once. The step that reaches an ending becomes the attempt, with the same id, and the
//! server replays the whole path with the shared engine to score it — exactly as it checks
//! a play made in the browser.

use crate::store::Db;
use sea_orm::{EntityTrait, Set};
use shared::course::ActivityBody;
use shared::learning::{AttemptSubmission, PlayStep};
use shared::roleplay::{Play, Scenario, replay};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::{attempt, progress_event};
use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError, Submission};
use crate::services::cohorts;
use crate::services::drafts;
use crate::services::policy::CohortAction;

/// Where a step left the learner.
#[derive(Debug, PartialEq, Eq)]
pub enum Stepped {
    /// At the next situation (or the same, for a repeated step).
    Moved,
    /// The page was older than the play (another tab, the back button): nothing changed.
    Stale,
    /// At an ending: the attempt that records it.
    Ended(Uuid),
}

/// The play so far: the draft's path replayed, or a fresh start.
pub fn current(scenario: &Scenario, path: &[String]) -> Option<Play> {
    replay(scenario, path)
        .ok()
        .or_else(|| Play::start(scenario).ok())
}

fn choice_ids(play: &Play) -> Vec<String> {
    play.path
        .iter()
        .filter_map(|step| step.split_once('/').map(|(_, c)| c.to_owned()))
        .collect()
}

pub async fn step(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    activity: &str,
    step: &PlayStep,
) -> Result<Stepped, AttemptError> {
    if attempt::Entity::find_by_id(step.step_id)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(Stepped::Ended(step.step_id));
    }
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    // The same step again (pressed twice, or re-sent after a dropped connection).
    if progress_event::Entity::find_by_id(step.step_id)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(Stepped::Moved);
    }
    let package = attempts::package_of(db, &cohort).await?;
    let found = package
        .activity(activity)
        .ok_or(AttemptError::NoSuchActivity)?;
    let ActivityBody::RolePlay(roleplay) = &found.body else {
        return Err(AttemptError::NoSuchActivity);
    };
    let scenario = &roleplay.scenario;
    attempts::tallies_if_open(db, &cohort, &package, actor.me.id, found).await?;
    let draft = drafts::get(db, cohort.id, actor.me.id, activity).await?;
    let play = current(scenario, &drafts::strings(draft.as_ref(), "path"))
        .ok_or(AttemptError::NoSuchActivity)?;
    let next = if step.restart {
        None
    } else {
        if play.node != step.at {
            return Ok(Stepped::Stale);
        }
        Some(play.choose(scenario, &step.choice).map_err(|e| {
            AttemptError::Invalid(vec![FieldProblem::new(
                "choice",
                Problem::Play { error: Box::new(e) },
            )])
        })?)
    };
    let position = next
        .as_ref()
        .map_or(scenario.start.clone(), |n| n.node.clone());
    // The step's id is recorded first: a second press of the same step stops here.
    let event = progress_event::Entity::insert(progress_event::ActiveModel {
        id: Set(step.step_id),
        cohort_id: Set(cohort.id),
        user_id: Set(actor.me.id),
        activity_id: Set(activity.to_owned()),
        position: Set(Some(position)),
        client_at: Set(None),
        recorded_at: Set(chrono::Utc::now()),
    })
    .exec_without_returning(db)
    .await;
    match event {
        Ok(_) => {}
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            return Ok(Stepped::Moved);
        }
        Err(e) => return Err(e.into()),
    }
    let Some(next) = next else {
        drafts::remove(db, cohort.id, actor.me.id, activity).await?;
        return Ok(Stepped::Moved);
    };
    let path = choice_ids(&next);
    if next.outcome(scenario).is_some() {
        let submission = AttemptSubmission {
            id: step.step_id,
            activity: activity.to_owned(),
            path,
            ..AttemptSubmission::default()
        };
        let (result, _) = attempts::submit(
            db,
            actor,
            cohort.id,
            Submission::Json(submission),
            attempts::Origin::Online,
        )
        .await?;
        return Ok(Stepped::Ended(result.id));
    }
    drafts::put(
        db,
        cohort.id,
        actor.me.id,
        activity,
        &serde_json::json!({ "path": path }),
    )
    .await?;
    Ok(Stepped::Moved)
}
