//! Progress over the API: events recorded once per id, a role-play path checked by replaying
//! it (a forged one is refused), surveys and written answers validated, the derived progress
//! (gates, resume point, time), and certificates only for a completed course.

use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use shared::course::{ActivityBody, Package};
use shared::roleplay::Outcome;

use crate::helpers::{As, TestApp, json, learner_in_cohort, on_both_databases};

on_both_databases!(
    events_are_recorded_once_and_move_the_resume_point,
    role_play_paths_are_replayed_and_forged_ones_refused,
    surveys_and_written_answers_are_checked_and_certificates_wait_for_completion,
    quiz_answers_are_checked_one_by_one_and_nothing_is_stored,
);

struct Learner<'a> {
    app: &'a TestApp,
    token: String,
    cohort: String,
}

impl Learner<'_> {
    async fn sign_in<'a>(app: &'a TestApp, username: &str, password: &str) -> Learner<'a> {
        let (token, cohort) = learner_in_cohort(app, username, password).await;
        Learner { app, token, cohort }
    }

    async fn post(&self, tail: &str, body: &Value) -> reqwest::Response {
        reqwest::Client::new()
            .post(
                self.app
                    .url(&format!("/api/v1/cohorts/{}/{tail}", self.cohort)),
            )
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn progress(&self) -> Value {
        let response = reqwest::Client::new()
            .get(
                self.app
                    .url(&format!("/api/v1/cohorts/{}/progress", self.cohort)),
            )
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        json(response).await
    }

    async fn submit(&self, body: Value) -> reqwest::Response {
        let mut body = body;
        body["id"] = json!(uuid::Uuid::new_v4());
        self.post("attempts", &body).await
    }
}

async fn tuan_id(app: &TestApp, token: &str) -> String {
    let me = As::new(app, token).get("/api/v1/auth/me").await;
    json(me).await["id"].as_str().unwrap().to_owned()
}

fn status_of<'a>(progress: &'a Value, activity: &str) -> &'a Value {
    progress["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["activity"] == activity)
        .unwrap()
}

async fn events_are_recorded_once_and_move_the_resume_point(app: TestApp) {
    app.seed_demo().await;
    let mai = Learner::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let fresh = mai.progress().await;
    assert_eq!(
        fresh["resume"], "a1",
        "a new learner starts with the pre-test"
    );
    assert_eq!(status_of(&fresh, "a2")["locked"], true);

    let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let batch = json!({ "events": [
        { "id": a, "activity": "a1", "at": "2026-11-23T08:00:00+07:00" },
        { "id": b, "activity": "a1", "position": "q3" },
        { "id": a, "activity": "a1" },
    ]});
    let first = mai.post("events", &batch).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(json(first).await, json!({ "recorded": 2, "duplicates": 1 }));
    let again = mai.post("events", &batch).await;
    assert_eq!(
        json(again).await,
        json!({ "recorded": 0, "duplicates": 3 }),
        "a repeated batch changes nothing"
    );
    let stored = server::entities::progress_event::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.id == a || e.id == b)
        .count();
    assert_eq!(stored, 2);
    let progress = mai.progress().await;
    assert_eq!(status_of(&progress, "a1")["status"], "in_progress");
    assert_eq!(status_of(&progress, "a1")["position"], "q3");

    let bad = mai
        .post(
            "events",
            &json!({ "events": [{ "id": uuid::Uuid::new_v4(), "activity": "zz" }] }),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(json(bad).await.to_string().contains("events[0].activity"));
    let empty = mai.post("events", &json!({ "events": [] })).await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);

    // A time years away is not when anything was done.
    let far = mai
        .post(
            "events",
            &json!({ "events": [{ "id": uuid::Uuid::new_v4(), "activity": "a1", "at": "9999-01-01T00:00:00Z" }] }),
        )
        .await;
    assert_eq!(far.status(), StatusCode::BAD_REQUEST);
    assert!(json(far).await.to_string().contains("events[0].at"));

    // Someone else's event id is answered as a new one would be, and not stored as theirs.
    let tuan = Learner::sign_in(&app, "hv.tuan", "hoc-vien-ea-kly").await;
    let theirs = json!({ "events": [{ "id": a, "activity": "a1" }] });
    let guessed = tuan.post("events", &theirs).await;
    assert_eq!(
        json(guessed).await,
        json!({ "recorded": 1, "duplicates": 0 }),
        "whose ids exist is not told"
    );
    let owner = server::entities::progress_event::Entity::find_by_id(a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(owner.user_id.to_string(), tuan_id(&app, &tuan.token).await);

    // After the pre-test the modules open and the next activity is where to resume.
    let pre = mai
        .submit(json!({ "activity": "a1", "responses": {} }))
        .await;
    assert_eq!(pre.status(), StatusCode::CREATED);
    let progress = mai.progress().await;
    assert_eq!(status_of(&progress, "a1")["status"], "completed");
    assert_eq!(status_of(&progress, "a2")["locked"], false);
    assert_eq!(
        status_of(&progress, "a5")["locked"],
        true,
        "the post-test waits for the modules"
    );
    assert_eq!(progress["resume"], "a2");
}

