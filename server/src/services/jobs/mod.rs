//! Long work as jobs stored in the database (`jobs` table), so a request answers at once
//! and the work survives the server that began it.
//!
//! - **Accepted**: [`create`] stores the job `queued` with what it needs (`input`).
//! - **Claimed**: every server runs a [`runner`]; it claims a queued job, or a running one
//!   whose lease ran out (its server stopped), with one conditional `UPDATE`, so exactly
//!   one server holds it. The holder renews the lease while it works ([`LEASE`]).
//! - **Progress**: the job writes `done` of `total` and what a resumed run need not redo
//!   (`work`), so a restart does not start the slow part again.
//! - **Ended**: the job's effect and its end (`done`, with the result) commit in one
//!   transaction, and only while the server still holds the lease ([`Claim::finish`]): a
//!   job is applied once even if two servers ever ran it. `input` and `work` (an import's
//!   passwords) are emptied when it ends.
//!
//! - **Pruned**: an ended job is deleted [`KEPT_FOR`] after it ended ([`prune`], by every
//!   server's runner, hourly).
//!
//! Only the owner sees a job; anyone else is told it does not exist.

pub mod runner;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::answers::CourseImported;
use shared::jobs::{Job, JobKind, JobState};
use shared::{FieldError, FieldProblem, Locale, Problem};
use uuid::Uuid;

use crate::entities::job;
use crate::services::actors::{self, Actor};
use crate::store::Db;

/// How long a claim holds without being renewed; a job whose server stopped is resumed by
/// another this long after its last renewal.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// No such job, or not the viewer's.
    #[error("no such job")]
    NotFound,
    #[error("database error in a job: {0}")]
    Database(#[from] DbErr),
}

fn lease_end(now: DateTime<Utc>) -> DateTime<Utc> {
    now + chrono::Duration::from_std(LEASE).unwrap_or_else(|_| chrono::Duration::seconds(30))
}

/// Stores a new job for `owner`; it starts when a server's runner claims it.
pub async fn create(
    db: &Db,
    owner: Uuid,
    kind: JobKind,
    input: String,
    total: u32,
) -> Result<Job, DbErr> {
    let now = Utc::now();
    let model = job::ActiveModel {
        id: Set(Uuid::new_v4()),
        kind: Set(kind.code().to_owned()),
        owner_id: Set(owner),
        state: Set(JobState::Queued.code().to_owned()),
        input: Set(input),
        work: Set(String::new()),
        total: Set(i32::try_from(total).unwrap_or(i32::MAX)),
        done: Set(0),
        problems: Set(None),
        result: Set(None),
        claimed_by: Set(None),
        lease_until: Set(None),
        runs: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
    }
    .insert(db)
    .await?;
    db.caches.jobs_waiting.notify_one();
    Ok(view(model, Locale::Vi))
}

/// The viewer's job.
pub async fn get(db: &Db, actor: &Actor, id: Uuid, locale: Locale) -> Result<Job, JobError> {
    job::Entity::find_by_id(id)
        .filter(job::Column::OwnerId.eq(actor.me.id))
        .one(db)
        .await?
        .map(|m| view(m, locale))
        .ok_or(JobError::NotFound)
}

/// The viewer's latest jobs, newest first.
pub async fn mine(db: &Db, actor: &Actor, locale: Locale) -> Result<Vec<Job>, JobError> {
    Ok(job::Entity::find()
        .filter(job::Column::OwnerId.eq(actor.me.id))
        .order_by_desc(job::Column::CreatedAt)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(|m| view(m, locale))
        .collect())
}

/// How long an ended job stays for its owner to read.
pub const KEPT_FOR: chrono::Duration = chrono::Duration::days(30);

/// Deletes the jobs that ended more than [`KEPT_FOR`] before `now`; how many.
pub async fn prune<C: ConnectionTrait>(conn: &C, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let deleted = job::Entity::delete_many()
        .filter(job::Column::FinishedAt.lt(now - KEPT_FOR))
        .filter(job::Column::State.is_in([JobState::Done.code(), JobState::Failed.code()]))
        .exec(conn)
        .await?;
    Ok(deleted.rows_affected)
}

