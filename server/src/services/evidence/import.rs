//! Import of evidence from CSV (format in `shared::evidence::import`): every row checked and
//! every problem reported with its line; then a job (`services::jobs`) stores all rows in
//! one transaction, or none.
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
use crate::services::jobs::{self, Claim, Refusal};
use crate::services::policy::{self, Action, Scope};
use crate::spreadsheet::table::{self, Row, Spec};
use shared::jobs::{Job, JobKind};

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

/// Reads `csv_text` and checks every row against what the server knows, as `actor`; the
/// rows to store, or every problem.
async fn check(db: &Db, actor: &Actor, csv_text: &str) -> Result<Vec<NewEvidence>, EvidenceError> {
    if policy::scope(actor, Action::RecordEvidence) == Scope::Nothing {
        return Err(EvidenceError::Forbidden);
    }
    let (written, mut problems) = table::read(csv_text, &SPEC);
    if written.is_empty() && !problems.is_empty() {
        return Err(EvidenceError::Invalid(problems));
    }
    if written.is_empty() {
        problems.push(FieldProblem::at_line(2, "file", Problem::NoRows));
    }
    let lookups = Lookups::load(db, actor, &written).await?;
    let rows: Vec<NewEvidence> = written
        .iter()
        .filter_map(|row| lookups.check(row, actor, &mut problems))
        .collect();
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(EvidenceError::Invalid(problems))
    }
}

/// What importing the file would add, changing nothing; `Err(Invalid)` lists every problem.
pub async fn preview(
    db: &Db,
    actor: &Actor,
    csv_text: &str,
) -> Result<EvidenceImportReport, EvidenceError> {
    let rows = check(db, actor, csv_text).await?;
    let total = rows.len() as u64;
    let added = count_new(db, &rows).await?;
    Ok(EvidenceImportReport {
        dry_run: true,
        rows: total,
        added,
        already_present: total - added,
    })
}

/// Checks the file now and, when it has no problem, accepts it as a job that stores every
/// row in one transaction (a national file of tens of thousands of rows takes a while).
pub async fn accept(db: &Db, actor: &Actor, csv_text: &str) -> Result<Job, EvidenceError> {
    let rows = check(db, actor, csv_text).await?;
    let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    jobs::create(
        db,
        actor.me.id,
        JobKind::EvidenceImport,
        csv_text.to_owned(),
        total,
    )
    .await
    .map_err(Into::into)
}

/// Carries out an accepted import: checked again, with the rights its sender has now (the
/// directory may have changed since), then every row stored in the transaction that ends
/// the job.
pub async fn run_job(db: &Db, claim: &Claim) -> Result<(), EvidenceError> {
    let checked = claim
        .recheck(db, async |actor| check(db, actor, &claim.input).await)
        .await?;
    let Some(rows) = checked else {
        return Ok(());
    };
    let total = rows.len() as u64;
    let txn = db.begin().await?;
    let added = store(&txn, rows).await?;
    let report = EvidenceImportReport {
        dry_run: false,
        rows: total,
        added,
        already_present: total - added,
    };
    let result = serde_json::to_string(&report).unwrap_or_default();
    let done = u32::try_from(total).unwrap_or(u32::MAX);
    if claim.finish(&txn, done, result).await? {
        txn.commit().await?;
    }
    Ok(())
}

impl Refusal for EvidenceError {
    fn refusal(&self) -> Option<Vec<FieldProblem>> {
        match self {
            Self::Invalid(problems) => Some(problems.clone()),
            Self::Forbidden => Some(jobs::no_longer_allowed()),
            _ => None,
        }
    }
}

const SPEC: Spec<'static> = Spec {
    columns: &COLUMNS,
    required: &REQUIRED,
    max_rows: MAX_ROWS,
    others_ignored: false,
    headerless: None,
};

/// How many of `rows` a real import would add (a row already stored, or twice in the
/// file, adds nothing).
async fn count_new(db: &Db, rows: &[NewEvidence]) -> Result<u64, EvidenceError> {
    let present = known_keys(db, rows.iter().map(|r| r.dedup_key.clone()).collect()).await?;
    let mut distinct: Vec<&str> = rows
        .iter()
        .map(|r| r.dedup_key.as_str())
        .filter(|k| !present.contains(*k))
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    Ok(distinct.len() as u64)
}

