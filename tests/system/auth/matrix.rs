//! The authorisation matrix: every endpoint of the OpenAPI document × every role × an
//! object in the actor's own subtree or a foreign one, asserting the exact status. An
//! endpoint without a row fails the test.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use shared::Role;

use crate::helpers::{As, TestApp, json, on_both_databases};

use super::matrix_rows::rows;

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

async fn id_of(app: &TestApp, token: &str, path: &str, pick: impl Fn(&Value) -> bool) -> String {
    let response = As::new(app, token).get(path).await;
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
    let framework = id_of(&app, &admin, "/api/v1/competency-frameworks", |f| {
        f["code"] == "COMMUNE-LEADERS"
    })
    .await;
    let position = id_of(&app, &admin, "/api/v1/positions", |p| {
        p["code"] == "CS_JUSTICE"
    })
    .await;
    // A second lecturer, owner of a course the lecturer actor does not author.
    let khac_body = json!({ "username": "gv.khac", "full_name": "Hoàng Văn Khắc", "password": "giang vien khac 2026",
        "roles": [{ "role": "lecturer", "scope_org_unit_id": null }] });
    let khac_created = As::new(&app, &admin)
        .post("/api/v1/users", &khac_body)
        .await;
    assert_eq!(khac_created.status(), StatusCode::CREATED);
    let khac = json(khac_created).await["id"].as_str().unwrap().to_owned();
    let khac_token = app.sign_in_json("gv.khac", "giang vien khac 2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = As::new(&app, &khac_token)
        .post(
            "/api/v1/courses",
            &json!({ "code": "KHAC-1", "title_vi": "Khóa của thầy Khắc" }),
        )
        .await;
    assert_eq!(other.status(), StatusCode::CREATED);
    let other_course = json(other).await["id"].as_str().unwrap().to_owned();
    let course = id_of(&app, &admin, "/api/v1/courses", |c| {
        c["code"] == "KNTC-DAT-DAI-XA"
    })
    .await;
    let cohort = id_of(&app, &admin, "/api/v1/cohorts", |c| {
        c["title"]["vi"] == "Lớp bồi dưỡng cán bộ cấp xã K1/2026"
    })
    .await;
    // hv.thao's certificate from the demo data: public to everyone.
    let certificate = server::entities::certificate::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("the demo has a certificate")
        .code;
    let reflection = server::entities::attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.activity_id == "a2")
        .expect("the demo has a case-study answer")
        .id
        .to_string();
    let mut target_ids = Vec::new();
    for (name, unit) in [("target.lci", &lci_unit), ("target.dlk", &dlk_unit)] {
        let body = json!({ "username": name, "full_name": "Đối Tượng", "password": "mật khẩu mục tiêu",
            "org_unit_id": unit, "roles": [{ "role": "learner", "scope_org_unit_id": null }] });
        let created = As::new(&app, &admin).post("/api/v1/users", &body).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        target_ids.push(json(created).await["id"].as_str().unwrap().to_owned());
    }
    // A supervisor level of target.lci, for the void row.
    let imported = As::new(&app, &admin).import("username,competency,source,phase,level,date\ntarget.lci,LAW,supervisor,before,2,2026-09-01\n").await;
    assert_eq!(imported["added"], 1);
    let lci_evidence = server::entities::competency_evidence::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.user_id.to_string() == target_ids[0])
        .expect("target.lci's evidence")
        .id
        .to_string();
    // The national administrator's import job: only they may follow it.
    let job = crate::helpers::imported(
        &app,
        &admin,
        "username,full_name,org_unit_code,roles,password\njob.owner,Người Nhập,VN-DLK-EAPHE,learner,mật khẩu nhập việc\n",
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mai = id_of(&app, &admin, "/api/v1/users?q=hv.mai", |u| {
        u["username"] == "hv.mai"
    })
    .await;
    let frameworks = json(
        As::new(&app, &admin)
            .get("/api/v1/competency-frameworks")
            .await,
    )
    .await;
    let law = frameworks[0]["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "LAW")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let fill = |text: &str, n: usize| {
        text.replace("{lci_user}", &target_ids[0])
            .replace("{dlk_user}", &target_ids[1])
            .replace("{lci_unit}", &lci_unit)
            .replace("{dlk_unit}", &dlk_unit)
            .replace("{position}", &position)
            .replace("{framework}", &framework)
            .replace("{other_course}", &other_course)
            .replace("{course}", &course)
            .replace("{khac}", &khac)
            .replace("{demo_package}", server::seed::DEMO_COURSE)
            .replace("{cohort}", &cohort)
            .replace(
                "{attempt_id}",
                &format!("00000000-0000-4000-8000-00000000000{n}"),
            )
            .replace("{mai_attempt}", "00000000-0000-4000-8000-000000000004")
            .replace(
                "{step_id}",
                &format!("00000000-0000-4000-8000-00000000010{n}"),
            )
            .replace(
                "{event_id}",
                &format!("00000000-0000-4000-8000-00000000020{n}"),
            )
            .replace("{lci_evidence}", &lci_evidence)
            .replace("{job}", &job)
            .replace("{mai}", &mai)
            .replace("{law}", &law)
            .replace("{certificate}", &certificate)
            .replace("{reflection}", &reflection)
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
