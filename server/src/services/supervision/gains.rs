//! The gain table: for each competency and [`Comparison`], one SQL pass over
//! `competency_pairs` counts the learners with each distinct combination of levels (a few
//! hundred rows however many learners), the sufficient statistics are added up from those
//! counts, then `shared::gain::gain` on them. Also the mean gap between self and supervisor ratings, and
//! the learners behind one row (only for groups of at least `MIN_GROUP`).

use crate::store::Db;
use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryResult};
use shared::L10n;
use shared::evidence::report::{
    Comparison, CompetencyRef, GainReport, GainRow, LearnerChange, MIN_GROUP, RatingGap,
    ReportFilter,
};
use shared::evidence::{Lens, Phase};
use shared::gain::{Gain, Scale, Summary, gain};
use uuid::Uuid;

use super::{SupervisionError, conditions};
use crate::entities::competency;
use crate::services::actors::Actor;
use crate::sql::{placeholders, statement};

/// The pairs column holding a phase's level.
pub fn column(phase: Phase) -> &'static str {
    match phase {
        Phase::Before => "before",
        Phase::After => "after",
        Phase::FollowUp30 => "follow_up_30",
        Phase::FollowUp90 => "follow_up_90",
    }
}

/// The later phases compared with `before`.
const LATER: [Phase; 3] = [Phase::After, Phase::FollowUp30, Phase::FollowUp90];

/// `FROM` and joins shared by the reports over pairs rows `p` (the unit, for scope).
pub const PAIRS_FROM: &str = "FROM competency_pairs p \
     LEFT JOIN org_units o ON o.id = p.org_unit_id";

fn count(condition: &str) -> String {
    format!("CAST(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)")
}

fn u(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(u64::try_from(row.try_get::<Option<i64>>("", column)?.unwrap_or(0)).unwrap_or(0))
}

fn f(row: &QueryResult, column: &str) -> Result<f64, DbErr> {
    Ok(row.try_get::<Option<f64>>("", column)?.unwrap_or(0.0))
}

/// The scale of each competency: its framework's top level and lowest proficient one.
async fn scales(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, Scale>, DbErr> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT c.id AS id, MAX(l.level) AS top, \
               MIN(CASE WHEN l.proficient THEN l.level END) AS bar \
             FROM competencies c JOIN competency_levels l ON l.framework_id = c.framework_id \
             WHERE c.id IN ({}) GROUP BY c.id",
            placeholders(chunk.len())
        );
        let values = chunk.iter().map(|id| (*id).into()).collect();
        for row in db
            .query_all_raw(statement(db.get_database_backend(), &sql, values))
            .await?
        {
            let top = row.try_get::<Option<i32>>("", "top")?.unwrap_or(0);
            let bar = row.try_get::<Option<i32>>("", "bar")?.unwrap_or(top);
            found.insert(
                row.try_get("", "id")?,
                Scale {
                    max: f64::from(top),
                    proficient: f64::from(bar),
                },
            );
        }
    }
    Ok(found)
}

/// Counts only: what a group too small to show keeps.
fn counts_only(g: Gain) -> Gain {
    Gain {
        n_before: g.n_before,
        n_after: g.n_after,
        n_paired: g.n_paired,
        attrition: None,
        mean_before: None,
        mean_after: None,
        mean_diff: None,
        sd_diff: None,
        ci_low: None,
        ci_high: None,
        p_value: None,
        cohens_dz: None,
        share_improved: None,
        hake_of_means: None,
        mean_individual_gain: None,
        at_maximum: 0,
        proficient_before: None,
        proficient_after: None,
        mcnemar: None,
    }
}

/// Competency ids → their reference, in framework order.
pub async fn competency_refs(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> Result<BTreeMap<Uuid, (i32, CompetencyRef)>, DbErr> {
    let mut found = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for c in competency::Entity::find()
            .filter(competency::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            found.insert(
                c.id,
                (
                    c.position,
                    CompetencyRef {
                        id: c.id,
                        code: c.code,
                        name: L10n::new(&c.name_vi, &c.name_en),
                    },
                ),
            );
        }
    }
    Ok(found)
}

/// A competency's scale and its sums for each later phase, through one lens.
type Measured = (Scale, Vec<(Phase, Summary)>);

