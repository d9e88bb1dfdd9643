use reqwest::StatusCode;

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(
    pages_carry_a_nonce_policy,
    api_answers_carry_a_locked_down_policy
);

async fn pages_carry_a_nonce_policy(app: TestApp) {
    let first = app.get("/").await;
    assert_eq!(first.status(), StatusCode::OK);
    let headers = first.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the policy names a nonce")
        .to_owned();
    let html = first.text().await.unwrap();
    if html.contains("<script") {
        assert!(
            html.contains(&format!("nonce=\"{nonce}\"")),
            "inline script without the nonce"
        );
    }
    let second = app.get("/").await;
    let csp2 = second.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!csp2.contains(&nonce), "a nonce is never reused");
}

async fn api_answers_carry_a_locked_down_policy(app: TestApp) {
    let response = app.get("/healthz").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
}

/// Production is HTTPS only: browsers are told to refuse plain HTTP to the host for a year.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_answers_carry_hsts() {
    use crate::helpers::{Backend, spawn_app_with};
    let Some(app) = spawn_app_with(Backend::Sqlite, |s| {
        s.environment = server::config::Environment::Production;
    })
    .await
    else {
        return;
    };
    for path in ["/", "/healthz", "/api/v1/openapi.json"] {
        let response = app.get(path).await;
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000",
            "{path}"
        );
    }
    let Some(development) = crate::helpers::spawn_app(Backend::Sqlite).await else {
        return;
    };
    assert!(
        development
            .get("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none(),
        "not on plain-HTTP development servers"
    );
}
