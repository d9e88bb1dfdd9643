//! `/metrics` for the institution's monitoring: hidden unless a token is configured, and
//! then counting what an operator watches (requests by route and status, sync outcomes,
//! offline packages, hashing slots, the pool, whether the server hears the others). Every
//! response carries a request id that a trusted proxy can set, so the two logs join.

use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{As, Backend, TestApp, learner_in_cohort, spawn_app, spawn_app_with};
use crate::offline_sync::sync;

const TOKEN: &str = "scraper-token-for-the-test-0123456789";

/// The value on the line that starts with `series` (name and labels), if any.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let request = reqwest::Client::new().get(app.url("/metrics"));
    let request = match token {
        Some(token) => request.bearer_auth(token),
        None => request,
    };
    request.send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_not_served_unless_a_token_is_configured() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    assert_eq!(scrape(&app, None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        scrape(&app, Some("anything")).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn with_token(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |settings| {
        settings.metrics.token = Some(server::secret::Secret::new(TOKEN.to_owned()));
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scraper_with_the_token_reads_what_the_server_did() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = with_token(backend).await else {
            continue;
        };
        app.seed_demo().await;
        let refused = scrape(&app, None).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            scrape(&app, Some("scraper-token-for-the-test-012345678"))
                .await
                .status(),
            StatusCode::UNAUTHORIZED,
            "a token but one character is refused"
        );

        let (token, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
        let mai = As::new(&app, &token);
        let package = mai.get(&format!("/api/v1/cohorts/{cohort}/offline")).await;
        assert_eq!(package.status(), StatusCode::OK);
        let item = json!({ "id": Uuid::new_v4(), "cohort": cohort,
            "client_at": "2026-12-01T08:10:00+07:00", "version": 1, "kind": "attempt",
            "submission": { "id": Uuid::nil(), "activity": "a1", "responses": {} } });
        let report = sync(&app, &token, &[item.clone(), item]).await;
        assert_eq!(report.status(), StatusCode::OK);
        let nobody = Uuid::new_v4();
        let missing = mai.get(&format!("/api/v1/users/{nobody}")).await;
        assert!(missing.status().is_client_error());
        let unknown = app.get(&format!("/no-such-page/{nobody}")).await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

        if backend == Backend::Postgres {
            // The server hears the others on a connection it opens after starting.
            for _ in 0..50 {
                let text = scrape(&app, Some(TOKEN)).await.text().await.unwrap();
                if value(&text, "fieldschool_cluster_hearing") == Some(1.0) {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        }
        let scraped = scrape(&app, Some(TOKEN)).await;
        assert_eq!(scraped.status(), StatusCode::OK);
        assert!(
            scraped.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain; version=0.0.4"),
        );
        let text = scraped.text().await.unwrap();
        let series = |s: &str| value(&text, s).unwrap_or_else(|| panic!("{s} in\n{text}"));
        assert!(
            series(
                "fieldschool_http_responses_total{route=\"/api/v1/auth/sign-in\",status=\"200\"}"
            ) >= 1.0
        );
        assert_eq!(
            series(
                "fieldschool_http_responses_total{route=\"/api/v1/cohorts/{id}/offline\",status=\"200\"}"
            ),
            1.0
        );
        assert!(
            series(
                "fieldschool_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/sync\"}"
            ) >= 1.0
        );
        assert!(
            series("fieldschool_http_responses_total{route=\"unmatched\",status=\"404\"}") >= 1.0
        );
        assert!(
            !text.contains(&nobody.to_string()),
            "addresses never become labels"
        );
        assert_eq!(series("fieldschool_sync_batches_total"), 1.0);
        assert_eq!(
            series("fieldschool_sync_items_total{outcome=\"accepted\"}"),
            1.0
        );
        assert_eq!(
            series("fieldschool_sync_items_total{outcome=\"duplicate\"}"),
            1.0
        );
        assert_eq!(series("fieldschool_offline_packages_served_total"), 1.0);
        assert_eq!(series("fieldschool_password_hashes_waiting"), 0.0);
        assert_eq!(series("fieldschool_password_hashes_refused_total"), 0.0);
        assert_eq!(series("fieldschool_db_connections_max"), 5.0);
        assert!(series("fieldschool_db_connections{state=\"idle\"}") >= 1.0);
        assert_eq!(series("fieldschool_jobs{state=\"queued\"}"), 0.0);
        match backend {
            Backend::Postgres => assert_eq!(series("fieldschool_cluster_hearing"), 1.0),
            Backend::Sqlite => assert!(!text.contains("fieldschool_cluster_hearing")),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_has_a_request_id_that_only_a_trusted_proxy_sets() {
    let Some(direct) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let id_of = |response: &reqwest::Response| {
        response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let first = direct.get("/").await;
    let second = direct.get("/").await;
    assert_eq!(id_of(&first).len(), 32);
    assert_ne!(id_of(&first), id_of(&second), "each request its own");
    let forged = direct
        .client
        .get(direct.url("/"))
        .header("x-request-id", "chosen-by-the-client")
        .send()
        .await
        .unwrap();
    assert_ne!(id_of(&forged), "chosen-by-the-client");

    let Some(behind) = spawn_app_with(Backend::Sqlite, |settings| {
        settings.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    else {
        return;
    };
    let from_proxy = |id: &'static str| {
        behind
            .client
            .get(behind.url("/"))
            .header("x-request-id", id)
            .send()
    };
    let kept = from_proxy("3f1c0ab2d4e5f60718293a4b5c6d7e8f")
        .await
        .unwrap();
    assert_eq!(id_of(&kept), "3f1c0ab2d4e5f60718293a4b5c6d7e8f");
    let odd = from_proxy("a b\" status=500").await.unwrap();
    assert_ne!(id_of(&odd), "a b\" status=500", "only plain ids are kept");
}
