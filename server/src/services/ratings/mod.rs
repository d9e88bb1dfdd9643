//! Rating rounds. A rating form lists the competencies the cohort's course works on; who may
//! fill it in, and as what (self, supervisor, lecturer, peer), is
//! `policy::rating_sources`. A sent form becomes evidence with its rater; sending the same
//! form again stores nothing, and a rater's new rating of the same learner, phase and
//! competency voids their earlier one (it stays, marked as replaced).

use crate::store::Db;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use shared::evidence::rating::{RatingForm, RatingSubmission};
use shared::evidence::report::CompetencyRef;
use shared::evidence::{Phase, Source};
use shared::{FieldProblem, L10n, Problem};
use uuid::Uuid;

use crate::entities::{
    cohort, cohort_lecturer, competency, competency_evidence, course, enrolment, rating_invitation,
    user,
};
use crate::services::actors::Actor;
use crate::services::evidence::{NewEvidence, known_keys, learner_path, store};
use crate::services::policy::{self, Action, RatingStanding};
use crate::services::{attempts, competencies};

pub mod inbox;
pub mod peers;

#[derive(Debug, thiserror::Error)]
pub enum RatingError {
    #[error("database error in ratings: {0}")]
    Database(#[from] DbErr),
    #[error("no such rating")]
    NotFound,
    #[error("the rating has problems")]
    Invalid(Vec<FieldProblem>),
}

fn invalid(field: &str, problem: Problem) -> RatingError {
    RatingError::Invalid(vec![FieldProblem::new(field, problem)])
}

/// How `actor` stands to `learner` of `cohort` in `phase`.
pub async fn standing(
    db: &Db,
    actor: &Actor,
    cohort: &cohort::Model,
    learner: Uuid,
    phase: Phase,
) -> Result<RatingStanding, RatingError> {
    let path = learner_path(db, learner)
        .await?
        .ok_or(RatingError::NotFound)?;
    let me = actor.me.id;
    let enrolled = enrolment::Entity::find_by_id((cohort.id, learner))
        .one(db)
        .await?
        .is_some();
    let teaches = cohort.created_by == me
        || cohort_lecturer::Entity::find()
            .filter(cohort_lecturer::Column::CohortId.eq(cohort.id))
            .filter(cohort_lecturer::Column::UserId.eq(me))
            .one(db)
            .await?
            .is_some();
    let invited = rating_invitation::Entity::find()
        .filter(rating_invitation::Column::CohortId.eq(cohort.id))
        .filter(rating_invitation::Column::LearnerId.eq(learner))
        .filter(rating_invitation::Column::PeerId.eq(me))
        .filter(rating_invitation::Column::Phase.eq(phase.code()))
        .one(db)
        .await?
        .is_some();
    Ok(RatingStanding {
        themselves: learner == me,
        enrolled,
        supervises: policy::allows(actor, Action::RateAsSupervisor, path.as_deref()),
        teaches,
        invited,
    })
}

/// The capacity in which `actor` rates: `wanted` if allowed, else the most trusted allowed.
async fn capacity(
    db: &Db,
    actor: &Actor,
    cohort: &cohort::Model,
    learner: Uuid,
    phase: Phase,
    wanted: Option<Source>,
) -> Result<Source, RatingError> {
    let allowed = policy::rating_sources(standing(db, actor, cohort, learner, phase).await?, phase);
    match wanted {
        Some(source) if allowed.contains(&source) => Ok(source),
        Some(_) if !allowed.is_empty() => Err(invalid("source", Problem::CannotRateAs)),
        _ => allowed.first().copied().ok_or(RatingError::NotFound),
    }
}

/// The competencies the cohort's course works on, in framework order.
pub async fn course_competencies(
    db: &Db,
    cohort: &cohort::Model,
) -> Result<(Uuid, Vec<CompetencyRef>), RatingError> {
    let framework = course::Entity::find_by_id(cohort.course_id)
        .one(db)
        .await?
        .ok_or(RatingError::NotFound)?
        .framework_id;
    let package = attempts::package_of(db, cohort)
        .await
        .map_err(|_| RatingError::NotFound)?;
    let codes = package.competency_codes();
    let mut found: Vec<competency::Model> = competency::Entity::find()
        .filter(competency::Column::FrameworkId.eq(framework))
        .all(db)
        .await?
        .into_iter()
        .filter(|c| codes.contains(c.code.as_str()))
        .collect();
    found.sort_by_key(|c| c.position);
    Ok((
        framework,
        found
            .into_iter()
            .map(|c| CompetencyRef {
                id: c.id,
                code: c.code,
                name: L10n::new(&c.name_vi, &c.name_en),
            })
            .collect(),
    ))
}

/// The form for rating `learner` of a cohort in `phase`.
pub async fn form(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    learner: Uuid,
    phase: Phase,
    wanted: Option<Source>,
) -> Result<RatingForm, RatingError> {
    let cohort = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(RatingError::NotFound)?;
    let source = capacity(db, actor, &cohort, learner, phase, wanted).await?;
    let person = user::Entity::find_by_id(learner)
        .one(db)
        .await?
        .ok_or(RatingError::NotFound)?;
    let (framework, refs) = course_competencies(db, &cohort).await?;
    let mine = competency_evidence::Entity::find()
        .filter(competency_evidence::Column::UserId.eq(learner))
        .filter(competency_evidence::Column::CohortId.eq(cohort.id))
        .filter(competency_evidence::Column::RaterId.eq(actor.me.id))
        .filter(competency_evidence::Column::Source.eq(source.code()))
        .filter(competency_evidence::Column::Phase.eq(phase.code()))
        .filter(competency_evidence::Column::VoidedAt.is_null())
        .all(db)
        .await?;
    Ok(RatingForm {
        cohort_id: cohort.id,
        cohort_title: L10n::new(&cohort.title_vi, &cohort.title_en),
        learner_id: learner,
        learner_name: person.full_name,
        phase,
        source,
        form_id: Uuid::new_v4(),
        scale: competencies::scale_of(db, framework).await?,
        competencies: refs
            .into_iter()
            .map(|c| {
                let given = mine
                    .iter()
                    .filter(|e| e.competency_id == c.id)
                    .max_by_key(|e| e.recorded_at)
                    .and_then(|e| u8::try_from(e.level).ok());
                (c, given)
            })
            .collect(),
    })
}

/// Levels a form sends as `level.<competency id>` fields, added to `submission`.
pub fn read_form_levels(
    submission: &mut RatingSubmission,
    fields: &[(String, String)],
) -> Result<(), RatingError> {
    for (name, value) in fields {
        let Some(id) = name.strip_prefix("level.") else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        let id = Uuid::parse_str(id).map_err(|_| invalid(name, Problem::NotCompetencyOfCourse))?;
        let level = value
            .trim()
            .parse::<u8>()
            .map_err(|_| invalid(name, Problem::LevelOfScale))?;
        submission.levels.insert(id, level);
    }
    Ok(())
}

/// Stores a rating; how many levels were new (0 when the same form was sent before).
pub async fn submit(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    submission: &RatingSubmission,
) -> Result<u64, RatingError> {
    let cohort = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(RatingError::NotFound)?;
    let phase = submission.phase;
    let learner = submission.learner;
    let source = capacity(db, actor, &cohort, learner, phase, submission.source).await?;
    if submission.levels.is_empty() {
        return Err(invalid("levels", Problem::RateOne));
    }
    let (framework, refs) = course_competencies(db, &cohort).await?;
    let top = competencies::scale_of(db, framework)
        .await?
        .iter()
        .map(|l| l.level)
        .max()
        .unwrap_or(0);
    let mut problems = Vec::new();
    for (id, level) in &submission.levels {
        if !refs.iter().any(|c| c.id == *id) {
            problems.push(FieldProblem::new(
                format!("level.{id}"),
                Problem::NotCompetencyOfCourse,
            ));
        } else if !(1..=top).contains(level) {
            problems.push(FieldProblem::new(
                format!("level.{id}"),
                Problem::NumberBetween {
                    min: 1,
                    max: i64::from(top),
                },
            ));
        }
    }
    if !problems.is_empty() {
        return Err(RatingError::Invalid(problems));
    }
    let now = Utc::now();
    let items: Vec<NewEvidence> = submission
        .levels
        .iter()
        .map(|(id, level)| NewEvidence {
            user_id: learner,
            competency_id: *id,
            source,
            phase,
            level: i32::from(*level),
            rater_id: Some(actor.me.id),
            cohort_id: Some(cohort.id),
            attempt_id: None,
            observed_at: now,
            recorded_by: Some(actor.me.id),
            dedup_key: format!("rating:{}:{id}", submission.form_id),
        })
        .collect();
    let txn = db.begin().await?;
    let keys: Vec<String> = items.iter().map(|i| i.dedup_key.clone()).collect();
    if known_keys(&txn, keys.clone()).await?.len() == keys.len() {
        return Ok(0);
    }
    // The rater's earlier ratings of these competencies in this phase are replaced.
    let earlier = competency_evidence::Entity::find()
        .filter(competency_evidence::Column::UserId.eq(learner))
        .filter(competency_evidence::Column::CohortId.eq(cohort.id))
        .filter(competency_evidence::Column::RaterId.eq(actor.me.id))
        .filter(competency_evidence::Column::Source.eq(source.code()))
        .filter(competency_evidence::Column::Phase.eq(phase.code()))
        .filter(competency_evidence::Column::VoidedAt.is_null())
        .filter(competency_evidence::Column::CompetencyId.is_in(submission.levels.keys().copied()))
        .filter(competency_evidence::Column::DedupKey.is_not_in(keys))
        .all(&txn)
        .await?;
    for row in earlier {
        let mut row: competency_evidence::ActiveModel = row.into();
        row.voided_at = Set(Some(now));
        row.voided_by = Set(Some(actor.me.id));
        row.void_reason = Set(Some("replaced by a new rating".into()));
        row.update(&txn).await?;
    }
    // Storing refreshes the derived tables, after the voids above.
    let added = store(&txn, items).await?;
    txn.commit().await?;
    Ok(added)
}
