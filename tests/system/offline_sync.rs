//! Work sent from a device's queue (`POST /api/v1/sync`): one answer per item, each item
//! applied once whatever the order or repetition, the server's grading and the device's
//! time, the conflict rules of docs/OFFLINE.md, and what saving a course downloads.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::{attempt, competency_evidence, work_draft};
use uuid::Uuid;

use crate::helpers::{As, TestApp, json, learner_in_cohort, on_both_databases, take_pre_test};

on_both_databases!(
    each_item_is_answered_and_applied_once_in_any_order,
    offline_attempts_past_the_limit_are_kept_and_count_for_nothing,
    drafts_from_a_device_never_replace_later_work,
    items_of_a_class_the_sender_does_not_study_are_rejected,
);

pub(crate) async fn sync(app: &TestApp, token: &str, items: &[Value]) -> reqwest::Response {
    As::new(app, token)
        .post("/api/v1/sync", &json!({ "items": items }))
        .await
}

async fn statuses(app: &TestApp, token: &str, items: &[Value]) -> (Vec<String>, Value) {
    let response = sync(app, token, items).await;
    assert_eq!(response.status(), StatusCode::OK);
    let report = json(response).await;
    let statuses = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect();
    (statuses, report)
}

fn attempt_item(cohort: &str, activity: &str, responses: Value, at: &str) -> Value {
    json!({ "id": Uuid::new_v4(), "cohort": cohort, "client_at": at, "version": 1,
        "kind": "attempt", "submission": { "id": Uuid::nil(), "activity": activity, "responses": responses } })
}

