//! A lecturer's work in a browser with scripts off: a small course with one activity of
//! each kind, a broken scenario that publishing refuses with its report, the fix, and the
//! published version.

use fantoccini::{Client, Locator};

use super::driver::{Browser, click, eventually, submit_sign_in, wait_for_text};
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(a_lecturer_builds_and_publishes_a_course_in_the_browser);

async fn fill(c: &Client, id: &str, text: &str) {
    let field = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("no field #{id}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Adds an activity of `kind` to the first module from the course page and waits for its
/// editor.
async fn add_activity(c: &Client, course_page: &str, kind: &str, title: &str) {
    c.goto(course_page).await.unwrap();
    click(c, &format!("#kind option[value={kind}]")).await;
    fill(c, "activity_title_vi", title).await;
    click(c, "form[action$='/activities'] button").await;
    wait_for_text(c, title).await;
    eventually("the activity editor", || async {
        c.current_url()
            .await
            .is_ok_and(|u| u.path().contains("/activities/"))
    })
    .await;
}

async fn save(c: &Client) {
    click(c, "form.stacked fieldset button.primary").await;
    wait_for_text(c, "Đã lưu").await;
}

async fn a_lecturer_builds_and_publishes_a_course_in_the_browser(app: TestApp) {
    app.seed_demo().await;
    let Some(browser) = Browser::start(false).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/login?return_to=/author")).await.unwrap();
    submit_sign_in(c, "gv.lan", "giang-vien-lao-cai").await;
    wait_for_text(c, "Khóa học của tôi").await;
    assert!(
        c.source().await.unwrap().contains("KNTC-DAT-DAI-XA"),
        "the demo course is listed"
    );

    fill(c, "code", "HOA-GIAI-CO-SO").await;
    fill(c, "title_vi", "Hòa giải ở cơ sở").await;
    fill(c, "title_en", "Mediation in the community").await;
    click(c, "form[action='/api/v1/courses'] button.primary").await;
    wait_for_text(c, "Chưa có học phần nào").await;
    let course_page = c.current_url().await.unwrap().to_string();
    let course_page = course_page.split('?').next().unwrap().to_owned();

    fill(c, "module_title_vi", "Nhập môn").await;
    click(c, "form[action$='/modules'] button").await;
    wait_for_text(c, "1. Nhập môn").await;

    add_activity(c, &course_page, "case_study", "Vụ việc ở thôn Nà Lốc").await;
    fill(
        c,
        "body_vi",
        "## Bối cảnh\n\nHai hộ tranh chấp **lối đi chung**.",
    )
    .await;
    fill(
        c,
        "prompts",
        "Anh/chị sẽ mời ai tham gia hòa giải? | Whom would you invite?",
    )
    .await;
    save(c).await;

    add_activity(c, &course_page, "quiz", "Kiểm tra nhanh").await;
    fill(c, "new-prompt_vi", "Hòa giải ở cơ sở có bắt buộc không?").await;
    fill(
        c,
        "new-answers",
        "* Không, các bên tự nguyện\nCó, luôn bắt buộc",
    )
    .await;
    click(c, "form[action$='/questions/a2'] button.primary").await;
    wait_for_text(c, "Câu hỏi (1)").await;

    add_activity(c, &course_page, "role_play", "Lối đi chung").await;
    fill(
        c,
        "new-node-text_vi",
        "Bà Hoa đến trụ sở phản ánh lối đi bị chặn.",
    )
    .await;
    click(c, "form[action$='/nodes'] button.primary").await;
    wait_for_text(c, "n1 (Bước bắt đầu)").await;
    click(c, "form[action$='/nodes'] input[name=ending]").await;
    fill(c, "new-node-text_vi", "Hai bên thống nhất mở lại lối đi.").await;
    click(c, "form[action$='/nodes'] button.primary").await;
    wait_for_text(c, "n2 · Kết thúc").await;
    click(c, "#node-n1 details.choice.new summary").await;
    fill(c, "n1-new-text_vi", "Mời cả hai bên đến nhà văn hóa thôn").await;
    fill(c, "n1-new-next", "n2").await;
    click(c, "#node-n1 details.choice.new button").await;
    wait_for_text(c, "c1 → n2").await;
    // A scene nobody can reach, with no way out: the map and the report both say so.
    fill(c, "new-node-text_vi", "Một cảnh bị bỏ quên").await;
    click(c, "form[action$='/nodes'] button.primary").await;
    wait_for_text(c, "Một cảnh bị bỏ quên").await;
    let source = c.source().await.unwrap();
    assert!(
        source.contains("node situation unreachable stuck"),
        "n3 is marked on the map"
    );
    assert!(source.contains("Không thể đi tới bước “n3” từ bước bắt đầu"));

    add_activity(c, &course_page, "assessment", "Kiểm tra đầu vào").await;
    fill(c, "blueprint", "LEAD: 1").await;
    save(c).await;
    c.goto(&format!("{course_page}/bank")).await.unwrap();
    fill(
        c,
        "new-prompt_vi",
        "Người có uy tín trong thôn nên tham gia hòa giải.",
    )
    .await;
    click(c, "#new-type option[value=true_false]").await;
    fill(c, "new-answers", "đúng").await;
    click(c, "form[action$='/questions/bank'] button.primary").await;
    wait_for_text(c, "Câu hỏi (1)").await;

    add_activity(c, &course_page, "survey", "Góp ý").await;
    fill(c, "items", "likert course: Khóa học hữu ích | The course was useful\ntext lecturer: Góp ý cho giảng viên").await;
    save(c).await;

    // Publishing refuses the broken scenario and shows where.
    c.goto(&course_page).await.unwrap();
    click(c, "#report button.primary").await;
    wait_for_text(c, "Chưa xuất bản được").await;
    let report = c
        .find(Locator::Css("#report"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        report.contains("modules[0].activities[2].scenario.nodes[2]"),
        "{report}"
    );
    assert!(report.contains("Không thể đi tới bước “n3”"), "{report}");

    // Remove the forgotten scene (the delete asks first), then publish.
    c.goto(&format!("{course_page}/activities/a3"))
        .await
        .unwrap();
    click(c, "#node-n3 > details.confirm > summary").await;
    click(c, "#node-n3 > details.confirm button.danger").await;
    wait_for_text(c, "Các bước (2)").await;
    c.goto(&course_page).await.unwrap();
    wait_for_text(c, "Không có vấn đề nào").await;
    click(c, "#report button.primary").await;
    wait_for_text(c, "Đã xuất bản phiên bản mới.").await;
    let versions = c
        .find(Locator::Css("#versions"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        versions.contains("v1") && versions.contains("Nguyễn Thị Lan"),
        "{versions}"
    );

    // The learner-eye preview shows the question without its answer key.
    c.goto(&format!("{course_page}/preview?activity=a2"))
        .await
        .unwrap();
    wait_for_text(c, "Hòa giải ở cơ sở có bắt buộc không?").await;
    let preview = c.source().await.unwrap();
    assert!(
        !preview.contains("* Không"),
        "no answer notation in the preview"
    );
    browser.close().await;
}
