//! A learner's progress through a course, derived — never stored — from what they did:
//! their attempts (append-only), their progress events (append-only) and their drafts.
//!
//! Rules (documented in docs/ARCHITECTURE.md, "Progress"):
//! - A quiz is completed when an attempt passes; with every allowed attempt used and none
//!   passed it has *failed*. Every other kind is completed by one submission (a pre- or
//!   post-test, the case study's answers, the survey) or by reaching an ending (role-play).
//! - Time spent: the gaps between a learner's consecutive actions in the cohort, each capped
//!   at [`GAP_CAP_SECONDS`], counted to the activity of the earlier action. Pages send a
//!   heartbeat while open (with scripts); without scripts, opening pages and submitting are
//!   the actions.
//! - Gating: with `pre`, everything but the pre-tests opens once every pre-test is done; with
//!   `post`, the post-tests open once every activity that is not a test or survey is
//!   completed, and the survey once the post-tests are done.
//! - Resume point: the activity last acted on, if it is open and not completed; otherwise the
//!   first open activity not completed; with it, the last position recorded there.

use serde::{Deserialize, Serialize};

use crate::course::{ActivityBody, Package, Phase};

/// The longest gap between two actions that counts as study time.
pub const GAP_CAP_SECONDS: i64 = 300;

/// Which parts of a course wait for others; chosen per cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gating {
    /// Modules open after the pre-test.
    pub pre: bool,
    /// The post-test opens after the modules, the survey after the post-test.
    pub post: bool,
}

impl Default for Gating {
    fn default() -> Self {
        Self {
            pre: true,
            post: true,
        }
    }
}

/// One thing a learner did, as progress needs it. `at` is in seconds (any fixed origin).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub activity: String,
    pub at: i64,
    pub kind: RecordKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RecordKind {
    /// A stored attempt (a submission, a finished play).
    Attempt { score: f64, passed: bool },
    /// The learner was on the activity's page; `position` is where (e.g. a role-play node).
    Event { position: Option<String> },
    /// A saved draft.
    Draft,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
    /// A quiz with every attempt used and none passed.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityProgress {
    pub activity: String,
    pub status: Status,
    /// Waiting for an earlier part of the course (see [`Gating`]).
    pub locked: bool,
    pub attempts: u32,
    /// Best score of the attempts, 0 to 1.
    pub best: Option<f64>,
    pub seconds: u32,
    /// Where the learner was last in this activity.
    pub position: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseProgress {
    /// In course order.
    pub activities: Vec<ActivityProgress>,
    /// The activity to continue with; none when the course is complete.
    pub resume: Option<String>,
    pub complete: bool,
    pub seconds: u32,
}

impl CourseProgress {
    pub fn of(&self, activity: &str) -> Option<&ActivityProgress> {
        self.activities.iter().find(|a| a.activity == activity)
    }

    /// Completed activities out of all.
    pub fn done(&self) -> (usize, usize) {
        let done = self
            .activities
            .iter()
            .filter(|a| a.status == Status::Completed)
            .count();
        (done, self.activities.len())
    }
}

/// Where an activity stands in the course's order of gates.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    PreTest,
    Core,
    PostTest,
    Survey,
}

fn stage(body: &ActivityBody) -> Stage {
    match body {
        ActivityBody::Assessment(a) if a.phase == Phase::Pre => Stage::PreTest,
        ActivityBody::Assessment(_) => Stage::PostTest,
        ActivityBody::Survey(_) => Stage::Survey,
        _ => Stage::Core,
    }
}

/// Whether an activity counts as done for the gates: a quiz once an attempt passed, every
/// other kind once an attempt is stored.
fn completed(body: &ActivityBody, attempts: u32, passed: bool) -> bool {
    match body {
        ActivityBody::Quiz(_) => passed,
        _ => attempts > 0,
    }
}

/// Which stages are done: every activity of it completed.
#[derive(Clone, Copy)]
struct StagesDone {
    pre: bool,
    core: bool,
    post: bool,
}

impl StagesDone {
    /// From each activity's stage and whether it is completed.
    fn of(done: impl Iterator<Item = (Stage, bool)>) -> Self {
        let done: Vec<(Stage, bool)> = done.collect();
        let all = |wanted: Stage| done.iter().filter(|(s, _)| *s == wanted).all(|(_, d)| *d);
        Self {
            pre: all(Stage::PreTest),
            core: all(Stage::Core),
            post: all(Stage::PostTest),
        }
    }

    /// Whether an activity of `stage` waits for an earlier part of the course.
    fn locks(self, stage: Stage, gating: Gating) -> bool {
        match stage {
            Stage::PreTest => false,
            Stage::Core => gating.pre && !self.pre,
            Stage::PostTest => (gating.pre && !self.pre) || (gating.post && !self.core),
            Stage::Survey => {
                (gating.pre && !self.pre) || (gating.post && !(self.core && self.post))
            }
        }
    }
}

