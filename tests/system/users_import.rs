//! Bulk import of accounts from CSV, and export.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{As, TestApp, imported, json, on_both_databases, problem_places};

on_both_databases!(
    a_file_with_bad_rows_changes_nothing_and_reports_every_bad_line,
    import_previews_applies_and_is_idempotent,
    an_export_imports_back_unchanged,
    a_province_admin_cannot_import_into_another_province,
);

const GOOD: &str = "username,full_name,email,phone,org_unit_code,position_code,roles,password
lan.vu,Vũ Thị Lan,lan.vu@laocai.gov.vn,0912 000 111,VN-LCI-BATXAT,CS_JUSTICE,learner,sổ hộ tịch điện tử
binh.ha,Hà Văn Bình,,,VN-LCI-YTY,COMMITTEE_CHAIR,learner;supervisor@VN-LCI-YTY,ruộng bậc thang y tý
";

async fn import(app: &TestApp, token: &str, csv: &str, dry_run: bool) -> reqwest::Response {
    As::new(app, token)
        .post(
            "/api/v1/users/import",
            &json!({ "csv": csv, "dry_run": dry_run }),
        )
        .await
}

async fn admin_token(app: &TestApp) -> String {
    app.seed_demo().await;
    app.sign_in_json("admin", "truong-chinh-tri-2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn user_count(app: &TestApp, token: &str) -> u64 {
    let page = As::new(app, token).get("/api/v1/users").await;
    json(page).await["total"].as_u64().unwrap()
}

fn actions(report: &Value) -> Vec<(String, String)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["username"].as_str().unwrap().to_owned(),
                r["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn a_file_with_bad_rows_changes_nothing_and_reports_every_bad_line(app: TestApp) {
    let token = admin_token(&app).await;
    let before = user_count(&app, &token).await;
    let bad = "username,full_name,email,org_unit_code,position_code,roles,password
good.one,Người Tốt,,VN-LCI-YTY,,learner,mật khẩu rất tốt
Bad Name,Tên Sai,,VN-LCI-YTY,,learner,mật khẩu rất tốt
no.unit,Không Đơn Vị,,VN-NOWHERE,,learner,mật khẩu rất tốt
weak.pw,Mật Khẩu Yếu,,VN-LCI-YTY,,learner,12345678
bad.role,Vai Trò Sai,not-an-email,VN-LCI-YTY,NO_SUCH,chief,mật khẩu rất tốt
good.one,Trùng Dòng,,VN-LCI-YTY,,learner,mật khẩu rất tốt
";
    let response = import(&app, &token, bad, false).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = json(response).await;
    let fields = problem_places(&error);
    for expected in [
        "line 3: username",
        "line 4: org_unit_code",
        "line 5: password",
        "line 6: email",
        "line 6: position_code",
        "line 6: roles",
        "line 7: username",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "{expected} not reported in {fields:?}"
        );
    }
    assert!(
        !fields.iter().any(|f| f.starts_with("line 2:")),
        "line 2 is fine: {fields:?}"
    );
    // Problems of the file's shape and of each row's meaning come in the file's order,
    // so a long list can be worked through from the top.
    let lines: Vec<u64> = error["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert!(
        lines.is_sorted(),
        "the problems are in the file's order: {fields:?}"
    );
    assert_eq!(
        user_count(&app, &token).await,
        before,
        "all or nothing: nothing was added"
    );
}

async fn import_previews_applies_and_is_idempotent(app: TestApp) {
    let token = admin_token(&app).await;
    let before = user_count(&app, &token).await;

    let preview = json(import(&app, &token, GOOD, true).await).await;
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["created"], 2);
    assert_eq!(
        user_count(&app, &token).await,
        before,
        "a preview changes nothing"
    );

    let job = imported(&app, &token, GOOD).await;
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(
        (job["done"].as_u64(), job["total"].as_u64()),
        (Some(2), Some(2))
    );
    let applied = &job["accounts"];
    assert_eq!(applied["created"], 2);
    assert_eq!(user_count(&app, &token).await, before + 2);
    app.sign_in_json("lan.vu", "sổ hộ tịch điện tử").await;

    let again = imported(&app, &token, GOOD).await["accounts"].clone();
    assert_eq!(
        (
            again["created"].as_u64(),
            again["updated"].as_u64(),
            again["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(2))
    );
    assert_eq!(user_count(&app, &token).await, before + 2);

    // A changed phone and role become an update naming what changes.
    let changed = GOOD.replace(
        "0912 000 111,VN-LCI-BATXAT,CS_JUSTICE,learner,",
        "0912 999 999,VN-LCI-BATXAT,CS_JUSTICE,learner;lecturer,",
    );
    let report = imported(&app, &token, &changed).await["accounts"].clone();
    assert_eq!(
        actions(&report),
        [
            ("lan.vu".into(), "update".into()),
            ("binh.ha".into(), "unchanged".into())
        ]
    );
    assert_eq!(report["rows"][0]["changes"], json!(["phone", "roles"]));
    // The password column does not touch existing accounts.
    app.sign_in_json("lan.vu", "sổ hộ tịch điện tử").await;
}

async fn an_export_imports_back_unchanged(app: TestApp) {
    let token = admin_token(&app).await;
    imported(&app, &token, GOOD).await;
    let export = As::new(&app, &token).get("/api/v1/users/export.csv").await;
    assert_eq!(export.status(), StatusCode::OK);
    assert!(
        export.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = export.text().await.unwrap();
    assert!(
        csv.starts_with(
            "username,full_name,email,phone,org_unit_code,position_code,roles,password"
        )
    );
    assert!(
        csv.contains(
            "binh.ha,Hà Văn Bình,,,VN-LCI-YTY,COMMITTEE_CHAIR,supervisor@VN-LCI-YTY;learner,"
        ),
        "{csv}"
    );
    let report = json(import(&app, &token, &csv, true).await).await;
    assert_eq!(report["created"], 0);
    assert_eq!(report["updated"], 0);
    assert_eq!(report["unchanged"], 9 + server::seed::DEMO_CADRES);
}

async fn a_province_admin_cannot_import_into_another_province(app: TestApp) {
    app.seed_demo().await;
    let token = app.sign_in_json("admin.daklak", "cao-nguyen-dak-lak").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = import(&app, &token, GOOD, false).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let fields = problem_places(&json(response).await);
    assert!(
        fields.contains(&"line 2: org_unit_code".to_owned())
            && fields.contains(&"line 3: roles".to_owned()),
        "{fields:?}"
    );
}
