//! Taking graded activities over the API: grading of every question type on the cohort's
//! frozen version, idempotent submission (also when sent concurrently), attempt limits, and
//! who may submit and read.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{As, TestApp, json, on_both_databases, take_pre_test};

mod checkpoint;
mod limits;
mod together;

on_both_databases!(
    every_question_type_is_graded_and_attempts_are_limited,
    the_same_submission_counts_once_even_when_sent_at_once,
    only_the_cohorts_learners_submit_and_read_their_own,
    lecturers_enrol_by_org_unit_position_and_csv_all_or_nothing,
);

async fn token(app: &TestApp, username: &str, password: &str) -> String {
    app.sign_in_json(username, password).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn cohort(app: &TestApp, token: &str) -> String {
    let list = As::new(app, token).get("/api/v1/learning/cohorts").await;
    json(list).await[0]["id"].as_str().unwrap().to_owned()
}

async fn submit(app: &TestApp, token: &str, cohort: &str, body: &Value) -> reqwest::Response {
    As::new(app, token)
        .post(&format!("/api/v1/cohorts/{cohort}/attempts"), body)
        .await
}

fn right_answers() -> Value {
    json!({
        "q1": { "type": "choice", "value": "a" },
        "q2": { "type": "choices", "value": ["a", "b", "c"] },
        "q3": { "type": "bool", "value": false },
        "q4": { "type": "number", "value": 30 },
        "q5": { "type": "text", "value": "  Hoa giai " },
        "q6": { "type": "order", "value": ["a", "b", "c", "d", "e"] },
        "q7": { "type": "pairs", "value": [["a", "a"], ["b", "b"], ["c", "c"]] }
    })
}

async fn every_question_type_is_graded_and_attempts_are_limited(app: TestApp) {
    app.seed_demo().await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let cohort = cohort(&app, &mai).await;
    let early = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": right_answers() }),
    )
    .await;
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "the modules open after the pre-test"
    );
    // The pre-test: one paper of five items (LAW 2, CONF 2, MOBI 1), taken once.
    let pre = json(
        submit(
            &app,
            &mai,
            &cohort,
            &json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
        )
        .await,
    )
    .await;
    assert_eq!(pre["questions"].as_array().unwrap().len(), 5, "{pre}");
    let again = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
    )
    .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let first = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": right_answers() }),
    )
    .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json(first).await;
    assert_eq!(first["score"], 1.0, "{first}");
    assert_eq!(first["passed"], true);
    assert!(
        first["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["correct"] == true),
        "{first}"
    );

    // Partly right: multiple choice earns partial credit, the rest nothing.
    let partly = json!({
        "q2": { "type": "choices", "value": ["a", "d"] },
        "q4": { "type": "number", "value": 45 },
        "q6": { "type": "order", "value": ["a", "b", "c", "e", "d"] }
    });
    let second = json(
        submit(
            &app,
            &mai,
            &cohort,
            &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": partly }),
        )
        .await,
    )
    .await;
    let scores: Vec<f64> = second["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores, vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.0], "{second}");
    assert_eq!(second["passed"], false);
    let third = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": {} }),
    )
    .await;
    assert_eq!(third.status(), StatusCode::CREATED);
    let fourth = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": {} }),
    )
    .await;
    assert_eq!(
        fourth.status(),
        StatusCode::CONFLICT,
        "the quiz allows three attempts"
    );

    let ungraded = submit(
        &app,
        &mai,
        &cohort,
        &json!({ "id": uuid::Uuid::new_v4(), "activity": "a2", "responses": {} }),
    )
    .await;
    assert_eq!(
        ungraded.status(),
        StatusCode::BAD_REQUEST,
        "a case study needs its written answers"
    );
}

async fn the_same_submission_counts_once_even_when_sent_at_once(app: TestApp) {
    app.seed_demo().await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let cohort = cohort(&app, &mai).await;
    take_pre_test(&app, &mai, &cohort).await;
    let first_id = uuid::Uuid::new_v4();
    let body = json!({ "id": first_id, "activity": "a3", "responses": right_answers() });
    let first = submit(&app, &mai, &cohort, &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json(first).await;
    let again = submit(&app, &mai, &cohort, &body).await;
    assert_eq!(
        again.status(),
        StatusCode::OK,
        "a repeat is answered, not stored"
    );
    assert_eq!(json(again).await, first);

    // Eight presses of the same button at once: stored once, all told the same.
    let second_id = uuid::Uuid::new_v4();
    let body = json!({ "id": second_id, "activity": "a3", "responses": {} });
    let url = app.url(&format!("/api/v1/cohorts/{cohort}/attempts"));
    let presses: Vec<_> = (0..8)
        .map(|_| {
            let (url, token, body) = (url.clone(), mai.clone(), body.clone());
            tokio::spawn(async move {
                let response = reqwest::Client::new()
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let mut answer = json(response).await;
                answer["submitted_at"] = Value::Null;
                (status, answer)
            })
        })
        .collect();
    let mut answers = Vec::new();
    for press in presses {
        answers.push(press.await.unwrap());
    }
    let created = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(s, b)| s.is_success() && b == &answers[0].1)
    );
    let stored = server::entities::attempt::Entity::find()
        .filter(server::entities::attempt::Column::Id.is_in([first_id, second_id]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 2, "two submissions, each stored once");
}

