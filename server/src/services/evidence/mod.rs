//! Competency evidence: levels for (learner, competency) from tests, ratings and imports.
//! Stored once per dedup key (a resent form, a re-imported row, a replayed attempt add
//! nothing), never edited, voided with a reason. Every write refreshes the derived tables
//! ([`derived`]) in the same transaction, so reports never see half of a change.

use crate::store::Db;
use shared::{FieldProblem, Problem};
use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set, TransactionTrait,
};
use shared::evidence::{Phase, Source};
use uuid::Uuid;

use crate::entities::{competency_evidence, org_unit, user};
use crate::services::actors::Actor;
use crate::services::policy::{self, Action};

pub mod derived;
pub mod from_tests;
pub mod import;

pub const MAX_VOID_REASON: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error("database error while handling competency evidence: {0}")]
    Database(#[from] DbErr),
    #[error("no such evidence")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("the evidence has problems")]
    Invalid(Vec<shared::FieldProblem>),
    #[error("this evidence is already void")]
    AlreadyVoid,
}

/// One level to record.
#[derive(Debug, Clone)]
pub struct NewEvidence {
    pub user_id: Uuid,
    pub competency_id: Uuid,
    pub source: Source,
    pub phase: Phase,
    pub level: i32,
    pub rater_id: Option<Uuid>,
    pub cohort_id: Option<Uuid>,
    pub attempt_id: Option<Uuid>,
    pub observed_at: DateTime<Utc>,
    pub recorded_by: Option<Uuid>,
    /// Equal for repeats of the same record; see the callers for what goes in it.
    pub dedup_key: String,
}

/// Which of `keys` are stored already.
pub async fn known_keys(
    db: &impl ConnectionTrait,
    keys: Vec<String>,
) -> Result<HashSet<String>, DbErr> {
    let mut known = HashSet::new();
    for chunk in keys.chunks(500) {
        let found: Vec<String> = competency_evidence::Entity::find()
            .select_only()
            .column(competency_evidence::Column::DedupKey)
            .filter(competency_evidence::Column::DedupKey.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        known.extend(found);
    }
    Ok(known)
}

/// Stores the items not stored before and refreshes the derived tables of their learners;
/// how many were new. Call inside a transaction.
pub async fn store(db: &impl ConnectionTrait, items: Vec<NewEvidence>) -> Result<u64, DbErr> {
    let known = known_keys(db, items.iter().map(|i| i.dedup_key.clone()).collect()).await?;
    let mut seen = HashSet::new();
    let fresh: Vec<NewEvidence> = items
        .into_iter()
        .filter(|i| !known.contains(&i.dedup_key) && seen.insert(i.dedup_key.clone()))
        .collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let mut learners: Vec<Uuid> = fresh.iter().map(|i| i.user_id).collect();
    learners.sort_unstable();
    learners.dedup();
    let added = fresh.len() as u64;
    let now = Utc::now();
    for chunk in fresh.chunks(200) {
        competency_evidence::Entity::insert_many(chunk.iter().map(|i| {
            competency_evidence::ActiveModel {
                id: Set(Uuid::new_v4()),
                user_id: Set(i.user_id),
                competency_id: Set(i.competency_id),
                source: Set(i.source.code().into()),
                phase: Set(i.phase.code().into()),
                level: Set(i.level),
                rater_id: Set(i.rater_id),
                cohort_id: Set(i.cohort_id),
                attempt_id: Set(i.attempt_id),
                observed_at: Set(i.observed_at),
                recorded_at: Set(now),
                recorded_by: Set(i.recorded_by),
                dedup_key: Set(i.dedup_key.clone()),
                voided_at: Set(None),
                voided_by: Set(None),
                void_reason: Set(None),
            }
        }))
        .on_conflict(
            OnConflict::column(competency_evidence::Column::DedupKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    derived::refresh(db, Some(&learners)).await?;
    Ok(added)
}

/// The org path of a learner, if they exist.
pub async fn learner_path(
    db: &impl ConnectionTrait,
    learner: Uuid,
) -> Result<Option<Option<String>>, DbErr> {
    let Some(found) = user::Entity::find_by_id(learner).one(db).await? else {
        return Ok(None);
    };
    let path = match found.org_unit_id {
        Some(unit) => org_unit::Entity::find_by_id(unit)
            .one(db)
            .await?
            .map(|u| u.path),
        None => None,
    };
    Ok(Some(path))
}

/// Voids one piece of evidence: it stays, marked with who voided it, when and why, and no
/// longer counts. Administrators and supervisors of the learner's unit may void; so may
/// whoever recorded it.
pub async fn void(db: &Db, actor: &Actor, id: Uuid, reason: &str) -> Result<(), EvidenceError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_VOID_REASON {
        return Err(EvidenceError::Invalid(vec![FieldProblem::new(
            "reason",
            Problem::SayWhy {
                max: MAX_VOID_REASON,
            },
        )]));
    }
    let txn = db.begin().await?;
    let row = competency_evidence::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(EvidenceError::NotFound)?;
    let path = learner_path(&txn, row.user_id)
        .await?
        .ok_or(EvidenceError::NotFound)?;
    if !policy::allows(actor, Action::ViewEvidence, path.as_deref()) {
        return Err(EvidenceError::NotFound);
    }
    let own = row.recorded_by == Some(actor.me.id) || row.rater_id == Some(actor.me.id);
    if !own && !policy::allows(actor, Action::RecordEvidence, path.as_deref()) {
        return Err(EvidenceError::Forbidden);
    }
    if row.voided_at.is_some() {
        return Err(EvidenceError::AlreadyVoid);
    }
    let learner = row.user_id;
    let mut active: competency_evidence::ActiveModel = row.into();
    active.voided_at = Set(Some(Utc::now()));
    active.voided_by = Set(Some(actor.me.id));
    active.void_reason = Set(Some(reason.to_owned()));
    active.update(&txn).await?;
    derived::refresh(&txn, Some(&[learner])).await?;
    txn.commit().await?;
    Ok(())
}