/// What a learner's attempts at one activity add up to: all its gate and its attempt limit
/// need (a database can count it without reading every attempt).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub activity: String,
    pub attempts: u32,
    /// Whether any of them passed.
    pub passed: bool,
}

/// Whether `activity` waits for an earlier part of the course, by the learner's `tallies`
/// (any order, activities without attempts left out): the rule of [`derive`]. `None` for
/// an activity not in `package`.
pub fn locked(
    package: &Package,
    gating: Gating,
    tallies: &[Tally],
    activity: &str,
) -> Option<bool> {
    let found = package.activities().find(|a| a.id == activity)?;
    let done = package.activities().map(|a| {
        let tally = tallies.iter().find(|t| t.activity == a.id);
        let (attempts, passed) = tally.map_or((0, false), |t| (t.attempts, t.passed));
        (stage(&a.body), completed(&a.body, attempts, passed))
    });
    Some(StagesDone::of(done).locks(stage(&found.body), gating))
}

/// Whether any learner's attempts could leave `activity` waiting: false when its gate is
/// open even to a learner who has done nothing (attempts only ever open gates), so a
/// submission to it needs no count of attempts for its gate.
pub fn may_lock(package: &Package, gating: Gating, activity: &str) -> bool {
    locked(package, gating, &[], activity) == Some(true)
}

fn status(body: &ActivityBody, records: &[&Record]) -> (Status, u32, Option<f64>) {
    let attempts: Vec<(f64, bool)> = records
        .iter()
        .filter_map(|r| match r.kind {
            RecordKind::Attempt { score, passed } => Some((score, passed)),
            _ => None,
        })
        .collect();
    let used = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
    let best = attempts.iter().map(|(s, _)| *s).reduce(f64::max);
    let passed = attempts.iter().any(|(_, passed)| *passed);
    let status = match body {
        _ if completed(body, used, passed) => Status::Completed,
        ActivityBody::Quiz(quiz)
            if quiz.settings.attempts > 0 && used >= quiz.settings.attempts =>
        {
            Status::Failed
        }
        _ if used > 0 || !records.is_empty() => Status::InProgress,
        _ => Status::NotStarted,
    };
    (status, used, best)
}

/// Derives a learner's progress in `package` from their records (in any order).
pub fn derive(package: &Package, gating: Gating, records: &[Record]) -> CourseProgress {
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| r.at);
    let mut seconds = std::collections::BTreeMap::<&str, i64>::new();
    for pair in sorted.windows(2) {
        let gap = (pair[1].at - pair[0].at).clamp(0, GAP_CAP_SECONDS);
        *seconds.entry(pair[0].activity.as_str()).or_default() += gap;
    }
    let mut activities: Vec<(Stage, ActivityProgress)> = package
        .activities()
        .map(|a| {
            let mine: Vec<&Record> = sorted
                .iter()
                .copied()
                .filter(|r| r.activity == a.id)
                .collect();
            let (status, attempts, best) = status(&a.body, &mine);
            let position = mine.iter().rev().find_map(|r| match &r.kind {
                RecordKind::Event { position } => Some(position.clone()),
                _ => None,
            });
            let spent = seconds.get(a.id.as_str()).copied().unwrap_or(0);
            (
                stage(&a.body),
                ActivityProgress {
                    activity: a.id.clone(),
                    status,
                    locked: false,
                    attempts,
                    best,
                    seconds: u32::try_from(spent).unwrap_or(u32::MAX),
                    position: position.flatten(),
                },
            )
        })
        .collect();
    let done = StagesDone::of(
        activities
            .iter()
            .map(|(stage, p)| (*stage, p.status == Status::Completed)),
    );
    for (stage, progress) in &mut activities {
        progress.locked = done.locks(*stage, gating);
    }
    let activities: Vec<ActivityProgress> = activities.into_iter().map(|(_, p)| p).collect();
    let open = |id: &str| {
        activities
            .iter()
            .any(|p| p.activity == id && !p.locked && p.status != Status::Completed)
    };
    let resume = sorted
        .last()
        .map(|r| r.activity.clone())
        .filter(|id| open(id))
        .or_else(|| {
            activities
                .iter()
                .find(|p| !p.locked && !matches!(p.status, Status::Completed | Status::Failed))
                .map(|p| p.activity.clone())
        });
    let complete = activities.iter().all(|p| p.status == Status::Completed);
    let total = activities
        .iter()
        .map(|p| p.seconds)
        .fold(0u32, u32::saturating_add);
    CourseProgress {
        activities,
        resume,
        complete,
        seconds: total,
    }
}

#[cfg(test)]
mod tests;
