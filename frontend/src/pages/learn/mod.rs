//! The learner's pages: their cohorts, a cohort's course outline with progress, and the
//! player of one activity. Complete without scripts: graded activities are plain forms
//! whose attempt id is fixed when the page is made, so pressing submit twice (or again
//! after a dropped connection) is stored once.

pub mod activity;
pub mod cohorts;
pub mod outline;
pub mod teach;

use shared::course::ActivityBody;
use shared::learning::AttemptResult;

/// How far a learner is with one activity.
pub enum Progress {
    NotStarted,
    /// Graded: attempts used and the best score (0–1).
    Attempted {
        attempts: usize,
        best: f64,
    },
    /// Not graded here (read, played or answered on its page).
    Open,
}

pub fn progress(body: &ActivityBody, activity: &str, attempts: &[AttemptResult]) -> Progress {
    if !matches!(body, ActivityBody::Quiz(_) | ActivityBody::Assessment(_)) {
        return Progress::Open;
    }
    let mine: Vec<&AttemptResult> = attempts.iter().filter(|a| a.activity == activity).collect();
    if mine.is_empty() {
        return Progress::NotStarted;
    }
    Progress::Attempted {
        attempts: mine.len(),
        best: mine.iter().map(|a| a.score).fold(0.0, f64::max),
    }
}

/// A score as a whole percentage.
pub fn percent(score: f64) -> String {
    format!("{:.0}%", (score * 100.0).clamp(0.0, 100.0))
}
