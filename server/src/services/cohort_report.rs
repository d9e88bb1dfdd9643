//! The lecturer's view of a cohort: each learner's progress (derived as the learner sees
//! it), the case-study answers with their reviews, and item statistics of quizzes and tests
//! (each learner's first attempt). Reviews score answers by the activity's rubric.

use crate::store::Db;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{SecondsFormat, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::OnConflict};
use shared::course::{ActivityBody, Package};
use shared::item_stats::analyse;
use shared::learning::{CohortReport, LearnerStanding, Reflection, ReviewForm};
use shared::progress::{Record, derive};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use crate::entities::{
    attempt, certificate, cohort, enrolment, progress_event, review, user, work_draft,
};
use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError, gating, to_result};
use crate::services::cohorts;
use crate::services::policy::CohortAction;
use crate::services::progress::{attempt_record, draft_record, event_record};

pub const MAX_COMMENT: usize = 4000;

/// The lecturer's report of a cohort: standings, written answers, item statistics.
pub async fn report(db: &Db, actor: &Actor, cohort_id: Uuid) -> Result<CohortReport, AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Manage).await?;
    let package = attempts::package_of(db, &cohort).await?;
    let enrolled: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(enrolled))
        .order_by_asc(user::Column::FullName)
        .all(db)
        .await?;
    let rows = attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(cohort.id))
        .filter(attempt::Column::OverLimit.eq(false))
        .order_by_asc(attempt::Column::SubmittedAt)
        .all(db)
        .await?;
    let learners = standings(db, &cohort, &package, &people, &rows).await?;
    let reflections = reflections(db, &package, &people, &rows).await?;
    let items = analyse(&first_papers(&package, &rows)?);
    let summary = cohorts::summaries(db, vec![cohort])
        .await?
        .pop()
        .ok_or(AttemptError::NotFound)?;
    Ok(CohortReport {
        cohort: summary,
        learners,
        reflections,
        items,
    })
}

