//! Learners' attempts: a quiz or test, a case study's written answers, a finished role-play,
//! a survey. Attempts are append-only and keyed by the client's id, so a submission repeated
//! after a dropped connection (or sent twice at once) is stored once and answered with the
//! first result. Everything is judged on the cohort's frozen course version (see `evaluate`).

mod check;
mod evaluate;
mod group_commit;
mod package_cache;
mod store;

use crate::store::Db;
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::FieldProblem;
use shared::course::{Activity, Package, QuizQuestion};
use shared::learning::{AttemptResult, AttemptSubmission};
use shared::progress::{self, Gating, Record, RecordKind, Tally};
use uuid::Uuid;

use crate::entities::{attempt, cohort};
use crate::services::actors::Actor;
use crate::services::cohorts::{self, CohortError};
use crate::services::policy::CohortAction;

pub use check::{Answer, check};
pub use evaluate::{MAX_ANSWER_CHARS, allowed};
pub use group_commit::{GroupCommit, GroupTotals};
pub use package_cache::{PackageCache, package_of, published};
pub use store::{Origin, submit};
pub(crate) use store::{client_time, client_time_of};

#[derive(Debug, thiserror::Error)]
pub enum AttemptError {
    #[error(transparent)]
    Cohort(#[from] CohortError),
    #[error("no such attempt")]
    NotFound,
    #[error("the course has no such activity")]
    NoSuchActivity,
    #[error("the submission is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("the activity is not open yet")]
    Locked,
    #[error("this quiz gives its feedback after submission")]
    NoFeedbackNow,
    #[error("no attempts left")]
    NoAttemptsLeft { allowed: u32 },
    #[error("the attempt id is already used for something else")]
    IdReused,
    #[error("could not read the course version: {0}")]
    Encoding(String),
    #[error("database error in attempts: {0}")]
    Database(#[from] DbErr),
}

/// A submission as it arrived: JSON, or a plain form's fields for `activity`.
pub enum Submission {
    Json(AttemptSubmission),
    Form {
        id: Uuid,
        activity: String,
        fields: Vec<(String, String)>,
        /// When the device says the form was sent (offline work), RFC 3339.
        client_at: Option<String>,
    },
}

impl Submission {
    fn id(&self) -> Uuid {
        match self {
            Self::Json(input) => input.id,
            Self::Form { id, .. } => *id,
        }
    }

    fn activity(&self) -> &str {
        match self {
            Self::Json(input) => &input.activity,
            Self::Form { activity, .. } => activity,
        }
    }
}

pub(crate) fn to_result(row: &attempt::Model) -> Result<AttemptResult, AttemptError> {
    let decode = |e: serde_json::Error| AttemptError::Encoding(e.to_string());
    let work: serde_json::Value = serde_json::from_str(&row.responses).map_err(decode)?;
    let answers = work
        .get("answers")
        .and_then(|a| serde_json::from_value(a.clone()).ok())
        .unwrap_or_default();
    Ok(AttemptResult {
        id: row.id,
        cohort_id: row.cohort_id,
        activity: row.activity_id.clone(),
        score: row.score,
        passed: row.passed,
        questions: serde_json::from_str(&row.result).map_err(decode)?,
        outcome: row
            .outcome
            .as_deref()
            .and_then(|o| serde_json::from_value(serde_json::Value::String(o.to_owned())).ok()),
        answers,
        path: work
            .get("path")
            .and_then(|a| serde_json::from_value(a.clone()).ok())
            .unwrap_or_default(),
        submitted_at: row.submitted_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        client_at: row
            .client_at
            .map(|at| at.to_rfc3339_opts(SecondsFormat::Secs, true)),
        over_limit: row.over_limit,
    })
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

/// The gating a cohort chose.
pub fn gating(cohort: &cohort::Model) -> Gating {
    Gating {
        pre: cohort.gate_pre,
        post: cohort.gate_post,
    }
}

/// A learner's attempts in a cohort as progress records (activity, time, score, passed).
pub(crate) async fn attempt_records(
    db: &Db,
    cohort: Uuid,
    user: Uuid,
) -> Result<Vec<Record>, DbErr> {
    let rows: Vec<(String, DateTime<Utc>, f64, bool)> = attempt::Entity::find()
        .select_only()
        .columns([
            attempt::Column::ActivityId,
            attempt::Column::SubmittedAt,
            attempt::Column::Score,
            attempt::Column::Passed,
        ])
        .filter(attempt::Column::CohortId.eq(cohort))
        .filter(attempt::Column::UserId.eq(user))
        .filter(attempt::Column::OverLimit.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(activity, at, score, passed)| Record {
            activity,
            at: at.timestamp(),
            kind: RecordKind::Attempt { score, passed },
        })
        .collect())
}

/// What a learner's attempts in a cohort add up to, per activity: counted by the database,
/// so a check costs the same for a learner's hundredth attempt as for their first.
pub(crate) async fn attempt_tallies<C: ConnectionTrait>(
    db: &C,
    cohort: Uuid,
    user: Uuid,
) -> Result<Vec<Tally>, DbErr> {
    let rows: Vec<(String, i64, i32)> = attempt::Entity::find()
        .select_only()
        .column(attempt::Column::ActivityId)
        .column_as(attempt::Column::Id.count(), "attempts")
        // `MAX` of a boolean is not portable (PostgreSQL has `bool_or`); of 0 and 1 it is.
        .column_as(
            Expr::case(attempt::Column::Passed.eq(true), 1)
                .finally(0)
                .max(),
            "passed",
        )
        .filter(attempt::Column::CohortId.eq(cohort))
        .filter(attempt::Column::UserId.eq(user))
        .filter(attempt::Column::OverLimit.eq(false))
        .group_by(attempt::Column::ActivityId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(activity, attempts, passed)| Tally {
            activity,
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            passed: passed > 0,
        })
        .collect())
}

/// What the learner's attempts in a cohort add up to, once the gate of `activity` is
/// checked: an activity waiting for an earlier part of the course is refused. Counted only
/// when the activity's gate or attempt limit asks for it (an unlimited activity no gate can
/// close, as on an exam day's open quiz, is answered without reading any attempt): empty
/// otherwise.
pub(crate) async fn tallies_if_open(
    db: &Db,
    cohort: &cohort::Model,
    package: &Package,
    user: Uuid,
    activity: &Activity,
) -> Result<Vec<Tally>, AttemptError> {
    let gated = progress::may_lock(package, gating(cohort), &activity.id);
    if !gated && allowed(&activity.body) == 0 {
        return Ok(Vec::new());
    }
    let tallies = attempt_tallies(db, cohort.id, user).await?;
    if gated && progress::locked(package, gating(cohort), &tallies, &activity.id) == Some(true) {
        return Err(AttemptError::Locked);
    }
    Ok(tallies)
}

/// How many attempts at `activity` the learner has stored (over the limit not counted).
pub(crate) fn used(tallies: &[Tally], activity: &str) -> u32 {
    tallies
        .iter()
        .find(|t| t.activity == activity)
        .map_or(0, |t| t.attempts)
}

/// The id of a learner's next attempt at `activity`, given the `used` attempts they have
/// stored: the same until that attempt is stored, so the page that carries it stays the
/// same (and a revisit is answered `304 Not Modified`), and a form sent twice, from two tabs
/// or after a dropped connection, is stored once. Derived from the session id, which only
/// its owner's browser holds, so nobody else can take the id first.
pub fn next_attempt_id(session: Uuid, cohort: Uuid, activity: &str, used: usize) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"fieldschool next attempt\0")
        .chain_update(session.as_bytes())
        .chain_update(cohort.as_bytes())
        .chain_update(activity.as_bytes())
        .chain_update([0])
        .chain_update(u64::try_from(used).unwrap_or(u64::MAX).to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Refuses when the learner's `tallies` use every attempt `limit` allows (0: no limit).
pub(crate) fn within_limit(
    tallies: &[Tally],
    activity: &str,
    limit: u32,
) -> Result<(), AttemptError> {
    if limit > 0 && used(tallies, activity) >= limit {
        return Err(AttemptError::NoAttemptsLeft { allowed: limit });
    }
    Ok(())
}

/// What a learner studies in a cohort: the cohort, its course version, and their attempts
/// so far, newest first.
pub async fn study(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
) -> Result<(cohort::Model, std::sync::Arc<Package>, Vec<AttemptResult>), AttemptError> {
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
    evaluate::questions(package, activity, user, cohort)
        .map(|(questions, _)| questions.into_iter().cloned().collect())
}

/// One attempt: its learner, or the cohort's staff.
pub async fn get(db: &Db, actor: &Actor, id: Uuid) -> Result<AttemptResult, AttemptError> {
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

#[cfg(test)]
mod tests {
    use super::next_attempt_id;
    use uuid::Uuid;

    #[test]
    fn the_next_attempt_id_holds_until_an_attempt_is_stored() {
        let (session, cohort) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let first = next_attempt_id(session, cohort, "a3", 0);
        assert_eq!(first, next_attempt_id(session, cohort, "a3", 0));
        assert_eq!(first.get_version_num(), 4);
        assert_ne!(first, next_attempt_id(session, cohort, "a3", 1));
        assert_ne!(first, next_attempt_id(session, cohort, "a2", 0));
        assert_ne!(first, next_attempt_id(Uuid::from_u128(3), cohort, "a3", 0));
    }
}
