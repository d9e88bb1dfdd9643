//! One cohort through Kirkpatrick's levels for the viewer's people: the survey's means
//! (reaction), and the gain table of the cohort (tests for learning, the supervisor's
//! follow-ups for behaviour). Only learners in the viewer's reach count.

use crate::store::Db;
use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::L10n;
use shared::course::ActivityBody;
use shared::evidence::kirkpatrick::{KirkpatrickSummary, reaction};
use shared::evidence::report::ReportFilter;
use uuid::Uuid;

use super::{SupervisionError, gains, reach};
use crate::entities::{attempt, cohort, enrolment, org_unit, user};
use crate::services::actors::Actor;
use crate::services::{attempts, cohorts};

pub async fn summary(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
) -> Result<KirkpatrickSummary, SupervisionError> {
    let reach = reach(actor)?;
    let row = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    // The cohort's learners inside the reach.
    let enrolled: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let mut people = Vec::new();
    for chunk in enrolled.chunks(500) {
        people.extend(
            user::Entity::find()
                .filter(user::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    let units: BTreeMap<Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(people.iter().filter_map(|p| p.org_unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.path))
        .collect();
    let mine: Vec<Uuid> = people
        .iter()
        .filter(|p| match &reach {
            None => true,
            Some(roots) => p
                .org_unit_id
                .and_then(|u| units.get(&u))
                .is_some_and(|path| roots.iter().any(|r| path.starts_with(r.as_str()))),
        })
        .map(|p| p.id)
        .collect();
    if mine.is_empty() && reach.is_some() {
        return Err(SupervisionError::NotFound);
    }
    let package = attempts::package_of(db, &row)
        .await
        .map_err(|_| SupervisionError::NotFound)?;
    let lecturers = cohorts::lecturers(db, row.id).await?;
    let mut reaction_rows = Vec::new();
    let mut respondents = 0;
    for activity in package.activities() {
        let ActivityBody::Survey(survey) = &activity.body else {
            continue;
        };
        let mut answers = Vec::new();
        for chunk in mine.chunks(500) {
            for a in attempt::Entity::find()
                .filter(attempt::Column::CohortId.eq(row.id))
                .filter(attempt::Column::ActivityId.eq(activity.id.as_str()))
                .filter(attempt::Column::UserId.is_in(chunk.to_vec()))
                .filter(attempt::Column::OverLimit.eq(false))
                .all(db)
                .await?
            {
                if let Ok(map) = serde_json::from_str::<BTreeMap<String, String>>(&a.responses) {
                    answers.push(map);
                }
            }
        }
        respondents = respondents.max(answers.len() as u64);
        reaction_rows.extend(reaction(survey, &answers, &lecturers));
    }
    let filter = ReportFilter {
        cohort: Some(row.id),
        ..ReportFilter::default()
    };
    let gains = gains::report(db, actor, &filter).await?;
    Ok(KirkpatrickSummary {
        cohort_id: row.id,
        title: L10n::new(&row.title_vi, &row.title_en),
        starts_on: row.starts_on.to_string(),
        ends_on: row.ends_on.to_string(),
        learners: mine.len() as u64,
        respondents,
        reaction: reaction_rows,
        gains,
    })
}
