use reqwest::StatusCode;

use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(the_openapi_document_lists_every_endpoint_and_they_exist);

async fn the_openapi_document_lists_every_endpoint_and_they_exist(app: TestApp) {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let doc = json(response).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for expected in ["/healthz", "/readyz", "/api/v1/preferences/locale"] {
        assert!(paths.contains_key(expected), "{expected} is not documented");
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    // What the document says exists does exist: no documented path is unrouted.
    for (path, operations) in paths {
        for method in operations.as_object().unwrap().keys() {
            // Every path parameter gets a value (ids are UUIDs; names like `{module}` any).
            let concrete: Vec<String> = path
                .split('/')
                .map(|segment| {
                    if segment.starts_with('{') {
                        uuid::Uuid::new_v4().to_string()
                    } else {
                        segment.to_owned()
                    }
                })
                .collect();
            let url = app.url(&concrete.join("/"));
            let request = match method.as_str() {
                "get" => app.client.get(url),
                "post" => app.client.post(url).json(&serde_json::json!({})),
                "patch" => app.client.patch(url).json(&serde_json::json!({})),
                "put" => app.client.put(url).json(&serde_json::json!({})),
                other => panic!("unexpected method {other}"),
            };
            let response = request.send().await.unwrap();
            let status = response.status();
            // A public lookup may answer 404 for an unknown object; never "no such endpoint".
            let body = response.text().await.unwrap_or_default();
            assert!(
                !body.contains("There is no such API endpoint."),
                "{method} {path}: {body}"
            );
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        }
    }
}
