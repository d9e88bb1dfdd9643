//! Backups of a SQLite database: a copy taken while learners submit holds every answer
//! acknowledged before it began, a restored copy is served, and what would go wrong is
//! refused with a reason.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, Database, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::backup::{self, BackupError};
use server::entities::attempt;
use server::startup::Application;
use uuid::Uuid;

use crate::helpers::{Backend, json, learner_in_cohort, spawn_app, take_pre_test, test_settings};
use crate::offline_sync::sync;

/// An answer to the practice quiz sent from a device's queue (kept past the attempt limit,
/// so a learner can send as many as the test needs).
fn answer(cohort: &str) -> (Uuid, Value) {
    let id = Uuid::new_v4();
    let item = json!({ "id": id, "cohort": cohort, "client_at": "2026-12-01T08:10:00+07:00",
        "version": 1, "kind": "attempt",
        "submission": { "id": Uuid::nil(), "activity": "a3", "responses": {} } });
    (id, item)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_learners_submit_holds_every_acknowledged_answer() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    take_pre_test(&app, &mai, &cohort).await;
    let folder = tempfile::tempdir().unwrap();
    let copy = folder.path().join("backup/fieldschool.db");

    // One learner keeps answering; the backup starts in the middle of it.
    let acknowledged: Mutex<Vec<(Instant, Uuid)>> = Mutex::new(Vec::new());
    let done = AtomicBool::new(false);
    let answering = async {
        let mut after = 0;
        while !done.load(Ordering::SeqCst) || after < 3 {
            let (id, item) = answer(&cohort);
            let response = sync(&app, &mai, &[item]).await;
            let report = json(response).await;
            if report["results"][0]["status"] == "accepted" {
                acknowledged.lock().unwrap().push((Instant::now(), id));
                if done.load(Ordering::SeqCst) {
                    after += 1;
                }
            }
        }
    };
    let backing_up = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let began = Instant::now();
        backup::backup(&app.store.conn, &copy).await.unwrap();
        done.store(true, Ordering::SeqCst);
        began
    };
    let ((), began) = tokio::join!(answering, backing_up);
    let acknowledged = acknowledged.into_inner().unwrap();
    let before: Vec<Uuid> = acknowledged
        .iter()
        .filter(|(at, _)| *at < began)
        .map(|(_, id)| *id)
        .collect();
    assert!(
        before.len() >= 3,
        "answers came before the backup: {}",
        before.len()
    );
    assert!(acknowledged.len() > before.len(), "and during and after it");

    // Restored in a new place, the copy is served and holds every one of them.
    let restored = folder.path().join("restored/fieldschool.db");
    let kept = backup::restore(&copy, &restored).await.unwrap();
    assert_eq!(kept, None, "nothing was there to keep");
    let url = format!("sqlite://{}?mode=rwc", restored.display());
    let server = Application::build(test_settings(&url))
        .await
        .expect("a server starts on the restored database");
    let address = format!("http://127.0.0.1:{}", server.port());
    tokio::spawn(server.run_until_stopped());
    let signed_in = reqwest::Client::new()
        .post(format!("{address}/api/v1/auth/sign-in"))
        .json(&json!({ "username": "hv.mai", "password": "hoc-vien-y-ty" }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), reqwest::StatusCode::OK);
    let db = Database::connect(url.as_str()).await.unwrap();
    let found = attempt::Entity::find()
        .filter(attempt::Column::Id.is_in(before.clone()))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        found.len(),
        before.len(),
        "every answer acknowledged before the backup"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_would_go_wrong_is_refused_with_a_reason() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let copy = folder.path().join("one.db");
    backup::backup(&app.store.conn, &copy).await.unwrap();
    // A backup never overwrites a file.
    let again = backup::backup(&app.store.conn, &copy).await;
    assert!(matches!(again, Err(BackupError::Exists(_))), "{again:?}");
    // Something that is not a Fieldschool database is not restored.
    let junk = folder.path().join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    let target = folder.path().join("live.db");
    let refused = backup::restore(&junk, &target).await;
    assert!(
        matches!(refused, Err(BackupError::NotABackup(..))),
        "{refused:?}"
    );
    assert!(!target.exists(), "nothing was put in place");
    // Restoring over a database keeps the one it replaces beside it.
    std::fs::write(&target, "the database before").unwrap();
    let kept = backup::restore(&copy, &target).await.unwrap().unwrap();
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "the database before"
    );
    assert!(
        std::fs::metadata(&target).unwrap().len() > 1000,
        "the backup is in place"
    );

    // PostgreSQL is backed up with its own tools.
    if let Some(pg) = spawn_app(Backend::Postgres).await {
        let refused = backup::backup(&pg.store.conn, &folder.path().join("pg.db")).await;
        assert!(
            matches!(refused, Err(BackupError::NotSqlite)),
            "{refused:?}"
        );
    }
}
