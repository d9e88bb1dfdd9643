//! Importing evidence: all rows or none, every bad row reported by line, a re-import adds
//! nothing, only people in the importer's units; tests become evidence once; voiding.

use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use super::{ADMIN, As, MAI, SUPERVISOR, user_id};
use crate::helpers::{TestApp, json, on_both_databases, problem_places};

on_both_databases!(
    an_import_counts_once_and_a_bad_file_stores_nothing,
    a_pre_test_becomes_evidence_once,
    voided_evidence_stays_on_record_and_stops_counting,
    a_framework_sets_how_test_marks_become_levels,
);

async fn stored(app: &TestApp) -> u64 {
    server::entities::competency_evidence::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

async fn an_import_counts_once_and_a_bad_file_stores_nothing(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    // The demo's tests already gave some evidence.
    let before = stored(&app).await;
    let csv = "username,competency,source,phase,level,date\n\
               hv.mai,LAW,supervisor,before,2,2026-09-01\n\
               hv.mai,COMMUNE-LEADERS:LAW,supervisor,after,3,2026-11-01\n\
               hv.tuan,CONF,pre_test,before,1,2026-09-02\n";
    let dry = admin
        .post(
            "/api/v1/evidence/import",
            &json!({ "csv": csv, "dry_run": true }),
        )
        .await;
    assert_eq!(dry.status(), StatusCode::OK);
    let dry = json(dry).await;
    assert_eq!(
        (dry["rows"].as_u64(), dry["added"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(stored(&app).await, before, "a dry run stores nothing");

    let first = admin.import(csv).await;
    assert_eq!(first["added"], 3);
    assert_eq!(stored(&app).await, before + 3);
    let again = admin.import(csv).await;
    assert_eq!(
        (again["added"].as_u64(), again["already_present"].as_u64()),
        (Some(0), Some(3))
    );
    assert_eq!(
        stored(&app).await,
        before + 3,
        "importing the same file again adds nothing"
    );

    let bad = "username,competency,source,phase,level,date\n\
               hv.mai,ETHI,self,before,2,2026-09-01\n\
               hv.mai,NOPE,self,before,2,2026-09-01\n\
               hv.mai,LAW,pre_test,after,9,2999-01-01\n\
               nobody,LAW,boss,later,x,1.9.2026\n";
    let refused = admin
        .post("/api/v1/evidence/import", &json!({ "csv": bad }))
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body = json(refused).await;
    let fields = problem_places(&body);
    for expected in [
        "line 3: competency",
        "line 4: phase",
        "line 4: level",
        "line 4: date",
        "line 5: username",
        "line 5: source",
        "line 5: phase",
        "line 5: level",
        "line 5: date",
    ] {
        assert!(
            fields.contains(&expected.to_owned()),
            "{expected} in {fields:?}"
        );
    }
    assert!(
        !fields.iter().any(|f| f.starts_with("line 2")),
        "line 2 is fine"
    );
    assert_eq!(
        stored(&app).await,
        before + 3,
        "one bad row stores none of the file"
    );

    let missing_column = admin
        .post(
            "/api/v1/evidence/import",
            &json!({ "csv": "username,level\nhv.mai,2\n" }),
        )
        .await;
    assert_eq!(missing_column.status(), StatusCode::BAD_REQUEST);

    // A supervisor of Lào Cai imports for Lào Cai only; learners import nothing.
    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let foreign =
        "username,competency,source,phase,level,date\nhv.tuan,LAW,supervisor,before,2,2026-09-01\n";
    let refused = supervisor
        .post("/api/v1/evidence/import", &json!({ "csv": foreign }))
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body = json(refused).await;
    assert_eq!(problem_places(&body)[0], "line 2: username");
    let own =
        "username,competency,source,phase,level,date\nhv.mai,MOBI,supervisor,before,2,2026-09-01\n";
    assert_eq!(supervisor.import(own).await["added"], 1);
    let learner = As::sign_in(&app, MAI.0, MAI.1).await;
    let refused = learner
        .post("/api/v1/evidence/import", &json!({ "csv": own }))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

async fn a_pre_test_becomes_evidence_once(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mai = user_id(&admin, MAI.0).await;
    let learner = As::sign_in(&app, MAI.0, MAI.1).await;
    let cohorts = learner.get_json("/api/v1/learning/cohorts").await;
    let cohort = cohorts[0]["id"].as_str().unwrap().to_owned();
    let attempt =
        json!({ "id": "0b8f6c1e-4d7a-4c53-9a43-2f6f0e1d9a01", "activity": "a1", "responses": {} });
    let sent = learner
        .post(&format!("/api/v1/cohorts/{cohort}/attempts"), &attempt)
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let record = admin
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    let tests: Vec<&serde_json::Value> = record["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["source"] == "pre_test")
        .collect();
    assert!(!tests.is_empty(), "the pre-test gives evidence: {record}");
    assert!(
        tests
            .iter()
            .all(|e| e["level"] == 1 && e["phase"] == "before"),
        "no marks: the lowest level, before the course"
    );
    let count = tests.len();
    // The same attempt sent again (a retry) adds nothing.
    let again = learner
        .post(&format!("/api/v1/cohorts/{cohort}/attempts"), &attempt)
        .await;
    assert!(again.status().is_success());
    let record = admin
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    let now = record["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["source"] == "pre_test")
        .count();
    assert_eq!(now, count);
}

async fn voided_evidence_stays_on_record_and_stops_counting(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mai = user_id(&admin, MAI.0).await;
    admin
        .import("username,competency,source,phase,level,date\nhv.mai,LAW,supervisor,before,2,2026-09-01\n")
        .await;
    let record = admin
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    let id = record["evidence"][0]["id"].as_str().unwrap().to_owned();
    let need = |record: &serde_json::Value| {
        record["needs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["competency"]["code"] == "LAW")
            .map(|n| n["current"].clone())
    };
    assert_eq!(
        need(&record),
        Some(json!(2.0)),
        "the level counts: {record}"
    );

    let learner = As::sign_in(&app, MAI.0, MAI.1).await;
    let refused = learner
        .post(
            &format!("/api/v1/evidence/{id}/void"),
            &json!({ "reason": "sai" }),
        )
        .await;
    assert_eq!(
        refused.status(),
        StatusCode::NOT_FOUND,
        "a learner voids nothing"
    );
    let no_reason = admin
        .post(
            &format!("/api/v1/evidence/{id}/void"),
            &json!({ "reason": "  " }),
        )
        .await;
    assert_eq!(no_reason.status(), StatusCode::BAD_REQUEST);
    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let voided = supervisor
        .post(
            &format!("/api/v1/evidence/{id}/void"),
            &json!({ "reason": "Nhập nhầm người" }),
        )
        .await;
    assert_eq!(voided.status(), StatusCode::NO_CONTENT);
    let record = admin
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    assert_eq!(record["evidence"][0]["void_reason"], "Nhập nhầm người");
    assert!(record["evidence"][0]["voided_on"].is_string());
    assert_eq!(
        need(&record),
        Some(serde_json::Value::Null),
        "it no longer counts"
    );
    let twice = supervisor
        .post(
            &format!("/api/v1/evidence/{id}/void"),
            &json!({ "reason": "lần nữa" }),
        )
        .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
}

async fn a_framework_sets_how_test_marks_become_levels(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let frameworks = admin.get_json("/api/v1/competency-frameworks").await;
    let demo = frameworks[0]["id"].as_str().unwrap().to_owned();
    let csv = admin
        .get(&format!("/api/v1/competency-frameworks/{demo}/export.csv"))
        .await
        .text()
        .await
        .unwrap();
    let bad = admin
        .post(
            "/api/v1/competency-frameworks/import",
            &json!({ "code": "CUTOFFS", "name_vi": "Thang điểm riêng", "csv": csv, "test_cutoffs": "0.5, 0.4" }),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(bad).await["error"]["fields"][0]["field"],
        "test_cutoffs"
    );
    let created = admin
        .post(
            "/api/v1/competency-frameworks/import",
            &json!({ "code": "CUTOFFS", "name_vi": "Thang điểm riêng", "csv": csv, "test_cutoffs": "0.3, 0.5,0.7,0.9" }),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id: uuid::Uuid = json(created).await["id"].as_str().unwrap().parse().unwrap();
    let (_, cutoffs) = server::services::evidence::from_tests::framework_rule(&app.db, id)
        .await
        .unwrap();
    assert_eq!(
        cutoffs,
        vec![0.3, 0.5, 0.7, 0.9],
        "the framework's own rule"
    );
    let demo: uuid::Uuid = demo.parse().unwrap();
    let (_, even) = server::services::evidence::from_tests::framework_rule(&app.db, demo)
        .await
        .unwrap();
    assert_eq!(
        even,
        vec![0.2, 0.4, 0.6, 0.8],
        "no rule given: the scale split evenly"
    );
}
