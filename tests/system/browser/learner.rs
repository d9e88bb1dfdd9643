//! A learner's whole course in Chromium, once with scripts and once without: sign in, the
//! pre-test, the case study, the quiz, the role-play to an ending, the post-test, the survey,
//! the certificate and its public verification. With scripts the islands take part: a
//! quiz answer checked in place, the role-play played in the
//! browser and sent as one path. Pages without islands (the case study, the outline) load no
//! script either way.

use fantoccini::{Client, Locator};
use sea_orm::EntityTrait;
use shared::course::{ActivityBody, Package};
use shared::quiz::Question;
use shared::roleplay::Outcome;

use super::driver::{Browser, click, eventually, submit_sign_in, wait_for_text};
use crate::helpers::{TestApp, on_both_databases, site_is_built};

on_both_databases!(with_scripts, without_scripts);

async fn with_scripts(app: TestApp) {
    if site_is_built() {
        journey(app, true).await;
    }
}

async fn without_scripts(app: TestApp) {
    journey(app, false).await;
}

fn package() -> Package {
    serde_json::from_str(server::seed::DEMO_COURSE).unwrap()
}

async fn type_into(c: &Client, css: &str, text: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("nothing matches {css}"))
        .send_keys(text)
        .await
        .unwrap();
}

async fn exists(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css)).await.is_ok()
}

/// Answers every item of the test paper on the page right (the demo bank holds single
/// choice and true/false items) and submits it.
async fn take_test(c: &Client, package: &Package) {
    let html = c.source().await.unwrap();
    for q in &package.item_bank {
        if !html.contains(&format!("name=\"{}\"", q.id)) {
            continue;
        }
        let value = match &q.question {
            Question::SingleChoice { correct, .. } => correct.clone(),
            Question::TrueFalse { correct } => correct.to_string(),
            other => panic!("the demo bank has no {other:?}"),
        };
        click(c, &format!("input[name='{}'][value='{value}']", q.id)).await;
    }
    click(c, "form.stacked button.primary").await;
    wait_for_text(c, "Kết quả của bạn: 100%").await;
}

