//! The account directory over the API: search, paging, validation, scope.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(
    search_ignores_vietnamese_marks_and_pages,
    a_supervisor_sees_only_their_subtree,
    bad_input_is_reported_field_by_field_and_nothing_is_saved,
    admins_cannot_lock_themselves_out,
    disabling_signs_the_user_out_everywhere,
);

struct Api<'a> {
    app: &'a TestApp,
    token: String,
}

impl Api<'_> {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
        let mut request = reqwest::Client::new()
            .request(method, self.app.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }
}

async fn signed_in<'a>(app: &'a TestApp, username: &str, password: &str) -> Api<'a> {
    let token = app.sign_in_json(username, password).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    Api { app, token }
}

async fn admin(app: &TestApp) -> Api<'_> {
    app.seed_demo().await;
    signed_in(app, "admin", "truong-chinh-tri-2026").await
}

fn usernames(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap().to_owned())
        .collect()
}

async fn search_ignores_vietnamese_marks_and_pages(app: TestApp) {
    let api = admin(&app).await;
    for (username, name) in [
        ("nguyen.a", "Nguyễn Văn An"),
        ("nguyen.b", "Nguyễn Thị Bình"),
        ("nguyet", "Lê Thị Nguyệt"),
    ] {
        let body = json!({ "username": username, "full_name": name, "password": "mật khẩu đủ dài",
            "roles": [{ "role": "learner", "scope_org_unit_id": null }] });
        assert_eq!(
            api.call(Method::POST, "/api/v1/users", Some(body))
                .await
                .status(),
            StatusCode::CREATED
        );
    }
    let found = json(api.call(Method::GET, "/api/v1/users?q=nguyen", None).await).await;
    // Sorted by name; the demo lecturer Nguyễn Thị Lan matches too, "Nguyệt" does not.
    assert_eq!(usernames(&found), ["nguyen.b", "gv.lan", "nguyen.a"]);
    let found = json(
        api.call(Method::GET, "/api/v1/users?q=NGUYỄN%20bình", None)
            .await,
    )
    .await;
    assert_eq!(usernames(&found), ["nguyen.b"]);
    let found = json(api.call(Method::GET, "/api/v1/users?q=hv.", None).await).await;
    assert_eq!(found["total"], 3, "searches usernames too");

    let page1 = json(
        api.call(Method::GET, "/api/v1/users?per_page=4&page=1", None)
            .await,
    )
    .await;
    let page3 = json(
        api.call(Method::GET, "/api/v1/users?per_page=4&page=3", None)
            .await,
    )
    .await;
    let total = 10 + server::seed::DEMO_CADRES;
    assert_eq!(
        page1["total"], total,
        "7 demo accounts, the demo's class and 3 new ones"
    );
    assert_eq!(usernames(&page1).len(), 4);
    assert_eq!(usernames(&page3).len(), 4);
    let page9 = json(
        api.call(Method::GET, "/api/v1/users?per_page=4&page=99", None)
            .await,
    )
    .await;
    assert!(
        usernames(&page9).is_empty(),
        "past the end is an empty page, not an error"
    );
    let bad = api
        .call(Method::GET, "/api/v1/users?page=minus-one", None)
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

async fn a_supervisor_sees_only_their_subtree(app: TestApp) {
    app.seed_demo().await;
    let supervisor = signed_in(&app, "ql.hung", "quan-ly-bat-xat").await;
    let page = json(
        supervisor
            .call(Method::GET, "/api/v1/users?per_page=100", None)
            .await,
    )
    .await;
    let mut names = usernames(&page);
    names.sort();
    // Lào Cai's people only: not Đắk Lắk's, not Cần Thơ's; and the demo's finished class.
    let (cadres, others): (Vec<String>, Vec<String>) =
        names.into_iter().partition(|n| n.starts_with("lc."));
    assert_eq!(others, ["admin", "gv.lan", "hv.mai", "ql.hung"]);
    assert_eq!(cadres.len(), server::seed::DEMO_CADRES);
}

async fn bad_input_is_reported_field_by_field_and_nothing_is_saved(app: TestApp) {
    let api = admin(&app).await;
    let body = json!({ "username": "Bad Name", "full_name": "", "password": "123456789",
        "email": "not-an-email", "org_unit_id": uuid::Uuid::new_v4(), "roles": [] });
    let response = api.call(Method::POST, "/api/v1/users", Some(body)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = json(response).await;
    let mut fields: Vec<String> = error["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "email",
            "full_name",
            "org_unit_id",
            "password",
            "roles",
            "username"
        ]
    );

    let taken = json!({ "username": "hv.mai", "full_name": "Trùng Tên", "password": "mật khẩu đủ dài",
        "roles": [{ "role": "learner", "scope_org_unit_id": null }] });
    let response = api.call(Method::POST, "/api/v1/users", Some(taken)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let total = json(api.call(Method::GET, "/api/v1/users", None).await).await["total"].clone();
    assert_eq!(total, 7 + server::seed::DEMO_CADRES, "nothing was added");
}

async fn admins_cannot_lock_themselves_out(app: TestApp) {
    let api = admin(&app).await;
    let me = json(api.call(Method::GET, "/api/v1/auth/me", None).await).await;
    let id = me["id"].as_str().unwrap();
    let disable = api
        .call(Method::POST, &format!("/api/v1/users/{id}/disable"), None)
        .await;
    assert_eq!(disable.status(), StatusCode::CONFLICT);
    let demote = api
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{id}"),
            Some(json!({ "roles": [{ "role": "learner", "scope_org_unit_id": null }] })),
        )
        .await;
    assert_eq!(demote.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        api.call(Method::GET, "/api/v1/auth/me", None)
            .await
            .status(),
        StatusCode::OK
    );
}

async fn disabling_signs_the_user_out_everywhere(app: TestApp) {
    let api = admin(&app).await;
    let learner = signed_in(&app, "hv.thao", "hoc-vien-phong-dien").await;
    let me = json(learner.call(Method::GET, "/api/v1/auth/me", None).await).await;
    let id = me["id"].as_str().unwrap().to_owned();
    let disabled = api
        .call(Method::POST, &format!("/api/v1/users/{id}/disable"), None)
        .await;
    assert_eq!(disabled.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        learner
            .call(Method::GET, "/api/v1/auth/me", None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let shown = json(
        api.call(Method::GET, &format!("/api/v1/users/{id}"), None)
            .await,
    )
    .await;
    assert_eq!(shown["disabled"], true);
    // Enabled again, the user signs in anew.
    api.call(Method::POST, &format!("/api/v1/users/{id}/enable"), None)
        .await;
    app.sign_in_json("hv.thao", "hoc-vien-phong-dien").await;
}
