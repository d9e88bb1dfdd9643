//! Training needs: the gap between what a position requires of each competency and the
//! learner's current level (`competency_current`, by the rule in `shared::evidence`). For a
//! learner: each requirement with its gap, and the published courses that work on the gaps,
//! leaving out courses the learner has finished. For an org unit: `unit::of_unit`.

use crate::store::Db;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::L10n;
use shared::evidence::Source;
use shared::evidence::report::{LearnerNeed, OpenCohort, Recommendation};
use uuid::Uuid;

use super::SupervisionError;
use super::gains::competency_refs;
use crate::entities::{
    certificate, cohort, competency, competency_current, course, position_profile, user,
};
use crate::services::actors::Actor;
use crate::services::attempts;
use crate::services::evidence::learner_path;
use crate::services::policy::{self, Action};

pub use super::unit::of_unit;

/// A learner's needs, most pressing first, and the courses for them. The learner sees their
/// own; supervisors and administrators those of their people.
pub async fn of_learner(
    db: &Db,
    actor: &Actor,
    learner: Uuid,
) -> Result<(Vec<LearnerNeed>, Vec<Recommendation>), SupervisionError> {
    let path = learner_path(db, learner)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if learner != actor.me.id && !policy::allows(actor, Action::ViewEvidence, path.as_deref()) {
        return Err(SupervisionError::NotFound);
    }
    let person = user::Entity::find_by_id(learner)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let Some(position) = person.position_id else {
        return Ok((Vec::new(), Vec::new()));
    };
    let profile = position_profile::Entity::find()
        .filter(position_profile::Column::PositionId.eq(position))
        .all(db)
        .await?;
    let current: HashMap<Uuid, competency_current::Model> = competency_current::Entity::find()
        .filter(competency_current::Column::UserId.eq(learner))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.competency_id, c))
        .collect();
    let refs = competency_refs(db, profile.iter().map(|p| p.competency_id).collect()).await?;
    let mut needs: Vec<(i32, LearnerNeed)> = profile
        .iter()
        .filter_map(|p| {
            let (position, competency) = refs.get(&p.competency_id)?;
            let now = current.get(&p.competency_id);
            let required = u8::try_from(p.required_level).unwrap_or(0);
            Some((
                *position,
                LearnerNeed {
                    competency: competency.clone(),
                    required,
                    current: now.map(|c| c.level),
                    source: now.and_then(|c| Source::from_code(&c.source)),
                    gap: now.map(|c| (f64::from(required) - c.level).max(0.0)),
                },
            ))
        })
        .collect();
    needs.sort_by(|(pa, a), (pb, b)| {
        b.gap
            .unwrap_or(-1.0)
            .total_cmp(&a.gap.unwrap_or(-1.0))
            .then(pa.cmp(pb))
    });
    let gaps: Vec<Uuid> = needs
        .iter()
        .filter(|(_, n)| n.gap.is_some_and(|g| g > 0.0))
        .map(|(_, n)| n.competency.id)
        .collect();
    let recommendations = recommend(db, &gaps, Some(learner)).await?;
    Ok((needs.into_iter().map(|(_, n)| n).collect(), recommendations))
}

/// Published courses working on any of `gaps` (by the competencies their latest version's
/// questions are tagged with), with their open cohorts; for a learner, leaving out courses
/// they hold a certificate of. Courses working on more gaps come first.
pub async fn recommend(
    db: &Db,
    gaps: &[Uuid],
    learner: Option<Uuid>,
) -> Result<Vec<Recommendation>, SupervisionError> {
    if gaps.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: BTreeMap<Uuid, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(gaps.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let finished: BTreeSet<Uuid> = match learner {
        Some(learner) => {
            let cohorts: Vec<Uuid> = certificate::Entity::find()
                .filter(certificate::Column::UserId.eq(learner))
                .all(db)
                .await?
                .into_iter()
                .map(|c| c.cohort_id)
                .collect();
            cohort::Entity::find()
                .filter(cohort::Column::Id.is_in(cohorts))
                .all(db)
                .await?
                .into_iter()
                .map(|c| c.course_id)
                .collect()
        }
        None => BTreeSet::new(),
    };
    let frameworks: BTreeSet<Uuid> = wanted.values().map(|c| c.framework_id).collect();
    let courses = course::Entity::find()
        .filter(course::Column::LatestVersion.gt(0))
        .filter(course::Column::FrameworkId.is_in(frameworks))
        .all(db)
        .await?;
    let today = Utc::now().date_naive();
    let mut found = Vec::new();
    for c in courses {
        if finished.contains(&c.id) {
            continue;
        }
        let package = match attempts::published(db, c.id, c.latest_version).await {
            Ok(p) => p,
            Err(_) => continue,
        };
        let codes = package.competency_codes();
        let hits: Vec<String> = wanted
            .values()
            .filter(|w| w.framework_id == c.framework_id && codes.contains(w.code.as_str()))
            .map(|w| w.code.clone())
            .collect();
        if hits.is_empty() {
            continue;
        }
        let cohorts = cohort::Entity::find()
            .filter(cohort::Column::CourseId.eq(c.id))
            .filter(cohort::Column::EndsOn.gte(today))
            .all(db)
            .await?
            .into_iter()
            .map(|k| OpenCohort {
                id: k.id,
                title: L10n::new(&k.title_vi, &k.title_en),
                starts_on: k.starts_on.to_string(),
                ends_on: k.ends_on.to_string(),
            })
            .collect();
        found.push(Recommendation {
            course_id: c.id,
            title: L10n::new(&c.title_vi, &c.title_en),
            competencies: hits,
            cohorts,
        });
    }
    found.sort_by(|a, b| {
        b.competencies
            .len()
            .cmp(&a.competencies.len())
            .then(a.title.vi.cmp(&b.title.vi))
    });
    Ok(found)
}
