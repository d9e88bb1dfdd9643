//! The commands of docs/DEPLOY.md marked "(tested)", run as written with the test's paths:
//! migrate and create the first administrator on an empty PostgreSQL database, serve and
//! stop; `pg_dump` and `pg_restore` while learners submit; `backup` and `restore` on SQLite.

use std::path::Path;
use std::process::Stdio;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use server::entities::attempt;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use super::{documented_config, free_port, run, secrets};
use crate::helpers::{Backend, TestDatabase, json, learner_in_cohort, spawn_app, take_pre_test};
use crate::offline_sync::sync;

/// `fieldschool --config fieldschool.toml <args>` in `folder` with the secrets of
/// `database_url`, `input` on its standard input; its output, asserted to succeed.
async fn fieldschool(folder: &Path, database_url: &str, args: &[&str], input: &str) -> String {
    let mut all = vec!["--config", "fieldschool.toml"];
    all.extend_from_slice(args);
    let mut child = super::fieldschool(&all)
        .envs(secrets(database_url))
        .current_dir(folder)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).await.unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "fieldschool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_database_gets_its_schema_and_first_administrator() {
    let Some(database) = TestDatabase::create(Backend::Postgres).await else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    documented_config(folder.path());
    let url = database.url.clone();
    let migrated = fieldschool(folder.path(), &url, &["migrate"], "").await;
    assert!(migrated.contains("up to date"), "{migrated}");
    let created = fieldschool(
        folder.path(),
        &url,
        &[
            "create-user",
            "--username",
            "admin",
            "--full-name",
            "Quản trị hệ thống",
            "--role",
            "admin",
        ],
        "mat-khau-quan-tri-2026\n",
    )
    .await;
    assert!(created.contains("Created user"), "{created}");

    // The unit's command, on the unit's port: the administrator signs in.
    let port = free_port();
    let mut serving = super::quiet_instance(port, &url, folder.path())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    assert!(
        super::ready(&base).await,
        "curl -fsS http://127.0.0.1:PORT/readyz succeeds"
    );
    let signed_in = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/sign-in"))
        .json(&json!({ "username": "admin", "password": "mat-khau-quan-tri-2026" }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK);
    assert!(
        folder.path().join("data/signing-key").exists(),
        "the signing key was generated into data_dir"
    );
    let pid = serving.id().unwrap().to_string();
    run("kill", &["-TERM", &pid], folder.path()).await;
    let stopped = tokio::time::timeout(Duration::from_secs(30), serving.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(stopped.success(), "SIGTERM stops it cleanly: {stopped}");
}

/// `pg_dump` while a learner keeps submitting; `pg_restore` into a new database; every
/// answer acknowledged before the dump began is there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_dump_taken_while_learners_submit_restores_every_acknowledged_answer() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    take_pre_test(&app, &mai, &cohort).await;
    let folder = tempfile::tempdir().unwrap();
    let dump = folder.path().join("fieldschool.dump");
    let acknowledged = Mutex::new(Vec::new());
    let done = AtomicBool::new(false);
    let answering = async {
        while !done.load(Ordering::SeqCst) {
            let id = Uuid::new_v4();
            let item = json!({ "id": id, "cohort": cohort, "client_at": "2026-12-01T08:10:00+07:00",
                "version": 1, "kind": "attempt",
                "submission": { "id": Uuid::nil(), "activity": "a3", "responses": {} } });
            let report = json(sync(&app, &mai, &[item]).await).await;
            if report["results"][0]["status"] == "accepted" {
                acknowledged.lock().unwrap().push((Instant::now(), id));
            }
        }
    };
    let url = app.database_url().to_owned();
    let dumping = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let began = Instant::now();
        let file = format!("--file={}", dump.display());
        run("pg_dump", &["--format=custom", &file, &url], folder.path()).await;
        done.store(true, Ordering::SeqCst);
        began
    };
    let ((), began) = tokio::join!(answering, dumping);
    let before: Vec<Uuid> = acknowledged
        .lock()
        .unwrap()
        .iter()
        .filter(|(at, _)| *at < began)
        .map(|(_, id)| *id)
        .collect();
    assert!(before.len() >= 3, "answers came before the dump");

    let Some(restored) = TestDatabase::create(Backend::Postgres).await else {
        return;
    };
    let target = format!("--dbname={}", restored.url);
    run(
        "pg_restore",
        &["--no-owner", &target, &dump.display().to_string()],
        folder.path(),
    )
    .await;
    let db = Database::connect(restored.url.as_str()).await.unwrap();
    let found = attempt::Entity::find()
        .filter(attempt::Column::Id.is_in(before.clone()))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(
        found as usize,
        before.len(),
        "every answer acknowledged before the dump"
    );
}

/// `fieldschool backup` and `fieldschool restore` on the embedded database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_is_backed_up_and_restored_with_the_commands() {
    let folder = tempfile::tempdir().unwrap();
    documented_config(folder.path());
    let url = format!("sqlite://{}/fieldschool.db", folder.path().display());
    fieldschool(folder.path(), &url, &["migrate"], "").await;
    let copy = folder.path().join("backups/2026-12-01.db");
    let copy = copy.display().to_string();
    let said = fieldschool(folder.path(), &url, &["backup", &copy], "").await;
    assert!(said.contains("Backed up"), "{said}");
    let said = fieldschool(folder.path(), &url, &["restore", &copy], "").await;
    assert!(
        said.contains("Restored") && said.contains("kept as"),
        "{said}"
    );
}
