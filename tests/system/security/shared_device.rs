//! A shared office computer, over HTTP: a signed-in person's pages are never stored by the
//! browser, sign-out tells the browser to drop its cache, the service worker learns who is
//! signed in from a cookie that names an id and nothing else, and the offline shell names
//! nobody. The service worker's part is proven in Chromium (`browser/shared_device.rs`).

use reqwest::StatusCode;

use crate::helpers::{TestApp, form_token, on_both_databases, page, set_cookies};

on_both_databases!(nothing_personal_outlives_sign_out_in_the_browser_cache);

async fn nothing_personal_outlives_sign_out_in_the_browser_cache(app: TestApp) {
    app.seed_demo().await;
    let anonymous = app.get("/").await;
    assert_eq!(anonymous.headers()["cache-control"], "no-cache");

    let signed = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[("username", "hv.mai"), ("password", "hoc-vien-y-ty")],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let who = set_cookies(&signed)
        .into_iter()
        .find(|c| c.starts_with("fs_who="))
        .expect("who is signed in, for the service worker");
    assert!(!who.contains("HttpOnly"), "the worker reads it: {who}");

    for path in ["/learn", "/profile", "/"] {
        let response = app.get(path).await;
        assert_eq!(
            response.headers()["cache-control"],
            "private, no-store",
            "{path} is never stored while someone is signed in"
        );
    }
    let offline = reqwest::Client::new()
        .get(app.url("/offline"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !offline.contains("Giàng Thị Mai"),
        "the offline shell, fetched as the worker does, names nobody"
    );

    let (_, html) = page(&app, "/learn").await;
    let token = form_token(&html);
    let out = app
        .post_form("/api/v1/auth/sign-out", &[("csrf", token.as_str())])
        .await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(out.headers()["clear-site-data"], "\"cache\"");
    let cleared = set_cookies(&out);
    for name in ["fs_access=", "fs_refresh=", "fs_who="] {
        assert!(
            cleared
                .iter()
                .any(|c| c.starts_with(name) && c.contains("Max-Age=0")),
            "{name} is cleared: {cleared:?}"
        );
    }
    let (_, html) = page(&app, "/").await;
    assert!(
        !html.contains("Giàng Thị Mai"),
        "signed out: her name is gone"
    );
    assert_eq!(app.get("/").await.headers()["cache-control"], "no-cache");
    let learn = app.get_with("/learn", "accept", "text/html").await;
    let status = learn.status();
    let body = learn.text().await.unwrap();
    assert_eq!(
        status,
        StatusCode::FOUND,
        "{}",
        &body[..body.len().min(3000)]
    );
}