/// What the rows of a file are checked against, loaded once for the whole file.
struct Lookups {
    competencies: HashMap<String, Vec<Known>>,
    /// The learners named in the file whom the actor may record evidence for.
    learners: HashMap<String, Uuid>,
    cohorts: Vec<Uuid>,
    today: NaiveDate,
}

impl Lookups {
    async fn load(db: &Db, actor: &Actor, rows: &[Row]) -> Result<Self, EvidenceError> {
        let usernames = rows.iter().map(|r| r.text("username")).collect();
        let cohort_ids: Vec<Uuid> = rows
            .iter()
            .filter_map(|r| Uuid::parse_str(r.get("cohort")?).ok())
            .collect();
        let cohorts = cohort::Entity::find()
            .filter(cohort::Column::Id.is_in(cohort_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        Ok(Self {
            competencies: competencies(db).await?,
            learners: learners(db, actor, usernames).await?,
            cohorts,
            today: Utc::now().date_naive(),
        })
    }

    /// The row as evidence to store, or `None` with its problems added.
    fn check(
        &self,
        row: &Row,
        actor: &Actor,
        problems: &mut Vec<FieldProblem>,
    ) -> Option<NewEvidence> {
        let before = problems.len();
        let mut bad = |column: &str, problem: Problem| {
            problems.push(FieldProblem::at_line(row.line, column, problem));
        };
        let learner = self.learners.get(&row.text("username")).copied();
        if learner.is_none() {
            bad("username", Problem::NoLearnerInYourUnits);
        }
        let competency = self
            .competency(&row.text("competency"))
            .map_err(|p| bad("competency", p))
            .ok();
        let source = Source::from_code(&row.text("source"));
        if source.is_none() {
            bad("source", one_of(Source::ALL.iter().map(|s| s.code())));
        }
        let phase = Phase::from_code(&row.text("phase"));
        if phase.is_none() {
            bad("phase", one_of(Phase::ALL.iter().map(|p| p.code())));
        }
        if let (Some(s), Some(p)) = (source, phase)
            && !s.fits(p)
        {
            let (source, phase) = (s.code().to_owned(), p.code().to_owned());
            bad("phase", Problem::SourceNotInPhase { source, phase });
        }
        let level = row.text("level").parse::<i32>().ok();
        match (level, competency) {
            (Some(l), Some(c)) if !(1..=c.max_level).contains(&l) => {
                let max = i64::from(c.max_level);
                bad("level", Problem::NumberBetween { min: 1, max });
            }
            (None, _) => bad("level", Problem::WholeNumber),
            _ => {}
        }
        let date = NaiveDate::parse_from_str(&row.text("date"), "%Y-%m-%d").ok();
        match date {
            None => bad("date", Problem::NotADate),
            Some(d) if d > self.today => bad("date", Problem::InTheFuture),
            _ => {}
        }
        let cohort = row.get("cohort").and_then(|text| {
            let id = Uuid::parse_str(text)
                .ok()
                .filter(|id| self.cohorts.contains(id));
            if id.is_none() {
                bad("cohort", Problem::NoCohortWithId);
            }
            id
        });
        if problems.len() > before {
            return None;
        }
        let mut evidence = NewEvidence {
            user_id: learner?,
            competency_id: competency?.id,
            source: source?,
            phase: phase?,
            level: level?,
            rater_id: None,
            cohort_id: cohort,
            attempt_id: None,
            observed_at: date?.and_time(chrono::NaiveTime::MIN).and_utc(),
            recorded_by: Some(actor.me.id),
            dedup_key: String::new(),
        };
        evidence.dedup_key = dedup_key(&evidence);
        Some(evidence)
    }

    /// `CODE`, or `FRAMEWORK:CODE` when several frameworks have the code.
    fn competency(&self, written: &str) -> Result<&Known, Problem> {
        let (framework, code) = match written.split_once(':') {
            Some((f, c)) => (Some(f), c),
            None => (None, written),
        };
        let candidates: Vec<&Known> = self
            .competencies
            .get(code)
            .map(|all| {
                all.iter()
                    .filter(|k| framework.is_none_or(|f| k.framework == f))
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [one] => Ok(one),
            [] => Err(Problem::NoCompetency {
                code: written.to_owned(),
            }),
            several => Err(Problem::AmbiguousCompetency {
                code: code.to_owned(),
                choices: several
                    .iter()
                    .map(|k| format!("{}:{code}", k.framework))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}

fn one_of<'a>(codes: impl Iterator<Item = &'a str>) -> Problem {
    Problem::OneOf {
        choices: codes.collect::<Vec<_>>().join(", "),
    }
}
