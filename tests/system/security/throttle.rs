//! Sign-in throttling: counted exactly under a burst, decided before any hashing, and
//! unable to lock other people out of their own accounts from a shared address.

use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::json;
use server::entities::sign_in_throttle;
use shared::Role;

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(
    a_burst_of_guesses_is_counted_exactly_and_refused_before_hashing,
    a_guesser_behind_a_shared_address_locks_out_nobody_else,
);

async fn attempt(
    client: &reqwest::Client,
    app: &TestApp,
    username: &str,
    password: &str,
) -> StatusCode {
    client
        .post(app.url("/api/v1/auth/sign-in"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

async fn a_burst_of_guesses_is_counted_exactly_and_refused_before_hashing(app: TestApp) {
    app.create_user("dich.danh", "mật khẩu thật sự", &[Role::Learner])
        .await;
    let url = app.url("/api/v1/auth/sign-in");
    let mut burst = tokio::task::JoinSet::new();
    for i in 0..50 {
        let url = url.clone();
        burst.spawn(async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({ "username": "dich.danh", "password": format!("đoán sai {i}") }))
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let statuses = burst.join_all().await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + refused, 50, "only 401 or 429: {statuses:?}");
    // Five free failures, then the sixth starts a block: nothing past it is hashed.
    assert_eq!(checked, 6, "{statuses:?}");
    let row = sign_in_throttle::Entity::find_by_id("u:dich.danh".to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .expect("the account's failures are counted");
    assert_eq!(
        row.failures, 6,
        "every checked guess counted once, none lost"
    );
    let address = sign_in_throttle::Entity::find_by_id("ip:127.0.0.1".to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .expect("the address's failures are counted");
    assert_eq!(
        address.failures, 6,
        "a refused guess counts against nothing"
    );
}

async fn a_guesser_behind_a_shared_address_locks_out_nobody_else(app: TestApp) {
    app.create_user("chu.tich", "mật khẩu chủ tịch xã", &[Role::Learner])
        .await;
    app.create_user("cong.chuc", "mật khẩu công chức xã", &[Role::Learner])
        .await;
    // The chair signed in on the office computer last week: it holds a device cookie.
    let office = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    assert_eq!(
        attempt(&office, &app, "chu.tich", "mật khẩu chủ tịch xã").await,
        StatusCode::OK
    );
    // Someone behind the same address guesses the chair's password until refused.
    let guesser = reqwest::Client::new();
    let mut refused = false;
    for i in 0..12 {
        let status = attempt(&guesser, &app, "chu.tich", &format!("đoán {i}")).await;
        refused |= status == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(refused, "the guesser is throttled");
    assert_eq!(
        attempt(&guesser, &app, "chu.tich", "mật khẩu chủ tịch xã").await,
        StatusCode::TOO_MANY_REQUESTS,
        "from the guesser's side the account is locked"
    );
    // A colleague at the same address, on another computer, signs in to their own account.
    assert_eq!(
        attempt(
            &reqwest::Client::new(),
            &app,
            "cong.chuc",
            "mật khẩu công chức xã"
        )
        .await,
        StatusCode::OK
    );
    // The chair, on the office computer that knows them, is not locked out.
    assert_eq!(
        attempt(&office, &app, "chu.tich", "mật khẩu chủ tịch xã").await,
        StatusCode::OK
    );
    // A device cookie proves nothing for another account.
    for i in 0..7 {
        attempt(&office, &app, "cong.chuc", &format!("sai {i}")).await;
    }
    assert_eq!(
        attempt(&guesser, &app, "cong.chuc", "mật khẩu công chức xã").await,
        StatusCode::TOO_MANY_REQUESTS,
        "guesses from a device that never signed in to the account count against it"
    );
}
