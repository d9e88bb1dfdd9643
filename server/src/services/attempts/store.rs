//! Storing an attempt: checked, graded on the course version the learner answered, and
//! written once under the client's id.

use crate::store::Db;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use shared::course::{Activity, ActivityBody, Package, Phase, QuizQuestion};
use shared::learning::QuestionOutcome;
use shared::learning::{AttemptResult, AttemptSubmission};
use shared::{FieldProblem, Problem};
use std::sync::Arc;
use uuid::Uuid;

use super::{
    AttemptError, Submission, allowed, attempt_tallies, evaluate, group_commit, package_of,
    published, questions_for, replay, tallies_if_open, to_result, used, within_limit,
};
use crate::entities::{attempt, cohort, cohort_lecturer, enrolment, work_draft};
use crate::services::actors::Actor;
use crate::services::cohorts;
use crate::services::evidence;
use crate::services::policy::CohortAction;

/// Where a submission comes from (see docs/OFFLINE.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// A page or an API client, now: refused when the attempts are used up.
    #[default]
    Online,
    /// A device's queue, after a while offline: never refused for the attempt limit (kept,
    /// marked over the limit), and graded on `version`, the course version the device
    /// had, when the class has moved to a newer one since.
    Offline { version: Option<i32> },
}

/// The course version a submission is graded on: the class's, or for offline work an
/// earlier published version of the same course the device still had.
async fn version_for(
    db: &Db,
    cohort: &cohort::Model,
    origin: Origin,
) -> Result<(i32, Arc<Package>), AttemptError> {
    match origin {
        Origin::Offline { version: Some(v) } if v != cohort.version => {
            if v < 1 || v > cohort.version {
                return Err(AttemptError::Invalid(vec![FieldProblem::new(
                    "version",
                    Problem::OtherVersion {
                        version: cohort.version,
                    },
                )]));
            }
            Ok((v, published(db, cohort.course_id, v).await?))
        }
        _ => Ok((cohort.version, package_of(db, cohort).await?)),
    }
}

/// A device's time (RFC 3339), if given.
pub(crate) fn client_time(text: Option<&str>) -> Result<Option<DateTime<Utc>>, AttemptError> {
    client_time_of("client_at", text)
}

/// A device's time, as `field`: RFC 3339, from 2020 up to a day ahead of the server (a
/// device clock may run fast; a time years away is not a time work was done).
pub(crate) fn client_time_of(
    field: &str,
    text: Option<&str>,
) -> Result<Option<DateTime<Utc>>, AttemptError> {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let earliest = DateTime::parse_from_rfc3339("2020-01-01T00:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let latest = Utc::now() + chrono::Duration::days(1);
    match DateTime::parse_from_rfc3339(text).map(|d| d.with_timezone(&Utc)) {
        Ok(at) if (earliest..=latest).contains(&at) => Ok(Some(at)),
        Ok(_) => Err(AttemptError::Invalid(vec![FieldProblem::new(
            field,
            Problem::TimeOutOfRange,
        )])),
        Err(_) => Err(AttemptError::Invalid(vec![FieldProblem::new(
            field,
            Problem::NotATime,
        )])),
    }
}

/// Checks, scores and stores a submission; the answer says whether it was new. An id
/// already stored is answered with its first result, whatever would refuse it now (the
/// attempt limit it used up, a gate, a class since closed): that lookup is made only when
/// the submission is refused or its id collides, not on every submission.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    submission: Submission,
    origin: Origin,
) -> Result<(AttemptResult, bool), AttemptError> {
    let (id, activity) = (submission.id(), submission.activity().to_owned());
    match store(db, actor, cohort_id, submission, origin).await {
        Err(refused) if !matches!(refused, AttemptError::Database(_)) => {
            match attempt::Entity::find_by_id(id).one(db).await? {
                Some(existing) => Ok((replay(&existing, actor, cohort_id, &activity)?, false)),
                None => Err(refused),
            }
        }
        stored => stored,
    }
}

/// The submission as an attempt: a form's fields read as the activity's answers.
fn input_of(
    submission: Submission,
    package: &Package,
    actor: &Actor,
    cohort: &cohort::Model,
) -> AttemptSubmission {
    match submission {
        Submission::Json(input) => input,
        Submission::Form {
            id,
            activity,
            fields,
            client_at,
        } => AttemptSubmission {
            id,
            client_at,
            ..evaluate::from_form(package, &activity, actor.me.id, cohort.id, &fields)
        },
    }
}

