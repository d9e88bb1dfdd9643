//! Training needs: the gap between what a position requires of each competency and the
//! learner's current level (`competency_current`, by the rule in `shared::evidence`). For a
//! learner: each requirement with its gap; for an org unit: a heat map of its children (or
//! itself) × competencies and the gaps ranked over everyone in it, computed in SQL. Then the
//! published courses that work on the gaps, leaving out courses the learner has finished.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryResult,
    Value,
};
use shared::L10n;
use shared::evidence::Source;
use shared::evidence::report::{
    CompetencyRef, LearnerNeed, MAX_PEOPLE, MIN_GROUP, NeedCell, NeedsReport, OpenCohort,
    PersonGap, RankedGap, Recommendation, ReportFilter, UnitRef,
};
use uuid::Uuid;

use super::gains::competency_refs;
use super::{Conditions, SupervisionError, person_conditions, reach, scope_conditions};
use crate::entities::{
    certificate, cohort, competency, competency_current, course, org_unit, position_profile, user,
};
use crate::services::actors::Actor;
use crate::services::attempts;
use crate::services::evidence::learner_path;
use crate::services::policy::{self, Action};
use crate::sql::{placeholders, statement};

/// Gaps the recommendations are drawn for.
const TOP_GAPS: usize = 5;

fn count(condition: &str) -> String {
    format!("CAST(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)")
}

const AGGREGATES: &str = "CAST(COUNT(*) AS BIGINT) AS required, \
     CAST(COUNT(cur.level) AS BIGINT) AS assessed";

fn aggregates() -> String {
    format!(
        "{AGGREGATES}, {} AS below, \
         CAST(SUM(CASE WHEN cur.level < r.required_level \
             THEN r.required_level - cur.level ELSE 0 END) AS DOUBLE PRECISION) AS gap_sum",
        count("cur.level < r.required_level")
    )
}

const PEOPLE_FROM: &str = "FROM users u \
     LEFT JOIN org_units o ON o.id = u.org_unit_id \
     JOIN position_profiles r ON r.position_id = u.position_id \
     LEFT JOIN competency_current cur ON cur.user_id = u.id AND cur.competency_id = r.competency_id";

struct Tally {
    required: u64,
    assessed: u64,
    below: u64,
    mean_gap: Option<f64>,
    too_small: bool,
}

fn tally(row: &QueryResult) -> Result<Tally, DbErr> {
    let n = |c: &str| -> Result<u64, DbErr> {
        Ok(u64::try_from(row.try_get::<Option<i64>>("", c)?.unwrap_or(0)).unwrap_or(0))
    };
    let assessed = n("assessed")?;
    let gap_sum = row.try_get::<Option<f64>>("", "gap_sum")?.unwrap_or(0.0);
    let too_small = assessed < MIN_GROUP;
    Ok(Tally {
        required: n("required")?,
        assessed,
        below: if too_small { 0 } else { n("below")? },
        mean_gap: (!too_small).then(|| gap_sum / assessed as f64),
        too_small,
    })
}

/// The heat map's rows for `filter`: the chosen unit's children (or the unit itself when it
/// has none), the roots of the actor's reach, or the top of the tree.
async fn rows_for(
    db: &DatabaseConnection,
    reach: &Option<Vec<String>>,
    filter: &ReportFilter,
) -> Result<(Option<org_unit::Model>, Vec<org_unit::Model>), SupervisionError> {
    let chosen = match filter.org_unit {
        Some(id) => Some(super::unit_in_reach(db, reach, id).await?),
        None => match reach {
            Some(paths) if paths.len() == 1 => {
                org_unit::Entity::find()
                    .filter(org_unit::Column::Path.eq(paths[0].as_str()))
                    .one(db)
                    .await?
            }
            _ => None,
        },
    };
    let rows = match (&chosen, reach) {
        (Some(unit), _) => {
            let children = org_unit::Entity::find()
                .filter(org_unit::Column::ParentId.eq(unit.id))
                .all(db)
                .await?;
            if children.is_empty() {
                vec![unit.clone()]
            } else {
                children
            }
        }
        (None, Some(paths)) => {
            org_unit::Entity::find()
                .filter(org_unit::Column::Path.is_in(paths.clone()))
                .all(db)
                .await?
        }
        (None, None) => {
            org_unit::Entity::find()
                .filter(org_unit::Column::ParentId.is_null())
                .all(db)
                .await?
        }
    };
    // Training institutions hold lecturers, not cadres with a position profile.
    let mut rows: Vec<org_unit::Model> = rows
        .into_iter()
        .filter(|u| u.kind != shared::directory::OrgUnitKind::Institution.code())
        .collect();
    rows.sort_by_cached_key(|u| (shared::text::fold(&u.name), u.name.clone()));
    Ok((chosen, rows))
}

