//! The learner's pages as plain HTML: their cohorts, the outline with progress, and a quiz
//! answered with a plain form — pressed twice, stored once.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{TestApp, form_token, hidden, on_both_databases, page, sign_in_form};

on_both_databases!(
    a_learner_takes_a_quiz_with_a_plain_form,
    the_lecturer_sees_who_is_where_and_reviews_answers,
    a_lecturer_opens_a_class_and_enrols_learners_from_the_page,
    a_revisited_case_study_costs_a_304_until_the_work_on_it_changes,
);

async fn a_learner_takes_a_quiz_with_a_plain_form(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "hv.mai", "hoc-vien-y-ty").await;
    let (status, html) = page(&app, "/learn").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Lớp bồi dưỡng cán bộ cấp xã K1/2026"));
    let start = html.find("href=\"/learn/").unwrap() + 6;
    let outline = html[start..].split('"').next().unwrap().to_owned();
    let (_, html) = page(&app, &outline).await;
    assert!(html.contains("Kiểm tra nhanh: tiếp công dân và khiếu nại"));
    assert!(html.contains("Chưa làm"), "nothing attempted yet");

    let cohort = outline.trim_start_matches("/learn/").to_owned();
    assert!(
        html.contains("Bắt đầu: Bài kiểm tra đầu vào"),
        "the pre-test comes first"
    );
    let (_, locked) = page(&app, &format!("{outline}/a3")).await;
    assert!(
        locked.contains("Phần này mở sau khi bạn làm bài kiểm tra đầu vào.")
            && !locked.contains("attempt_id"),
        "the quiz waits for the pre-test"
    );
    let (_, pre) = page(&app, &format!("{outline}/a1")).await;
    let taken = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &[
                ("csrf", form_token(&pre).as_str()),
                ("attempt_id", hidden(&pre, "attempt_id").as_str()),
                ("activity", "a1"),
            ],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);

    let (_, quiz) = page(&app, &format!("{outline}/a3")).await;
    assert!(
        !quiz.contains("Đúng: hòa giải tại UBND"),
        "no feedback before answering"
    );
    let attempt = hidden(&quiz, "attempt_id");
    let token = form_token(&quiz);
    let fields = [
        ("csrf", token.as_str()),
        ("attempt_id", attempt.as_str()),
        ("activity", "a3"),
        ("q1", "a"),
        ("q2", "a"),
        ("q2", "b"),
        ("q2", "c"),
        ("q3", "false"),
        ("q4", "30"),
        ("q5", "hoa giai"),
        ("q6-a", "1"),
        ("q6-b", "2"),
        ("q6-c", "3"),
        ("q6-d", "4"),
        ("q6-e", "5"),
        ("q7-a", "a"),
        ("q7-b", "b"),
        ("q7-c", "c"),
    ];
    let path = format!("/api/v1/cohorts/{cohort}/attempts");
    let first = app.post_form(&path, &fields).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    // The connection dropped and the learner pressed again: same answer, nothing new.
    let second = app.post_form(&path, &fields).await;
    assert_eq!(second.headers()["location"], first.headers()["location"]);
    let stored = server::entities::attempt::Entity::find()
        .filter(server::entities::attempt::Column::Id.eq(uuid::Uuid::parse_str(&attempt).unwrap()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 1);

    let (_, result) = page(&app, first.headers()["location"].to_str().unwrap()).await;
    assert!(
        result.contains("Kết quả của bạn: 100%"),
        "graded from the plain form"
    );
    assert!(result.contains("Đạt"));
    assert!(result.contains("Số lần đã làm: 1/3"));
    assert_ne!(
        hidden(&result, "attempt_id"),
        attempt,
        "the next try gets a new id"
    );
    let (_, html) = page(&app, &outline).await;
    assert!(
        html.contains("Đã hoàn thành") && html.contains("2/6 hoạt động đã hoàn thành"),
        "the outline shows progress"
    );
}

async fn a_lecturer_opens_a_class_and_enrols_learners_from_the_page(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let (status, html) = page(&app, "/teach").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Lớp bồi dưỡng cán bộ cấp xã K1/2026") && html.contains("4 học viên"));
    let token = form_token(&html);
    let select = html.find("name=\"course_id\"").unwrap();
    let start = select + html[select..].find("<option value=\"").unwrap() + 15;
    let course = html[start..].split('"').next().unwrap().to_owned();
    let opened = app
        .post_form(
            "/api/v1/cohorts",
            &[
                ("csrf", token.as_str()),
                ("course_id", course.as_str()),
                ("title_vi", "Lớp K2/2026 — Đắk Lắk"),
                ("starts_on", "2027-01-04"),
                ("ends_on", "2027-02-26"),
            ],
        )
        .await;
    assert_eq!(
        opened.status(),
        StatusCode::SEE_OTHER,
        "{:?}",
        opened.text().await
    );
    let location = opened.headers()["location"].to_str().unwrap().to_owned();
    let cohort = location.rsplit('#').next().unwrap().to_owned();
    let refused = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/enrolments"),
            &[("csrf", token.as_str()), ("usernames", "hv.tuan, khong.ai")],
        )
        .await;
    let (_, html) = page(&app, refused.headers()["location"].to_str().unwrap()).await;
    assert!(
        html.contains("khong.ai: không có học viên nào bạn được ghi danh mang tên này"),
        "the wrong name is named"
    );
    let enrolled = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/enrolments"),
            &[("csrf", token.as_str()), ("usernames", "hv.tuan\nhv.thao")],
        )
        .await;
    assert_eq!(enrolled.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&app, "/teach").await;
    assert!(html.contains("Lớp K2/2026 — Đắk Lắk") && html.contains("2 học viên"));
}

