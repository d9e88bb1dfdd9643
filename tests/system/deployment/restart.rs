//! A restart under load loses nothing: learners keep sending answers through the proxy
//! while one of two instances is stopped (SIGTERM, as `systemctl restart` sends) and
//! started again. Every answer the server acknowledged is stored exactly once, and a
//! client that sends an answer again under the same id gets the first result.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::attempt;
use uuid::Uuid;

use super::Deployment;
use crate::helpers::{learner_in_cohort, take_pre_test};

/// One learner's device: sends answers one after another, each again under the same id
/// until the server acknowledges it (a lost line, a 502 or a 503 are retried).
struct Device<'a> {
    client: reqwest::Client,
    base: String,
    token: String,
    cohort: String,
    /// Which device this is.
    number: usize,
    /// Acknowledged answers: id → the device that sent it and the result it first got.
    acknowledged: &'a Mutex<HashMap<Uuid, (usize, Value)>>,
    /// What a learner would have seen go wrong before a retry got through.
    failures: &'a Mutex<Vec<String>>,
}

impl Device<'_> {
    async fn send(&self, id: Uuid) -> Value {
        let item = json!({ "id": id, "cohort": self.cohort,
            "client_at": "2026-12-01T08:10:00+07:00", "version": 1, "kind": "attempt",
            "submission": { "id": Uuid::nil(), "activity": "a3", "responses": {} } });
        loop {
            let sent = self
                .client
                .post(format!("{}/api/v1/sync", self.base))
                .bearer_auth(&self.token)
                .json(&json!({ "items": [item] }))
                .send()
                .await;
            match sent {
                Ok(response) if response.status().is_success() => {
                    let report: Value = response.json().await.unwrap();
                    return report["results"][0].clone();
                }
                Ok(response) => {
                    let status = response.status();
                    assert!(
                        status.is_server_error(),
                        "only a server's unavailability may fail a send: {status} {}",
                        response.text().await.unwrap_or_default()
                    );
                    self.failures.lock().unwrap().push(status.to_string());
                }
                Err(e) => self.failures.lock().unwrap().push(e.to_string()),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn keep_sending(&self, until: &AtomicBool) {
        while !until.load(Ordering::SeqCst) {
            let id = Uuid::new_v4();
            let result = self.send(id).await;
            assert_eq!(result["status"], "accepted", "{result}");
            self.acknowledged
                .lock()
                .unwrap()
                .insert(id, (self.number, result["attempt"].clone()));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_under_load_loses_and_repeats_nothing() {
    let Some(mut deployment) = Deployment::start(2).await else {
        return;
    };
    let learners = [("hv.mai", "hoc-vien-y-ty"), ("hv.tuan", "hoc-vien-ea-kly")];
    let acknowledged = Mutex::new(HashMap::new());
    let failures = Mutex::new(Vec::new());
    let mut devices = Vec::new();
    for (username, password) in learners {
        let (token, cohort) = learner_in_cohort(&deployment.app, username, password).await;
        if username == "hv.mai" {
            // The demo's other learners have taken theirs.
            take_pre_test(&deployment.app, &token, &cohort).await;
        }
        devices.push(Device {
            number: devices.len(),
            client: deployment.client(),
            base: deployment.base(),
            token,
            cohort,
            acknowledged: &acknowledged,
            failures: &failures,
        });
    }

    let db = deployment.app.db.clone();
    let quiz_attempts = || {
        let db = db.clone();
        async move {
            attempt::Entity::find()
                .filter(attempt::Column::ActivityId.eq("a3"))
                .count(&db)
                .await
                .unwrap()
        }
    };
    let before = quiz_attempts().await;
    let done = AtomicBool::new(false);
    let sending = futures_join_all(devices.iter().map(|d| d.keep_sending(&done)));
    let restarting = async {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let stopping = Instant::now();
        let exit = deployment.stop_instance(0).await;
        let stopped_in = stopping.elapsed();
        assert!(exit.success(), "a graceful stop exits 0: {exit}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        deployment.start_instance(0).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        done.store(true, Ordering::SeqCst);
        stopped_in
    };
    let ((), stopped_in) = tokio::join!(sending, restarting);

    let acknowledged = acknowledged.lock().unwrap().clone();
    let failures = failures.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "answers were sent throughout: {}",
        acknowledged.len()
    );
    let ids: Vec<Uuid> = acknowledged.keys().copied().collect();
    let stored = attempt::Entity::find()
        .filter(attempt::Column::Id.is_in(ids.clone()))
        .count(&deployment.app.db)
        .await
        .unwrap();
    assert_eq!(
        stored as usize,
        ids.len(),
        "every acknowledged answer is stored"
    );
    let all_quiz = quiz_attempts().await;
    assert_eq!((all_quiz - before) as usize, ids.len(), "and nothing twice");

    // Each answer sent again, now that both instances run: the first result, nothing new.
    for (id, (device, first)) in &acknowledged {
        let again = devices[*device].send(*id).await;
        assert_eq!(again["status"], "duplicate", "{again}");
        assert_eq!(&again["attempt"], first, "the first result again");
    }
    assert_eq!(quiz_attempts().await, all_quiz);
    println!(
        "restart under load: {} answers acknowledged, 0 lost, 0 stored twice; {} failed sends \
         retried ({:?}); instance stopped in {:.2} s",
        acknowledged.len(),
        failures.len(),
        failures,
        stopped_in.as_secs_f64()
    );
    assert!(
        deployment.log_of(0).contains("\"stopped\""),
        "the stopped instance closed its pool and said so: {}",
        deployment.log_of(0)
    );
}

/// Runs the futures together until all are done.
async fn futures_join_all<F: std::future::Future<Output = ()>>(futures: impl Iterator<Item = F>) {
    let futures: Vec<_> = futures.map(Box::pin).collect();
    let mut pending = futures;
    std::future::poll_fn(move |cx| {
        pending.retain_mut(|f| f.as_mut().poll(cx).is_pending());
        if pending.is_empty() {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
}
