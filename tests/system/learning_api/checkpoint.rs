//! SQLite: what learners submit reaches the database file itself within a moment, copied
//! from the write-ahead log by the server beside the requests (`server::checkpoint`), and
//! not by whichever commit passes SQLite's threshold while the learners behind it wait.

use std::time::Duration;

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use serde_json::json;
use uuid::Uuid;

use super::token;
use crate::helpers::{Backend, exam_class, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submissions_reach_the_database_file_beside_the_requests() {
    let app = spawn_app(Backend::Sqlite).await.expect("SQLite");
    app.seed_demo().await;
    let cohort = exam_class(&app, "THI-GHI-TEP").await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let url = app.url(&format!("/api/v1/cohorts/{cohort}/attempts"));
    for _ in 0..40 {
        let body = json!({ "id": Uuid::new_v4(), "activity": "a3", "responses": {} });
        let sent = app.cookieless.post(&url).bearer_auth(&mai).json(&body);
        assert_eq!(sent.send().await.unwrap().status(), StatusCode::CREATED);
    }
    let file = server::db::sqlite_file(app.database_url()).expect("a database file");
    let log = std::fs::metadata(file.with_extension("db-wal")).map_or(0, |m| m.len());
    assert!(
        log < u64::from(server::checkpoint::BACKSTOP_PAGES) * 4096,
        "the log ({log} bytes) is short of the size at which a commit copies it back"
    );

    // The database file alone (a copy of it, without its log) holds all forty soon after.
    let copies = tempfile::tempdir().unwrap();
    let mut found = 0;
    for n in 0..50 {
        let copy = copies.path().join(format!("copy-{n}.db"));
        std::fs::copy(file, &copy).unwrap();
        found = attempts_in(&copy.display().to_string(), &cohort)
            .await
            .unwrap_or(0);
        if found == 40 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        found, 40,
        "attempts in the database file 5 s after they were acknowledged"
    );
}

/// Attempts of `cohort` in the SQLite file `path` (a copy, opened on its own).
async fn attempts_in(path: &str, cohort: &str) -> Option<i64> {
    let db = Database::connect(format!("sqlite://{path}?mode=rw"))
        .await
        .ok()?;
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT COUNT(*) FROM attempts WHERE cohort_id = ?",
            [Uuid::parse_str(cohort).ok()?.into()],
        ))
        .await
        .ok()??;
    let count = row.try_get_by_index(0).ok();
    db.close().await.ok()?;
    count
}
