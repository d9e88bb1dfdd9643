use reqwest::StatusCode;
use server::Application;
use server::startup::connect_and_migrate;

use crate::helpers::{Backend, TestApp, TestDatabase, json, on_both_databases, test_settings};

on_both_databases!(
    healthz_says_the_process_is_up,
    readyz_says_the_database_is_reachable
);

async fn healthz_says_the_process_is_up(app: TestApp) {
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(json(response).await["status"], "ok");
}

async fn readyz_says_the_database_is_reachable(app: TestApp) {
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await["status"], "ok");
}

async fn readyz_fails_when_the_database_is_gone(backend: Backend) {
    let Some(database) = TestDatabase::create(backend).await else {
        return;
    };
    let settings = test_settings(&database.url);
    let db = connect_and_migrate(&settings).await.expect("database");
    let app = Application::build_with_db(settings, db.clone())
        .await
        .expect("server");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    db.conn.close().await.expect("close the pool");

    let response = reqwest::get(format!("{address}/readyz"))
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("retry-after"));
    let body = json(response).await;
    assert_eq!(body["error"]["code"], "unavailable");
    // The cause stays in the log; the client gets no internals.
    let message = body["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_lowercase();
    assert!(
        !message.contains("pool") && !message.contains("sqlx"),
        "{message}"
    );
    // The process itself is still alive.
    let live = reqwest::get(format!("{address}/healthz"))
        .await
        .expect("request");
    assert_eq!(live.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_when_the_database_is_gone_sqlite() {
    readyz_fails_when_the_database_is_gone(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_when_the_database_is_gone_postgres() {
    readyz_fails_when_the_database_is_gone(Backend::Postgres).await;
}