async fn only_the_cohorts_learners_submit_and_read_their_own(app: TestApp) {
    app.seed_demo().await;
    app.create_user("hv.khach", "hoc vien khach 2026", &[shared::Role::Learner])
        .await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let tuan = token(&app, "hv.tuan", "hoc-vien-ea-kly").await;
    let stranger = token(&app, "hv.khach", "hoc vien khach 2026").await;
    let lan = token(&app, "gv.lan", "giang-vien-lao-cai").await;
    let cohort = cohort(&app, &mai).await;
    take_pre_test(&app, &mai, &cohort).await;
    let id = uuid::Uuid::new_v4();
    let body = json!({ "id": id, "activity": "a3", "responses": right_answers() });

    let outside = submit(&app, &stranger, &cohort, &body).await;
    assert_eq!(outside.status(), StatusCode::NOT_FOUND, "not in the cohort");
    assert_eq!(
        submit(&app, &lan, &cohort, &body).await.status(),
        StatusCode::FORBIDDEN,
        "the lecturer does not take it"
    );
    assert_eq!(
        submit(&app, &mai, &cohort, &body).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        submit(&app, &tuan, &cohort, &body).await.status(),
        StatusCode::CONFLICT,
        "another learner cannot claim the same id"
    );

    let read = |who: String| {
        let url = app.url(&format!("/api/v1/attempts/{id}"));
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(who)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(read(mai.clone()).await, StatusCode::OK);
    assert_eq!(
        read(lan.clone()).await,
        StatusCode::OK,
        "the cohort's lecturer reads it"
    );
    assert_eq!(
        read(tuan.clone()).await,
        StatusCode::NOT_FOUND,
        "a classmate does not"
    );
    assert_eq!(read(stranger.clone()).await, StatusCode::NOT_FOUND);
}

async fn lecturers_enrol_by_org_unit_position_and_csv_all_or_nothing(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let courses = lan.get_json("/api/v1/courses").await;
    let opened = lan
        .post(
            "/api/v1/cohorts",
            &json!({ "course_id": courses[0]["id"], "title_vi": "Lớp Bát Xát",
            "starts_on": "2027-01-04", "ends_on": "2027-02-26" }),
        )
        .await;
    let cohort = json(opened).await["id"].as_str().unwrap().to_owned();
    let units = lan.get_json("/api/v1/org-units").await;
    let unit = |code: &str| {
        units
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let positions = lan.get_json("/api/v1/positions").await;
    let position = |code: &str| {
        positions
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == code)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let enrol = |body: Value| {
        let (lan, path) = (&lan, format!("/api/v1/cohorts/{cohort}/enrolments"));
        async move { lan.post(&path, &body).await }
    };
    let learners = || async {
        let list = lan.get_json("/api/v1/cohorts").await;
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == cohort.as_str())
            .unwrap()["learners"]
            .as_u64()
            .unwrap()
    };

    // One unknown name in the CSV refuses everything.
    let refused =
        enrol(json!({ "csv": "full_name,username\nGiàng Thị Mai,hv.mai\nAi đó,khong.ai\n" })).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        json(refused)
            .await
            .to_string()
            .contains("khong.ai: không có học viên nào bạn được ghi danh mang tên này"),
        "in the lecturer's language"
    );
    assert_eq!(learners().await, 0, "all or nothing");

    // A position nobody in the unit holds matches nobody.
    let nobody =
        enrol(json!({ "org_unit": unit("VN-LCI-BATXAT"), "position": position("CS_JUSTICE") }))
            .await;
    assert_eq!(nobody.status(), StatusCode::BAD_REQUEST);

    // The judicial officers of a commune.
    let justice =
        enrol(json!({ "org_unit": unit("VN-LCI-YTY"), "position": position("CS_JUSTICE") })).await;
    let justice = json(justice).await;
    assert_eq!(justice["added"], json!(["hv.mai"]), "{justice}");
    // Every learner of the province (the demo's finished class among them): the one already
    // there is reported, not added twice.
    let district = json(enrol(json!({ "org_unit": unit("VN-LCI") })).await).await;
    let added = district["added"].as_array().unwrap();
    assert!(added.contains(&json!("ql.hung")), "{district}");
    assert_eq!(added.len(), 1 + server::seed::DEMO_CADRES);
    assert_eq!(district["already"], json!(["hv.mai"]));
    // A CSV of usernames in the first column, from another province.
    let csv = json(enrol(json!({ "csv": "hv.tuan\n" })).await).await;
    assert_eq!(csv["added"], json!(["hv.tuan"]));
    assert_eq!(learners().await, 3 + server::seed::DEMO_CADRES as u64);
}
