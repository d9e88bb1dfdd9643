//! Training needs: the gap between a position's required level and the current level (the
//! supervisor's rating before a test, before a self-rating), ranked; the heat map over a
//! province's communes with small groups hidden; courses for the gaps; enrolling from them.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shared::Locale;
use shared::evidence::report::NeedsReport;

use super::{ADMIN, As, LECTURER, MAI, PASSWORD, SUPERVISOR, user_id};
use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(needs_are_ranked_mapped_and_acted_on);

fn need<'a>(record: &'a Value, code: &str) -> &'a Value {
    record["needs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["competency"]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} need in {record}"))
}

async fn needs_are_ranked_mapped_and_acted_on(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mai = user_id(&admin, MAI.0).await;
    let positions = admin.get_json("/api/v1/positions").await;
    let justice = positions
        .as_array()
        .and_then(|all| all.iter().find(|p| p["code"] == "CS_JUSTICE"))
        .and_then(|p| p["id"].as_str())
        .unwrap()
        .to_owned();
    // The colleagues work in a commune of their own, apart from the demo's cadres.
    let hum = admin
        .add_commune("VN-LCI-MUONGHUM", "Xã Mường Hum", "VN-LCI")
        .await;
    let mut colleagues = Vec::new();
    let mut csv = String::from(
        "username,competency,source,phase,level,date\n\
         hv.mai,CONF,supervisor,before,1,2026-10-01\n\
         hv.mai,CONF,self,before,4,2026-10-02\n",
    );
    for (i, level) in [2, 2, 3, 3, 4].iter().enumerate() {
        let name = format!("tp.{i}");
        let body = json!({ "username": name, "full_name": format!("Vàng Văn Tư Pháp {i}"),
            "password": PASSWORD, "org_unit_id": hum, "position_id": justice,
            "roles": [{ "role": "learner" }] });
        let created = admin.post("/api/v1/users", &body).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        colleagues.push(json(created).await["id"].as_str().unwrap().to_owned());
        csv.push_str(&format!(
            "{name},CONF,supervisor,before,{level},2026-10-01\n"
        ));
    }
    admin.import(&csv).await;

    // One learner: the supervisor's rating counts over her own, and the gap is 3 − 1.
    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let record = supervisor
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    let conf = need(&record, "CONF");
    assert_eq!(conf["required"], 3);
    assert_eq!(conf["current"], 1.0);
    assert_eq!(conf["source"], "supervisor");
    assert_eq!(conf["gap"], 2.0);
    assert_eq!(
        record["needs"][0]["competency"]["code"], "CONF",
        "largest gap first"
    );
    let course = record["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"]["vi"].as_str().is_some_and(|t| !t.is_empty()))
        .expect("a course for the gap");
    assert!(
        course["competencies"]
            .as_array()
            .unwrap()
            .contains(&json!("CONF"))
    );
    let open = course["cohorts"][0]["id"]
        .as_str()
        .expect("an open cohort")
        .to_owned();
    let learner = As::sign_in(&app, MAI.0, MAI.1).await;
    assert_eq!(
        learner
            .get(&format!("/api/v1/learners/{mai}/record"))
            .await
            .status(),
        StatusCode::OK,
        "a learner sees her own needs"
    );
    let tuan = As::sign_in(&app, "hv.tuan", "hoc-vien-ea-kly").await;
    assert_eq!(
        tuan.get(&format!("/api/v1/learners/{mai}/record"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // The heat map of Lào Cai: Mường Hum has five assessed on CONF, mean gap (1+1+0+0+0)/5.
    let lci = admin.unit("VN-LCI").await;
    let report = supervisor
        .get_json(&format!("/api/v1/reports/needs?org_unit={lci}"))
        .await;
    let conf_id = report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "CONF")
        .unwrap()["id"]
        .clone();
    let cell = report["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["unit_id"] == hum.as_str() && c["competency_id"] == conf_id)
        .expect("a Mường Hum × CONF cell");
    assert_eq!(
        (cell["assessed"].as_u64(), cell["below"].as_u64()),
        (Some(5), Some(2))
    );
    assert!((cell["mean_gap"].as_f64().unwrap() - 2.0 / 5.0).abs() < 1e-9);
    // Y Tý: hv.mai and the demo's four cadres; on competencies only some are assessed in,
    // the cell shows counts only.
    let yty = admin.unit("VN-LCI-YTY").await;
    let small: Vec<&Value> = report["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["unit_id"] == yty.as_str() && c["assessed"].as_u64() < Some(5))
        .collect();
    assert!(!small.is_empty(), "{report}");
    for cell in small {
        assert_eq!(cell["too_small"], true);
        assert!(cell["mean_gap"].is_null());
    }
    let typed: NeedsReport = serde_json::from_value(report.clone()).unwrap();
    let table = shared::evidence::table::needs(&typed, Locale::Vi);
    let text = supervisor
        .get(&format!("/api/v1/reports/needs.csv?org_unit={lci}"))
        .await
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows, table.rows);
    let dlk = admin.unit("VN-DLK").await;
    assert_eq!(
        supervisor
            .get(&format!("/api/v1/reports/needs?org_unit={dlk}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Enrolling the colleagues from the recommendation; again changes nothing.
    let path = format!("/api/v1/cohorts/{open}/needs-enrolments");
    let enrolled = supervisor
        .post(&path, &json!({ "learners": colleagues }))
        .await;
    assert_eq!(enrolled.status(), StatusCode::OK);
    assert_eq!(json(enrolled).await["enrolled"], 5);
    let again = supervisor
        .post(&path, &json!({ "learners": colleagues }))
        .await;
    assert_eq!(json(again).await["enrolled"], 0);
    let tuan_id = user_id(&admin, "hv.tuan").await;
    let foreign = supervisor
        .post(&path, &json!({ "learners": [tuan_id] }))
        .await;
    assert_eq!(
        foreign.status(),
        StatusCode::BAD_REQUEST,
        "not one of Lào Cai's"
    );
    let lecturer = As::sign_in(&app, LECTURER.0, LECTURER.1).await;
    let refused = lecturer.post(&path, &json!({ "learners": [mai] })).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}
