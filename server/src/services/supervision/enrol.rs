//! Enrolling people from a training-needs analysis: a supervisor (or administrator) puts
//! their own people with a gap into an open cohort of a recommended course, without being
//! on the cohort's staff. Only active learners inside the actor's reach are enrolled;
//! anyone enrolled already is left as they are.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use shared::Role;
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use super::SupervisionError;
use crate::entities::{cohort, enrolment, user_role};
use crate::services::actors::Actor;
use crate::services::evidence::learner_path;
use crate::services::policy::{self, Action, Scope};

/// Most people enrolled in one request.
pub const MAX_PEOPLE: usize = 500;

/// Enrols `people` in `cohort_id`; how many were newly enrolled.
pub async fn enrol(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    people: &[Uuid],
) -> Result<u64, SupervisionError> {
    if policy::scope(actor, Action::RecordEvidence) == Scope::Nothing {
        return Err(SupervisionError::Forbidden);
    }
    let cohort = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if cohort.ends_on < Utc::now().date_naive() {
        return Err(SupervisionError::Invalid(vec![FieldProblem::new(
            "cohort",
            Problem::CohortEnded,
        )]));
    }
    if people.is_empty() || people.len() > MAX_PEOPLE {
        return Err(SupervisionError::Invalid(vec![FieldProblem::new(
            "learners",
            Problem::PeopleBetween { max: MAX_PEOPLE },
        )]));
    }
    let learners: Vec<Uuid> = user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(people.to_vec()))
        .filter(user_role::Column::Role.eq(Role::Learner.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    let mut problems = Vec::new();
    for person in people {
        let path = learner_path(db, *person).await?;
        let reachable = path
            .as_ref()
            .is_some_and(|p| policy::allows(actor, Action::RecordEvidence, p.as_deref()));
        if !reachable || !learners.contains(person) {
            problems.push(FieldProblem::new(
                "learners",
                Problem::NotYourLearner {
                    person: person.to_string(),
                },
            ));
        }
    }
    if !problems.is_empty() {
        return Err(SupervisionError::Invalid(problems));
    }
    let already: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(cohort.id))
        .filter(enrolment::Column::UserId.is_in(people.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let fresh: Vec<Uuid> = people
        .iter()
        .copied()
        .filter(|p| !already.contains(p))
        .collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    enrolment::Entity::insert_many(fresh.iter().map(|p| enrolment::ActiveModel {
        cohort_id: Set(cohort.id),
        user_id: Set(*p),
        added_at: Set(now),
    }))
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    Ok(fresh.len() as u64)
}