/// Per competency and lens: its scale, and the before/later summaries of every later
/// phase, from the grouped counts (`before, after, 30 days, 90 days` levels, how many).
fn summarise(
    counted: Vec<(Uuid, Lens, [Option<f64>; 4], u64)>,
    scale_of: &HashMap<Uuid, Scale>,
) -> HashMap<(Uuid, Lens), Measured> {
    let mut by_key: HashMap<(Uuid, Lens), Measured> = HashMap::new();
    for (id, lens, levels, n) in counted {
        let Some(scale) = scale_of.get(&id).copied() else {
            continue;
        };
        let (_, sums) = by_key.entry((id, lens)).or_insert_with(|| {
            (
                scale,
                LATER.iter().map(|p| (*p, Summary::default())).collect(),
            )
        });
        for (k, (_, summary)) in sums.iter_mut().enumerate() {
            summary.add(levels[0], levels[k + 1], n, scale);
        }
    }
    by_key
}

/// The gain table: a row per competency (in the framework's order) and comparison that
/// has any measurement; a group below the small-group rule shows its counts only.
fn gain_rows(
    refs: &BTreeMap<Uuid, (i32, CompetencyRef)>,
    by_key: &HashMap<(Uuid, Lens), Measured>,
) -> Vec<GainRow> {
    let mut ordered: Vec<&(i32, CompetencyRef)> = refs.values().collect();
    ordered.sort_by(|a, b| (a.0, &a.1.code).cmp(&(b.0, &b.1.code)));
    let mut table = Vec::new();
    for (_, competency) in &ordered {
        for comparison in Comparison::ALL {
            let Some((scale, summaries)) = by_key.get(&(competency.id, comparison.lens)) else {
                continue;
            };
            let Some((_, s)) = summaries.iter().find(|(p, _)| *p == comparison.to) else {
                continue;
            };
            if s.n_before == 0 && s.n_after == 0 {
                continue;
            }
            let g = gain(s, *scale);
            let too_small = s.n_paired < MIN_GROUP;
            table.push(GainRow {
                competency: competency.clone(),
                comparison,
                scale: *scale,
                gain: if too_small { counts_only(g) } else { g },
                too_small,
            });
        }
    }
    table
}

/// The self–supervisor gaps, in the framework's order.
fn gap_rows(
    refs: &BTreeMap<Uuid, (i32, CompetencyRef)>,
    gaps: Vec<(Uuid, Phase, u64, f64)>,
) -> Vec<RatingGap> {
    let mut rating_gaps = Vec::new();
    for (id, phase, n, sum) in gaps {
        if let Some((_, competency)) = refs.get(&id) {
            let too_small = n < MIN_GROUP;
            rating_gaps.push(RatingGap {
                competency: competency.clone(),
                phase,
                n,
                mean: if too_small {
                    None
                } else {
                    shared::gain::mean_gap(sum, n)
                },
                too_small,
            });
        }
    }
    rating_gaps.sort_by_key(|g| {
        let position = refs.get(&g.competency.id).map_or(0, |(p, _)| *p);
        (position, g.competency.code.clone(), g.phase)
    });
    rating_gaps
}

/// The gain table and the self–supervisor gaps for the actor's people matching `filter`.
pub async fn report(
    db: &Db,
    actor: &Actor,
    filter: &ReportFilter,
) -> Result<GainReport, SupervisionError> {
    let c = conditions(db, actor, filter).await?;
    let sql = format!(
        "SELECT p.competency_id AS competency_id, p.lens AS lens, p.before AS before, \
           p.after AS after, p.follow_up_30 AS follow_up_30, p.follow_up_90 AS follow_up_90, \
           CAST(COUNT(*) AS BIGINT) AS n \
         {PAIRS_FROM}{} \
         GROUP BY p.competency_id, p.lens, p.before, p.after, p.follow_up_30, p.follow_up_90",
        c.where_clause(),
    );
    let backend = db.get_database_backend();
    // The counts and the self–supervisor gaps run side by side, on two connections.
    let (rows, gaps) = tokio::try_join!(
        db.query_all_raw(statement(backend, &sql, c.values.clone())),
        rating_gaps(db, &c),
    )?;
    let mut counted = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: Uuid = row.try_get("", "competency_id")?;
        let lens: String = row.try_get("", "lens")?;
        let Some(lens) = Lens::from_code(&lens) else {
            continue;
        };
        let levels = [
            row.try_get::<Option<f64>>("", "before")?,
            row.try_get::<Option<f64>>("", "after")?,
            row.try_get::<Option<f64>>("", "follow_up_30")?,
            row.try_get::<Option<f64>>("", "follow_up_90")?,
        ];
        counted.push((id, lens, levels, u(row, "n")?));
    }
    let mut ids: Vec<Uuid> = counted.iter().map(|(id, ..)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let by_key = summarise(counted, &scales(db, &ids).await?);
    ids.extend(gaps.iter().map(|(id, _, _, _)| *id));
    ids.sort_unstable();
    ids.dedup();
    let refs = competency_refs(db, ids).await?;
    let table = gain_rows(&refs, &by_key);
    let rating_gaps = gap_rows(&refs, gaps);
    Ok(GainReport {
        filter: filter.clone(),
        rows: table,
        gaps: rating_gaps,
    })
}

