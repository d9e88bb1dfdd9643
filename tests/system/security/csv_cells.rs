//! CSV formula injection: every export goes through the one writer that neutralises
//! `= + - @`, tab and CR at the start of a cell.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(exports_write_formulas_as_text);

const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "@SUM(1+1)",
    "+1+1",
    "-1+1",
];

async fn exports_write_formulas_as_text(app: TestApp) {
    app.seed_demo().await;
    let admin = app.sign_in_json("admin", "truong-chinh-tri-2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = reqwest::Client::new();
    for (i, formula) in FORMULAS.iter().enumerate() {
        let created = client
            .post(app.url("/api/v1/users"))
            .bearer_auth(&admin)
            .json(
                &json!({ "username": format!("formula.{i}"), "full_name": formula,
                "password": "mật khẩu công thức", "email": format!("{}@x.vn", i),
                "roles": [{ "role": "learner", "scope_org_unit_id": null }] }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), StatusCode::CREATED, "{formula}");
    }
    let export = client
        .get(app.url("/api/v1/users/export.csv"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    let text = export.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    for formula in FORMULAS {
        assert!(
            names.contains(&format!("'{formula}")),
            "{formula} is written as text: {names:?}"
        );
    }
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "no cell starts a formula"
    );

    // The export imports back unchanged: the quote is dropped on the way in.
    let again = client
        .post(app.url("/api/v1/users/import"))
        .bearer_auth(&admin)
        .json(&json!({ "csv": text, "dry_run": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    let report: serde_json::Value = again.json().await.unwrap();
    assert_eq!(report["updated"], 0, "{report}");
    assert_eq!(report["created"], 0, "{report}");
}
