//! An acknowledged attempt survives the server being killed outright (SIGKILL: nothing gets
//! the chance to finish), on both databases: learners submit to an exam class, whose
//! attempts the server writes together, while the process is killed; every attempt it
//! answered `201` is in the database afterwards.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::{free_port, quiet_instance, ready, seeded_folder};
use crate::helpers::{Backend, TestApp, TestDatabase, exam_class};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    acknowledged_attempts_survive_kill_9(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    acknowledged_attempts_survive_kill_9(Backend::Postgres).await;
}

async fn acknowledged_attempts_survive_kill_9(backend: Backend) {
    let Some(database) = TestDatabase::create(backend).await else {
        return;
    };
    let folder = seeded_folder(&database.url).await;
    let port = free_port();
    let mut process = quiet_instance(port, &database.url, folder.path())
        .env("FIELDSCHOOL_SERVER__WORKERS", "2")
        .env("FIELDSCHOOL_SECURITY__MAX_CONCURRENT_HASHES", "2")
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    assert!(ready(&base).await, "the server starts");
    let app = TestApp::elsewhere(base.clone(), reqwest::Client::builder, database).await;
    let cohort = exam_class(&app, "THI-MAT-DIEN").await;
    let token = app.sign_in_json("hv.mai", "hoc-vien-y-ty").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();

    // Sixteen devices, each sending attempts one after another until the server is gone.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let url = format!("{base}/api/v1/cohorts/{cohort}/attempts");
    let devices: Vec<_> = (0..16)
        .map(|_| {
            let (client, url, token) = (app.cookieless.clone(), url.clone(), token.clone());
            let acknowledged = Arc::clone(&acknowledged);
            tokio::spawn(async move {
                loop {
                    let id = Uuid::new_v4();
                    let body = json!({ "id": id, "activity": "a3", "responses": {} });
                    let sent = client.post(&url).bearer_auth(&token).json(&body).send();
                    match sent.await {
                        Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                            acknowledged.lock().unwrap().push(id);
                        }
                        Ok(r) => panic!("only a dead server may fail a send: {}", r.status()),
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    // Killed once it has acknowledged a good many (at most 30 s on a slow machine).
    for _ in 0..300 {
        if acknowledged.lock().unwrap().len() >= 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    process.start_kill().unwrap();
    process.wait().await.unwrap();
    for device in devices {
        device.await.unwrap();
    }

    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 50,
        "the learners were submitting when the server was killed: {}",
        acknowledged.len()
    );
    let mut stored = 0;
    for ids in acknowledged.chunks(500) {
        stored += server::entities::attempt::Entity::find()
            .filter(server::entities::attempt::Column::Id.is_in(ids.iter().copied()))
            .count(&app.db)
            .await
            .unwrap();
    }
    assert_eq!(
        stored,
        acknowledged.len() as u64,
        "every acknowledged attempt is stored"
    );
}