/// hv.mai's attempts at an activity of the class.
async fn mine(app: &TestApp, cohort: &str, user_attempts_of: &str) -> Vec<attempt::Model> {
    let mai = server::entities::user::Entity::find()
        .filter(server::entities::user::Column::Username.eq("hv.mai"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(Uuid::parse_str(cohort).unwrap()))
        .filter(attempt::Column::UserId.eq(mai))
        .filter(attempt::Column::ActivityId.eq(user_attempts_of))
        .all(&app.db)
        .await
        .unwrap()
}

async fn each_item_is_answered_and_applied_once_in_any_order(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    let pre = attempt_item(&cohort, "a1", json!({}), "2026-12-01T07:30:00+07:00");
    let quiz_id = Uuid::new_v4();
    let quiz_form = json!({ "id": quiz_id, "cohort": cohort, "client_at": "2026-12-01T08:10:00+07:00",
        "version": 1, "kind": "attempt_form",
        "fields": [["attempt_id", quiz_id], ["activity", "a3"], ["q1", "a"]] });
    let event = json!({ "id": Uuid::new_v4(), "cohort": cohort, "kind": "event", "activity": "a2",
        "position": "prompt-1", "client_at": "2026-12-01T08:00:00+07:00" });
    let unknown = attempt_item(&cohort, "a99", json!({}), "2026-12-01T08:20:00+07:00");
    let bad_time = json!({ "id": Uuid::new_v4(), "cohort": cohort, "kind": "event",
        "activity": "a2", "client_at": "yesterday" });
    let batch = vec![
        pre.clone(),
        quiz_form.clone(),
        event.clone(),
        unknown,
        bad_time,
    ];
    let (first, report) = statuses(&app, &mai, &batch).await;
    assert_eq!(
        first,
        ["accepted", "accepted", "accepted", "rejected", "rejected"],
        "{report}"
    );
    let results = report["results"].as_array().unwrap();
    assert_eq!(
        results[0]["id"], pre["id"],
        "results come in the items' order"
    );
    assert_eq!(
        results[0]["attempt"]["questions"].as_array().unwrap().len(),
        5,
        "the pre-test is graded on the server: {report}"
    );
    assert_eq!(
        results[1]["attempt"]["questions"][0]["correct"], true,
        "{report}"
    );
    // An activity the course does not have names nothing.
    assert_eq!(results[3]["code"], "not_found");
    assert!(
        results[4]["reason"].as_str().unwrap().contains("client_at"),
        "{report}"
    );

    // The same batch again, backwards: nothing is applied twice.
    let mut again = batch.clone();
    again.reverse();
    let (second, _) = statuses(&app, &mai, &again).await;
    assert_eq!(
        second,
        [
            "rejected",
            "rejected",
            "duplicate",
            "duplicate",
            "duplicate"
        ]
    );
    let pre_rows = mine(&app, &cohort, "a1").await;
    assert_eq!(pre_rows.len(), 1);
    let stored = &pre_rows[0];
    assert_eq!(
        stored.client_at.unwrap().to_rfc3339(),
        "2026-12-01T00:30:00+00:00",
        "the device's time is kept"
    );
    assert!(
        stored.submitted_at > stored.client_at.unwrap(),
        "beside the server's own"
    );
    assert_eq!(stored.course_version, Some(1));
    assert_eq!(mine(&app, &cohort, "a3").await.len(), 1);

    // A batch over 50 items, or an empty one, is refused whole.
    let many: Vec<Value> = (0..51).map(|_| event_item(&cohort)).collect();
    assert_eq!(
        sync(&app, &mai, &many).await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        sync(&app, &mai, &[]).await.status(),
        StatusCode::BAD_REQUEST
    );
}

fn event_item(cohort: &str) -> Value {
    json!({ "id": Uuid::new_v4(), "cohort": cohort, "kind": "event", "activity": "a2" })
}

async fn offline_attempts_past_the_limit_are_kept_and_count_for_nothing(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    // Two pre-tests made offline (the saved page was opened twice): the first counts.
    let pre = |at: &str| attempt_item(&cohort, "a1", json!({}), at);
    let (answers, _) = statuses(
        &app,
        &mai,
        &[pre("2026-12-01T07:00:00Z"), pre("2026-12-01T07:30:00Z")],
    )
    .await;
    assert_eq!(answers, ["accepted", "accepted"]);
    let rows = mine(&app, &cohort, "a1").await;
    assert_eq!(
        rows.iter().filter(|r| r.over_limit).count(),
        1,
        "the second is kept, marked"
    );
    let evidence = competency_evidence::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| rows.iter().any(|r| Some(r.id) == e.attempt_id))
        .collect::<Vec<_>>();
    assert!(!evidence.is_empty(), "the first pre-test gives evidence");
    let over = rows.iter().find(|r| r.over_limit).unwrap();
    assert!(
        evidence.iter().all(|e| e.attempt_id != Some(over.id)),
        "the one over the limit gives none"
    );

    // The quiz allows three attempts: a fourth sent from the device is kept, not counted,
    // and shown as over the limit; online, a fifth is refused as before.
    let quiz = |at: &str| {
        attempt_item(
            &cohort,
            "a3",
            json!({ "q1": { "type": "choice", "value": "a" } }),
            at,
        )
    };
    let batch: Vec<Value> = (0..4)
        .map(|i| quiz(&format!("2026-12-01T08:0{i}:00Z")))
        .collect();
    let (answers, report) = statuses(&app, &mai, &batch).await;
    assert_eq!(answers, ["accepted"; 4], "{report}");
    assert_eq!(report["results"][3]["attempt"]["over_limit"], true);
    assert_eq!(report["results"][2]["attempt"]["over_limit"], false);
    let progress = json(
        As::new(&app, &mai)
            .get(&format!("/api/v1/cohorts/{cohort}/progress"))
            .await,
    )
    .await;
    let a3 = progress["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["activity"] == "a3")
        .unwrap()
        .clone();
    assert_eq!(a3["attempts"], 3, "{progress}");
    let online = As::new(&app, &mai)
        .post(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &json!({ "id": Uuid::new_v4(), "activity": "a3", "responses": {} }),
        )
        .await;
    assert_eq!(online.status(), StatusCode::CONFLICT);
}

async fn drafts_from_a_device_never_replace_later_work(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    take_pre_test(&app, &mai, &cohort).await;
    let draft = |text: &str, at: &str| {
        json!({ "id": Uuid::new_v4(), "cohort": cohort, "client_at": at, "kind": "draft",
            "activity": "a2", "answers": [text] })
    };
    let cohort_id = cohort.clone();
    let stored = |app: &TestApp| {
        let db = app.db.clone();
        let cohort_id = cohort_id.clone();
        async move {
            work_draft::Entity::find()
                .filter(work_draft::Column::ActivityId.eq("a2"))
                .filter(work_draft::Column::CohortId.eq(Uuid::parse_str(&cohort_id).unwrap()))
                .one(&db)
                .await
                .unwrap()
                .map(|d| d.body)
        }
    };
    let newer = draft("Bản nháp buổi tối", "2026-12-01T20:00:00Z");
    let older = draft("Bản nháp buổi sáng", "2026-12-01T08:00:00Z");
    // The evening draft arrives first; the morning one after it changes nothing.
    let (answers, report) = statuses(&app, &mai, &[newer.clone(), older]).await;
    assert_eq!(answers, ["accepted", "accepted"]);
    assert!(report["results"][1]["reason"].is_string(), "{report}");
    assert!(stored(&app).await.unwrap().contains("buổi tối"));
    let (answers, _) = statuses(&app, &mai, &[newer]).await;
    assert_eq!(answers, ["duplicate"]);

    // Submitted afterwards online: a draft made before the submission never comes back.
    let submitted = As::new(&app, &mai)
        .post(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &json!({ "id": Uuid::new_v4(), "activity": "a2", "answers": ["Một", "Hai", "Ba"] }),
        )
        .await;
    assert_eq!(
        submitted.status(),
        StatusCode::CREATED,
        "{}",
        submitted.text().await.unwrap_or_default()
    );
    assert_eq!(stored(&app).await, None, "the submission removed the draft");
    let (answers, _) = statuses(&app, &mai, &[draft("Bản nháp cũ", "2026-12-01T21:00:00Z")]).await;
    assert_eq!(answers, ["accepted"]);
    assert_eq!(stored(&app).await, None, "an older draft does not return");
}

async fn items_of_a_class_the_sender_does_not_study_are_rejected(app: TestApp) {
    app.seed_demo().await;
    let (_, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    for (user, password, code) in [
        ("admin.daklak", "cao-nguyen-dak-lak", "not_found"),
        ("gv.lan", "giang-vien-lao-cai", "forbidden"),
    ] {
        let token = app.sign_in_json(user, password).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let item = attempt_item(&cohort, "a1", json!({}), "2026-12-01T07:00:00Z");
        let (answers, report) = statuses(&app, &token, &[item, event_item(&cohort)]).await;
        assert_eq!(answers, ["rejected", "rejected"], "{user}: {report}");
        assert_eq!(report["results"][0]["code"], code, "{user}: {report}");
    }
    assert!(mine(&app, &cohort, "a1").await.is_empty());
    // A version newer than the class's cannot have been on the device.
    let (mai, _) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    let mut future = attempt_item(&cohort, "a1", json!({}), "2026-12-01T07:00:00Z");
    future["version"] = json!(9);
    let (answers, report) = statuses(&app, &mai, &[future]).await;
    assert_eq!(answers, ["rejected"]);
    assert!(
        report["results"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("version"),
        "{report}"
    );
}
