//! The authoring pages as plain HTML: who may open them, what the preview hides, and a
//! failed form coming back with its problem and what was typed.

use reqwest::StatusCode;

use crate::helpers::{
    TestApp, form_token, job_page_when_ended, on_both_databases, page, sign_in_form,
};

on_both_databases!(
    only_authors_open_the_authoring_pages,
    the_preview_never_shows_answer_keys,
    a_mistyped_answer_box_comes_back_with_its_line_and_text,
    a_mistyped_rubric_never_costs_the_case_text,
    a_package_pasted_in_the_form_becomes_a_draft_through_its_job,
);

async fn demo_course(app: &TestApp) -> String {
    let (_, html) = page(app, "/author").await;
    let start = html.find("/author/courses/").expect("a course link") + 16;
    html[start..start + 36].to_owned()
}

async fn only_authors_open_the_authoring_pages(app: TestApp) {
    app.seed_demo().await;
    let anonymous = app.get_with("/author", "accept", "text/html").await;
    assert_eq!(anonymous.status(), StatusCode::FOUND);

    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = demo_course(&app).await;
    for path in [
        format!("/author/courses/{id}"),
        format!("/author/courses/{id}/activities/a4"),
        format!("/author/courses/{id}/bank"),
        format!("/author/courses/{id}/preview?activity=a4"),
    ] {
        let (status, _) = page(&app, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let (status, _) = page(&app, &format!("/author/courses/{id}/activities/a99")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    app.client
        .post(app.url("/api/v1/auth/sign-out"))
        .send()
        .await
        .unwrap();
    sign_in_form(&app, "hv.mai", "hoc-vien-y-ty").await;
    let (status, html) = page(&app, "/author").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains("KNTC-DAT-DAI-XA"));
    for path in [
        format!("/author/courses/{id}"),
        format!("/author/courses/{id}/bank"),
        format!("/author/courses/{id}/preview?activity=a3"),
    ] {
        let (status, html) = page(&app, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!html.contains("UBND"), "{path} shows nothing of the course");
    }
}

async fn the_preview_never_shows_answer_keys(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = demo_course(&app).await;
    let (_, editor) = page(&app, &format!("/author/courses/{id}/activities/a3")).await;
    assert!(
        editor.contains("* Ủy ban nhân dân cấp xã nơi có đất"),
        "the editor shows the key"
    );
    let (_, preview) = page(&app, &format!("/author/courses/{id}/preview?activity=a3")).await;
    assert!(
        preview.contains("Ủy ban nhân dân cấp xã nơi có đất"),
        "the option is shown"
    );
    for secret in [
        "* Ủy ban",
        "Đúng: hòa giải tại UBND",
        "30 ngày; vụ việc phức tạp",
        "mediation",
    ] {
        assert!(!preview.contains(secret), "the preview leaks {secret:?}");
    }
    // The markdown of the prompt is rendered, not shown raw.
    assert!(preview.contains("<strong>không tự hòa giải được</strong>"));
    // The role-play plays by links: the first choice's feedback shows on the next scene.
    let (_, scene) = page(
        &app,
        &format!("/author/courses/{id}/preview?activity=a4&at=n2&via=n1/c1"),
    )
    .await;
    assert!(scene.contains("Không khí dịu lại"));
    assert!(scene.contains("Nhà bà Mai dựng hàng rào"));
}

async fn a_mistyped_answer_box_comes_back_with_its_line_and_text(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = demo_course(&app).await;
    let (_, html) = page(&app, &format!("/author/courses/{id}/activities/a3")).await;
    let token = form_token(&html);
    let response = app
        .post_form(
            &format!("/api/v1/courses/{id}/questions/a3"),
            &[
                ("csrf", token.as_str()),
                ("type", "matching"),
                ("competency", "MOBI"),
                ("prompt_vi", "Ghép tình huống với cách làm"),
                (
                    "answers",
                    "Người dân bức xúc = Mời ngồi\nĐông người - Cử đại diện",
                ),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let back = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(back.contains("editing=questions"), "{back}");
    let (_, html) = page(&app, &back).await;
    assert!(
        html.contains("Dòng 2: Ghi một cặp dạng “trái = phải”"),
        "the problem and its line"
    );
    assert!(
        html.contains("Đông người - Cử đại diện"),
        "what was typed is kept"
    );
    assert!(html.contains("Câu hỏi (7)"), "nothing was added");
}

async fn a_mistyped_rubric_never_costs_the_case_text(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let id = demo_course(&app).await;
    let (_, html) = page(&app, &format!("/author/courses/{id}/activities/a2")).await;
    let token = form_token(&html);
    let long_body = "## Diễn biến\n\n".to_owned() + &"Bà Năm kể lại sự việc. ".repeat(400);
    let response = app
        .post_form(
            &format!("/api/v1/courses/{id}/activities/a2"),
            &[
                ("csrf", token.as_str()),
                ("title_vi", "Tình huống đã sửa"),
                ("body_vi", long_body.as_str()),
                ("prompts", "Anh/chị sẽ làm gì?"),
                ("rubric", "3: Lắng nghe\nhai điểm: Ghi biên bản"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let back = response.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = page(&app, &back).await;
    assert!(html.contains("Dòng 2"), "the rubric's problem is named");
    assert!(html.contains("Tình huống đã sửa"), "the rest is saved");
    assert!(
        html.contains("Bà Năm kể lại sự việc."),
        "the long text is kept"
    );
    assert!(
        html.contains("Lắng nghe cả hai bên") || html.contains("3: Nêu được bước lắng nghe"),
        "the old rubric stays"
    );
}

async fn a_package_pasted_in_the_form_becomes_a_draft_through_its_job(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let (_, html) = page(&app, "/author").await;
    let token = form_token(&html);
    let mut package: serde_json::Value = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    package["modules"][0]["title"]["vi"] = serde_json::json!("");
    let package = package.to_string();
    let post = |code: &'static str| {
        let (token, package) = (token.clone(), package.clone());
        let app = &app;
        async move {
            app.post_form(
                "/api/v1/courses/import",
                &[
                    ("csrf", token.as_str()),
                    ("package", package.as_str()),
                    ("code", code),
                ],
            )
            .await
        }
    };
    let accepted = post("BAN-SAO-FORM").await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let location = accepted.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/author?job="), "{location}");
    let html = job_page_when_ended(&app, &location).await;
    assert!(
        html.contains("data-state=\"done\"")
            && html.contains("Đã nhập gói khóa học thành bản nháp mới"),
        "{html}"
    );
    assert!(
        html.contains("Cần sửa trước khi xuất bản") && html.contains("modules[0].title"),
        "what to fix before publishing is listed: {html}"
    );
    assert!(
        html.contains("data-testid=\"imported-course\""),
        "a link to the new draft"
    );
    let (_, courses) = page(&app, "/author").await;
    assert!(courses.contains("BAN-SAO-FORM"), "the draft is listed");

    // The same code again is refused at once, on the form, and starts no job.
    let again = post("BAN-SAO-FORM").await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let back = again.headers()["location"].to_str().unwrap().to_owned();
    assert!(!back.contains("job="), "{back}");
    let (_, html) = page(&app, &back).await;
    assert!(
        html.contains("Mã hoặc tên đăng nhập này đã có người dùng"),
        "{html}"
    );
}