/// Whether the attempt is over the activity's limit. Online, a used-up limit refuses;
/// offline work is kept, marked, and counts for nothing. One read of the learner's
/// attempts answers both the gate and the limit.
async fn over_limit(
    db: &Db,
    cohort: &cohort::Model,
    package: &Package,
    actor: &Actor,
    activity: &Activity,
    origin: Origin,
) -> Result<bool, AttemptError> {
    let tallies = tallies_if_open(db, cohort, package, actor.me.id, activity).await?;
    match (
        within_limit(&tallies, &activity.id, allowed(&activity.body)),
        origin,
    ) {
        (Ok(()), _) => Ok(false),
        (Err(_), Origin::Offline { .. }) => Ok(true),
        (Err(refused), Origin::Online) => Err(refused),
    }
}

/// Scores the attempt (a survey's answers are checked against the class's lecturers).
async fn grade(
    db: &Db,
    cohort: &cohort::Model,
    package: &Package,
    actor: &Actor,
    input: &AttemptSubmission,
    activity: &Activity,
) -> Result<evaluate::Evaluated, AttemptError> {
    let lecturers: Vec<Uuid> = if matches!(activity.body, ActivityBody::Survey(_)) {
        cohort_lecturer::Entity::find()
            .filter(cohort_lecturer::Column::CohortId.eq(cohort.id))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.user_id)
            .collect()
    } else {
        Vec::new()
    };
    evaluate::evaluate(package, actor.me.id, cohort.id, &lecturers, input).map_err(|refusal| {
        match refusal {
            evaluate::Refusal::NoSuchActivity => AttemptError::NoSuchActivity,
            evaluate::Refusal::Invalid(fields) => AttemptError::Invalid(fields),
        }
    })
}

/// What is stored with an attempt in the same transaction.
struct WithAttempt<'a> {
    activity: &'a str,
    /// The learner's draft of a case study or role-play, which the attempt replaces.
    draft_of: Option<&'a str>,
    /// A test's competency evidence: its phase, and the attempt's paper and scores.
    evidence: Option<(Phase, &'a [QuizQuestion], &'a [QuestionOutcome])>,
    /// The activity's attempt limit (0: none), counted again where the attempt is written.
    limit: u32,
    origin: Origin,
}

/// What became of an attempt sent to be written.
enum Outcome {
    Stored(attempt::Model),
    /// Its id was already stored: the same submission sent twice at once.
    Taken,
    /// Every attempt was used (online).
    NoneLeft,
}

/// Writes the attempt, with what goes with it in one transaction; an attempt with nothing
/// to go with it (an unlimited quiz, a survey's neighbours…) is written together with the
/// others sent at the same moment (`group_commit`). Under a limit the learner's enrolment
/// is locked first, so their submissions to the class take turns until each commits, and
/// the attempts are counted again: of submissions sent at once, no more are stored than
/// the limit allows. Offline work over the limit is kept, marked, without evidence.
async fn write(
    db: &Db,
    cohort: &cohort::Model,
    actor: &Actor,
    mut row: attempt::Model,
    mut with: WithAttempt<'_>,
) -> Result<Outcome, sea_orm::DbErr> {
    if with.draft_of.is_none() && with.evidence.is_none() && with.limit == 0 {
        return Ok(match group_commit::write(db, row).await? {
            group_commit::Written::Stored(row) => Outcome::Stored(row),
            group_commit::Written::Taken => Outcome::Taken,
        });
    }
    let txn = db.begin().await?;
    if with.limit > 0 {
        lock_enrolment(&txn, cohort.id, actor.me.id).await?;
        let tallies = attempt_tallies(&txn, cohort.id, actor.me.id).await?;
        if used(&tallies, with.activity) >= with.limit {
            if with.origin == Origin::Online {
                txn.rollback().await?;
                return Ok(Outcome::NoneLeft);
            }
            row.over_limit = true;
            with.evidence = None;
        }
    }
    let inserted = attempt::ActiveModel::from(row)
        .reset_all()
        .insert(&txn)
        .await;
    let stored = match inserted {
        Ok(stored) => stored,
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            return Ok(Outcome::Taken);
        }
        Err(e) => return Err(e),
    };
    if let Some(activity) = with.draft_of {
        work_draft::Entity::delete_many()
            .filter(work_draft::Column::CohortId.eq(cohort.id))
            .filter(work_draft::Column::UserId.eq(actor.me.id))
            .filter(work_draft::Column::ActivityId.eq(activity))
            .exec(&txn)
            .await?;
    }
    if let Some((phase, paper, scores)) = with.evidence {
        evidence::from_tests::record(&txn, cohort, phase, &stored, paper, scores).await?;
    }
    txn.commit().await?;
    Ok(Outcome::Stored(stored))
}