async fn journey(app: TestApp, scripts: bool) {
    app.seed_demo().await;
    let package = package();
    let Some(browser) = Browser::start(scripts).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/login?return_to=/learn")).await.unwrap();
    submit_sign_in(c, "hv.mai", "hoc-vien-y-ty").await;
    wait_for_text(c, "Tiếp công dân").await;
    let list = c.source().await.unwrap();
    let start = list.find("href=\"/learn/").unwrap() + 13;
    let cohort = list[start..].split('"').next().unwrap().to_owned();
    let outline = app.url(&format!("/learn/{cohort}"));

    // The pre-test opens the modules.
    c.goto(&format!("{outline}/a1")).await.unwrap();
    take_test(c, &package).await;

    // The case study: answers typed, kept as a draft, then submitted.
    c.goto(&format!("{outline}/a2")).await.unwrap();
    type_into(c, "#answer-0", "Xã chậm trả lời đơn của ông Tư.").await;
    type_into(c, "#answer-1", "Tiếp dân ngay, kiểm tra hồ sơ địa chính.").await;
    type_into(c, "#answer-2", "Hoà giải ở thôn trước khi xã giải quyết.").await;
    // The case study loads no script at all: the draft is a plain form post either way.
    assert!(
        !c.source().await.unwrap().contains(".wasm"),
        "no islands bundle here"
    );
    click(c, "button[formaction$='/drafts/a2']").await;
    wait_for_text(c, "Đã lưu nháp").await;
    c.goto(&format!("{outline}/a2")).await.unwrap();
    wait_for_text(c, "Hoà giải ở thôn trước khi xã giải quyết.</textarea>").await;
    click(c, "#reflection button.primary").await;
    wait_for_text(c, "Đã nộp bài viết").await;

    // The quiz; with scripts one answer is checked in place before submitting.
    c.goto(&format!("{outline}/a3")).await.unwrap();
    click(c, "input[name='q3'][value='true']").await;
    if scripts {
        let check = c
            .find(Locator::Css(
                "fieldset:has(input[name='q3']) .answer-check button",
            ))
            .await
            .unwrap();
        eventually("the check button appears", || {
            let check = check.clone();
            async move { check.is_displayed().await.unwrap_or(false) }
        })
        .await;
        check.click().await.unwrap();
        wait_for_text(c, "✗ Chưa đúng").await;
        wait_for_text(c, "Đơn không cần theo mẫu").await;
        assert!(
            c.current_url().await.unwrap().path().ends_with("/a3"),
            "checked without leaving the page"
        );
    } else {
        let button = c.find(Locator::Css(".answer-check button")).await.unwrap();
        assert!(
            !button.is_displayed().await.unwrap(),
            "without scripts the check is hidden: feedback comes after submitting"
        );
    }
    for css in [
        "input[name='q1'][value='a']",
        "input[name='q2'][value='a']",
        "input[name='q2'][value='b']",
        "input[name='q2'][value='c']",
        "input[name='q3'][value='false']",
    ] {
        click(c, css).await;
    }
    type_into(c, "input[name='q4']", "30").await;
    type_into(c, "input[name='q5']", "hoa giai").await;
    for (i, key) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        click(
            c,
            &format!("select[name='q6-{key}'] option[value='{}']", i + 1),
        )
        .await;
    }
    for key in ["a", "b", "c"] {
        click(c, &format!("select[name='q7-{key}'] option[value='{key}']")).await;
    }
    click(c, "form.stacked button.primary").await;
    wait_for_text(c, "Kết quả của bạn: 100%").await;

    // The role-play to its success ending.
    let Some(ActivityBody::RolePlay(play)) = package.activity("a4").map(|a| a.body.clone()) else {
        panic!("a4 is the role-play");
    };
    let path = play.scenario.path_to(Outcome::Success).unwrap();
    c.goto(&format!("{outline}/a4")).await.unwrap();
    if scripts {
        eventually("the player runs in the browser", || async {
            exists(c, ".roleplay[data-live]").await
        })
        .await;
    }
    for choice in &path {
        let button = format!("button[name='choice'][value='{choice}']");
        eventually(&format!("the choice {choice} is offered"), || async {
            exists(c, &button).await
        })
        .await;
        click(c, &button).await;
    }
    wait_for_text(c, "Kết thúc tốt").await;
    wait_for_text(c, "Kết quả của bạn:").await;
    let url = c.current_url().await.unwrap();
    if scripts {
        assert!(
            url.query().is_none(),
            "played in the page, sent as one attempt: {url}"
        );
    } else {
        assert!(
            url.query().is_some_and(|q| q.starts_with("attempt=")),
            "{url}"
        );
    }
    let mai = server::entities::user::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "hv.mai")
        .unwrap();
    let plays: Vec<_> = server::entities::attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.user_id == mai.id && a.activity_id == "a4")
        .collect();
    assert_eq!(plays.len(), 1, "one play stored once");
    assert_eq!(plays[0].outcome.as_deref(), Some("success"));

    // The post-test and the survey.
    c.goto(&format!("{outline}/a5")).await.unwrap();
    take_test(c, &package).await;
    c.goto(&format!("{outline}/a6")).await.unwrap();
    for css in [
        "input[name='s.s1'][value='5']",
        "input[name='s.s2'][value='4']",
        "input[name^='s.s3@'][value='5']",
    ] {
        click(c, css).await;
    }
    click(c, "form.stacked button.primary").await;
    wait_for_text(c, "Cảm ơn đồng chí đã góp ý").await;

    // The certificate, and its public page.
    c.goto(&outline).await.unwrap();
    wait_for_text(c, "6/6 hoạt động đã hoàn thành").await;
    click(c, "form[action$='/certificate'] button").await;
    // The name is in the header of every page: wait for the certificate's own link.
    wait_for_text(c, "/verify/").await;
    let certificate = c.source().await.unwrap();
    let code: String = certificate
        .split("/verify/")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap();
    assert_eq!(code.len(), 32);
    assert!(certificate.contains("Giàng Thị Mai"));
    c.goto(&app.url(&format!("/verify/{code}"))).await.unwrap();
    wait_for_text(c, "Giấy chứng nhận này hợp lệ.").await;
    browser.close().await;
}
