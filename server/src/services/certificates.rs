//! Certificates of completion. A learner who has completed every activity of their cohort's
//! course asks for one; it is issued once (asking again shows the same), with the learner's
//! name and the competencies achieved as they were then. Anyone holding the code — 128
//! random bits, printed on the certificate — can check it on the public `/verify/{code}`.
//!
//! The certificate lists the competencies the post-test assessed, each with the level the
//! learner's share of its marks reaches on the framework's scale (the same cutoffs that make
//! the post-test's evidence) and whether the framework counts that level as proficient: a
//! share of 50 % is level 3 of 5, "applies with guidance", not a pass.

use crate::store::Db;
use std::collections::BTreeMap;

use chrono::Utc;
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use shared::L10n;
use shared::course::{ActivityBody, Phase};
use shared::learning::{AchievedCompetency, Certificate, LevelReached};
use uuid::Uuid;

use crate::entities::{
    attempt, certificate, cohort, competency, competency_level, course, org_unit, user,
};
use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError};
use crate::services::cohorts;
use crate::services::policy::CohortAction;
use crate::services::progress;

#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error(transparent)]
    Attempt(#[from] AttemptError),
    #[error("the course is not complete yet")]
    NotComplete,
    #[error("no such certificate")]
    NotFound,
    #[error("could not read a certificate: {0}")]
    Encoding(String),
}

impl From<DbErr> for CertificateError {
    fn from(e: DbErr) -> Self {
        Self::Attempt(AttemptError::Database(e))
    }
}

fn new_code() -> String {
    let mut raw = [0u8; 16];
    rand::rng().fill_bytes(&mut raw);
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

/// Post-test marks per competency, as shares.
async fn achieved(
    db: &Db,
    row: &cohort::Model,
    user: Uuid,
) -> Result<Vec<AchievedCompetency>, CertificateError> {
    let package = attempts::package_of(db, row).await?;
    let posts: Vec<&str> = package
        .activities()
        .filter(|a| matches!(&a.body, ActivityBody::Assessment(t) if t.phase == Phase::Post))
        .map(|a| a.id.as_str())
        .collect();
    let mut marks: BTreeMap<String, (f64, u32)> = BTreeMap::new();
    let taken = attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(row.id))
        .filter(attempt::Column::UserId.eq(user))
        .filter(attempt::Column::ActivityId.is_in(posts.iter().copied()))
        .filter(attempt::Column::OverLimit.eq(false))
        .all(db)
        .await?;
    for taken in &taken {
        let result = attempts::to_result(taken)?;
        // The paper of the version the test was graded on (the class may have moved on).
        let graded_on = match taken.course_version {
            Some(v) if v != row.version => attempts::published(db, row.course_id, v).await?,
            _ => package.clone(),
        };
        let paper = attempts::questions_for(&graded_on, &taken.activity_id, user, row.id)
            .unwrap_or_default();
        for outcome in &result.questions {
            if let Some(q) = paper.iter().find(|q| q.id == outcome.question) {
                let entry = marks.entry(q.competency.clone()).or_default();
                entry.0 += outcome.score;
                entry.1 += 1;
            }
        }
    }
    let framework = course::Entity::find_by_id(row.course_id)
        .one(db)
        .await?
        .map(|c| c.framework_id);
    let (names, scale, cutoffs) = match framework {
        Some(id) => {
            let names: BTreeMap<String, L10n> = competency::Entity::find()
                .filter(competency::Column::FrameworkId.eq(id))
                .all(db)
                .await?
                .into_iter()
                .map(|c| (c.code, L10n::new(&c.name_vi, &c.name_en)))
                .collect();
            let scale = competency_level::Entity::find()
                .filter(competency_level::Column::FrameworkId.eq(id))
                .all(db)
                .await?;
            let (_, cutoffs) =
                crate::services::evidence::from_tests::framework_rule(db, id).await?;
            (names, scale, cutoffs)
        }
        None => (BTreeMap::new(), Vec::new(), Vec::new()),
    };
    let top = u8::try_from(scale.len()).unwrap_or(u8::MAX);
    Ok(marks
        .into_iter()
        .map(|(code, (sum, n))| {
            let share = sum / f64::from(n.max(1));
            let reached = shared::evidence::test_level(share, &cutoffs);
            let level = scale
                .iter()
                .find(|l| l.level == i32::from(reached))
                .map(|l| LevelReached {
                    level: reached,
                    of: top,
                    name: L10n::new(&l.name_vi, &l.name_en),
                    proficient: l.proficient,
                });
            AchievedCompetency {
                name: names
                    .get(&code)
                    .cloned()
                    .unwrap_or_else(|| L10n::new(&code, &code)),
                code,
                share,
                level,
            }
        })
        .collect())
}

