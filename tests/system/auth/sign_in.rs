use reqwest::StatusCode;
use shared::Role;

use crate::helpers::{TestApp, json, on_both_databases, set_cookies};

on_both_databases!(
    json_sign_in_returns_tokens_that_identify_the_user,
    wrong_password_and_unknown_user_get_the_same_answer,
    a_form_sign_in_sets_cookies_and_returns_where_it_came_from,
    a_failed_form_sign_in_comes_back_to_the_login_page,
    repeated_failures_are_throttled_with_retry_after,
);

async fn json_sign_in_returns_tokens_that_identify_the_user(app: TestApp) {
    let id = app
        .create_user(
            "lan.nguyen",
            "ruộng bậc thang",
            &[Role::Lecturer, Role::Learner],
        )
        .await;
    let tokens = app.sign_in_json("lan.nguyen", "ruộng bậc thang").await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert_eq!(tokens["refresh_token"].as_str().unwrap().len(), 43);

    let me = reqwest::Client::new()
        .get(app.url("/api/v1/auth/me"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me = json(me).await;
    assert_eq!(me["id"], id.to_string());
    assert_eq!(me["username"], "lan.nguyen");
    let roles: Vec<&str> = me["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["lecturer", "learner"]);

    let anonymous = reqwest::get(app.url("/api/v1/auth/me")).await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(anonymous).await["error"]["code"], "unauthenticated");
}

async fn wrong_password_and_unknown_user_get_the_same_answer(app: TestApp) {
    app.create_user("hung.lo", "mưa rừng tây bắc", &[Role::Learner])
        .await;
    let mut answers = Vec::new();
    for (user, password) in [
        ("hung.lo", "sai mật khẩu rồi"),
        ("nobody", "sai mật khẩu rồi"),
    ] {
        let response = app
            .post_json(
                "/api/v1/auth/sign-in",
                &serde_json::json!({ "username": user, "password": password }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        answers.push(json(response).await);
    }
    assert_eq!(
        answers[0], answers[1],
        "nothing tells whether the account exists"
    );
}

async fn a_form_sign_in_sets_cookies_and_returns_where_it_came_from(app: TestApp) {
    app.create_user("mai.giang", "hoa đào nở sớm", &[Role::Learner])
        .await;
    let response = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[
                ("username", "Mai.Giang"),
                ("password", "hoa đào nở sớm"),
                ("return_to", "/profile"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/profile");
    let cookies: Vec<String> = set_cookies(&response);
    for name in ["fs_access=", "fs_refresh="] {
        let cookie = cookies.iter().find(|c| c.starts_with(name)).expect(name);
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    }
    // The cookie session is live: the profile page shows the user.
    let profile = app.get("/profile").await;
    assert_eq!(profile.status(), StatusCode::OK);
    let html = profile.text().await.unwrap();
    assert!(html.contains("Nguyễn Văn mai.giang"));
    assert!(html.contains("name=\"csrf\""), "forms carry the form token");
}

async fn a_failed_form_sign_in_comes_back_to_the_login_page(app: TestApp) {
    let response = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[("username", "x"), ("password", "wrong password")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/login?error=credentials"),
        "{location}"
    );
    let page = app.get(&location).await.text().await.unwrap();
    assert!(page.contains("Sai tên đăng nhập hoặc mật khẩu."));
}

async fn repeated_failures_are_throttled_with_retry_after(app: TestApp) {
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    use server::entities::sign_in_throttle;

    app.create_user("tuan.y", "buôn đôn voi rừng", &[Role::Learner])
        .await;
    let app = &app;
    let attempt = |password: &'static str| async move {
        let body = serde_json::json!({ "username": "tuan.y", "password": password });
        app.post_json("/api/v1/auth/sign-in", &body).await
    };
    for _ in 0..6 {
        assert_eq!(
            attempt("không đúng đâu").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // The sixth failure starts a block on the account (and on the address).
    let row = sign_in_throttle::Entity::find_by_id("u:tuan.y".to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .expect("failures are counted");
    assert_eq!(row.failures, 6);
    assert!(row.blocked_until.is_some());

    // While blocked, even the right password is refused, with a time to retry.
    let mut row = row.into_active_model();
    row.blocked_until = Set(Some(chrono::Utc::now() + chrono::Duration::minutes(10)));
    row.update(&app.db).await.unwrap();
    let blocked = attempt("buôn đôn voi rừng").await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((590..=600).contains(&retry), "{retry}");
    assert_eq!(json(blocked).await["error"]["code"], "rate_limited");

    // Once the block is over, the right password works and the count is forgotten.
    let row = sign_in_throttle::Entity::find_by_id("u:tuan.y".to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut row = row.into_active_model();
    row.blocked_until = Set(None);
    row.update(&app.db).await.unwrap();
    sign_in_throttle::Entity::delete_by_id("ip:127.0.0.1".to_owned())
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(attempt("buôn đôn voi rừng").await.status(), StatusCode::OK);
    assert!(
        sign_in_throttle::Entity::find_by_id("u:tuan.y".to_owned())
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
}
