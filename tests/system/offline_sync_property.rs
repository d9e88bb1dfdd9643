//! The property of the sync endpoint: whatever batches a device sends from a set of items
//! (with repeats, in any order, with answers lost on the way so that it sends again),
//! the server ends in the state of applying each distinct item exactly once, in the
//! order it first received them: every attempt stored once with the device's time, the
//! first three quiz attempts counted and the rest marked over the limit, every event
//! once, and the latest draft by the device's clock.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use server::entities::{attempt, enrolment, progress_event, work_draft};
use uuid::Uuid;

use crate::helpers::{TestApp, json, on_both_databases};
use crate::helpers::{learner_in_cohort, take_pre_test};
use crate::offline_sync::sync;

on_both_databases!(any_batches_apply_each_item_exactly_once);

/// Cases per database run: each is a new learner working through the queue.
const CASES: usize = 12;
/// The quiz (a3) allows three attempts.
const QUIZ_LIMIT: usize = 3;

#[derive(Debug, Clone)]
struct Round {
    /// Indices into what is still waiting (taken modulo its length): repeats and any order.
    picks: Vec<usize>,
    /// Items already answered, sent again (a stale copy from another tab).
    stale: Vec<usize>,
    /// The answer never reaches the device: it keeps every item of the batch.
    lost: bool,
}

#[derive(Debug, Clone)]
struct Plan {
    /// One quiz attempt per entry: whether q1 is answered right.
    quizzes: Vec<bool>,
    /// One progress event per entry, on activity a2, a3 or a4.
    events: Vec<u8>,
    /// Drafts of the case study, each made at its own (random) minute.
    drafts: Vec<u16>,
    rounds: Vec<Round>,
}

fn plans() -> impl Strategy<Value = Plan> {
    let round = (
        prop::collection::vec(any::<usize>(), 1..8),
        prop::collection::vec(any::<usize>(), 0..3),
        prop::bool::weighted(0.3),
    )
        .prop_map(|(picks, stale, lost)| Round { picks, stale, lost });
    (
        prop::collection::vec(any::<bool>(), 1..6),
        prop::collection::vec(0u8..3, 0..5),
        prop::collection::btree_set(0u16..600, 0..4),
        prop::collection::vec(round, 1..10),
    )
        .prop_map(|(quizzes, events, drafts, rounds)| Plan {
            quizzes,
            events,
            drafts: drafts.into_iter().collect(),
            rounds,
        })
}

fn at(minute: u16) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap() + Duration::minutes(i64::from(minute))
}

/// The items of a plan, each with its own id; drafts are made in random order of time.
fn items(plan: &Plan, cohort: &str) -> Vec<Value> {
    let mut items = Vec::new();
    for (i, right) in plan.quizzes.iter().enumerate() {
        let answer = if *right { "a" } else { "b" };
        items.push(
            json!({ "id": Uuid::new_v4(), "cohort": cohort, "version": 1,
            "client_at": at(700 + i as u16).to_rfc3339(), "kind": "attempt",
            "submission": { "id": Uuid::nil(), "activity": "a3",
                "responses": { "q1": { "type": "choice", "value": answer } } } }),
        );
    }
    for (i, activity) in plan.events.iter().enumerate() {
        items.push(json!({ "id": Uuid::new_v4(), "cohort": cohort, "kind": "event",
            "activity": format!("a{}", activity + 2), "client_at": at(800 + i as u16).to_rfc3339() }));
    }
    for minute in &plan.drafts {
        items.push(
            json!({ "id": Uuid::new_v4(), "cohort": cohort, "kind": "draft",
            "activity": "a2", "client_at": at(*minute).to_rfc3339(),
            "answers": [format!("Nháp lúc {minute}")] }),
        );
    }
    items
}

