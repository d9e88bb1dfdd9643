use super::*;
use crate::L10n;
use crate::course::{
    Activity, ActivityBody, ActivityKind, Assessment, FrameworkRef, Module, Package, Phase, Quiz,
};

fn activity(id: &str, body: ActivityBody) -> Activity {
    Activity {
        id: id.into(),
        title: L10n::new(id, id),
        body,
    }
}

/// pre, case study, quiz (2 attempts), role-play, post, survey.
fn course() -> Package {
    let mut p = Package::new(
        "T",
        L10n::new("Khoá", "Course"),
        FrameworkRef {
            code: "F".into(),
            version: 1,
        },
    );
    let mut quiz = Quiz::default();
    quiz.settings.attempts = 2;
    let test = |phase| {
        ActivityBody::Assessment(Assessment {
            phase,
            blueprint: Vec::new(),
        })
    };
    p.modules = vec![
        Module {
            id: "m1".into(),
            title: L10n::new("Một", "One"),
            activities: vec![
                activity("pre", test(Phase::Pre)),
                activity("case", ActivityKind::CaseStudy.empty_body()),
                activity("quiz", ActivityBody::Quiz(quiz)),
            ],
        },
        Module {
            id: "m2".into(),
            title: L10n::new("Hai", "Two"),
            activities: vec![
                activity("play", ActivityKind::RolePlay.empty_body()),
                activity("post", test(Phase::Post)),
                activity("survey", ActivityKind::Survey.empty_body()),
            ],
        },
    ];
    p
}

fn attempt(activity: &str, at: i64, score: f64, passed: bool) -> Record {
    Record {
        activity: activity.into(),
        at,
        kind: RecordKind::Attempt { score, passed },
    }
}

fn event(activity: &str, at: i64, position: Option<&str>) -> Record {
    Record {
        activity: activity.into(),
        at,
        kind: RecordKind::Event {
            position: position.map(Into::into),
        },
    }
}

fn locked(p: &CourseProgress) -> Vec<&str> {
    p.activities
        .iter()
        .filter(|a| a.locked)
        .map(|a| a.activity.as_str())
        .collect()
}

#[test]
fn a_new_learner_starts_with_the_pre_test_and_everything_else_waits() {
    let p = derive(&course(), Gating::default(), &[]);
    assert_eq!(p.resume.as_deref(), Some("pre"));
    assert_eq!(
        locked(&p),
        ["case", "quiz", "play", "post", "survey"],
        "only the pre-test is open"
    );
    assert!(p.activities.iter().all(|a| a.status == Status::NotStarted));
    assert!(!p.complete);
}

#[test]
fn without_gating_everything_is_open() {
    let gating = Gating {
        pre: false,
        post: false,
    };
    let p = derive(&course(), gating, &[]);
    assert!(locked(&p).is_empty());
}

#[test]
fn the_post_test_opens_after_the_modules_and_the_survey_after_it() {
    let g = Gating::default();
    let mut records = vec![attempt("pre", 10, 0.4, true)];
    let p = derive(&course(), g, &records);
    assert_eq!(locked(&p), ["post", "survey"]);
    assert_eq!(p.resume.as_deref(), Some("case"));
    records.extend([
        attempt("case", 20, 0.0, true),
        attempt("quiz", 30, 0.9, true),
        attempt("play", 40, 0.7, false),
    ]);
    let p = derive(&course(), g, &records);
    assert_eq!(locked(&p), ["survey"]);
    assert_eq!(p.resume.as_deref(), Some("post"));
    records.push(attempt("post", 50, 0.8, true));
    assert!(locked(&derive(&course(), g, &records)).is_empty());
    records.push(attempt("survey", 60, 0.0, true));
    let p = derive(&course(), g, &records);
    assert!(p.complete);
    assert_eq!(p.resume, None);
    assert_eq!(p.done(), (6, 6));
}

#[test]
fn a_quiz_counts_only_when_passed_and_fails_when_attempts_run_out() {
    let g = Gating {
        pre: false,
        post: false,
    };
    let p = derive(&course(), g, &[attempt("quiz", 1, 0.5, false)]);
    let quiz = p.of("quiz").cloned();
    assert_eq!(quiz.as_ref().map(|q| q.status), Some(Status::InProgress));
    let p = derive(
        &course(),
        g,
        &[
            attempt("quiz", 1, 0.5, false),
            attempt("quiz", 2, 0.6, false),
        ],
    );
    let quiz = p.of("quiz").cloned();
    assert_eq!(quiz.as_ref().map(|q| q.status), Some(Status::Failed));
    assert_eq!(quiz.as_ref().map(|q| q.attempts), Some(2));
    assert_eq!(quiz.and_then(|q| q.best), Some(0.6));
    assert!(!p.complete, "a failed quiz keeps the course incomplete");
}

