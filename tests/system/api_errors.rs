//! Every failure comes back in the one error shape with the right status.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, json, on_both_databases};

const LOCALE: &str = "/api/v1/preferences/locale";

on_both_databases!(
    unknown_api_paths_are_404_in_the_error_shape,
    wrong_methods_are_405,
    malformed_json_is_400_with_a_clear_message,
    other_media_types_are_415,
    oversized_bodies_are_413,
);

fn assert_error_shape(body: &Value, code: &str) {
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "an error needs a message: {body}");
}

async fn unknown_api_paths_are_404_in_the_error_shape(app: TestApp) {
    let response = app.get("/api/v1/no-such-thing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_error_shape(&json(response).await, "not_found");
}

async fn wrong_methods_are_405(app: TestApp) {
    let response = app.get("/api/v1/preferences/locale").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_error_shape(&json(response).await, "method_not_allowed");
}

async fn malformed_json_is_400_with_a_clear_message(app: TestApp) {
    let response = app
        .post_raw(LOCALE, "application/json", "{\"locale\": ".into())
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = json(response).await;
    assert_error_shape(&body, "invalid_input");
    assert!(body["error"]["message"].as_str().unwrap().contains("JSON"));
}

async fn other_media_types_are_415(app: TestApp) {
    let response = app.post_raw(LOCALE, "text/plain", "locale=en".into()).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_error_shape(&json(response).await, "unsupported_media_type");
}

async fn oversized_bodies_are_413(app: TestApp) {
    let huge = format!("{{\"locale\": \"{}\"}}", "x".repeat(200 * 1024));
    let response = app.post_raw(LOCALE, "application/json", huge).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_error_shape(&json(response).await, "payload_too_large");
}