/// Takes the write lock on the learner's enrolment row (an update that changes nothing):
/// on PostgreSQL a row lock, on SQLite the database's write lock, held until commit.
async fn lock_enrolment(
    txn: &sea_orm::DatabaseTransaction,
    cohort: Uuid,
    user: Uuid,
) -> Result<(), sea_orm::DbErr> {
    enrolment::Entity::update_many()
        .col_expr(
            enrolment::Column::AddedAt,
            Expr::col(enrolment::Column::AddedAt),
        )
        .filter(enrolment::Column::CohortId.eq(cohort))
        .filter(enrolment::Column::UserId.eq(user))
        .exec(txn)
        .await?;
    Ok(())
}

async fn store(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    submission: Submission,
    origin: Origin,
) -> Result<(AttemptResult, bool), AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let (version, package) = version_for(db, &cohort, origin).await?;
    let input = input_of(submission, &package, actor, &cohort);
    let activity = package
        .activity(&input.activity)
        .ok_or(AttemptError::NoSuchActivity)?;
    let client_at = client_time(input.client_at.as_deref())?;
    let over_limit = over_limit(db, &cohort, &package, actor, activity, origin).await?;
    let evaluated = grade(db, &cohort, &package, actor, &input, activity).await?;
    let encode = |e: serde_json::Error| AttemptError::Encoding(e.to_string());
    let row = attempt::Model {
        id: input.id,
        cohort_id: cohort.id,
        user_id: actor.me.id,
        activity_id: input.activity.clone(),
        responses: serde_json::to_string(&evaluated.work).map_err(encode)?,
        score: evaluated.score,
        passed: evaluated.passed,
        result: serde_json::to_string(&evaluated.questions).map_err(encode)?,
        submitted_at: Utc::now(),
        outcome: evaluated
            .outcome
            .and_then(|o| serde_json::to_value(o).ok())
            .and_then(|v| v.as_str().map(str::to_owned)),
        client_at,
        over_limit,
        course_version: Some(version),
    };
    // Only case studies and role-plays have drafts; tests give competency evidence (not
    // when over the limit).
    let has_draft = matches!(
        activity.body,
        ActivityBody::CaseStudy(_) | ActivityBody::RolePlay(_)
    );
    let test_phase = match &activity.body {
        ActivityBody::Assessment(test) if !over_limit => Some(test.phase),
        _ => None,
    };
    let paper = match test_phase {
        Some(_) => {
            questions_for(&package, &input.activity, actor.me.id, cohort.id).unwrap_or_default()
        }
        None => Vec::new(),
    };
    let evidence =
        test_phase.map(|phase| (phase, paper.as_slice(), evaluated.questions.as_slice()));
    let limit = allowed(&activity.body);
    let with = WithAttempt {
        activity: &input.activity,
        draft_of: has_draft.then_some(input.activity.as_str()),
        evidence,
        limit,
        origin,
    };
    match write(db, &cohort, actor, row, with).await? {
        Outcome::Stored(stored) => Ok((to_result(&stored)?, true)),
        // Another submission sent at the same time took the last attempt.
        Outcome::NoneLeft => Err(AttemptError::NoAttemptsLeft { allowed: limit }),
        // The same id sent twice at once: the other request stored it first.
        Outcome::Taken => {
            let existing = attempt::Entity::find_by_id(input.id)
                .one(db)
                .await?
                .ok_or(AttemptError::IdReused)?;
            Ok((replay(&existing, actor, cohort.id, &input.activity)?, false))
        }
    }
}
