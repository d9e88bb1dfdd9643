//! A cadre who reads Vietnamese never meets an English sentence on a failure path: file
//! imports, forms, publishing, enrolment and offline sync rejections are worded in the
//! reader's language; an API client gets the language it asks for, with stable codes.

use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::evidence::{ADMIN, LECTURER, MAI, SUPERVISOR};
use crate::helpers::{
    TestApp, browser_client, form_token, json, learner_in_cohort, on_both_databases, page,
    post_form_and_follow, sign_in_form, text_of,
};

on_both_databases!(
    import_problems_are_vietnamese_on_vietnamese_pages,
    form_and_publishing_problems_are_vietnamese,
    sync_rejections_are_worded_in_the_learners_language,
    api_clients_get_the_language_they_ask_for,
    a_page_names_what_the_post_did,
);

/// Words that make a run of text English (and never occur in Vietnamese text).
const ENGLISH: [&str; 24] = [
    "the", "is", "are", "not", "no", "of", "to", "in", "this", "that", "must", "be", "at", "most",
    "between", "and", "or", "you", "your", "has", "cannot", "there", "such", "with",
];

/// The visible text of a page, in runs between tags, with scripts and styles left out.
fn text_runs(html: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        runs.push(rest[..open].to_owned());
        let tag = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(*t))
            .map(|t| format!("</{}>", &t[1..]));
        rest = match skip_to.and_then(|end| tag.find(&end).map(|i| &tag[i..])) {
            Some(after) => after.split_once('>').map_or("", |(_, r)| r),
            None => tag.split_once('>').map_or("", |(_, r)| r),
        };
    }
    runs.push(rest.to_owned());
    runs.into_iter()
        .map(|r| {
            r.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .trim()
                .to_owned()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Runs of text that read as English: three or more English function words and no
/// Vietnamese letter.
fn english_sentences(html: &str) -> Vec<String> {
    text_runs(html)
        .into_iter()
        .filter(|run| {
            let vietnamese = run.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            let english = run
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| ENGLISH.contains(&w.to_ascii_lowercase().as_str()))
                .count();
            !vietnamese && english >= 3
        })
        .collect()
}

fn assert_vietnamese(html: &str, what: &str) {
    let english = english_sentences(html);
    assert!(
        english.is_empty(),
        "{what}: English on a Vietnamese page: {english:?}"
    );
}

#[test]
fn the_detector_finds_english_and_passes_vietnamese() {
    let english = "<p>Line 4: no org unit has the code VN-XX</p>";
    assert_eq!(english_sentences(english).len(), 1);
    let vietnamese = "<p>Dòng 4 · Đơn vị: không có đơn vị nào mang mã VN-XX</p>";
    assert!(english_sentences(vietnamese).is_empty());
    let script = "<script>if (a && b) { return 'this is not the one to be'; }</script>";
    assert!(english_sentences(script).is_empty(), "scripts are not text");
}

async fn import_problems_are_vietnamese_on_vietnamese_pages(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, ADMIN.0, ADMIN.1).await;
    let (_, html) = page(&app, "/admin/users/import").await;
    let bad = "username,full_name,email,org_unit_code,position_code,roles,password,extra\n";
    let token = form_token(&html);
    let preview = |csv: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            let fields = [("csrf", token.as_str()), ("dry_run", "true"), ("csv", csv)];
            post_form_and_follow(app, "/api/v1/users/import", &fields).await
        }
    };
    let (_, html) = preview(bad).await;
    assert!(html.contains("Dòng 1 · extra"), "{html}");
    assert_vietnamese(&html, "an import header");

    let rows = "username,full_name,email,org_unit_code,position_code,roles,password