async fn the_lecturer_sees_who_is_where_and_reviews_answers(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let (_, list) = page(&app, "/teach").await;
    let start = list.find("href=\"/teach/").unwrap() + 13;
    let cohort = list[start..].split('"').next().unwrap().to_owned();
    let (status, html) = page(&app, &format!("/teach/{cohort}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Trần Thị Thảo 🎓"),
        "hv.thao holds a certificate"
    );
    assert!(
        html.contains("Nhập vai: Hàng rào ở thôn Sín Chải"),
        "hv.tuan is at the role-play"
    );
    assert!(html.contains("Thống kê câu hỏi") && html.contains("Độ phân biệt"));
    assert!(
        html.contains("hoà giải ở cơ sở là bắt buộc"),
        "hv.thao's answers are there to review"
    );
    let start = html.find("action=\"/api/v1/attempts/").unwrap() + 8;
    let action = html[start..].split('"').next().unwrap().to_owned();
    let token = form_token(&html);
    let too_many = app
        .post_form(
            &action,
            &[
                ("csrf", token.as_str()),
                ("points", "4"),
                ("points", "3"),
                ("points", "4"),
                ("comment", ""),
            ],
        )
        .await;
    assert!(
        too_many.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error="),
        "4 is more than the first criterion's 3 points"
    );
    let reviewed = app
        .post_form(
            &action,
            &[
                ("csrf", token.as_str()),
                ("points", "3"),
                ("points", "2"),
                ("points", "4"),
                ("comment", "Nêu rõ thời hạn hoà giải."),
            ],
        )
        .await;
    let back = reviewed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        back.starts_with(&format!("/teach/{cohort}?saved=updated#review-")),
        "{back}"
    );
    let (_, html) = page(&app, &back).await;
    assert!(html.contains(">Nêu rõ thời hạn hoà giải.</textarea>"));
    assert!(
        html.contains("<option value=\"2\" selected"),
        "the points given are shown"
    );

    let out = app
        .post_form(
            "/api/v1/auth/sign-out",
            &[("csrf", form_token(&html).as_str())],
        )
        .await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    sign_in_form(&app, "hv.mai", "hoc-vien-y-ty").await;
    let (status, _) = page(&app, &format!("/teach/{cohort}")).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a learner does not see the class's work"
    );
}

async fn a_revisited_case_study_costs_a_304_until_the_work_on_it_changes(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "hv.mai", "hoc-vien-y-ty").await;
    let (_, list) = page(&app, "/learn").await;
    let start = list.find("href=\"/learn/").unwrap() + 13;
    let cohort = list[start..].split('"').next().unwrap().to_owned();
    let (_, pre) = page(&app, &format!("/learn/{cohort}/a1")).await;
    let attempt = hidden(&pre, "attempt_id");
    let (_, again) = page(&app, &format!("/learn/{cohort}/a1")).await;
    assert_eq!(
        hidden(&again, "attempt_id"),
        attempt,
        "the next attempt keeps its id until it is stored"
    );
    let taken = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &[
                ("csrf", form_token(&pre).as_str()),
                ("attempt_id", attempt.as_str()),
                ("activity", "a1"),
            ],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);

    let case = format!("/learn/{cohort}/a2");
    let first = app.get(&case).await;
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let html = first.text().await.unwrap();
    assert!(!html.contains(".wasm"), "the case study loads no script");
    let revisit = app.get_with(&case, "if-none-match", &etag).await;
    assert_eq!(
        revisit.status(),
        StatusCode::NOT_MODIFIED,
        "nothing changed"
    );

    // A saved draft changes the page: the old copy is not reused.
    let saved = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/drafts/a2"),
            &[
                ("csrf", form_token(&html).as_str()),
                ("answers", "Bản nháp đầu tiên."),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let changed = app.get_with(&case, "if-none-match", &etag).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert!(changed.text().await.unwrap().contains("Bản nháp đầu tiên."));
}