async fn role_play_paths_are_replayed_and_forged_ones_refused(app: TestApp) {
    app.seed_demo().await;
    let package: Package = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    let Some(ActivityBody::RolePlay(play)) = package.activity("a4").map(|a| a.body.clone()) else {
        panic!("a4 is the role-play");
    };
    let mai = Learner::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let success = play.scenario.path_to(Outcome::Success).unwrap();
    let locked = mai
        .submit(json!({ "activity": "a4", "path": success }))
        .await;
    assert_eq!(
        locked.status(),
        StatusCode::CONFLICT,
        "modules wait for the pre-test"
    );
    mai.submit(json!({ "activity": "a1", "responses": {} }))
        .await;

    let won = mai
        .submit(json!({ "activity": "a4", "path": success }))
        .await;
    assert_eq!(won.status(), StatusCode::CREATED);
    let won = json(won).await;
    assert_eq!(won["outcome"], "success");
    assert_eq!(won["passed"], true);
    let failed = play.scenario.path_to(Outcome::Fail).unwrap();
    let lost = json(
        mai.submit(json!({ "activity": "a4", "path": failed }))
            .await,
    )
    .await;
    assert_eq!(lost["outcome"], "fail");
    assert!(
        lost["score"].as_f64().unwrap() < won["score"].as_f64().unwrap(),
        "the server's score follows the path: {lost} vs {won}"
    );

    // A path that skips a step, or stops before an ending, is refused.
    let forged = mai
        .submit(json!({ "activity": "a4", "path": [success.last().unwrap()] }))
        .await;
    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);
    let unfinished = mai
        .submit(json!({ "activity": "a4", "path": [success[0].clone()] }))
        .await;
    assert_eq!(unfinished.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(unfinished).await["error"]["fields"][0]["code"],
        "path_no_ending"
    );
    let progress = mai.progress().await;
    assert_eq!(
        status_of(&progress, "a4")["attempts"],
        2,
        "only the real plays count"
    );
    assert_eq!(status_of(&progress, "a4")["status"], "completed");
}

async fn surveys_and_written_answers_are_checked_and_certificates_wait_for_completion(
    app: TestApp,
) {
    app.seed_demo().await;
    let mai = Learner::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let early = mai.post("certificate", &json!({})).await;
    assert_eq!(early.status(), StatusCode::CONFLICT, "not complete yet");

    // Without gates the survey is open at once (a cohort opened with gating off).
    let lan = app.sign_in_json("gv.lan", "giang-vien-lao-cai").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let courses = json(As::new(&app, &lan).get("/api/v1/courses").await).await;
    let course = courses[0]["id"].as_str().unwrap().to_owned();
    let opened = As::new(&app, &lan)
        .post(
            "/api/v1/cohorts",
            &json!({ "course_id": course, "title_vi": "Lớp tự do", "starts_on": "2026-12-01",
            "ends_on": "2026-12-20", "gate_pre": false, "gate_post": false }),
        )
        .await;
    let cohort = json(opened).await["id"].as_str().unwrap().to_owned();
    let enrolled = As::new(&app, &lan)
        .post(
            &format!("/api/v1/cohorts/{cohort}/enrolments"),
            &json!({ "usernames": "hv.mai" }),
        )
        .await;
    assert_eq!(enrolled.status(), StatusCode::OK);
    let free = Learner {
        app: &app,
        token: mai.token.clone(),
        cohort,
    };
    let lecturer = json(As::new(&app, &lan).get("/api/v1/auth/me").await).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (survey, field) in [
        (json!({ "s1": "7" }), "survey.s1"),
        (json!({ "s9": "3" }), "survey.s9"),
        (json!({ "s3": "4" }), "survey.s3"),
        (json!({}), "survey"),
    ] {
        let refused = free
            .submit(json!({ "activity": "a6", "survey": survey }))
            .await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{survey}");
        assert!(json(refused).await.to_string().contains(field), "{field}");
    }
    let answered = free
        .submit(json!({ "activity": "a6", "survey": {
            "s1": "4", format!("s3@{lecturer}"): "5", "s5": "Hữu ích." } }))
        .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    let twice = free
        .submit(json!({ "activity": "a6", "survey": { "s1": "5" } }))
        .await;
    assert_eq!(
        twice.status(),
        StatusCode::CONFLICT,
        "a survey is sent once"
    );

    // Written answers: every prompt, and no draft after submitting.
    let short = free
        .submit(json!({ "activity": "a2", "answers": ["Một", ""] }))
        .await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    let body = json(short).await.to_string();
    assert!(
        body.contains("answers[1]") && body.contains("answers[2]"),
        "{body}"
    );
    let draft = free.post("drafts/a2", &json!({ "answers": ["Một"] })).await;
    assert_eq!(draft.status(), StatusCode::NO_CONTENT);
    let done = free
        .submit(json!({ "activity": "a2", "answers": ["Một", "Hai", "Ba"] }))
        .await;
    assert_eq!(done.status(), StatusCode::CREATED);
    assert_eq!(json(done).await["answers"], json!(["Một", "Hai", "Ba"]));
    let late = free.post("drafts/a2", &json!({ "answers": ["Sửa"] })).await;
    assert_eq!(
        late.status(),
        StatusCode::CONFLICT,
        "submitted work is not drafted again"
    );
    let drafts = server::entities::work_draft::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.activity_id == "a2" && d.cohort_id.to_string() == free.cohort)
        .count();
    assert_eq!(drafts, 0, "the draft is gone once submitted");
}