/// (competency, phase, n, Σ (self − supervisor)) over learners rated both ways.
async fn rating_gaps(
    db: &Db,
    c: &super::Conditions,
) -> Result<Vec<(Uuid, Phase, u64, f64)>, DbErr> {
    let phases = [Phase::Before, Phase::After];
    let columns: Vec<String> = phases
        .iter()
        .map(|phase| {
            let col = column(*phase);
            format!(
                "{} AS {col}_n, SUM(p.{col} - q.{col}) AS {col}_sum",
                count(&format!("p.{col} IS NOT NULL AND q.{col} IS NOT NULL"))
            )
        })
        .collect();
    let mut where_sql = c.sql.clone();
    where_sql.push(format!("p.lens = '{}'", Lens::SelfRating.code()));
    let sql = format!(
        "SELECT p.competency_id AS competency_id, {} \
         {PAIRS_FROM} JOIN competency_pairs q ON q.user_id = p.user_id \
           AND q.competency_id = p.competency_id AND q.cohort_key = p.cohort_key \
           AND q.lens = '{}' \
         WHERE {} GROUP BY p.competency_id",
        columns.join(", "),
        Lens::Supervisor.code(),
        where_sql.join(" AND "),
    );
    let rows = db
        .query_all_raw(statement(db.get_database_backend(), &sql, c.values.clone()))
        .await?;
    let mut out = Vec::new();
    for row in &rows {
        let id: Uuid = row.try_get("", "competency_id")?;
        for phase in phases {
            let col = column(phase);
            let n = u(row, &format!("{col}_n"))?;
            if n > 0 {
                out.push((id, phase, n, f(row, &format!("{col}_sum"))?));
            }
        }
    }
    Ok(out)
}

/// Most learners a drill-down lists.
pub const MAX_LEARNERS: u64 = 500;

/// The learners behind one row of the gain table, by name; refused for groups too small.
pub async fn learners(
    db: &Db,
    actor: &Actor,
    filter: &ReportFilter,
    competency: Uuid,
    comparison: Comparison,
) -> Result<Vec<LearnerChange>, SupervisionError> {
    let mut c = conditions(db, actor, filter).await?;
    c.push("p.competency_id = ?", [competency.into()]);
    c.push("p.lens = ?", [comparison.lens.code().into()]);
    let later = column(comparison.to);
    let paired = format!(
        "SELECT {} AS n {PAIRS_FROM}{} AND p.before IS NOT NULL AND p.{later} IS NOT NULL",
        "CAST(COUNT(*) AS BIGINT)",
        c.where_clause()
    );
    let backend = db.get_database_backend();
    let n = match db
        .query_one_raw(statement(backend, &paired, c.values.clone()))
        .await?
    {
        Some(row) => u(&row, "n")?,
        None => 0,
    };
    if n < MIN_GROUP {
        return Err(SupervisionError::Forbidden);
    }
    let sql = format!(
        "SELECT p.user_id AS user_id, u.full_name AS full_name, o.name AS unit, \
           p.before AS before, p.{later} AS later \
         {PAIRS_FROM} JOIN users u ON u.id = p.user_id{} \
           AND (p.before IS NOT NULL OR p.{later} IS NOT NULL) \
         ORDER BY u.full_name, p.user_id LIMIT {MAX_LEARNERS}",
        c.where_clause()
    );
    let rows = db.query_all_raw(statement(backend, &sql, c.values)).await?;
    rows.iter()
        .map(|row| {
            Ok(LearnerChange {
                user_id: row.try_get("", "user_id")?,
                full_name: row.try_get("", "full_name")?,
                org_unit: row.try_get("", "unit")?,
                before: row.try_get("", "before")?,
                after: row.try_get("", "later")?,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()
        .map_err(SupervisionError::from)
}
