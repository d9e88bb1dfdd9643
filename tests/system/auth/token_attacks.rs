//! Forged and altered access tokens are refused.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use reqwest::StatusCode;
use serde_json::{Value, json};
use shared::Role;

use crate::helpers::{TEST_SIGNING_KEY, TestApp, on_both_databases};

on_both_databases!(forged_or_altered_tokens_are_refused);

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

fn sign(header: Header, claims: &Value, key: &[u8]) -> String {
    encode(&header, claims, &EncodingKey::from_secret(key)).unwrap()
}

async fn forged_or_altered_tokens_are_refused(app: TestApp) {
    app.create_user("attacker", "một mật khẩu dài", &[Role::Learner])
        .await;
    let tokens = app.sign_in_json("attacker", "một mật khẩu dài").await;
    let genuine = tokens["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        app.me_with(&genuine).await,
        StatusCode::OK,
        "the genuine token works"
    );

    let parts: Vec<&str> = genuine.split('.').collect();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let key = TEST_SIGNING_KEY.as_bytes();
    let with = |field: &str, value: Value| {
        let mut c = claims.clone();
        c[field] = value;
        c
    };
    let now = chrono::Utc::now().timestamp();

    let mut forged: Vec<(&str, String)> = vec![
        (
            "alg none",
            format!(
                "{}.{}.",
                b64(&json!({"alg": "none", "typ": "JWT"})),
                parts[1]
            ),
        ),
        (
            "alg None",
            format!(
                "{}.{}.",
                b64(&json!({"alg": "None", "typ": "JWT"})),
                parts[1]
            ),
        ),
        (
            "HS512 with the right key",
            sign(Header::new(Algorithm::HS512), &claims, key),
        ),
        (
            "HS384 with the right key",
            sign(Header::new(Algorithm::HS384), &claims, key),
        ),
        (
            "wrong key",
            sign(
                Header::new(Algorithm::HS256),
                &claims,
                b"another-key-another-key-another-key",
            ),
        ),
        (
            "expired",
            sign(Header::default(), &with("exp", json!(now - 120)), key),
        ),
        (
            "wrong audience",
            sign(Header::default(), &with("aud", json!("other-app")), key),
        ),
        (
            "wrong issuer",
            sign(Header::default(), &with("iss", json!("someone-else")), key),
        ),
        (
            "exp as a string",
            sign(
                Header::default(),
                &with("exp", json!((now + 600).to_string())),
                key,
            ),
        ),
        ("no exp", {
            let mut c = claims.clone();
            c.as_object_mut().unwrap().remove("exp");
            sign(Header::default(), &c, key)
        }),
        ("no jti", {
            let mut c = claims.clone();
            c.as_object_mut().unwrap().remove("jti");
            sign(Header::default(), &c, key)
        }),
        ("another user's id, unsigned change", {
            let tampered = with("sub", json!(uuid::Uuid::new_v4().to_string()));
            format!("{}.{}.{}", parts[0], b64(&tampered), parts[2])
        }),
        ("garbage", "not.a.token".to_owned()),
    ];
    // A token for a session that does not exist, correctly signed, is refused too.
    forged.push((
        "unknown session",
        sign(
            Header::default(),
            &with("sid", json!(uuid::Uuid::new_v4().to_string())),
            key,
        ),
    ));

    for (attack, token) in forged {
        assert_eq!(
            app.me_with(&token).await,
            StatusCode::UNAUTHORIZED,
            "{attack} was accepted"
        );
    }
}
