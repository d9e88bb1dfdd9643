//! The authorisation matrix: every endpoint of the OpenAPI document × every role × an
//! object in the actor's own subtree or a foreign one, asserting the exact status. An
//! endpoint without a row fails the test.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::Role;

use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(every_endpoint_refuses_the_wrong_role_and_the_wrong_subtree);

/// The actors, in the order of each row's expected statuses.
const ACTORS: [(&str, &str); 5] = [
    ("admin", "truong-chinh-tri-2026"),     // national administrator
    ("admin.daklak", "cao-nguyen-dak-lak"), // administrator of Đắk Lắk only
    ("gv.lan", "giang-vien-lao-cai"),       // lecturer
    ("ql.hung", "quan-ly-bat-xat"),         // supervisor of Lào Cai
    ("hv.mai", "hoc-vien-y-ty"),            // learner in Lào Cai
];
const ANONYMOUS: usize = 5;

struct Row {
    method: Method,
    /// Path with `{lci_user}`, `{dlk_user}`, `{lci_unit}`, `{dlk_unit}`, `{position}`.
    path: &'static str,
    /// The OpenAPI path this row covers.
    documented: &'static str,
    /// Body; `{n}` becomes the actor's index, for unique names.
    body: Option<&'static str>,
    /// admin, admin.daklak, lecturer, supervisor, learner, anonymous.
    expect: [u16; 6],
}

fn row(
    method: Method,
    path: &'static str,
    documented: &'static str,
    body: Option<&'static str>,
    expect: [u16; 6],
) -> Row {
    Row {
        method,
        path,
        documented,
        body,
        expect,
    }
}