/// How many jobs of every server are queued and running (for `/metrics`).
pub async fn counts(db: &Db) -> Result<(u64, u64), DbErr> {
    let count = |state: JobState| {
        job::Entity::find()
            .filter(job::Column::State.eq(state.code()))
            .count(db)
    };
    Ok((
        count(JobState::Queued).await?,
        count(JobState::Running).await?,
    ))
}

/// Problems are kept worded in both languages (a job's reader may read either).
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Problems {
    vi: Vec<FieldError>,
    en: Vec<FieldError>,
}

fn view(model: job::Model, locale: Locale) -> Job {
    let problems = model
        .problems
        .as_deref()
        .and_then(|p| serde_json::from_str::<Problems>(p).ok())
        .map(|p| match locale {
            Locale::Vi => p.vi,
            Locale::En => p.en,
        })
        .unwrap_or_default();
    let state = JobState::from_code(&model.state).unwrap_or(JobState::Failed);
    let kind = JobKind::from_code(&model.kind).unwrap_or(JobKind::UserImport);
    let result = model.result.as_deref();
    Job {
        id: model.id,
        kind,
        state,
        done: u32::try_from(model.done).unwrap_or(0),
        total: u32::try_from(model.total).unwrap_or(0),
        problems,
        accounts: result
            .filter(|_| kind == JobKind::UserImport)
            .and_then(|r| serde_json::from_str(r).ok()),
        evidence: result
            .filter(|_| kind == JobKind::EvidenceImport)
            .and_then(|r| serde_json::from_str(r).ok()),
        course: result
            .filter(|_| kind == JobKind::PackageImport)
            .and_then(|r| serde_json::from_str::<MadeCourse>(r).ok())
            .map(|made| CourseImported::new(made.id, made.issues, locale)),
        created_at: model.created_at.to_rfc3339(),
        finished_at: model.finished_at.map(|t| t.to_rfc3339()),
    }
}

/// What a package import's job keeps once done: the course, and the problems (worded when
/// read, in the reader's language) to fix before publishing it.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct MadeCourse {
    pub id: Uuid,
    pub issues: Vec<shared::course::Issue>,
}

/// A job's failure that is the job's own: what its input or its sender's rights say is
/// wrong, with which the job ends as failed. `None` for the server's own failures (the
/// database), after which the job is resumed rather than failed.
pub trait Refusal {
    fn refusal(&self) -> Option<Vec<FieldProblem>>;
}

/// Why a job fails when its sender may no longer do what it does.
pub fn no_longer_allowed() -> Vec<FieldProblem> {
    vec![FieldProblem::new("job", Problem::NoLongerAllowed)]
}

/// A job this server holds, and what it needs to do it.
pub struct Claim {
    pub id: Uuid,
    pub kind: Option<JobKind>,
    pub owner: Uuid,
    pub input: String,
    /// What an earlier run left done (empty when none).
    pub work: String,
    server: Uuid,
}

/// Queued, or running with its lease run out (its server stopped).
fn claimable(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(job::Column::State.eq(JobState::Queued.code()))
        .add(
            Condition::all()
                .add(job::Column::State.eq(JobState::Running.code()))
                .add(job::Column::LeaseUntil.lt(now)),
        )
}

/// Claims the oldest claimable job. Servers racing for one: the conditional update lets
/// exactly one of them have it.
pub async fn claim_next(db: &Db) -> Result<Option<Claim>, DbErr> {
    let now = Utc::now();
    let candidates = job::Entity::find()
        .filter(claimable(now))
        .order_by_asc(job::Column::CreatedAt)
        .limit(5)
        .all(db)
        .await?;
    let server = db.caches.instance;
    for candidate in candidates {
        let claimed = job::Entity::update_many()
            .col_expr(job::Column::State, Expr::value(JobState::Running.code()))
            .col_expr(job::Column::ClaimedBy, Expr::value(server))
            .col_expr(job::Column::LeaseUntil, Expr::value(lease_end(now)))
            .col_expr(job::Column::Runs, Expr::col(job::Column::Runs).add(1))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(candidate.id))
            .filter(claimable(now))
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(Some(Claim {
                id: candidate.id,
                kind: JobKind::from_code(&candidate.kind),
                owner: candidate.owner_id,
                input: candidate.input,
                work: candidate.work,
                server,
            }));
        }
    }
    Ok(None)
}

impl Claim {
    /// The same claim without the job's input and work (for renewing it beside the work).
    fn without_input(&self) -> Self {
        Self {
            id: self.id,
            kind: self.kind,
            owner: self.owner,
            input: String::new(),
            work: String::new(),
            server: self.server,
        }
    }

