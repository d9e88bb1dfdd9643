//! A class moved to a newer course version while a learner worked offline: her work is
//! graded on the version she answered, and the saved copy is reported out of date.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::attempt;
use uuid::Uuid;

use crate::helpers::{TestApp, json, on_both_databases};
use crate::helpers::{learner_in_cohort, take_pre_test};
use crate::offline_sync::sync;

on_both_databases!(work_made_on_the_replaced_version_is_graded_on_it);

async fn lecturer(app: &TestApp) -> String {
    app.sign_in_json("gv.lan", "giang-vien-lao-cai").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn call(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    match body {
        Some(body) => request.json(&body),
        None => request,
    }
    .send()
    .await
    .unwrap()
}

/// Publishes version 2 of the demo course, where the quiz's first answer is `b`, not `a`.
async fn publish_version_2(app: &TestApp, token: &str, course: &str) {
    let detail = json(
        call(
            app,
            token,
            reqwest::Method::GET,
            &format!("/api/v1/courses/{course}"),
            None,
        )
        .await,
    )
    .await;
    let mut package = json(
        call(
            app,
            token,
            reqwest::Method::GET,
            &format!("/api/v1/courses/{course}/draft/package.json"),
            None,
        )
        .await,
    )
    .await;
    for module in package["modules"].as_array_mut().unwrap() {
        for activity in module["activities"].as_array_mut().unwrap() {
            if activity["id"] == "a3" {
                activity["questions"][0]["correct"] = json!("b");
            }
        }
    }
    let saved = call(
        app,
        token,
        reqwest::Method::PUT,
        &format!("/api/v1/courses/{course}/draft"),
        Some(json!({ "revision": detail["summary"]["draft_revision"], "package": package })),
    )
    .await;
    assert_eq!(
        saved.status(),
        StatusCode::OK,
        "{}",
        saved.text().await.unwrap()
    );
    let published = call(
        app,
        token,
        reqwest::Method::POST,
        &format!("/api/v1/courses/{course}/publish"),
        Some(json!({})),
    )
    .await;
    assert_eq!(
        published.status(),
        StatusCode::CREATED,
        "{}",
        published.text().await.unwrap()
    );
}

fn quiz_item(cohort: &str, version: u32) -> Value {
    json!({ "id": Uuid::new_v4(), "cohort": cohort, "version": version,
        "client_at": "2026-12-01T09:00:00Z", "kind": "attempt",
        "submission": { "id": Uuid::nil(), "activity": "a3",
            "responses": { "q1": { "type": "choice", "value": "a" } } } })
}

async fn work_made_on_the_replaced_version_is_graded_on_it(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    take_pre_test(&app, &mai, &cohort).await;
    let saved = json(
        call(
            &app,
            &mai,
            reqwest::Method::GET,
            &format!("/api/v1/cohorts/{cohort}/offline"),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(saved["version"], 1);

    let gv = lecturer(&app).await;
    let classes = json(call(&app, &gv, reqwest::Method::GET, "/api/v1/cohorts", None).await).await;
    let class = classes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == cohort.as_str())
        .unwrap()
        .clone();
    let course = class["course_id"].as_str().unwrap().to_owned();
    publish_version_2(&app, &gv, &course).await;
    let classes = json(call(&app, &gv, reqwest::Method::GET, "/api/v1/cohorts", None).await).await;
    let class = classes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == cohort.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (class["version"].clone(), class["latest_version"].clone()),
        (json!(1), json!(2))
    );

    // The lecturer's class page offers the move (the app's client holds gv.lan's session).
    let (status, teach) = crate::helpers::page(&app, "/teach").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        teach.contains(&format!("/api/v1/cohorts/{cohort}/version"))
            && teach.contains("phiên bản 2"),
        "the move form is on /teach"
    );

    // Only the class's staff move it, and only forward.
    let refused = call(
        &app,
        &mai,
        reqwest::Method::POST,
        &format!("/api/v1/cohorts/{cohort}/version"),
        Some(json!({ "version": 2 })),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let moved = call(
        &app,
        &gv,
        reqwest::Method::POST,
        &format!("/api/v1/cohorts/{cohort}/version"),
        Some(json!({ "version": 0 })),
    )
    .await;
    assert_eq!(moved.status(), StatusCode::OK);
    assert_eq!(json(moved).await["version"], 2);
    let back = call(
        &app,
        &gv,
        reqwest::Method::POST,
        &format!("/api/v1/cohorts/{cohort}/version"),
        Some(json!({ "version": 1 })),
    )
    .await;
    assert_eq!(back.status(), StatusCode::BAD_REQUEST);

    // The saved copy is now out of date.
    let current = json(
        call(
            &app,
            &mai,
            reqwest::Method::GET,
            &format!("/api/v1/cohorts/{cohort}/offline"),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(current["version"], 2);

    // The same answer, made on version 1 offline and on version 2: each graded on its own.
    let on_one = quiz_item(&cohort, 1);
    let on_two = quiz_item(&cohort, 2);
    let report = json(sync(&app, &mai, &[on_one.clone(), on_two.clone()]).await).await;
    let results = report["results"].as_array().unwrap();
    assert_eq!(results[0]["status"], "accepted", "{report}");
    assert_eq!(
        results[0]["attempt"]["questions"][0]["correct"], true,
        "{report}"
    );
    assert_eq!(
        results[1]["attempt"]["questions"][0]["correct"], false,
        "{report}"
    );
    let stored =
        attempt::Entity::find_by_id(Uuid::parse_str(on_one["id"].as_str().unwrap()).unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(stored.course_version, Some(1));
    let newer = attempt::Entity::find()
        .filter(attempt::Column::Id.eq(Uuid::parse_str(on_two["id"].as_str().unwrap()).unwrap()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(newer.course_version, Some(2));
}
