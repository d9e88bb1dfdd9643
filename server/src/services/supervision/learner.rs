//! One learner's record for their supervisor (or for themselves): every piece of evidence,
//! voided ones included and marked, newest first; their needs and the courses for them.

use crate::store::Db;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::evidence::report::{EvidenceItem, LearnerRecord};
use shared::evidence::{Phase, Source};
use uuid::Uuid;

use super::SupervisionError;
use super::gains::competency_refs;
use super::needs;
use crate::entities::{competency_evidence, org_unit, position, user};
use crate::services::actors::Actor;

/// Pieces of evidence listed at most.
pub const LISTED: u64 = 500;

pub async fn record(
    db: &Db,
    actor: &Actor,
    learner: Uuid,
) -> Result<LearnerRecord, SupervisionError> {
    // The needs check the actor's right to see this learner.
    let (needs, recommendations) = needs::of_learner(db, actor, learner).await?;
    let person = user::Entity::find_by_id(learner)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let rows = competency_evidence::Entity::find()
        .filter(competency_evidence::Column::UserId.eq(learner))
        .order_by_desc(competency_evidence::Column::ObservedAt)
        .order_by_desc(competency_evidence::Column::RecordedAt)
        .all(db)
        .await?;
    let refs = competency_refs(db, rows.iter().map(|r| r.competency_id).collect()).await?;
    let mut raters: Vec<Uuid> = rows.iter().filter_map(|r| r.rater_id).collect();
    raters.sort_unstable();
    raters.dedup();
    let names: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(raters))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.full_name))
        .collect();
    let evidence = rows
        .into_iter()
        .take(usize::try_from(LISTED).unwrap_or(usize::MAX))
        .filter_map(|r| {
            Some(EvidenceItem {
                id: r.id,
                competency: refs.get(&r.competency_id)?.1.clone(),
                source: Source::from_code(&r.source)?,
                phase: Phase::from_code(&r.phase)?,
                level: u8::try_from(r.level).ok()?,
                rater: r.rater_id.and_then(|id| names.get(&id).cloned()),
                cohort_id: r.cohort_id,
                observed_on: r.observed_at.date_naive().to_string(),
                voided_on: r.voided_at.map(|d| d.date_naive().to_string()),
                void_reason: r.void_reason,
            })
        })
        .collect();
    let unit = match person.org_unit_id {
        Some(id) => org_unit::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|u| u.name),
        None => None,
    };
    let position = match person.position_id {
        Some(id) => position::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| shared::L10n::new(&p.name_vi, &p.name_en)),
        None => None,
    };
    Ok(LearnerRecord {
        user_id: person.id,
        full_name: person.full_name,
        org_unit: unit,
        position,
        evidence,
        needs,
        recommendations,
    })
}