async fn quiz_answers_are_checked_one_by_one_and_nothing_is_stored(app: TestApp) {
    app.seed_demo().await;
    let mai = Learner::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let q3 =
        |value: bool| json!({ "question": "q3", "response": { "type": "bool", "value": value } });
    let early = mai.post("checks/a3", &q3(false)).await;
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "the quiz waits for the pre-test"
    );
    let pre = mai
        .post(
            "attempts",
            &json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
        )
        .await;
    assert_eq!(pre.status(), StatusCode::CREATED);

    let right = json(mai.post("checks/a3", &q3(false)).await).await;
    assert_eq!(right["correct"], true);
    assert_eq!(right["score"], 1.0);
    let feedback = right["feedback_html"].as_str().unwrap();
    assert!(
        feedback.starts_with("<p>Sai. Đơn không cần theo mẫu"),
        "{feedback}"
    );
    let wrong = json(mai.post("checks/a3", &q3(true)).await).await;
    assert_eq!(wrong["correct"], false);
    assert_eq!(wrong["score"], 0.0);
    let partly = json(
        mai.post(
            "checks/a3",
            &json!({ "question": "q2", "response": { "type": "choices", "value": ["a"] } }),
        )
        .await,
    )
    .await;
    let score = partly["score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 1.0, "partial credit: {score}");
    let none = json(mai.post("checks/a3", &json!({ "question": "q4" })).await).await;
    assert_eq!(none["correct"], false, "no answer is not right");

    // The quiz form as it stands, with the question to check; in the viewer's language.
    let form = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/cohorts/{}/checks/a3", mai.cohort)))
        .bearer_auth(&mai.token)
        .header("cookie", "fs_lang=en")
        .form(&[("q1", "b"), ("q3", "false"), ("question", "q3")])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let checked = json(form).await;
    assert_eq!(checked["correct"], true);
    assert!(
        checked["feedback_html"]
            .as_str()
            .unwrap()
            .contains("A petition needs no template")
    );

    // Only quizzes with feedback after each question, only their questions.
    let unknown = mai.post("checks/a3", &json!({ "question": "q99" })).await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let test = mai.post("checks/a5", &json!({ "question": "b1" })).await;
    assert_eq!(test.status(), StatusCode::CONFLICT, "tests keep their keys");
    let pre_test = json(mai.post("checks/a1", &json!({ "question": "b1" })).await).await;
    assert_eq!(
        pre_test["error"]["message"],
        "Bài trắc nghiệm này chỉ phản hồi sau khi nộp bài, không theo từng câu.",
        "the learner's language: {pre_test}"
    );

    let mai_id = server::entities::user::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "hv.mai")
        .unwrap()
        .id;
    let stored = server::entities::attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.activity_id == "a3" && a.user_id == mai_id)
        .count();
    assert_eq!(stored, 0, "checking stores no attempt");
}