#[test]
fn time_is_the_capped_gaps_between_actions() {
    let g = Gating::default();
    let records = [
        event("pre", 0, None),
        attempt("pre", 100, 0.5, true),
        event("case", 130, None),
        // Away for an hour: only the cap counts.
        event("case", 3730, Some("prompt-2")),
        event("quiz", 3800, None),
    ];
    let p = derive(&course(), g, &records);
    let seconds = |id| p.of(id).map(|a| a.seconds);
    assert_eq!(seconds("pre"), Some(130));
    assert_eq!(seconds("case"), Some(300 + 70));
    assert_eq!(seconds("quiz"), Some(0), "nothing after the last action");
    assert_eq!(p.seconds, 500);
}

#[test]
fn resume_returns_to_the_last_unfinished_activity_and_its_position() {
    let g = Gating::default();
    let records = [
        attempt("pre", 1, 0.5, true),
        event("play", 5, Some("n4")),
        event("case", 9, Some("prompt-1")),
        event("play", 12, Some("n7")),
    ];
    // Order of the input does not matter.
    let mut shuffled = records.to_vec();
    shuffled.reverse();
    let p = derive(&course(), g, &shuffled);
    assert_eq!(p.resume.as_deref(), Some("play"));
    assert_eq!(
        p.of("play").and_then(|a| a.position.clone()).as_deref(),
        Some("n7")
    );
    assert_eq!(p.of("play").map(|a| a.status), Some(Status::InProgress));
    // Once the play ends, the first unfinished open activity is next.
    let mut more = records.to_vec();
    more.push(attempt("play", 20, 0.6, false));
    assert_eq!(derive(&course(), g, &more).resume.as_deref(), Some("case"));
}

#[test]
fn a_draft_marks_an_activity_begun() {
    let g = Gating::default();
    let records = [
        attempt("pre", 1, 0.5, true),
        Record {
            activity: "case".into(),
            at: 4,
            kind: RecordKind::Draft,
        },
    ];
    let p = derive(&course(), g, &records);
    assert_eq!(p.of("case").map(|a| a.status), Some(Status::InProgress));
}

/// The gate from tallies agrees with the gate of [`derive`] for every combination of
/// activities not tried, tried without passing, and passed, under every gating.
#[test]
fn tallies_lock_exactly_what_derive_locks() {
    let package = course();
    let ids: Vec<String> = package.activities().map(|a| a.id.clone()).collect();
    let combinations = 3usize.pow(u32::try_from(ids.len()).unwrap_or(0));
    for combination in 0..combinations {
        let mut records = Vec::new();
        let mut tallies = Vec::new();
        let mut rest = combination;
        for (n, id) in ids.iter().enumerate() {
            let state = rest % 3;
            rest /= 3;
            if state == 0 {
                continue;
            }
            let passed = state == 2;
            let at = i64::try_from(n).unwrap_or(0);
            records.push(attempt(id, at, if passed { 1.0 } else { 0.2 }, passed));
            tallies.push(Tally {
                activity: id.clone(),
                attempts: 1,
                passed,
            });
        }
        for (pre, post) in [(false, false), (true, false), (false, true), (true, true)] {
            let gating = Gating { pre, post };
            let derived = derive(&package, gating, &records);
            for id in &ids {
                let locked = crate::progress::locked(&package, gating, &tallies, id);
                assert_eq!(
                    locked,
                    derived.of(id).map(|p| p.locked),
                    "{id} with {tallies:?} under {gating:?}"
                );
                // A gate that cannot lock is never found locked, whatever was done.
                if locked == Some(true) {
                    assert!(crate::progress::may_lock(&package, gating, id), "{id}");
                }
            }
        }
    }
    assert_eq!(
        crate::progress::locked(&package, Gating::default(), &[], "nowhere"),
        None
    );
    // Ungated, nothing ever waits; gated, the core waits for the pre-test.
    let ungated = Gating {
        pre: false,
        post: false,
    };
    assert!(
        ids.iter()
            .all(|id| !crate::progress::may_lock(&package, ungated, id))
    );
    let core = package
        .activities()
        .find(|a| matches!(a.body, ActivityBody::Quiz(_)))
        .map(|a| a.id.clone())
        .unwrap_or_default();
    assert!(crate::progress::may_lock(
        &package,
        Gating {
            pre: true,
            post: false
        },
        &core
    ));
}