no.unit,Không Đơn Vị,not-an-email,VN-NOWHERE,NO_SUCH,chief,mật khẩu rất tốt
";
    let (_, html) = preview(rows).await;
    assert!(
        html.contains("không có đơn vị nào mang mã VN-NOWHERE"),
        "the unknown unit, in Vietnamese"
    );
    assert!(html.contains("không có vai trò chief"), "the unknown role");
    assert_vietnamese(&html, "import rows");

    let supervisor = browser_client(&app, Some(SUPERVISOR)).await;
    let html = text_of(&supervisor, &app.url("/supervise/evidence/import")).await;
    let csv = "username,competency,source,phase,level,date\nnobody,NOPE,boss,later,x,2999-01-01\n";
    let refused = supervisor
        .post(app.url("/api/v1/evidence/import"))
        .form(&[
            ("csrf", form_token(&html).as_str()),
            ("dry_run", "true"),
            ("csv", csv),
        ])
        .send()
        .await
        .unwrap();
    let location = refused.headers()["location"].to_str().unwrap().to_owned();
    let html = text_of(&supervisor, &app.url(&location)).await;
    assert!(
        html.contains("data-testid=\"import-problems\""),
        "{location}"
    );
    assert!(html.contains("không có năng lực NOPE"));
    assert_vietnamese(&html, "an evidence import");
}

async fn form_and_publishing_problems_are_vietnamese(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, LECTURER.0, LECTURER.1).await;
    let (_, html) = page(&app, "/author").await;
    let token = form_token(&html);
    // A course code with spaces: the form comes back with the problem in Vietnamese.
    let (location, html) = post_form_and_follow(
        &app,
        "/api/v1/courses",
        &[
            ("csrf", &token),
            ("code", "mã có dấu"),
            ("title_vi", "Khóa thử"),
        ],
    )
    .await;
    assert!(html.contains("không có dấu cách"), "{location}");
    assert_vietnamese(&html, "a refused course form");

    // An empty course cannot be published; its problems are listed in Vietnamese.
    let created = app
        .post_form(
            "/api/v1/courses",
            &[
                ("csrf", &token),
                ("code", "TRONG-2026"),
                ("title_vi", "Khóa học trống"),
            ],
        )
        .await;
    let editor = created.headers()["location"].to_str().unwrap().to_owned();
    let id = editor
        .trim_start_matches("/author/courses/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (location, html) = post_form_and_follow(
        &app,
        &format!("/api/v1/courses/{id}/publish"),
        &[("csrf", &token)],
    )
    .await;
    assert!(html.contains("Khóa học chưa có học phần nào"), "{location}");
    assert_vietnamese(&html, "a refused publication");

    // Enrolment by a unit that does not exist.
    let (_, teach) = page(&app, "/teach").await;
    let start = teach.find("href=\"/teach/").unwrap() + 13;
    let cohort = teach[start..].split('"').next().unwrap().to_owned();
    let (location, html) = post_form_and_follow(
        &app,
        &format!("/api/v1/cohorts/{cohort}/enrolments"),
        &[("csrf", &token), ("org_unit", "not-an-id")],
    )
    .await;
    assert!(html.contains("mã không tồn tại"), "{location}");
    assert_vietnamese(&html, "a refused enrolment");
}

async fn sync_rejections_are_worded_in_the_learners_language(app: TestApp) {
    app.seed_demo().await;
    let (_, cohort) = learner_in_cohort(&app, MAI.0, MAI.1).await;
    let mai = browser_client(&app, Some(MAI)).await;
    let item = json!({ "id": Uuid::new_v4(), "cohort": cohort, "version": 99,
        "client_at": "2026-12-01T09:00:00Z", "kind": "attempt",
        "submission": { "id": Uuid::nil(), "activity": "a3",
            "responses": { "q1": { "type": "choice", "value": "a" } } } });
    let send = || {
        mai.post(app.url("/api/v1/sync"))
            .header("Sec-Fetch-Site", "same-origin")
            .header("Accept-Language", "en-US,en;q=0.9")
            .json(&json!({ "items": [item.clone()] }))
            .send()
    };
    // The browser says English, but the learner reads Vietnamese: her account's language.
    let report = json(send().await.unwrap()).await;
    let result = &report["results"][0];
    assert_eq!(result["status"], "rejected", "{report}");
    let reason = result["reason"].as_str().unwrap();
    assert!(reason.contains("lớp học phiên bản"), "{reason}");
    assert!(
        english_sentences(&format!("<p>{reason}</p>")).is_empty(),
        "{reason}"
    );
    // Once she chooses English, English.
    let chosen = mai
        .post(app.url("/api/v1/preferences/locale"))
        .header("Sec-Fetch-Site", "same-origin")
        .json(&json!({ "locale": "en" }))
        .send()
        .await
        .unwrap();
    assert!(chosen.status().is_success(), "{}", chosen.status());
    let report = json(send().await.unwrap()).await;
    let reason = report["results"][0]["reason"].as_str().unwrap().to_owned();
    assert!(reason.contains("the class studies version"), "{reason}");
}