    /// Checks the job again, as its sender is now (the directory may have changed since it
    /// was accepted): what `check` found, or `None` once the job has failed because the
    /// sender may no longer act or the check refused it.
    pub async fn recheck<T, E>(
        &self,
        db: &Db,
        check: impl AsyncFnOnce(&Actor) -> Result<T, E>,
    ) -> Result<Option<T>, E>
    where
        E: Refusal + From<DbErr>,
    {
        let Some(actor) = actors::of_user(db, self.owner, Uuid::nil()).await? else {
            self.fail(db, &no_longer_allowed()).await?;
            return Ok(None);
        };
        match check(&actor).await {
            Ok(found) => Ok(Some(found)),
            Err(e) => match e.refusal() {
                Some(problems) => {
                    self.fail(db, &problems).await?;
                    Ok(None)
                }
                None => Err(e),
            },
        }
    }

    fn held(&self) -> Condition {
        Condition::all()
            .add(job::Column::Id.eq(self.id))
            .add(job::Column::ClaimedBy.eq(self.server))
            .add(job::Column::State.eq(JobState::Running.code()))
    }

    /// Keeps the claim for another [`LEASE`]; `false` when another server has taken it.
    pub async fn renew(&self, db: &Db) -> Result<bool, DbErr> {
        let now = Utc::now();
        let renewed = job::Entity::update_many()
            .col_expr(job::Column::LeaseUntil, Expr::value(lease_end(now)))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(self.held())
            .exec(db)
            .await?;
        Ok(renewed.rows_affected == 1)
    }

    /// Records `done` steps and what a resumed run need not redo; `false` when another
    /// server has taken the job.
    pub async fn progress(&self, db: &Db, done: u32, work: String) -> Result<bool, DbErr> {
        let now = Utc::now();
        let written = job::Entity::update_many()
            .col_expr(
                job::Column::Done,
                Expr::value(i32::try_from(done).unwrap_or(i32::MAX)),
            )
            .col_expr(job::Column::Work, Expr::value(work))
            .col_expr(job::Column::LeaseUntil, Expr::value(lease_end(now)))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(self.held())
            .exec(db)
            .await?;
        Ok(written.rows_affected == 1)
    }

    /// Ends the job as done with `result`, inside `txn` (the transaction that applies its
    /// effect); `false` when this server no longer holds it, and the caller must roll back.
    pub async fn finish<C: ConnectionTrait>(
        &self,
        txn: &C,
        total: u32,
        result: String,
    ) -> Result<bool, DbErr> {
        self.end(txn, JobState::Done, total, Some(result), None)
            .await
    }

    /// Ends the job as failed with `problems` (nothing was changed).
    pub async fn fail(&self, db: &Db, problems: &[shared::FieldProblem]) -> Result<(), DbErr> {
        let worded = Problems {
            vi: problems.iter().map(|p| p.word(Locale::Vi)).collect(),
            en: problems.iter().map(|p| p.word(Locale::En)).collect(),
        };
        let worded = serde_json::to_string(&worded).unwrap_or_default();
        self.end(db, JobState::Failed, 0, None, Some(worded))
            .await
            .map(|_| ())
    }

    async fn end<C: ConnectionTrait>(
        &self,
        conn: &C,
        state: JobState,
        done: u32,
        result: Option<String>,
        problems: Option<String>,
    ) -> Result<bool, DbErr> {
        let now = Utc::now();
        let mut update = job::Entity::update_many()
            .col_expr(job::Column::State, Expr::value(state.code()))
            .col_expr(job::Column::Input, Expr::value(String::new()))
            .col_expr(job::Column::Work, Expr::value(String::new()))
            .col_expr(job::Column::Result, Expr::value(result))
            .col_expr(job::Column::Problems, Expr::value(problems))
            .col_expr(
                job::Column::LeaseUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .col_expr(job::Column::FinishedAt, Expr::value(Some(now)));
        if state == JobState::Done {
            update = update.col_expr(
                job::Column::Done,
                Expr::value(i32::try_from(done).unwrap_or(i32::MAX)),
            );
        }
        let ended = update.filter(self.held()).exec(conn).await?;
        Ok(ended.rows_affected == 1)
    }
}
