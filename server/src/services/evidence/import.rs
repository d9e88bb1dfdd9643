//! Import of evidence from CSV (format in `shared::evidence::import`): every row checked and
//! every problem reported with its line, then all rows stored in one transaction or none.
//! Each row's dedup key is a digest of what it says, so a re-imported row adds nothing.

use crate::store::Db;
use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use sha2::{Digest, Sha256};
use shared::evidence::import::{COLUMNS, EvidenceImportReport, REQUIRED};
use shared::evidence::{Phase, Source};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use super::{EvidenceError, NewEvidence, known_keys, store};
use crate::entities::{cohort, competency, competency_framework, competency_level, org_unit, user};
use crate::services::actors::Actor;
use crate::services::policy::{self, Action, Scope};

/// Rows accepted in one file.
pub const MAX_ROWS: usize = 20_000;

/// A competency as a file may name it.
struct Known {
    id: Uuid,
    framework: String,
    max_level: i32,
}

/// Code → the latest version of each framework holding it.
async fn competencies(db: &Db) -> Result<HashMap<String, Vec<Known>>, EvidenceError> {
    let frameworks = competency_framework::Entity::find().all(db).await?;
    let mut latest: BTreeMap<String, (i32, Uuid)> = BTreeMap::new();
    for f in &frameworks {
        let entry = latest.entry(f.code.clone()).or_insert((f.version, f.id));
        if f.version > entry.0 {
            *entry = (f.version, f.id);
        }
    }
    let mut found: HashMap<String, Vec<Known>> = HashMap::new();
    for (framework, (_, id)) in latest {
        let max_level = competency_level::Entity::find()
            .filter(competency_level::Column::FrameworkId.eq(id))
            .all(db)
            .await?
            .iter()
            .map(|l| l.level)
            .max()
            .unwrap_or(0);
        for c in competency::Entity::find()
            .filter(competency::Column::FrameworkId.eq(id))
            .all(db)
            .await?
        {
            found.entry(c.code).or_default().push(Known {
                id: c.id,
                framework: framework.clone(),
                max_level,
            });
        }
    }
    Ok(found)
}

/// Learners named in the file that the actor may record evidence for: username → id.
async fn learners(
    db: &Db,
    actor: &Actor,
    usernames: Vec<String>,
) -> Result<HashMap<String, Uuid>, EvidenceError> {
    let mut found = HashMap::new();
    for chunk in usernames.chunks(500) {
        let people = user::Entity::find()
            .filter(user::Column::Username.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        let units: Vec<Uuid> = people.iter().filter_map(|p| p.org_unit_id).collect();
        let paths: HashMap<Uuid, String> = org_unit::Entity::find()
            .filter(org_unit::Column::Id.is_in(units))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.path))
            .collect();
        for p in people {
            let path = p
                .org_unit_id
                .and_then(|u| paths.get(&u))
                .map(String::as_str);
            if policy::allows(actor, Action::RecordEvidence, path) {
                found.insert(p.username, p.id);
            }
        }
    }
    Ok(found)
}

fn dedup_key(row: &NewEvidence) -> String {
    let text = format!(
        "{}|{}|{}|{}|{}|{}|{}",
        row.user_id,
        row.competency_id,
        row.source.code(),
        row.phase.code(),
        row.level,
        row.observed_at.date_naive(),
        row.cohort_id.map(|c| c.to_string()).unwrap_or_default()
    );
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("import:{hex}")
}

