//! The training needs of an org unit's people: a heat map of the unit's parts (its
//! children, or the unit itself when it has none) × competencies, the gaps ranked over the
//! whole unit, the courses for the largest gaps and the people below the required level in
//! them. Two grouped SQL passes do the counting — people per unit and position (for how
//! many a competency is required of), and current levels per row, competency, required
//! level and level (a few thousand rows however many people) — and the shortfalls are
//! added up from those counts.

use crate::store::Db;
use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Value};
use shared::evidence::report::{
    CompetencyRef, MIN_GROUP, NeedCell, NeedsReport, RankedGap, ReportFilter, UnitRef,
};
use uuid::Uuid;

use super::gains::competency_refs;
use super::needs::recommend;
use super::{Conditions, SupervisionError, person_conditions, reach, unit_in_reach};
use crate::entities::org_unit;
use crate::services::actors::Actor;
use crate::sql::statement;

/// Gaps the recommendations are drawn for.
const TOP_GAPS: usize = 5;

/// Above this many units (a country rather than a province) people are not listed for
/// enrolment: choosing a unit lists them.
const MAX_UNITS_FOR_PEOPLE: usize = 1_000;

/// The heat map's rows for `filter`: the chosen unit's children (or the unit itself when it
/// has none), the roots of the actor's reach, or the top of the tree; training
/// institutions left out (they hold lecturers, not cadres with a position profile). With
/// the rows, the chosen unit when its own people (not in any child) must be counted too.
async fn rows_for(
    db: &Db,
    reach: &Option<Vec<String>>,
    filter: &ReportFilter,
) -> Result<(Option<org_unit::Model>, Vec<org_unit::Model>), SupervisionError> {
    // The unit looked at: the one asked for, else the one root of the reach (or of the
    // whole tree).
    let chosen = match filter.org_unit {
        Some(id) => Some(unit_in_reach(db, reach, id).await?),
        None => {
            let roots = match reach {
                Some(paths) => {
                    org_unit::Entity::find()
                        .filter(org_unit::Column::Path.is_in(paths.clone()))
                        .all(db)
                        .await?
                }
                None => {
                    org_unit::Entity::find()
                        .filter(org_unit::Column::ParentId.is_null())
                        .all(db)
                        .await?
                }
            };
            if roots.len() == 1 {
                roots.into_iter().next()
            } else {
                None
            }
        }
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
    let mut rows: Vec<org_unit::Model> = rows
        .into_iter()
        .filter(|u| u.kind != shared::directory::OrgUnitKind::Institution.code())
        .collect();
    rows.sort_by_cached_key(|u| (shared::text::fold(&u.name), u.name.clone()));
    Ok((chosen, rows))
}

/// Shortfalls counted for one cell.
#[derive(Default)]
struct Tally {
    required: u64,
    assessed: u64,
    below: u64,
    gap_sum: f64,
}

impl Tally {
    fn absorb(&mut self, other: &Tally) {
        self.required += other.required;
        self.assessed += other.assessed;
        self.below += other.below;
        self.gap_sum += other.gap_sum;
    }

    /// (mean gap, too small) under the small-group rule.
    fn mean(&self) -> (Option<f64>, bool) {
        let too_small = self.assessed < MIN_GROUP;
        (
            (!too_small).then(|| self.gap_sum / self.assessed as f64),
            too_small,
        )
    }
}

fn n(row: &sea_orm::QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(u64::try_from(row.try_get::<Option<i64>>("", column)?.unwrap_or(0)).unwrap_or(0))
}

/// Which heat-map row each unit counts in: the row whose subtree holds it (the chosen
/// unit's own people in its own row). Worked out here and handed to the database as a
/// list of `(unit, row)` pairs, so it knows exactly how many units it joins.
struct Mapping {
    /// `unit, row` ids, two per unit.
    values: Vec<Value>,
    units: usize,
}

impl Mapping {
    fn of(everything: &[org_unit::Model], rows: &[org_unit::Model], own_row: Option<Uuid>) -> Self {
        let mut values = Vec::new();
        let mut units = 0;
        for unit in everything {
            let row = rows
                .iter()
                .find(|r| unit.path.starts_with(r.path.as_str()))
                .map(|r| r.id)
                .or_else(|| own_row.filter(|own| *own == unit.id));
            if let Some(row) = row {
                values.push(unit.id.into());
                values.push(row.into());
                units += 1;
            }
        }
        Self { values, units }
    }

    /// The mapping as a derived table `m(unit, row_id)`.
    fn table(&self) -> String {
        format!(
            "(SELECT column1 AS unit, column2 AS row_id FROM (VALUES {}) AS v) m",
            vec!["(?, ?)"; self.units].join(", ")
        )
    }
}

/// The shortfalls per (row, competency), from two grouped counts run side by side: how
/// many people each competency is required of, and their current levels.
async fn tally(
    db: &Db,
    reach: &Option<Vec<String>>,
    filter: &ReportFilter,
    mapping: &Mapping,
) -> Result<HashMap<(Uuid, Uuid), Tally>, SupervisionError> {
    let table = mapping.table();
    // Unit and scope are in the mapping; these narrow by region, position, competency.
    let narrowing = ReportFilter {
        org_unit: None,
        ..filter.clone()
    };
    // How many people each competency is required of: people per unit and position first.
    let mut people = Conditions::default();
    people.push("u.disabled = ?", [false.into()]);
    person_conditions(
        db,
        reach,
        &narrowing,
        ("u.org_unit_id", "u.position_id"),
        &mut people,
    )
    .await?;
    let mut required_where = String::new();
    let mut required_values = Vec::new();
    if let Some(competency) = filter.competency {
        required_where = " WHERE r.competency_id = ?".into();
        required_values.push(Value::from(competency));
    }
    let required_sql = format!(
        "SELECT m.row_id AS row_id, r.competency_id AS competency_id, \
           CAST(SUM(g.people) AS BIGINT) AS required \
         FROM (SELECT u.org_unit_id AS unit, u.position_id AS position, \
                 CAST(COUNT(*) AS BIGINT) AS people \
               FROM users u{} \
               GROUP BY u.org_unit_id, u.position_id) g \
         JOIN position_profiles r ON r.position_id = g.position \
         JOIN {table} ON m.unit = g.unit{required_where} \
         GROUP BY m.row_id, r.competency_id",
        people.where_clause()
    );
    // Current levels of those people, counted per row, competency, requirement and level.
    let mut levels = Conditions::default();
    person_conditions(
        db,
        reach,
        &narrowing,
        ("cur.org_unit_id", "cur.position_id"),
        &mut levels,
    )
    .await?;
    if let Some(competency) = filter.competency {
        levels.push("r.competency_id = ?", [competency.into()]);
    }
    let levels_sql = format!(
        "SELECT m.row_id AS row_id, r.competency_id AS competency_id, \
           r.required_level AS required_level, cur.level AS level, CAST(COUNT(*) AS BIGINT) AS n \
         FROM competency_current cur \
         JOIN position_profiles r ON r.position_id = cur.position_id \
           AND r.competency_id = cur.competency_id \
         JOIN {table} ON m.unit = cur.org_unit_id{} \
         GROUP BY m.row_id, r.competency_id, r.required_level, cur.level",
        levels.where_clause()
    );
    let mut required_all = people.values.clone();
    required_all.extend(mapping.values.iter().cloned());
    required_all.extend(required_values);
    let mut levels_all = mapping.values.clone();
    levels_all.extend(levels.values.iter().cloned());
    let backend = db.get_database_backend();
    // The two counts run side by side, on two connections.
    let (required_rows, level_rows) = tokio::try_join!(
        db.query_all_raw(statement(backend, &required_sql, required_all)),
        db.query_all_raw(statement(backend, &levels_sql, levels_all)),
    )?;
    let mut tallies: HashMap<(Uuid, Uuid), Tally> = HashMap::new();
    for row in &required_rows {
        let key = (
            row.try_get("", "row_id")?,
            row.try_get("", "competency_id")?,
        );
        tallies.entry(key).or_default().required = n(row, "required")?;
    }
    for row in &level_rows {
        let key = (
            row.try_get("", "row_id")?,
            row.try_get("", "competency_id")?,
        );
        let required = f64::from(row.try_get::<i32>("", "required_level")?);
        let level: f64 = row.try_get("", "level")?;
        let count = n(row, "n")?;
        let tally = tallies.entry(key).or_default();
        tally.assessed += count;
        if level < required {
            tally.below += count;
            tally.gap_sum += (required - level) * count as f64;
        }
    }
    Ok(tallies)
}

/// The heat map's cells, and the tallies summed per competency over every row.
fn cells(tallies: &HashMap<(Uuid, Uuid), Tally>) -> (Vec<NeedCell>, BTreeMap<Uuid, Tally>) {
    let mut whole: BTreeMap<Uuid, Tally> = BTreeMap::new();
    let mut cells = Vec::new();
    for ((row_id, competency_id), tally) in tallies {
        whole.entry(*competency_id).or_default().absorb(tally);
        let (mean_gap, too_small) = tally.mean();
        cells.push(NeedCell {
            unit_id: *row_id,
            competency_id: *competency_id,
            required: tally.required,
            assessed: tally.assessed,
            below: if too_small { 0 } else { tally.below },
            mean_gap,
            too_small,
        });
    }
    (cells, whole)
}

/// The gaps over the whole unit, largest mean shortfall first.
fn ranked(
    whole: &BTreeMap<Uuid, Tally>,
    refs: &BTreeMap<Uuid, (i32, CompetencyRef)>,
) -> Vec<RankedGap> {
    let mut ranked: Vec<RankedGap> = whole
        .iter()
        .filter_map(|(id, t)| {
            let (mean_gap, too_small) = t.mean();
            refs.get(id).map(|(_, competency)| RankedGap {
                competency: competency.clone(),
                required: t.required,
                assessed: t.assessed,
                below: if too_small { 0 } else { t.below },
                mean_gap,
                too_small,
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
    ranked
}

fn unit_ref(unit: org_unit::Model) -> UnitRef {
    UnitRef {
        id: unit.id,
        name: unit.name,
    }
}

/// The training needs of the people of an org unit (the actor's reach by default).
pub async fn of_unit(
    db: &Db,
    actor: &Actor,
    filter: &ReportFilter,
) -> Result<NeedsReport, SupervisionError> {
    let reach = reach(actor)?;
    let (chosen, rows) = rows_for(db, &reach, filter).await?;
    let own_row = chosen
        .as_ref()
        .filter(|c| !rows.iter().any(|r| r.id == c.id))
        .map(|c| c.id);
    let everything = org_unit::Entity::find().all(db).await?;
    let mapping = Mapping::of(&everything, &rows, own_row);
    if mapping.units == 0 {
        return Ok(NeedsReport {
            unit: chosen.map(unit_ref),
            rows: Vec::new(),
            competencies: Vec::new(),
            cells: Vec::new(),
            ranked: Vec::new(),
            recommendations: Vec::new(),
            people: Vec::new(),
        });
    }
    let tallies = tally(db, &reach, filter, &mapping).await?;
    let (mut cells, whole) = cells(&tallies);
    let refs = competency_refs(db, whole.keys().copied().collect()).await?;
    let ranked = ranked(&whole, &refs);
    let gaps: Vec<Uuid> = ranked
        .iter()
        .filter(|g| g.mean_gap.is_some_and(|m| m > 0.0))
        .take(TOP_GAPS)
        .map(|g| g.competency.id)
        .collect();
    let recommendations = recommend(db, &gaps, None).await?;
    // People are listed for a province or smaller, not for the whole country.
    let people = if mapping.units <= MAX_UNITS_FOR_PEOPLE {
        super::below::people_below(db, &mapping.table(), &mapping.values, &gaps, &refs).await?
    } else {
        Vec::new()
    };
    let mut shown: Vec<UnitRef> = rows.into_iter().map(unit_ref).collect();
    if let (Some(own), Some(unit)) = (own_row, &chosen)
        && cells.iter().any(|c| c.unit_id == own && c.required > 0)
    {
        shown.push(UnitRef {
            id: own,
            name: unit.name.clone(),
        });
    }
    cells.retain(|c| shown.iter().any(|r| r.id == c.unit_id));
    let mut competencies: Vec<&(i32, CompetencyRef)> = refs.values().collect();
    competencies.sort_by(|a, b| (a.0, &a.1.code).cmp(&(b.0, &b.1.code)));
    Ok(NeedsReport {
        unit: chosen.map(unit_ref),
        rows: shown,
        competencies: competencies.into_iter().map(|(_, c)| c.clone()).collect(),
        cells,
        ranked,
        recommendations,
        people,
    })
}
