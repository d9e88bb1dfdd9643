//! The two tables derived from the evidence, rebuilt for some learners (or all) by two
//! set-based statements inside the caller's transaction: `competency_pairs` (mean level per
//! phase, per learner, competency, cohort and lens) and `competency_current` (the level that
//! counts now, for active accounts only). Both carry the learner's unit and position, so
//! every change of those (and disabling an account) refreshes the learner. The rules come
//! from `shared::evidence`, written into the SQL from there so they cannot drift.

use sea_orm::{ConnectionTrait, DbErr, Value};
use shared::evidence::{Phase, Source};
use uuid::Uuid;

use crate::sql::{placeholders, statement};

/// Learners refreshed per statement.
const CHUNK: usize = 500;

/// `CASE source WHEN … END` giving each source's lens code.
fn lens_case() -> String {
    let arms: String = Source::ALL
        .iter()
        .map(|s| format!(" WHEN '{}' THEN '{}'", s.code(), s.lens().code()))
        .collect();
    format!("CASE source{arms} END")
}

/// `CASE source WHEN … END` giving each source's priority in the current-level rule.
fn priority_case() -> String {
    let arms: String = Source::ALL
        .iter()
        .map(|s| format!(" WHEN '{}' THEN {}", s.code(), s.priority()))
        .collect();
    format!("CASE source{arms} ELSE 0 END")
}

fn mean_in(phase: Phase) -> String {
    format!(
        "AVG(CASE WHEN phase = '{}' THEN CAST(level AS DOUBLE PRECISION) END)",
        phase.code()
    )
}

/// Rebuilds both tables for `learners` (`None`: everyone).
pub async fn refresh(db: &impl ConnectionTrait, learners: Option<&[Uuid]>) -> Result<(), DbErr> {
    match learners {
        None => refresh_where(db, "", Vec::new()).await,
        Some(learners) => {
            for chunk in learners.chunks(CHUNK) {
                let filter = format!("user_id IN ({})", placeholders(chunk.len()));
                let values: Vec<Value> = chunk.iter().map(|id| (*id).into()).collect();
                refresh_where(db, &filter, values).await?;
            }
            Ok(())
        }
    }
}

async fn refresh_where(
    db: &impl ConnectionTrait,
    filter: &str,
    values: Vec<Value>,
) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let (where_delete, and_filter) = if filter.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" WHERE {filter}"), format!(" AND {filter}"))
    };
    for table in ["competency_pairs", "competency_current"] {
        db.execute_raw(statement(
            backend,
            &format!("DELETE FROM {table}{where_delete}"),
            values.clone(),
        ))
        .await?;
    }
    let pairs = format!(
        "INSERT INTO competency_pairs \
           (user_id, competency_id, cohort_key, lens, before, after, follow_up_30, follow_up_90, \
            observed_at, org_unit_id, position_id) \
         SELECT e.user_id, e.competency_id, e.cohort_key, e.lens, {}, {}, {}, {}, MAX(e.observed_at), \
           u.org_unit_id, u.position_id \
         FROM (SELECT user_id, competency_id, COALESCE(cohort_id, ?) AS cohort_key, \
                 {} AS lens, phase, level, observed_at \
               FROM competency_evidence WHERE voided_at IS NULL{and_filter}) e \
         JOIN users u ON u.id = e.user_id \
         GROUP BY e.user_id, e.competency_id, e.cohort_key, e.lens, u.org_unit_id, u.position_id",
        mean_in(Phase::Before),
        mean_in(Phase::After),
        mean_in(Phase::FollowUp30),
        mean_in(Phase::FollowUp90),
        lens_case(),
    );
    // The first `?` is the cohort key of evidence without a cohort, then the filter's.
    let mut ordered: Vec<Value> = vec![Uuid::nil().into()];
    ordered.extend(values.iter().cloned());
    db.execute_raw(statement(backend, &pairs, ordered)).await?;
    // Disabled accounts have no current level: they are no one's training need.
    let current = format!(
        "INSERT INTO competency_current \
           (user_id, competency_id, level, source, observed_at, org_unit_id, position_id) \
         SELECT ranked.user_id, ranked.competency_id, CAST(ranked.level AS DOUBLE PRECISION), \
           ranked.source, ranked.observed_at, u.org_unit_id, u.position_id FROM ( \
           SELECT user_id, competency_id, level, source, observed_at, ROW_NUMBER() OVER ( \
             PARTITION BY user_id, competency_id \
             ORDER BY {} DESC, observed_at DESC, recorded_at DESC) AS place \
           FROM competency_evidence WHERE voided_at IS NULL{and_filter}) ranked \
         JOIN users u ON u.id = ranked.user_id \
         WHERE ranked.place = 1 AND u.disabled = ?",
        priority_case()
    );
    let mut values = values;
    values.push(false.into());
    db.execute_raw(statement(backend, &current, values)).await?;
    Ok(())
}