/// A learner of the demo class, new for each case, with the pre-test taken (the modules
/// are open, as on any page saved after it).
async fn new_learner(app: &TestApp, cohort: &str, case: usize) -> (Uuid, String) {
    let username = format!("hv.offline{case}");
    let id = app
        .create_user(&username, "hoc-ngoai-tuyen-2026", &[shared::Role::Learner])
        .await;
    enrolment::ActiveModel {
        cohort_id: Set(Uuid::parse_str(cohort).unwrap()),
        user_id: Set(id),
        added_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let token = app.sign_in_json(&username, "hoc-ngoai-tuyen-2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    take_pre_test(app, &token, cohort).await;
    (id, token)
}

/// Sends the plan's rounds, then whatever still waits until nothing does; returns the ids
/// in the order the server first received them.
async fn deliver(app: &TestApp, token: &str, plan: &Plan, items: &[Value]) -> Vec<String> {
    let id = |item: &Value| item["id"].as_str().unwrap().to_owned();
    let mut waiting: Vec<usize> = (0..items.len()).collect();
    let mut first_seen: Vec<String> = Vec::new();
    let send = |batch: Vec<usize>, first_seen: &mut Vec<String>| {
        for &i in &batch {
            if !first_seen.contains(&id(&items[i])) {
                first_seen.push(id(&items[i]));
            }
        }
        batch
    };
    let mut rounds = plan.rounds.iter();
    while !waiting.is_empty() {
        let (batch, lost) = match rounds.next() {
            Some(round) => {
                let mut batch: Vec<usize> = round
                    .picks
                    .iter()
                    .map(|p| waiting[p % waiting.len()])
                    .collect();
                batch.extend(round.stale.iter().map(|s| s % items.len()));
                (batch, round.lost)
            }
            None => (waiting.iter().copied().take(50).collect(), false),
        };
        let batch = send(batch, &mut first_seen);
        let body: Vec<Value> = batch.iter().map(|&i| items[i].clone()).collect();
        let response = sync(app, token, &body).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        let report = json(response).await;
        let results = report["results"].as_array().unwrap();
        assert_eq!(results.len(), body.len());
        for (result, item) in results.iter().zip(&body) {
            assert_eq!(result["id"], item["id"]);
            assert_ne!(result["status"], "rejected", "{result}");
        }
        if !lost {
            let answered: BTreeSet<String> = body.iter().map(id).collect();
            waiting.retain(|&i| !answered.contains(&id(&items[i])));
        }
    }
    first_seen
}

async fn check_state(app: &TestApp, learner: Uuid, plan: &Plan, items: &[Value], order: &[String]) {
    let attempts: BTreeMap<String, attempt::Model> = attempt::Entity::find()
        .filter(attempt::Column::UserId.eq(learner))
        .filter(attempt::Column::ActivityId.eq("a3"))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id.to_string(), a))
        .collect();
    let quizzes: Vec<&Value> = items.iter().filter(|i| i["kind"] == "attempt").collect();
    assert_eq!(
        attempts.len(),
        quizzes.len(),
        "each quiz attempt stored once"
    );
    let arrival: Vec<&String> = order
        .iter()
        .filter(|id| attempts.contains_key(*id))
        .collect();
    for (rank, id) in arrival.iter().enumerate() {
        let stored = &attempts[*id];
        let item = quizzes.iter().find(|q| q["id"] == id.as_str()).unwrap();
        assert_eq!(
            stored.over_limit,
            rank >= QUIZ_LIMIT,
            "attempt {rank} in arrival order"
        );
        assert_eq!(
            stored.client_at.unwrap().to_rfc3339(),
            item["client_at"].as_str().unwrap()
        );
        let right = item["submission"]["responses"]["q1"]["value"] == "a";
        assert_eq!(stored.score > 0.0, right, "graded by the server");
    }
    let events: BTreeSet<String> = progress_event::Entity::find()
        .filter(progress_event::Column::UserId.eq(learner))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id.to_string())
        .collect();
    let sent_events: BTreeSet<String> = items
        .iter()
        .filter(|i| i["kind"] == "event")
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        sent_events, events,
        "every event recorded once, and nothing else"
    );
    let draft = work_draft::Entity::find()
        .filter(work_draft::Column::UserId.eq(learner))
        .one(&app.db)
        .await
        .unwrap();
    match plan.drafts.iter().max() {
        Some(latest) => {
            let draft = draft.expect("the latest draft is kept");
            assert!(
                draft.body.contains(&format!("Nháp lúc {latest}\"")),
                "{}",
                draft.body
            );
        }
        None => assert!(draft.is_none()),
    }
}

async fn any_batches_apply_each_item_exactly_once(app: TestApp) {
    app.seed_demo().await;
    let (_, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    // A failure names its seed; the same seed gives the same plans again.
    let seed = std::env::var("FIELDSCHOOL_PROPERTY_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(0, |d| d.as_nanos() as u64)
        });
    eprintln!("offline sync property: seed {seed} (FIELDSCHOOL_PROPERTY_SEED={seed} repeats it)");
    let mut runner = TestRunner::new(Config {
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..Config::default()
    });
    for case in 0..CASES {
        let plan = plans().new_tree(&mut runner).unwrap().current();
        let (learner, token) = new_learner(&app, &cohort, case).await;
        let items = items(&plan, &cohort);
        let order = deliver(&app, &token, &plan, &items).await;
        check_state(&app, learner, &plan, &items, &order).await;
    }
}