/// Checks `csv_text` and, unless `dry_run`, stores its rows.
pub async fn import(
    db: &Db,
    actor: &Actor,
    csv_text: &str,
    dry_run: bool,
) -> Result<EvidenceImportReport, EvidenceError> {
    if policy::scope(actor, Action::RecordEvidence) == Scope::Nothing {
        return Err(EvidenceError::Forbidden);
    }
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            return Err(EvidenceError::Invalid(vec![FieldProblem::at_line(
                1,
                "header",
                Problem::HeaderUnreadable {
                    detail: e.to_string(),
                },
            )]));
        }
    };
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(FieldProblem::at_line(
                1,
                h,
                Problem::UnknownColumn {
                    columns: COLUMNS.join(", "),
                },
            ));
        }
    }
    for required in REQUIRED {
        if !headers.iter().any(|h| h == required) {
            problems.push(FieldProblem::at_line(1, required, Problem::ColumnRequired));
        }
    }
    if !problems.is_empty() {
        return Err(EvidenceError::Invalid(problems));
    }
    let mut records = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let fallback = index as u64 + 2;
        if index >= MAX_ROWS {
            problems.push(FieldProblem::at_line(
                fallback,
                "file",
                Problem::RowsAtMost { max: MAX_ROWS },
            ));
            break;
        }
        match record {
            Ok(r) => {
                let line = r.position().map_or(fallback, |p| p.line());
                let cell = |name: &str| {
                    headers
                        .iter()
                        .position(|h| h == name)
                        .and_then(|i| r.get(i))
                        .unwrap_or("")
                        .to_owned()
                };
                let row: Vec<String> = COLUMNS.iter().map(|c| cell(c)).collect();
                records.push((line, row));
            }
            Err(e) => {
                let line = e.position().map_or(fallback, |p| p.line());
                problems.push(FieldProblem::at_line(
                    line,
                    "row",
                    Problem::RowUnreadable {
                        detail: e.to_string(),
                    },
                ));
            }
        }
    }
    if records.is_empty() && problems.is_empty() {
        problems.push(FieldProblem::at_line(2, "file", Problem::NoRows));
    }
    let known = competencies(db).await?;
    let people = learners(
        db,
        actor,
        records.iter().map(|(_, r)| r[0].clone()).collect(),
    )
    .await?;
    let cohort_ids: Vec<Uuid> = records
        .iter()
        .filter_map(|(_, r)| Uuid::parse_str(&r[6]).ok())
        .collect();
    let cohorts: Vec<Uuid> = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(cohort_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let today = Utc::now().date_naive();
    let mut rows = Vec::new();
    for (line, r) in &records {
        let line = *line;
        let before = problems.len();
        let mut bad = |column: &str, problem: Problem| {
            problems.push(FieldProblem::at_line(line, column, problem));
        };
        let learner = people.get(&r[0]).copied();
        if learner.is_none() {
            bad("username", Problem::NoLearnerInYourUnits);
        }
        let (framework, code) = match r[1].split_once(':') {
            Some((f, c)) => (Some(f), c),
            None => (None, r[1].as_str()),
        };
        let candidates: Vec<&Known> = known
            .get(code)
            .map(|all| {
                all.iter()
                    .filter(|k| framework.is_none_or(|f| k.framework == f))
                    .collect()
            })
            .unwrap_or_default();
        let competency = match candidates.as_slice() {
            [one] => Some(*one),
            [] => {
                bad("competency", Problem::NoCompetency { code: r[1].clone() });
                None
            }
            several => {
                let names: Vec<String> = several
                    .iter()
                    .map(|k| format!("{}:{code}", k.framework))
                    .collect();
                bad(
                    "competency",
                    Problem::AmbiguousCompetency {
                        code: code.to_owned(),
                        choices: names.join(", "),
                    },
                );
                None
            }
        };
        let source = Source::from_code(&r[2]);
        if source.is_none() {
            let codes: Vec<&str> = Source::ALL.iter().map(|s| s.code()).collect();
            bad(
                "source",
                Problem::OneOf {
                    choices: codes.join(", "),
                },
            );
        }
        let phase = Phase::from_code(&r[3]);
        if phase.is_none() {
            let codes: Vec<&str> = Phase::ALL.iter().map(|p| p.code()).collect();
            bad(
                "phase",
                Problem::OneOf {
                    choices: codes.join(", "),
                },
            );
        }
        if let (Some(s), Some(p)) = (source, phase)
            && !s.fits(p)
        {
            bad(
                "phase",
                Problem::SourceNotInPhase {
                    source: s.code().to_owned(),
                    phase: p.code().to_owned(),
                },
            );
        }
        let level = r[4].parse::<i32>().ok();
        match (level, competency) {
            (Some(l), Some(c)) if !(1..=c.max_level).contains(&l) => bad(
                "level",
                Problem::NumberBetween {
                    min: 1,
                    max: i64::from(c.max_level),
                },
            ),
            (None, _) => bad("level", Problem::WholeNumber),
            _ => {}
        }
        let date = NaiveDate::parse_from_str(&r[5], "%Y-%m-%d").ok();
        match date {
            None => bad("date", Problem::NotADate),
            Some(d) if d > today => bad("date", Problem::InTheFuture),
            _ => {}
        }
        let cohort = if r[6].is_empty() {
            None
        } else {
            let id = Uuid::parse_str(&r[6])
                .ok()
                .filter(|id| cohorts.contains(id));
            if id.is_none() {
                bad("cohort", Problem::NoCohortWithId);
            }
            id
        };
        if problems.len() > before {
            continue;
        }
        if let (Some(user_id), Some(c), Some(source), Some(phase), Some(level), Some(date)) =
            (learner, competency, source, phase, level, date)
        {
            let mut row = NewEvidence {
                user_id,
                competency_id: c.id,
                source,
                phase,
                level,
                rater_id: None,
                cohort_id: cohort,
                attempt_id: None,
                observed_at: date.and_time(chrono::NaiveTime::MIN).and_utc(),
                recorded_by: Some(actor.me.id),
                dedup_key: String::new(),
            };
            row.dedup_key = dedup_key(&row);
            rows.push(row);
        }
    }
    if !problems.is_empty() {
        return Err(EvidenceError::Invalid(problems));
    }
    let total = rows.len() as u64;
    let added = if dry_run {
        let present = known_keys(db, rows.iter().map(|r| r.dedup_key.clone()).collect()).await?;
        let mut distinct: Vec<&str> = rows
            .iter()
            .map(|r| r.dedup_key.as_str())
            .filter(|k| !present.contains(*k))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len() as u64
    } else {
        let txn = db.begin().await?;
        let added = store(&txn, rows).await?;
        txn.commit().await?;
        added
    };
    Ok(EvidenceImportReport {
        dry_run,
        rows: total,
        added,
        already_present: total - added,
    })
}