/// Issues the learner's certificate for a cohort (once); its code.
pub async fn issue(db: &Db, actor: &Actor, cohort_id: Uuid) -> Result<String, CertificateError> {
    let row = cohorts::load(db, actor, cohort_id, CohortAction::Study)
        .await
        .map_err(AttemptError::from)?;
    if let Some(existing) = mine(db, row.id, actor.me.id).await? {
        return Ok(existing.code);
    }
    let package = attempts::package_of(db, &row).await?;
    if !progress::of_learner(db, &row, &package, actor.me.id)
        .await?
        .complete
    {
        return Err(CertificateError::NotComplete);
    }
    let competencies = achieved(db, &row, actor.me.id).await?;
    let code = new_code();
    let inserted = certificate::ActiveModel {
        code: Set(code.clone()),
        cohort_id: Set(row.id),
        user_id: Set(actor.me.id),
        learner_name: Set(actor.me.full_name.clone()),
        competencies: Set(serde_json::to_string(&competencies)
            .map_err(|e| CertificateError::Encoding(e.to_string()))?),
        issued_at: Set(Utc::now()),
    }
    .insert(db)
    .await;
    match inserted {
        Ok(stored) => Ok(stored.code),
        // Asked twice at once: the first one stands.
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            Ok(mine(db, row.id, actor.me.id)
                .await?
                .ok_or(CertificateError::NotFound)?
                .code)
        }
        Err(e) => Err(e.into()),
    }
}

async fn mine(db: &Db, cohort: Uuid, user: Uuid) -> Result<Option<certificate::Model>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::CohortId.eq(cohort))
        .filter(certificate::Column::UserId.eq(user))
        .one(db)
        .await
}

/// The code of the learner's certificate in a cohort, if issued.
pub async fn code_of(db: &Db, cohort: Uuid, user: Uuid) -> Result<Option<String>, DbErr> {
    Ok(mine(db, cohort, user).await?.map(|c| c.code))
}

/// The name of the training institution a person works in: their org unit if it is one,
/// else the nearest one above it.
async fn institution_of(db: &Db, person: Uuid) -> Result<Option<String>, DbErr> {
    let Some(unit) = user::Entity::find_by_id(person)
        .one(db)
        .await?
        .and_then(|u| u.org_unit_id)
    else {
        return Ok(None);
    };
    let Some(unit) = org_unit::Entity::find_by_id(unit).one(db).await? else {
        return Ok(None);
    };
    let lineage: Vec<Uuid> = unit
        .path
        .split('/')
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect();
    let institution = shared::directory::OrgUnitKind::Institution.code();
    let mut above = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(lineage.iter().copied()))
        .filter(org_unit::Column::Kind.eq(institution))
        .all(db)
        .await?;
    // The nearest: the one deepest in the path.
    above.sort_by_key(|u| u.path.len());
    Ok(above.pop().map(|u| u.name))
}

/// A certificate by its code; public. Codes that are not 32 hex digits are not looked up.
pub async fn verify(db: &Db, code: &str) -> Result<Certificate, CertificateError> {
    let code = code.trim().to_ascii_lowercase();
    if code.len() != 32 || !code.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CertificateError::NotFound);
    }
    let found = certificate::Entity::find_by_id(code)
        .one(db)
        .await?
        .ok_or(CertificateError::NotFound)?;
    let row = cohort::Entity::find_by_id(found.cohort_id)
        .one(db)
        .await?
        .ok_or(CertificateError::NotFound)?;
    let course = course::Entity::find_by_id(row.course_id).one(db).await?;
    let course_title = course
        .as_ref()
        .map(|c| L10n::new(&c.title_vi, &c.title_en))
        .unwrap_or_default();
    let issuer = match &course {
        Some(c) => institution_of(db, c.owner_id).await?,
        None => None,
    };
    Ok(Certificate {
        code: found.code,
        issuer,
        learner_name: found.learner_name,
        course_title,
        cohort_title: L10n::new(&row.title_vi, &row.title_en),
        starts_on: row.starts_on.to_string(),
        ends_on: row.ends_on.to_string(),
        issued_on: found.issued_at.date_naive().to_string(),
        competencies: serde_json::from_str(&found.competencies)
            .map_err(|e| CertificateError::Encoding(e.to_string()))?,
    })
}
