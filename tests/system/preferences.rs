//! The language switch: a plain form post (scripts off) and JSON, one endpoint.

use reqwest::StatusCode;

use crate::helpers::{TestApp, json, on_both_databases, set_cookies};

const LOCALE: &str = "/api/v1/preferences/locale";

on_both_databases!(
    a_form_post_switches_language_and_redirects_back,
    json_gets_json,
    unknown_languages_are_refused_by_field,
    the_redirect_never_leaves_the_site,
    a_signed_in_choice_follows_the_user_to_another_device,
);

async fn a_form_post_switches_language_and_redirects_back(app: TestApp) {
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("lang=\"vi\""), "Vietnamese is the default");

    let response = app
        .post_form(LOCALE, &[("locale", "en"), ("return_to", "/some/page?x=1")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/some/page?x=1");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("fs_lang=en"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("lang=\"en\""));
    assert!(home.contains("Learn to serve your commune better"));
}

async fn json_gets_json(app: TestApp) {
    let response = app
        .post_json(LOCALE, &serde_json::json!({ "locale": "en" }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await, serde_json::json!({ "locale": "en" }));
}

async fn unknown_languages_are_refused_by_field(app: TestApp) {
    let response = app
        .post_json(LOCALE, &serde_json::json!({ "locale": "fr" }))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response.headers().get("set-cookie").is_none(),
        "nothing is changed"
    );
    let body = json(response).await;
    assert_eq!(body["error"]["code"], "invalid_input");
    assert_eq!(body["error"]["fields"][0]["field"], "locale");
}

async fn the_redirect_never_leaves_the_site(app: TestApp) {
    for target in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let response = app
            .post_form(LOCALE, &[("locale", "vi"), ("return_to", target)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/", "for {target}");
    }
}

async fn a_signed_in_choice_follows_the_user_to_another_device(app: TestApp) {
    app.create_user("quynh.la", "trăng rằm tháng tám", &[shared::Role::Learner])
        .await;
    let signed_in = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[
                ("username", "quynh.la"),
                ("password", "trăng rằm tháng tám"),
            ],
        )
        .await;
    assert_eq!(signed_in.status(), reqwest::StatusCode::SEE_OTHER);
    let page = app.get("/profile").await.text().await.unwrap();
    let start = page.find("name=\"csrf\" value=\"").unwrap() + 19;
    let token = page[start..].split('"').next().unwrap().to_owned();
    let switched = app
        .post_form(
            LOCALE,
            &[
                ("locale", "en"),
                ("return_to", "/profile"),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);

    // Another device: a fresh browser signs in and gets English at once.
    let other = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = other
        .post(app.url("/api/v1/auth/sign-in"))
        .form(&[
            ("username", "quynh.la"),
            ("password", "trăng rằm tháng tám"),
        ])
        .send()
        .await
        .unwrap();
    let cookies: Vec<String> = set_cookies(&response);
    assert!(
        cookies.iter().any(|c| c.starts_with("fs_lang=en")),
        "{cookies:?}"
    );
    let html = other
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("lang=\"en\""));
}
