//! What saving a course for offline study downloads (`GET /api/v1/cohorts/{id}/offline`):
//! every page of the course and the assets they load, with sizes that hold.

use reqwest::StatusCode;

use serde_json::Value;

use crate::helpers::{As, TestApp, form_token, json, on_both_databases, page, sign_in_form};
use crate::helpers::{learner_in_cohort, take_pre_test};

on_both_databases!(
    the_offline_package_lists_pages_and_assets_with_sizes,
    answer_tables_ship_only_with_practice_quizzes_that_allow_them,
    lecturers_choose_offline_checking_in_the_quiz_settings,
);

async fn the_offline_package_lists_pages_and_assets_with_sizes(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    let response = As::new(&app, &mai)
        .get(&format!("/api/v1/cohorts/{cohort}/offline"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let package = json(response).await;
    assert_eq!(package["version"], 1);
    let files = package["files"].as_array().unwrap();
    let urls: Vec<&str> = files.iter().map(|f| f["url"].as_str().unwrap()).collect();
    for page in [
        "/learn".to_owned(),
        format!("/learn/{cohort}"),
        format!("/learn/{cohort}/a4"),
    ] {
        assert!(urls.contains(&page.as_str()), "{page} in {urls:?}");
    }
    let sum: u64 = files.iter().map(|f| f["bytes"].as_u64().unwrap()).sum();
    assert_eq!(package["bytes"].as_u64().unwrap(), sum);
    if crate::helpers::site_is_built() {
        let manifest = crate::helpers::site_manifest();
        for name in [&manifest["stylesheet"], &manifest["offline"]] {
            let url = format!("/pkg/{}", name.as_str().unwrap());
            let file = files.iter().find(|f| f["url"] == url.as_str()).unwrap();
            let (status, body) = page(&app, &url).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(
                file["bytes"].as_u64().unwrap(),
                body.len() as u64,
                "{url} exactly"
            );
        }
    }
    // Pages are estimated: the estimate is within a quarter of the pages as served.
    // With the modules open (after the pre-test), as she would save the course.
    take_pre_test(&app, &mai, &cohort).await;
    let package = json(
        As::new(&app, &mai)
            .get(&format!("/api/v1/cohorts/{cohort}/offline"))
            .await,
    )
    .await;
    let files = package["files"].as_array().unwrap();
    // The app's client holds hv.mai's session cookies since she signed in above.
    let (mut estimated, mut served) = (0u64, 0u64);
    for file in files
        .iter()
        .filter(|f| f["url"].as_str().unwrap().starts_with("/learn"))
    {
        let (status, body) = page(&app, file["url"].as_str().unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        estimated += file["bytes"].as_u64().unwrap();
        served += body.len() as u64;
    }
    let ratio = estimated as f64 / served as f64;
    assert!(
        (0.75..=1.25).contains(&ratio),
        "pages estimated at {estimated} bytes, served {served}"
    );
}

async fn answer_tables_ship_only_with_practice_quizzes_that_allow_them(app: TestApp) {
    app.seed_demo().await;
    let (mai, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    // The app's client holds hv.mai's session cookies since she signed in above.
    let (status, pre_test) = page(&app, &format!("/learn/{cohort}/a1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(pre_test.contains("name=\"q") || pre_test.contains("type=\"radio\""));
    assert!(!pre_test.contains("scores"), "a pre-test ships no answers");
    take_pre_test(&app, &mai, &cohort).await;
    let (_, quiz) = page(&app, &format!("/learn/{cohort}/a3")).await;
    assert!(
        quiz.contains("scores") && quiz.contains("feedback_html"),
        "the practice quiz allowing it carries its answer tables"
    );
    // q1 (single choice, right answer a) is listed with its grade; the numeric q4 is not.
    // q1 (single choice, right answer a) is listed with its grade, in the island's props.
    assert!(
        quiz.contains("&quot;question&quot;:&quot;q1&quot;,&quot;offline&quot;:{&quot;scores&quot;:{&quot;&quot;:0.0,&quot;a&quot;:1.0,&quot;b&quot;:0.0"),
        "q1's table"
    );
}

async fn lecturers_choose_offline_checking_in_the_quiz_settings(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let (_, courses) = page(&app, "/author").await;
    let start = courses.find("/author/courses/").expect("a course link") + 16;
    let course = &courses[start..start + 36];
    let editor_path = format!("/author/courses/{course}/activities/a3");
    let (_, editor) = page(&app, &editor_path).await;
    assert!(
        editor.contains(r#"name="offline_feedback" value="true" checked"#),
        "the demo quiz allows it"
    );
    let offline_setting = |app: &TestApp| {
        let url = format!("/api/v1/courses/{course}/draft/package.json");
        let client = app.client.clone();
        let full = app.url(&url);
        async move {
            let package: Value = client.get(full).send().await.unwrap().json().await.unwrap();
            package["modules"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|m| m["activities"].as_array().unwrap().clone())
                .find(|a| a["id"] == "a3")
                .unwrap()["settings"]["offline_feedback"]
                .as_bool()
                .unwrap_or(false)
        }
    };
    assert!(offline_setting(&app).await);
    for allow in [false, true] {
        let (_, editor) = page(&app, &editor_path).await;
        let token = form_token(&editor);
        let mut fields = vec![
            ("csrf", token.as_str()),
            ("title_vi", "Kiểm tra nhanh: tiếp công dân và khiếu nại"),
            ("title_en", "Quick check: receiving citizens and complaints"),
            ("attempts", "3"),
            ("pass_mark", "70"),
            ("shuffle_options", "true"),
            ("feedback", "immediate"),
        ];
        if allow {
            fields.push(("offline_feedback", "true"));
        }
        let saved = app
            .post_form(&format!("/api/v1/courses/{course}/activities/a3"), &fields)
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            offline_setting(&app).await,
            allow,
            "unticked, then ticked again"
        );
    }
}