/// The training needs of the people of an org unit (the actor's reach by default).
pub async fn of_unit(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &ReportFilter,
) -> Result<NeedsReport, SupervisionError> {
    let reach = reach(actor)?;
    let (chosen, rows) = rows_for(db, &reach, filter).await?;
    let mut c = Conditions::default();
    c.push("u.disabled = ?", [false.into()]);
    scope_conditions(&reach, &mut c);
    person_conditions(db, &reach, filter, &mut c).await?;
    if let Some(competency) = filter.competency {
        c.push("r.competency_id = ?", [competency.into()]);
    }
    let backend = db.get_database_backend();
    // Each row gathers the units of its subtree.
    let ids: Vec<Value> = rows.iter().map(|u| u.id.into()).collect();
    let mapping = format!(
        "JOIN (SELECT d.id AS unit, w.id AS row_id FROM org_units d \
           JOIN org_units w ON d.path LIKE w.path || '%' WHERE w.id IN ({})) m \
         ON m.unit = u.org_unit_id",
        placeholders(ids.len())
    );
    let heat = format!(
        "SELECT m.row_id AS row_id, r.competency_id AS competency_id, {} \
         {PEOPLE_FROM} {mapping}{} GROUP BY m.row_id, r.competency_id",
        aggregates(),
        c.where_clause()
    );
    let mut values = ids;
    values.extend(c.values.iter().cloned());
    let cells_raw = db.query_all_raw(statement(backend, &heat, values)).await?;
    let mut cells = Vec::new();
    for row in &cells_raw {
        let t = tally(row)?;
        cells.push(NeedCell {
            unit_id: row.try_get("", "row_id")?,
            competency_id: row.try_get("", "competency_id")?,
            required: t.required,
            assessed: t.assessed,
            below: t.below,
            mean_gap: t.mean_gap,
            too_small: t.too_small,
        });
    }
    // The ranking covers everyone under the chosen unit (or the whole reach).
    let mut whole = c;
    if let Some(unit) = &chosen {
        whole.push("o.path LIKE ?", [format!("{}%", unit.path).into()]);
    }
    let ranked_sql = format!(
        "SELECT r.competency_id AS competency_id, {} {PEOPLE_FROM}{} GROUP BY r.competency_id",
        aggregates(),
        whole.where_clause()
    );
    let (whole_sql, whole_values) = (whole.where_clause(), whole.values.clone());
    let ranked_raw = db
        .query_all_raw(statement(backend, &ranked_sql, whole.values))
        .await?;
    let mut tallies = Vec::new();
    for row in &ranked_raw {
        let id: Uuid = row.try_get("", "competency_id")?;
        tallies.push((id, tally(row)?));
    }
    let mut ids: Vec<Uuid> = tallies.iter().map(|(id, _)| *id).collect();
    ids.extend(cells.iter().map(|c| c.competency_id));
    ids.sort_unstable();
    ids.dedup();
    let refs = competency_refs(db, ids).await?;
    let mut ranked: Vec<RankedGap> = tallies
        .into_iter()
        .filter_map(|(id, t)| {
            refs.get(&id).map(|(_, competency)| RankedGap {
                competency: competency.clone(),
                required: t.required,
                assessed: t.assessed,
                below: t.below,
                mean_gap: t.mean_gap,
                too_small: t.too_small,
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.mean_gap
            .unwrap_or(-1.0)
            .total_cmp(&a.mean_gap.unwrap_or(-1.0))
            .then(b.below.cmp(&a.below))
            .then(a.competency.code.cmp(&b.competency.code))
    });
    let gaps: Vec<Uuid> = ranked
        .iter()
        .filter(|g| g.mean_gap.is_some_and(|m| m > 0.0))
        .take(TOP_GAPS)
        .map(|g| g.competency.id)
        .collect();
    let recommendations = recommend(db, &gaps, None).await?;
    let people = people_below(db, &whole_sql, &whole_values, &gaps, &refs).await?;
    let mut competencies: Vec<&(i32, CompetencyRef)> = refs.values().collect();
    competencies.sort_by(|a, b| (a.0, &a.1.code).cmp(&(b.0, &b.1.code)));
    Ok(NeedsReport {
        unit: chosen.map(|u| UnitRef {
            id: u.id,
            name: u.name,
        }),
        rows: rows
            .into_iter()
            .map(|u| UnitRef {
                id: u.id,
                name: u.name,
            })
            .collect(),
        competencies: competencies.into_iter().map(|(_, c)| c.clone()).collect(),
        cells,
        ranked,
        recommendations,
        people,
    })
}

/// The people (under `where_sql`) below the required level in any of `gaps`.
async fn people_below(
    db: &DatabaseConnection,
    where_sql: &str,
    values: &[Value],
    gaps: &[Uuid],
    refs: &BTreeMap<Uuid, (i32, CompetencyRef)>,
) -> Result<Vec<PersonGap>, SupervisionError> {
    if gaps.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT u.id AS user_id, u.full_name AS full_name, o.name AS unit, \
           r.competency_id AS competency_id \
         {PEOPLE_FROM}{where_sql} AND cur.level < r.required_level \
           AND r.competency_id IN ({}) \
         ORDER BY u.full_name, u.id LIMIT {}",
        placeholders(gaps.len()),
        MAX_PEOPLE * TOP_GAPS
    );
    let mut all = values.to_vec();
    all.extend(gaps.iter().map(|g| Value::from(*g)));
    let rows = db
        .query_all_raw(statement(db.get_database_backend(), &sql, all))
        .await?;
    let mut people: Vec<PersonGap> = Vec::new();
    for row in &rows {
        let id: Uuid = row.try_get("", "user_id")?;
        let competency: Uuid = row.try_get("", "competency_id")?;
        let code = refs
            .get(&competency)
            .map(|(_, c)| c.code.clone())
            .unwrap_or_default();
        match people.iter_mut().find(|p| p.user_id == id) {
            Some(person) => person.competencies.push(code),
            None => people.push(PersonGap {
                user_id: id,
                full_name: row.try_get("", "full_name")?,
                org_unit: row.try_get("", "unit")?,
                competencies: vec![code],
            }),
        }
    }
    people.sort_by(|a, b| {
        b.competencies
            .len()
            .cmp(&a.competencies.len())
            .then(a.full_name.cmp(&b.full_name))
    });
    people.truncate(MAX_PEOPLE);
    Ok(people)
}

/// A learner's needs, most pressing first, and the courses for them. The learner sees their
/// own; supervisors and administrators those of their people.
pub async fn of_learner(
    db: &DatabaseConnection,
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
    db: &DatabaseConnection,
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
