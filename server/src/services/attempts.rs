//! Submitting graded activities (quizzes and pre/post assessments). Attempts are
//! append-only and keyed by the client's id, so a submission repeated after a dropped
//! connection (or sent twice at once) is stored once and answered with the first result.
//! Grading is `shared::quiz::grade` on the cohort's frozen course version.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use std::collections::BTreeMap;

use shared::course::learner::responses_from_form;
use shared::course::{ActivityBody, Package, QuizQuestion, assemble_form};
use shared::learning::{AttemptResult, AttemptSubmission, QuestionOutcome};
use shared::quiz::Response;
use shared::quiz::grade;
use uuid::Uuid;

use crate::entities::{attempt, cohort, course_version};
use crate::services::actors::Actor;
use crate::services::cohorts::{self, CohortError};
use crate::services::policy::CohortAction;

#[derive(Debug, thiserror::Error)]
pub enum AttemptError {
    #[error(transparent)]
    Cohort(#[from] CohortError),
    #[error("no such attempt")]
    NotFound,
    #[error("the activity is not graded")]
    NotGraded,
    #[error("no attempts left")]
    NoAttemptsLeft { allowed: u32 },
    #[error("the attempt id is already used for something else")]
    IdReused,
    #[error("could not read the course version: {0}")]
    Encoding(String),
    #[error("database error in attempts: {0}")]
    Database(#[from] DbErr),
}

fn to_result(row: &attempt::Model) -> Result<AttemptResult, AttemptError> {
    Ok(AttemptResult {
        id: row.id,
        cohort_id: row.cohort_id,
        activity: row.activity_id.clone(),
        score: row.score,
        passed: row.passed,
        questions: serde_json::from_str(&row.result)
            .map_err(|e| AttemptError::Encoding(e.to_string()))?,
        submitted_at: row.submitted_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, AttemptError> {
    serde_json::to_string(value).map_err(|e| AttemptError::Encoding(e.to_string()))
}

/// The same attempt again (same learner, cohort and activity): its first result.
fn replay(
    row: &attempt::Model,
    actor: &Actor,
    cohort: Uuid,
    activity: &str,
) -> Result<AttemptResult, AttemptError> {
    if row.user_id == actor.me.id && row.cohort_id == cohort && row.activity_id == activity {
        to_result(row)
    } else {
        Err(AttemptError::IdReused)
    }
}

/// A learner's assessment paper is the same every time they open it in a cohort.
fn paper_seed(user: Uuid, cohort: Uuid) -> u64 {
    let mut hasher = DefaultHasher::new();
    (user, cohort).hash(&mut hasher);
    hasher.finish()
}

/// The questions of a graded activity, its pass mark (percent) and attempts allowed (0: any).
fn graded<'a>(
    package: &'a Package,
    activity: &str,
    user: Uuid,
    cohort: Uuid,
) -> Result<(Vec<&'a QuizQuestion>, u32, u32), AttemptError> {
    match &package
        .activity(activity)
        .ok_or(AttemptError::NotGraded)?
        .body
    {
        ActivityBody::Quiz(quiz) => Ok((
            quiz.questions.iter().collect(),
            quiz.settings.pass_mark,
            quiz.settings.attempts,
        )),
        // Pre- and post-tests measure; they are taken once and nobody fails them.
        ActivityBody::Assessment(test) => Ok((
            assemble_form(&package.item_bank, test, paper_seed(user, cohort)),
            0,
            1,
        )),
        _ => Err(AttemptError::NotGraded),
    }
}

/// The answers of a submission: JSON by question id, or a plain form's fields.
pub enum Answers {
    Json(BTreeMap<String, Response>),
    Form(Vec<(String, String)>),
}

/// The cohort's frozen course version.
pub async fn package_of(
    db: &DatabaseConnection,
    cohort: &cohort::Model,
) -> Result<Package, AttemptError> {
    let version = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(cohort.course_id))
        .filter(course_version::Column::Number.eq(cohort.version))
        .one(db)
        .await?
        .ok_or(AttemptError::NotGraded)?;
    serde_json::from_str(&version.package).map_err(|e| AttemptError::Encoding(e.to_string()))
}

/// What a learner studies in a cohort: the cohort, its course version, and their attempts
/// so far, newest first.
pub async fn study(
    db: &DatabaseConnection,
    actor: &Actor,
    cohort_id: Uuid,
) -> Result<(cohort::Model, Package, Vec<AttemptResult>), AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = package_of(db, &cohort).await?;
    let rows = attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(cohort.id))
        .filter(attempt::Column::UserId.eq(actor.me.id))
        .order_by_desc(attempt::Column::SubmittedAt)
        .all(db)
        .await?;
    let attempts = rows.iter().map(to_result).collect::<Result<_, _>>()?;
    Ok((cohort, package, attempts))
}

/// The questions a learner answers in `activity`: a quiz's, or their own assessment paper.
pub fn questions_for(
    package: &Package,
    activity: &str,
    user: Uuid,
    cohort: Uuid,
) -> Option<Vec<QuizQuestion>> {
    graded(package, activity, user, cohort)
        .ok()
        .map(|(questions, ..)| questions.into_iter().cloned().collect())
}

/// Grades and stores a submission; the answer says whether it was new.
pub async fn submit(
    db: &DatabaseConnection,
    actor: &Actor,
    cohort_id: Uuid,
    id: Uuid,
    activity: &str,
    answers: Answers,
) -> Result<(AttemptResult, bool), AttemptError> {
    if let Some(existing) = attempt::Entity::find_by_id(id).one(db).await? {
        return Ok((replay(&existing, actor, cohort_id, activity)?, false));
    }
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = package_of(db, &cohort).await?;
    let (questions, pass_mark, allowed) = graded(&package, activity, actor.me.id, cohort.id)?;
    let responses = match answers {
        Answers::Json(responses) => responses,
        Answers::Form(fields) => responses_from_form(&questions, &fields),
    };
    let input = AttemptSubmission {
        id,
        activity: activity.to_owned(),
        responses,
    };
    if allowed > 0 {
        let used = attempt::Entity::find()
            .filter(attempt::Column::CohortId.eq(cohort.id))
            .filter(attempt::Column::UserId.eq(actor.me.id))
            .filter(attempt::Column::ActivityId.eq(input.activity.as_str()))
            .count(db)
            .await?;
        if used >= u64::from(allowed) {
            return Err(AttemptError::NoAttemptsLeft { allowed });
        }
    }
    let outcomes: Vec<QuestionOutcome> = questions
        .iter()
        .map(|q| {
            let g = input.responses.get(&q.id).map_or(
                shared::quiz::Grade {
                    score: 0.0,
                    correct: false,
                },
                |r| grade(&q.question, r),
            );
            QuestionOutcome {
                question: q.id.clone(),
                score: g.score,
                correct: g.correct,
            }
        })
        .collect();
    let score = if outcomes.is_empty() {
        0.0
    } else {
        outcomes.iter().map(|o| o.score).sum::<f64>() / outcomes.len() as f64
    };
    let passed = score * 100.0 + 1e-9 >= f64::from(pass_mark);
    let row = attempt::ActiveModel {
        id: Set(input.id),
        cohort_id: Set(cohort.id),
        user_id: Set(actor.me.id),
        activity_id: Set(input.activity.clone()),
        responses: Set(json(&input.responses)?),
        score: Set(score),
        passed: Set(passed),
        result: Set(json(&outcomes)?),
        submitted_at: Set(Utc::now()),
    };
    match row.insert(db).await {
        Ok(stored) => Ok((to_result(&stored)?, true)),
        // The same id sent twice at once: the other request stored it first.
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            let existing = attempt::Entity::find_by_id(input.id)
                .one(db)
                .await?
                .ok_or(AttemptError::Database(e))?;
            Ok((replay(&existing, actor, cohort.id, &input.activity)?, false))
        }
        Err(e) => Err(e.into()),
    }
}

/// One attempt: its learner, or the cohort's staff.
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> Result<AttemptResult, AttemptError> {
    let row = attempt::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AttemptError::NotFound)?;
    if row.user_id != actor.me.id {
        cohorts::load(db, actor, row.cohort_id, CohortAction::Manage)
            .await
            .map_err(|_| AttemptError::NotFound)?;
    }
    to_result(&row)
}
