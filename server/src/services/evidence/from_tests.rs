//! Pre- and post-test attempts become evidence: for each competency the paper's items are
//! tagged with, the share of those items' marks becomes a level by the framework's cutoffs
//! (`shared::evidence::test_level`). Only the learner's **first** attempt at each test
//! counts, as in the item statistics, so retaking a test to pass it does not inflate the
//! gain; the dedup key (cohort, learner, test, competency) makes that hold under retries.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};
use shared::course::{Phase as TestPhase, QuizQuestion};
use shared::evidence::{Phase, Source, even_cutoffs, parse_cutoffs, test_level};
use shared::learning::QuestionOutcome;
use uuid::Uuid;

use super::{NewEvidence, store};
use crate::entities::{
    attempt, cohort, competency, competency_framework, competency_level, course,
};

/// The framework's competencies by code, and its cutoffs.
pub async fn framework_rule(
    db: &impl ConnectionTrait,
    framework_id: Uuid,
) -> Result<(BTreeMap<String, Uuid>, Vec<f64>), DbErr> {
    let codes = competency::Entity::find()
        .filter(competency::Column::FrameworkId.eq(framework_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.id))
        .collect();
    let levels = competency_level::Entity::find()
        .filter(competency_level::Column::FrameworkId.eq(framework_id))
        .count(db)
        .await?;
    let levels = u8::try_from(levels).unwrap_or(u8::MAX);
    let cutoffs = competency_framework::Entity::find_by_id(framework_id)
        .one(db)
        .await?
        .and_then(|f| f.test_cutoffs)
        .and_then(|text| parse_cutoffs(&text, levels).ok())
        .unwrap_or_else(|| even_cutoffs(levels));
    Ok((codes, cutoffs))
}

/// The share of marks per competency code on a paper.
pub fn shares(paper: &[QuizQuestion], outcomes: &[QuestionOutcome]) -> BTreeMap<String, f64> {
    let mut marks: BTreeMap<String, (f64, u32)> = BTreeMap::new();
    for outcome in outcomes {
        if let Some(q) = paper.iter().find(|q| q.id == outcome.question) {
            let entry = marks.entry(q.competency.clone()).or_default();
            entry.0 += outcome.score;
            entry.1 += 1;
        }
    }
    marks
        .into_iter()
        .map(|(code, (sum, n))| (code, sum / f64::from(n.max(1))))
        .collect()
}

/// Records the evidence of a stored test attempt (inside the attempt's transaction).
pub async fn record(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    phase: TestPhase,
    stored: &attempt::Model,
    paper: &[QuizQuestion],
    outcomes: &[QuestionOutcome],
) -> Result<u64, DbErr> {
    let Some(course) = course::Entity::find_by_id(cohort.course_id).one(db).await? else {
        return Ok(0);
    };
    let (codes, cutoffs) = framework_rule(db, course.framework_id).await?;
    let (source, phase) = match phase {
        TestPhase::Pre => (Source::PreTest, Phase::Before),
        TestPhase::Post => (Source::PostTest, Phase::After),
    };
    let items = shares(paper, outcomes)
        .into_iter()
        .filter_map(|(code, share)| {
            let competency_id = *codes.get(&code)?;
            Some(NewEvidence {
                user_id: stored.user_id,
                competency_id,
                source,
                phase,
                level: i32::from(test_level(share, &cutoffs)),
                rater_id: None,
                cohort_id: Some(cohort.id),
                attempt_id: Some(stored.id),
                observed_at: stored.submitted_at,
                recorded_by: None,
                dedup_key: format!(
                    "test:{}:{}:{}:{competency_id}",
                    cohort.id, stored.user_id, stored.activity_id
                ),
            })
        })
        .collect();
    store(db, items).await
}