async fn api_clients_get_the_language_they_ask_for(app: TestApp) {
    app.seed_demo().await;
    let token = app.sign_in_json(ADMIN.0, ADMIN.1).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let create = |language: &'static str| {
        reqwest::Client::new()
            .post(app.url("/api/v1/users"))
            .bearer_auth(&token)
            .header("Accept-Language", language)
            .json(&json!({ "username": "x", "full_name": "", "password": "1" }))
            .send()
    };
    let english = json(create("en-GB,en;q=0.8").await.unwrap()).await;
    assert_eq!(english["error"]["message"], "Some fields need attention.");
    let vietnamese = json(create("vi").await.unwrap()).await;
    assert_eq!(vietnamese["error"]["message"], "Một số ô cần sửa.");
    let codes = |body: &serde_json::Value| -> Vec<String> {
        body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        codes(&english),
        codes(&vietnamese),
        "codes do not depend on the language"
    );
    assert!(codes(&english).contains(&"username_shape".to_owned()));

    // A compressed answer carries the reworded body, encoded: what a browser decodes.
    let compressed = reqwest::Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .header("Accept-Language", "en")
        .header("Accept-Encoding", "br")
        .json(&json!({ "username": "x", "full_name": "", "password": "1" }))
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.status(), StatusCode::BAD_REQUEST);
    let encoding = compressed.headers().get("content-encoding").cloned();
    let bytes = compressed.bytes().await.unwrap();
    let body: Vec<u8> = match encoding.as_ref().and_then(|e| e.to_str().ok()) {
        Some("br") => {
            let mut decoded = Vec::new();
            std::io::Read::read_to_end(
                &mut brotli::Decompressor::new(bytes.as_ref(), 4096),
                &mut decoded,
            )
            .unwrap();
            decoded
        }
        None => bytes.to_vec(),
        Some(other) => panic!("asked for br, got {other}"),
    };
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["message"], "Some fields need attention.");

    // Errors raised before any handler (an unknown path, a malformed body) too.
    let missing = reqwest::Client::new()
        .get(app.url("/api/v1/no-such-thing"))
        .header("Accept-Language", "vi")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        json(missing).await["error"]["message"],
        "Không có địa chỉ API này."
    );
    let malformed = reqwest::Client::new()
        .post(app.url("/api/v1/auth/sign-in"))
        .header("Accept-Language", "en")
        .header("Content-Type", "application/json")
        .body("[1]")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(malformed).await["error"]["message"],
        "The JSON body must be an object."
    );
}

async fn a_page_names_what_the_post_did(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, ADMIN.0, ADMIN.1).await;
    let (_, html) = page(&app, "/admin/positions").await;
    let created = app
        .post_form(
            "/api/v1/positions",
            &[
                ("csrf", &form_token(&html)),
                ("code", "CS_ARCHIVE"),
                ("name_vi", "Công chức lưu trữ"),
                ("name_en", "Archives officer"),
            ],
        )
        .await;
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, "/admin/positions?saved=created&what=position");
    let (_, html) = page(&app, &location).await;
    assert!(
        html.contains("Đã tạo vị trí việc làm."),
        "the position, named"
    );
    assert!(!html.contains("Đã tạo tài khoản"), "not an account");
}
