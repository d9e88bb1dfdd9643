//! Course authoring over the API: building and publishing, frozen versions, co-authors,
//! what learners may not see, package import/export, and concurrent edits.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{As, TestApp, job_of, json, on_both_databases};

on_both_databases!(
    a_lecturer_builds_and_publishes_and_versions_stay_frozen,
    co_authors_edit_but_only_the_owner_chooses_them,
    learners_never_see_drafts_or_answer_keys,
    packages_round_trip_and_import_names_each_problem_by_path,
    a_draft_replaced_from_an_old_revision_is_refused,
);

fn field_paths(error: &Value) -> Vec<String> {
    error["error"]["fields"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|f| f["field"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn new_course(lecturer: &As<'_>, code: &str) -> String {
    let created = lecturer
        .post(
            "/api/v1/courses",
            &json!({ "code": code, "title_vi": "Kỹ năng tiếp dân" }),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    json(created).await["id"].as_str().unwrap().to_owned()
}

async fn a_lecturer_builds_and_publishes_and_versions_stay_frozen(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = new_course(&lan, "TIEP-DAN-1").await;
    let base = format!("/api/v1/courses/{id}");

    let refused = lan.post(&format!("{base}/publish"), &json!({})).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_paths(&json(refused).await), ["modules"]);

    let module = json(
        lan.post(&format!("{base}/modules"), &json!({ "title_vi": "Mở đầu" }))
            .await,
    )
    .await;
    assert_eq!(module["id"], "m1");
    // A change that makes nothing new has nothing to say: 204 and no body, not `null`.
    for (path, body) in [
        (
            "modules/m1",
            json!({ "title_vi": "Phần mở đầu", "title_en": "Opening" }),
        ),
        ("modules/m1/move", json!({ "direction": "down" })),
    ] {
        let changed = lan.post(&format!("{base}/{path}"), &body).await;
        assert_eq!(changed.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(changed.text().await.unwrap(), "", "{path}");
    }
    let activity = lan
        .post(
            &format!("{base}/activities"),
            &json!({ "module": "m1", "kind": "case_study", "title_vi": "Vụ việc ở thôn" }),
        )
        .await;
    assert_eq!(json(activity).await["id"], "a1");
    let refused = json(lan.post(&format!("{base}/publish"), &json!({})).await).await;
    let paths = field_paths(&refused);
    assert!(
        paths.contains(&"modules[0].activities[0].body".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"modules[0].activities[0].prompts".to_owned()),
        "{paths:?}"
    );
    assert!(
        refused["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Chưa nhập")
            || refused["error"]["fields"][1]["message"]
                .as_str()
                .unwrap()
                .contains("Chưa nhập"),
        "messages are in the lecturer's language: {refused}"
    );

    let saved = lan
        .post(
            &format!("{base}/activities/a1"),
            &json!({ "title_vi": "Vụ việc ở thôn", "body_vi": "## Bối cảnh\n\nÔng Tư đến trụ sở…",
                    "prompts": "Anh/chị sẽ làm gì? | What would you do?" }),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let published = lan.post(&format!("{base}/publish"), &json!({})).await;
    assert_eq!(published.status(), StatusCode::CREATED);
    assert_eq!(json(published).await["number"], 1);

    let first = lan.get(&format!("{base}/versions/1/package.json")).await;
    assert_eq!(first.status(), StatusCode::OK);
    let first = first.text().await.unwrap();
    assert!(first.contains("Ông Tư đến trụ sở"));

    // Editing the draft changes nothing in the published version.
    let renamed = lan
        .post(
            &format!("{base}/info"),
            &json!({ "title_vi": "Kỹ năng tiếp dân (sửa)" }),
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::NO_CONTENT);
    let again = lan
        .get(&format!("{base}/versions/1/package.json"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(again, first);
    let draft = lan
        .get(&format!("{base}/draft/package.json"))
        .await
        .text()
        .await
        .unwrap();
    assert!(draft.contains("Kỹ năng tiếp dân (sửa)") && !first.contains("(sửa)"));

    let second = lan.post(&format!("{base}/publish"), &json!({})).await;
    assert_eq!(json(second).await["number"], 2);
    let detail = json(lan.get(&base).await).await;
    assert_eq!(detail["summary"]["latest_version"], 2);
    assert_eq!(detail["versions"].as_array().unwrap().len(), 2);
    assert_eq!(detail["versions"][0]["number"], 2, "newest first");
    assert_eq!(
        lan.get(&format!("{base}/versions/3/package.json"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

async fn co_authors_edit_but_only_the_owner_chooses_them(app: TestApp) {
    app.seed_demo().await;
    app.create_user("gv.hai", "giang vien hai 2026", &[shared::Role::Lecturer])
        .await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let hai = As::sign_in(&app, "gv.hai", "giang vien hai 2026").await;
    let id = new_course(&lan, "HOA-GIAI-1").await;
    let base = format!("/api/v1/courses/{id}");

    assert_eq!(hai.get(&base).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        hai.post(
            &format!("{base}/modules"),
            &json!({ "title_vi": "Của tôi" })
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        json(hai.get("/api/v1/courses").await)
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );

    let added = lan
        .post(&format!("{base}/authors"), &json!({ "username": "gv.hai" }))
        .await;
    assert_eq!(added.status(), StatusCode::NO_CONTENT);
    let seen = json(hai.get(&base).await).await;
    assert_eq!(seen["summary"]["part"], "co_author");
    assert_eq!(seen["authors"].as_array().unwrap().len(), 2);
    assert_eq!(
        json(hai.get("/api/v1/courses").await).await[0]["id"],
        id.as_str()
    );
    let module = hai
        .post(
            &format!("{base}/modules"),
            &json!({ "title_vi": "Phần của thầy Hải" }),
        )
        .await;
    assert_eq!(module.status(), StatusCode::OK);

    let by_co_author = hai
        .post(&format!("{base}/authors"), &json!({ "username": "gv.lan" }))
        .await;
    assert_eq!(by_co_author.status(), StatusCode::FORBIDDEN);
    let learner = lan
        .post(&format!("{base}/authors"), &json!({ "username": "hv.mai" }))
        .await;
    assert_eq!(learner.status(), StatusCode::BAD_REQUEST);
    assert_eq!(field_paths(&json(learner).await), ["username"]);

    let hai_id = seen["authors"][1]["user_id"].as_str().unwrap().to_owned();
    let removed = lan
        .post(&format!("{base}/authors/{hai_id}/remove"), &json!({}))
        .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(hai.get(&base).await.status(), StatusCode::NOT_FOUND);
}

async fn learners_never_see_drafts_or_answer_keys(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, "admin", "truong-chinh-tri-2026").await;
    let demo = json(admin.get("/api/v1/courses").await).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mai = As::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    assert!(
        json(mai.get("/api/v1/courses").await)
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );
    for path in [
        format!("/api/v1/courses/{demo}"),
        format!("/api/v1/courses/{demo}/draft/package.json"),
        format!("/api/v1/courses/{demo}/versions/1/package.json"),
    ] {
        let response = mai.get(&path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let body = response.text().await.unwrap();
        assert!(
            !body.contains("correct") && !body.contains("accepted"),
            "{path}: {body}"
        );
    }
    assert_eq!(
        mai.post(
            "/api/v1/courses",
            &json!({ "code": "HV-1", "title_vi": "Của học viên" })
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
}

async fn packages_round_trip_and_import_names_each_problem_by_path(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let demo = json(lan.get("/api/v1/courses").await).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let exported = lan
        .get(&format!("/api/v1/courses/{demo}/versions/1/package.json"))
        .await;
    assert!(
        exported.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("KNTC-DAT-DAI-XA-v1.json")
    );
    let exported = exported.text().await.unwrap();

    let import = |body: String, query: &'static str| {
        let url = app.url(&format!("/api/v1/courses/import{query}"));
        let token = lan.token.clone();
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let job = job_of(&lan, import(exported.clone(), "?code=KNTC-BAN-SAO").await).await;
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(job["kind"], "package_import");
    let copy = &job["course"];
    assert_eq!(copy["issues"], json!([]), "the demo course is complete");
    let copy_id = copy["id"].as_str().unwrap();
    let published = lan
        .post(&format!("/api/v1/courses/{copy_id}/publish"), &json!({}))
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let again = lan
        .get(&format!(
            "/api/v1/courses/{copy_id}/versions/1/package.json"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        again,
        exported.replace("\"KNTC-DAT-DAI-XA\"", "\"KNTC-BAN-SAO\"")
    );

    // The same code again is a conflict; a package with mistakes names each place.
    assert_eq!(
        import(exported.clone(), "").await.status(),
        StatusCode::CONFLICT
    );
    let mut broken: Value = serde_json::from_str(&exported).unwrap();
    broken["course"]["code"] = json!("BROKEN-1");
    broken["item_bank"][0]["competency"] = json!("SWIMMING");
    broken["modules"][1]["activities"][1]["questions"][1]["id"] = json!("q1");
    let refused = import(broken.to_string(), "").await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let paths = field_paths(&json(refused).await);
    assert!(
        paths.contains(&"item_bank[0].competency".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"modules[1].activities[1].questions[1].id".to_owned()),
        "{paths:?}"
    );

    let mut wrong_kind: Value = serde_json::from_str(&exported).unwrap();
    wrong_kind["course"]["code"] = json!("BROKEN-2");
    wrong_kind["modules"][0]["activities"][0]["phase"] = json!("sometime");
    let refused = json(import(wrong_kind.to_string(), "").await).await;
    let paths = field_paths(&refused);
    assert_eq!(paths.len(), 1);
    assert!(
        paths[0].starts_with("modules[0].activities[0]"),
        "{paths:?}"
    );

    let mut elsewhere: Value = serde_json::from_str(&exported).unwrap();
    elsewhere["course"]["code"] = json!("BROKEN-3");
    elsewhere["course"]["framework"]["version"] = json!(7);
    let refused = json(import(elsewhere.to_string(), "").await).await;
    assert_eq!(field_paths(&refused), ["course.framework"]);
    assert_eq!(
        import("{\"format\":".into(), "").await.status(),
        StatusCode::BAD_REQUEST
    );

    // What only stops publishing is left for the author: the course is made, and the job
    // says what to fix.
    let mut unfinished: Value = serde_json::from_str(&exported).unwrap();
    unfinished["course"]["code"] = json!("CHUA-XONG");
    unfinished["modules"][0]["title"]["vi"] = json!("");
    let job = job_of(&lan, import(unfinished.to_string(), "").await).await;
    assert_eq!(job["state"], "done", "{job}");
    let issues = job["course"]["issues"].as_array().unwrap();
    assert!(
        issues
            .iter()
            .any(|i| i["path"].as_str().unwrap().starts_with("modules[0].title")),
        "{job}"
    );
    let made = job["course"]["id"].as_str().unwrap();
    let detail = json(lan.get(&format!("/api/v1/courses/{made}")).await).await;
    assert_eq!(detail["summary"]["code"], "CHUA-XONG");
}

async fn a_draft_replaced_from_an_old_revision_is_refused(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = new_course(&lan, "DONG-THOI").await;
    let base = format!("/api/v1/courses/{id}");
    let detail = json(lan.get(&base).await).await;
    let revision = detail["summary"]["draft_revision"].as_u64().unwrap();
    let mut package = detail["draft"].clone();
    package["course"]["title"]["en"] = json!("Working at the same time");
    let body = json!({ "revision": revision, "package": package });
    let first = lan
        .send(Method::PUT, &format!("{base}/draft"), Some(body.clone()))
        .await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(json(first).await["revision"], revision + 1);
    // A co-author still holding the old revision is told, not silently overwritten.
    let stale = lan
        .send(Method::PUT, &format!("{base}/draft"), Some(body))
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let detail = json(lan.get(&base).await).await;
    assert_eq!(detail["summary"]["title"]["en"], "Working at the same time");
}