fn rows() -> Vec<Row> {
    use Method as M;
    vec![
        row(
            M::GET,
            "/healthz",
            "/healthz",
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        row(
            M::GET,
            "/readyz",
            "/readyz",
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        row(
            M::POST,
            "/api/v1/preferences/locale",
            "/api/v1/preferences/locale",
            Some(r#"{"locale":"vi"}"#),
            [200; 6],
        ),
        row(
            M::POST,
            "/api/v1/auth/sign-in",
            "/api/v1/auth/sign-in",
            Some(r#"{"username":"nobody","password":"wrong password"}"#),
            [401; 6],
        ),
        row(
            M::POST,
            "/api/v1/auth/refresh",
            "/api/v1/auth/refresh",
            Some(r#"{"refresh_token":"not-a-token"}"#),
            [401; 6],
        ),
        row(
            M::GET,
            "/api/v1/auth/me",
            "/api/v1/auth/me",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/auth/password",
            "/api/v1/auth/password",
            Some(r#"{"current_password":"not my password","new_password":"a long new password"}"#),
            [400, 400, 400, 400, 400, 401],
        ),
        // Accounts.
        row(
            M::GET,
            "/api/v1/users",
            "/api/v1/users",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            None,
            [200, 404, 404, 200, 404, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/{dlk_user}",
            "/api/v1/users/{id}",
            None,
            [200, 200, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users",
            "/api/v1/users",
            Some(
                r#"{"username":"new.lci.{n}","full_name":"Người Mới","password":"mật khẩu ban đầu","org_unit_id":"{lci_unit}","roles":[{"role":"learner","scope_org_unit_id":null}]}"#,
            ),
            [201, 400, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/users",
            "/api/v1/users",
            Some(
                r#"{"username":"new.dlk.{n}","full_name":"Người Mới","password":"mật khẩu ban đầu","org_unit_id":"{dlk_unit}","roles":[{"role":"learner","scope_org_unit_id":null}]}"#,
            ),
            [201, 201, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0912 345 678"}"#),
            [200, 404, 404, 403, 404, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/users/{dlk_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0912 345 678"}"#),
            [200, 200, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0913 000 000"}"#),
            [200, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/password",
            "/api/v1/users/{id}/password",
            Some(r#"{"new_password":"mật khẩu đặt lại"}"#),
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/password",
            "/api/v1/users/{id}/password",
            Some(r#"{"new_password":"mật khẩu đặt lại"}"#),
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/disable",
            "/api/v1/users/{id}/disable",
            None,
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/enable",
            "/api/v1/users/{id}/enable",
            None,
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/disable",
            "/api/v1/users/{id}/disable",
            None,
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/enable",
            "/api/v1/users/{id}/enable",
            None,
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/import",
            "/api/v1/users/import",
            Some(
                r#"{"dry_run":true,"csv":"username,full_name,org_unit_code,roles,password\nimport.{n},Nhập Thử,VN-DLK-EAPHE,learner,mật khẩu nhập thử\n"}"#,
            ),
            [200, 200, 403, 403, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/export.csv",
            "/api/v1/users/export.csv",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        // The org tree.
        row(
            M::GET,
            "/api/v1/org-units",
            "/api/v1/org-units",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/org-units",
            "/api/v1/org-units",
            Some(
                r#"{"parent_id":"{lci_unit}","code":"T-LCI-{n}","name":"Thôn Mới","kind":"commune"}"#,
            ),
            [201, 400, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/org-units",
            "/api/v1/org-units",
            Some(
                r#"{"parent_id":"{dlk_unit}","code":"T-DLK-{n}","name":"Buôn Mới","kind":"commune"}"#,
            ),
            [201, 201, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/org-units/{lci_unit}",
            "/api/v1/org-units/{id}",
            Some(r#"{"region":"Tây Bắc"}"#),
            [200, 403, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/org-units/{dlk_unit}",
            "/api/v1/org-units/{id}",
            Some(r#"{"region":"Tây Nguyên"}"#),
            [200, 200, 403, 403, 403, 401],
        ),
        // Positions.
        row(
            M::GET,
            "/api/v1/positions",
            "/api/v1/positions",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/positions",
            "/api/v1/positions",
            Some(r#"{"code":"NEW_{n}","name_vi":"Chức danh mới","name_en":"New position"}"#),
            [201, 403, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/positions/{position}",
            "/api/v1/positions/{id}",
            Some(r#"{"name_en":"Civil servant, Justice and Civil Status"}"#),
            [200, 403, 403, 403, 403, 401],
        ),
        // Last: it ends each actor's session.
        row(
            M::POST,
            "/api/v1/auth/sign-out",
            "/api/v1/auth/sign-out",
            None,
            [200; 6],
        ),
    ]
}

async fn id_of(app: &TestApp, token: &str, path: &str, pick: impl Fn(&Value) -> bool) -> String {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let body = json(response).await;
    let list = body
        .get("items")
        .unwrap_or(&body)
        .as_array()
        .unwrap()
        .clone();
    list.iter()
        .find(|v| pick(v))
        .unwrap_or_else(|| panic!("nothing to pick in {path}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn every_endpoint_refuses_the_wrong_role_and_the_wrong_subtree(app: TestApp) {
    app.seed_demo().await;
    // Two accounts that are targets only (not actors): one in Lào Cai, one in Đắk Lắk.
    let admin = app.sign_in_json("admin", "truong-chinh-tri-2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let unit = |code: &'static str| {
        id_of(&app, &admin, "/api/v1/org-units", move |u| {
            u["code"] == code
        })
    };
    let (lci_unit, dlk_unit) = (unit("VN-LCI-BATXAT").await, unit("VN-DLK-EAKLY").await);
    let position = id_of(&app, &admin, "/api/v1/positions", |p| {
        p["code"] == "CS_JUSTICE"
    })
    .await;
    let mut target_ids = Vec::new();
    for (name, unit) in [("target.lci", &lci_unit), ("target.dlk", &dlk_unit)] {
        let body = json!({ "username": name, "full_name": "Đối Tượng", "password": "mật khẩu mục tiêu",
            "org_unit_id": unit, "roles": [{ "role": "learner", "scope_org_unit_id": null }] });
        let created = reqwest::Client::new()
            .post(app.url("/api/v1/users"))
            .bearer_auth(&admin)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), StatusCode::CREATED);
        target_ids.push(json(created).await["id"].as_str().unwrap().to_owned());
    }
    let fill = |text: &str, n: usize| {
        text.replace("{lci_user}", &target_ids[0])
            .replace("{dlk_user}", &target_ids[1])
            .replace("{lci_unit}", &lci_unit)
            .replace("{dlk_unit}", &dlk_unit)
            .replace("{position}", &position)
            .replace("{n}", &n.to_string())
    };

    let mut tokens = Vec::new();
    for (username, password) in ACTORS {
        tokens.push(Some(
            app.sign_in_json(username, password).await["access_token"]
                .as_str()
                .unwrap()
                .to_owned(),
        ));
    }
    tokens.push(None);
    let _ = Role::Admin;

    let mut failures = Vec::new();
    for row in rows() {
        for (n, token) in tokens.iter().enumerate() {
            let mut request =
                reqwest::Client::new().request(row.method.clone(), app.url(&fill(row.path, n)));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            if let Some(body) = row.body {
                request = request
                    .header("content-type", "application/json")
                    .body(fill(body, n));
            }
            let status = request.send().await.unwrap().status().as_u16();
            let who = ACTORS.get(n).map_or("anonymous", |a| a.0);
            if status != row.expect[n] {
                failures.push(format!(
                    "{} {} as {who}: {status}, expected {}",
                    row.method, row.path, row.expect[n]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix:\n{}",
        failures.join("\n")
    );
    assert_eq!(tokens.len(), ANONYMOUS + 1);

    // Completeness: every documented operation has at least one row.
    let doc = json(app.get("/api/v1/openapi.json").await).await;
    let covered: BTreeSet<(String, String)> = rows()
        .iter()
        .map(|r| (r.method.as_str().to_lowercase(), r.documented.to_owned()))
        .collect();
    let mut missing = Vec::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            if !covered.contains(&(method.clone(), path.clone())) {
                missing.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "endpoints without a row in the matrix: {missing:?}"
    );
}