/// Each learner's progress, derived from the same records the learner's own pages use.
async fn standings(
    db: &Db,
    cohort: &cohort::Model,
    package: &Package,
    people: &[user::Model],
    rows: &[attempt::Model],
) -> Result<Vec<LearnerStanding>, AttemptError> {
    let events = progress_event::Entity::find()
        .filter(progress_event::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?;
    let drafts = work_draft::Entity::find()
        .filter(work_draft::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?;
    let certified: HashSet<Uuid> = certificate::Entity::find()
        .filter(certificate::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.user_id)
        .collect();
    let mut records: HashMap<Uuid, Vec<Record>> = HashMap::new();
    for a in rows {
        records
            .entry(a.user_id)
            .or_default()
            .push(attempt_record(a));
    }
    for e in events {
        records.entry(e.user_id).or_default().push(event_record(e));
    }
    for d in drafts {
        records.entry(d.user_id).or_default().push(draft_record(d));
    }
    Ok(people
        .iter()
        .map(|p| LearnerStanding {
            id: p.id,
            username: p.username.clone(),
            full_name: p.full_name.clone(),
            progress: derive(
                package,
                gating(cohort),
                records.get(&p.id).map_or(&[][..], Vec::as_slice),
            ),
            certificate: certified.contains(&p.id),
        })
        .collect())
}

/// The case-study answers, each with its review when it has one.
async fn reflections(
    db: &Db,
    package: &Package,
    people: &[user::Model],
    rows: &[attempt::Model],
) -> Result<Vec<Reflection>, AttemptError> {
    let names: HashMap<Uuid, &str> = people
        .iter()
        .map(|p| (p.id, p.full_name.as_str()))
        .collect();
    let case_ids: HashSet<&str> = package
        .activities()
        .filter(|a| matches!(a.body, ActivityBody::CaseStudy(_)))
        .map(|a| a.id.as_str())
        .collect();
    let written: Vec<&attempt::Model> = rows
        .iter()
        .filter(|a| case_ids.contains(a.activity_id.as_str()))
        .collect();
    let reviews: HashMap<Uuid, review::Model> = review::Entity::find()
        .filter(review::Column::AttemptId.is_in(written.iter().map(|a| a.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.attempt_id, r))
        .collect();
    let mut reflections = Vec::new();
    for a in written {
        let result = to_result(a)?;
        reflections.push(Reflection {
            attempt: a.id,
            activity: a.activity_id.clone(),
            learner: names
                .get(&a.user_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            answers: result.answers,
            submitted_at: a.submitted_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            review: reviews.get(&a.id).map(|r| ReviewForm {
                points: serde_json::from_str(&r.points).unwrap_or_default(),
                comment: r.comment.clone(),
            }),
        });
    }
    Ok(reflections)
}

/// For item statistics: each learner's first attempt at each quiz or test, as the score of
/// every question.
fn first_papers(
    package: &Package,
    rows: &[attempt::Model],
) -> Result<Vec<Vec<(String, f64)>>, AttemptError> {
    let mut first: BTreeMap<(Uuid, &str), &attempt::Model> = BTreeMap::new();
    for a in rows {
        let graded = matches!(
            package.activity(&a.activity_id).map(|x| &x.body),
            Some(ActivityBody::Quiz(_) | ActivityBody::Assessment(_))
        );
        if graded {
            first
                .entry((a.user_id, a.activity_id.as_str()))
                .or_insert(a);
        }
    }
    first
        .values()
        .map(|a| {
            Ok(to_result(a)?
                .questions
                .into_iter()
                .map(|q| (q.question, q.score))
                .collect())
        })
        .collect()
}

/// Reviews a case study's answers by the activity's rubric (replacing an earlier review).
pub async fn review(
    db: &Db,
    actor: &Actor,
    attempt_id: Uuid,
    form: &ReviewForm,
) -> Result<Uuid, AttemptError> {
    let row = attempt::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .ok_or(AttemptError::NotFound)?;
    let cohort = cohorts::load(db, actor, row.cohort_id, CohortAction::Manage)
        .await
        .map_err(|e| match e {
            cohorts::CohortError::NotFound => AttemptError::NotFound,
            other => AttemptError::Cohort(other),
        })?;
    let package = attempts::package_of(db, &cohort).await?;
    let Some(ActivityBody::CaseStudy(case)) = package.activity(&row.activity_id).map(|a| &a.body)
    else {
        return Err(AttemptError::NoSuchActivity);
    };
    let mut problems = Vec::new();
    if form.points.len() != case.rubric.len() {
        problems.push(FieldProblem::new(
            "points",
            Problem::ScorePerCriterion {
                count: case.rubric.len(),
            },
        ));
    }
    for (i, (given, criterion)) in form.points.iter().zip(&case.rubric).enumerate() {
        if *given > criterion.points {
            problems.push(FieldProblem::new(
                format!("points[{i}]"),
                Problem::PointsAtMost {
                    max: criterion.points,
                },
            ));
        }
    }
    if form.comment.chars().count() > MAX_COMMENT {
        problems.push(FieldProblem::new(
            "comment",
            Problem::CharsAtMost { max: MAX_COMMENT },
        ));
    }
    if !problems.is_empty() {
        return Err(AttemptError::Invalid(problems));
    }
    review::Entity::insert(review::ActiveModel {
        attempt_id: Set(row.id),
        reviewer_id: Set(actor.me.id),
        points: Set(serde_json::to_string(&form.points)
            .map_err(|e| AttemptError::Encoding(e.to_string()))?),
        comment: Set(form.comment.trim().to_owned()),
        reviewed_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(review::Column::AttemptId)
            .update_columns([
                review::Column::ReviewerId,
                review::Column::Points,
                review::Column::Comment,
                review::Column::ReviewedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(cohort.id)
}
