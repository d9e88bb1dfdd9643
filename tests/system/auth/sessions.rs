//! Refresh rotation, reuse detection, sign-out, password change, disabling.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use server::entities::session;
use shared::Role;

use crate::helpers::{TestApp, json, on_both_databases, set_cookies};

on_both_databases!(
    refresh_rotates_and_reuse_after_the_grace_revokes_the_family,
    a_quick_second_use_is_refused_without_ending_the_session,
    sign_out_ends_the_session_at_once,
    changing_the_password_ends_the_other_sessions,
    disabling_a_user_takes_effect_at_once,
    an_expired_access_cookie_is_renewed_on_the_fly,
);

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": token }))
        .await
}

async fn refresh_rotates_and_reuse_after_the_grace_revokes_the_family(app: TestApp) {
    app.create_user("minh.tran", "đồng bằng sông nước", &[Role::Learner])
        .await;
    let first = app.sign_in_json("minh.tran", "đồng bằng sông nước").await;
    let old = first["refresh_token"].as_str().unwrap().to_owned();

    let rotated = refresh(&app, &old).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let second = json(rotated).await;
    let new = second["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert_eq!(
        app.me_with(second["access_token"].as_str().unwrap()).await,
        StatusCode::OK
    );

    // The old token is presented again, well after it was replaced: someone stole it.
    session::Entity::update_many()
        .col_expr(
            session::Column::ReplacedAt,
            Expr::value(Utc::now() - Duration::minutes(5)),
        )
        .filter(session::Column::ReplacedAt.is_not_null())
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(refresh(&app, &old).await.status(), StatusCode::UNAUTHORIZED);
    // The whole family is revoked: the thief's and the owner's newest tokens alike.
    assert_eq!(refresh(&app, &new).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.me_with(second["access_token"].as_str().unwrap()).await,
        StatusCode::UNAUTHORIZED
    );
}

async fn a_quick_second_use_is_refused_without_ending_the_session(app: TestApp) {
    app.create_user("hoa.le", "sen hồng đầm nước", &[Role::Learner])
        .await;
    let first = app.sign_in_json("hoa.le", "sen hồng đầm nước").await;
    let old = first["refresh_token"].as_str().unwrap().to_owned();
    let second = json(refresh(&app, &old).await).await;
    // Two tabs raced: the loser is refused, the winner's session lives on.
    assert_eq!(refresh(&app, &old).await.status(), StatusCode::UNAUTHORIZED);
    let new = second["refresh_token"].as_str().unwrap();
    assert_eq!(refresh(&app, new).await.status(), StatusCode::OK);
}

async fn sign_out_ends_the_session_at_once(app: TestApp) {
    app.create_user("binh.do", "chợ nổi cái răng", &[Role::Learner])
        .await;
    let tokens = app.sign_in_json("binh.do", "chợ nổi cái răng").await;
    let access = tokens["access_token"].as_str().unwrap();
    let out = reqwest::Client::new()
        .post(app.url("/api/v1/auth/sign-out"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    assert_eq!(
        app.me_with(access).await,
        StatusCode::UNAUTHORIZED,
        "the access token died with the session"
    );
    assert_eq!(
        refresh(&app, tokens["refresh_token"].as_str().unwrap())
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn changing_the_password_ends_the_other_sessions(app: TestApp) {
    app.create_user("thu.pham", "mùa thu hà nội", &[Role::Learner])
        .await;
    let laptop = app.sign_in_json("thu.pham", "mùa thu hà nội").await;
    let phone = app.sign_in_json("thu.pham", "mùa thu hà nội").await;
    let laptop_access = laptop["access_token"].as_str().unwrap();

    let change = |current: &'static str, new: &'static str| {
        reqwest::Client::new()
            .post(app.url("/api/v1/auth/password"))
            .bearer_auth(laptop_access)
            .json(&json!({ "current_password": current, "new_password": new }))
            .send()
    };
    let wrong = change("không phải", "mật khẩu mới dài").await.unwrap();
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(wrong).await["error"]["fields"][0]["field"],
        "current_password"
    );
    let common = change("mùa thu hà nội", "12345678").await.unwrap();
    assert_eq!(common.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(common).await["error"]["fields"][0]["field"],
        "password"
    );

    assert_eq!(
        change("mùa thu hà nội", "hồ gươm sáng sớm")
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.me_with(laptop_access).await,
        StatusCode::OK,
        "this session continues"
    );
    assert_eq!(
        app.me_with(phone["access_token"].as_str().unwrap()).await,
        StatusCode::UNAUTHORIZED
    );
    app.sign_in_json("thu.pham", "hồ gươm sáng sớm").await;
}

async fn disabling_a_user_takes_effect_at_once(app: TestApp) {
    let id = app
        .create_user("khanh.vu", "núi rừng việt bắc", &[Role::Learner])
        .await;
    let tokens = app.sign_in_json("khanh.vu", "núi rừng việt bắc").await;
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(app.me_with(access).await, StatusCode::OK);
    // An administrator disables the account while the learner's session is in use (and
    // its actor kept in memory).
    app.create_user("quan.tri", "đồng bằng sông hồng", &[Role::Admin])
        .await;
    let admin = app.sign_in_json("quan.tri", "đồng bằng sông hồng").await;
    let disabled = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/users/{id}/disable")))
        .bearer_auth(admin["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(disabled.status(), StatusCode::NO_CONTENT);
    // The access token has not expired, and is refused all the same.
    assert_eq!(app.me_with(access).await, StatusCode::UNAUTHORIZED);
    let again = app
        .post_json(
            "/api/v1/auth/sign-in",
            &json!({ "username": "khanh.vu", "password": "núi rừng việt bắc" }),
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
}

async fn an_expired_access_cookie_is_renewed_on_the_fly(app: TestApp) {
    app.create_user("an.ho", "bình minh trên biển", &[Role::Learner])
        .await;
    let tokens = app.sign_in_json("an.ho", "bình minh trên biển").await;
    // A browser whose access cookie has expired still holds its refresh cookie.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = browser
        .get(app.url("/api/v1/auth/me"))
        .header(
            "cookie",
            format!("fs_refresh={}", tokens["refresh_token"].as_str().unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "still signed in");
    let renewed: Vec<String> = set_cookies(&response);
    assert!(
        renewed
            .iter()
            .any(|c| c.starts_with("fs_access=") && !c.starts_with("fs_access=;"))
    );
    assert!(renewed.iter().any(|c| c.starts_with("fs_refresh=")));
    assert_eq!(json(response).await["username"], "an.ho");
}
