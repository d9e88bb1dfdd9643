//! A learner's whole course by keyboard alone, in Chromium with scripts: sign in, the
//! pre-test, the case study, the quiz (every question type), the role-play, the post-test,
//! the survey and the certificate. Tab and Shift+Tab move, Space and Enter act, text is
//! typed; inside a radio group or a select the arrow keys choose, as those controls define.
//! At every stop the focused element shows a visible focus ring.

use fantoccini::Client;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use shared::course::{ActivityBody, Package};
use shared::quiz::Question;
use shared::roleplay::Outcome;

use super::driver::{Browser, eventually, wait_for_text};
use crate::helpers::{Backend, site_is_built, spawn_app};

/// Tab presses allowed to reach one control: the header's links and buttons come first.
const MOST_TABS: usize = 80;

/// Presses the keys in order, as a keyboard does (WebDriver's actions, sent to whatever
/// has the focus); Shift is held down until the end.
async fn press(c: &Client, keys: &str) {
    let shift = Key::Shift.to_string().chars().next().unwrap_or_default();
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys.chars() {
        actions = actions.then(KeyAction::Down { value: key });
        if key != shift {
            actions = actions.then(KeyAction::Up { value: key });
        }
    }
    if keys.contains(shift) {
        actions = actions.then(KeyAction::Up { value: shift });
    }
    c.perform_actions(actions).await.expect("the key presses");
}

/// A description of the focused element, and whether its focus ring can be seen: an
/// outline of at least 2 px, or a box shadow.
async fn focused(c: &Client) -> (String, bool) {
    let answer = c
        .execute(
            "const el = document.activeElement;
             if (!el || el === document.body) return ['nothing', false];
             const s = getComputedStyle(el);
             const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
               || s.boxShadow !== 'none';
             return [el.outerHTML.slice(0, 120), ring];",
            vec![],
        )
        .await
        .expect("the focused element");
    (
        answer[0].as_str().unwrap_or_default().to_owned(),
        answer[1].as_bool().unwrap_or(false),
    )
}

async fn matches(c: &Client, css: &str) -> bool {
    c.execute(
        "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
        vec![serde_json::json!(css)],
    )
    .await
    .is_ok_and(|v| v == true)
}

/// Presses Tab until the element matching `css` has the focus, checking the focus ring
/// at every stop.
async fn tab_to(c: &Client, css: &str) {
    for _ in 0..MOST_TABS {
        press(c, &Key::Tab).await;
        let (element, ring) = focused(c).await;
        if element == "nothing" {
            // Past the last control Tab leaves the page for the browser's own controls;
            // the next press comes back to the first.
            continue;
        }
        assert!(ring, "no visible focus ring on {element}");
        if matches(c, css).await {
            return;
        }
    }
    panic!("{MOST_TABS} presses of Tab did not reach {css}");
}

async fn focused_value(c: &Client) -> String {
    c.execute("return document.activeElement.value;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

async fn focused_name(c: &Client) -> String {
    c.execute("return document.activeElement.name;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Arrow keys inside a radio group or a select until its value is `value`.
async fn arrow_to(c: &Client, value: &str) {
    for _ in 0..12 {
        if focused_value(c).await == value {
            return;
        }
        press(c, &Key::Down).await;
    }
    panic!("the arrow keys did not reach {value}");
}

/// Waits for a new page whose path ends with `end`, then for it to have loaded.
async fn arrived(c: &Client, end: &str) {
    eventually(&format!("the page {end}"), || async {
        c.current_url().await.is_ok_and(|u| u.path().ends_with(end))
            && c.execute("return document.readyState;", vec![])
                .await
                .is_ok_and(|s| s == "complete")
    })
    .await;
}

/// A test paper's single-choice and true/false items answered right, then submitted.
async fn take_test(c: &Client, package: &Package) {
    let html = c.source().await.expect("the page");
    for q in &package.item_bank {
        if !html.contains(&format!("name=\"{}\"", q.id)) {
            continue;
        }
        let value = match &q.question {
            Question::SingleChoice { correct, .. } => correct.clone(),
            Question::TrueFalse { correct } => correct.to_string(),
            other => panic!("the demo bank has no {other:?}"),
        };
        tab_to(c, &format!("input[name='{}']", q.id)).await;
        arrow_to(c, &value).await;
        press(c, " ").await;
    }
    tab_to(c, "form.stacked button.primary").await;
    press(c, &Key::Enter).await;
    wait_for_text(c, "Kết quả của bạn: 100%").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learner_takes_the_whole_course_by_keyboard() {
    if !site_is_built() {
        return;
    }
    let app = spawn_app(Backend::Sqlite).await.expect("SQLite");
    app.seed_demo().await;
    let package: Package =
        serde_json::from_str(server::seed::DEMO_COURSE).expect("the demo course");
    let Some(browser) = Browser::start(true).await else {
        return;
    };
    let c = &browser.client;

    // Sign in: the fields, then Enter.
    c.goto(&app.url("/login?return_to=/learn")).await.unwrap();
    tab_to(c, "#username").await;
    press(c, "hv.mai").await;
    tab_to(c, "#password").await;
    press(c, "hoc-vien-y-ty").await;
    // Shift+Tab goes back to the name, Tab forward again.
    press(c, &(Key::Shift + &Key::Tab)).await;
    assert!(matches(c, "#username").await, "Shift+Tab goes back");
    press(c, &Key::Tab).await;
    press(c, &Key::Enter).await;
    arrived(c, "/learn").await;

    // The class, then the pre-test.
    tab_to(c, "main a[href^='/learn/']").await;
    press(c, &Key::Enter).await;
    eventually("the outline", || async {
        c.current_url()
            .await
            .is_ok_and(|u| u.path().matches('/').count() == 2 && u.path().starts_with("/learn/"))
    })
    .await;
    let outline = c.current_url().await.unwrap().path().to_owned();
    tab_to(c, &format!("a[href='{outline}/a1']")).await;
    press(c, &Key::Enter).await;
    arrived(c, "/a1").await;
    take_test(c, &package).await;

    // The case study: three answers typed, then submitted.
    c.goto(&app.url(&format!("{outline}/a2"))).await.unwrap();
    for (i, answer) in [
        "Xã chậm trả lời đơn của ông Tư.",
        "Tiếp dân ngay, kiểm tra hồ sơ địa chính.",
        "Hoà giải ở thôn trước khi xã giải quyết.",
    ]
    .iter()
    .enumerate()
    {
        tab_to(c, &format!("#answer-{i}")).await;
        press(c, answer).await;
    }
    tab_to(c, "#reflection button.primary").await;
    press(c, &Key::Enter).await;
    wait_for_text(c, "Đã nộp bài viết").await;

    // The quiz: single choice, multiple choice, true/false, number, short text, ordering
    // and matching.
    c.goto(&app.url(&format!("{outline}/a3"))).await.unwrap();
    tab_to(c, "input[name='q1']").await;
    arrow_to(c, "a").await;
    press(c, " ").await;
    // Options and items come in each learner's own order: each control in turn, by name.
    for _ in 0..4 {
        tab_to(c, "input[name='q2']").await;
        if ["a", "b", "c"].contains(&focused_value(c).await.as_str()) {
            press(c, " ").await;
        }
    }
    tab_to(c, "input[name='q3']").await;
    arrow_to(c, "false").await;
    press(c, " ").await;
    tab_to(c, "input[name='q4']").await;
    press(c, "30").await;
    tab_to(c, "input[name='q5']").await;
    press(c, "hoa giai").await;
    // Ordering: item a first … e last; matching: each left item to its own key.
    for _ in 0..5 {
        tab_to(c, "select[name^='q6-']").await;
        let place = match focused_name(c).await.as_str() {
            "q6-a" => "1",
            "q6-b" => "2",
            "q6-c" => "3",
            "q6-d" => "4",
            _ => "5",
        };
        arrow_to(c, place).await;
    }
    for _ in 0..3 {
        tab_to(c, "select[name^='q7-']").await;
        let name = focused_name(c).await;
        arrow_to(c, name.trim_start_matches("q7-")).await;
    }
    tab_to(c, "form.stacked button.primary").await;
    press(c, &Key::Enter).await;
    wait_for_text(c, "Kết quả của bạn: 100%").await;

    // The role-play to its good ending, each choice by Tab and Enter.
    let Some(ActivityBody::RolePlay(play)) = package.activity("a4").map(|a| a.body.clone()) else {
        panic!("a4 is the role-play");
    };
    c.goto(&app.url(&format!("{outline}/a4"))).await.unwrap();
    eventually("the player runs in the page", || async {
        c.find(fantoccini::Locator::Css(".roleplay[data-live]"))
            .await
            .is_ok()
    })
    .await;
    for choice in play.scenario.path_to(Outcome::Success).unwrap() {
        let button = format!("button[name='choice'][value='{choice}']");
        eventually(&format!("the choice {choice} is offered"), || async {
            c.find(fantoccini::Locator::Css(&button)).await.is_ok()
        })
        .await;
        tab_to(c, &button).await;
        press(c, &Key::Enter).await;
    }
    wait_for_text(c, "Kết thúc tốt").await;

    // The post-test and the survey.
    c.goto(&app.url(&format!("{outline}/a5"))).await.unwrap();
    take_test(c, &package).await;
    c.goto(&app.url(&format!("{outline}/a6"))).await.unwrap();
    for (css, value) in [
        ("input[name='s.s1']", "5"),
        ("input[name='s.s2']", "4"),
        ("input[name^='s.s3@']", "5"),
    ] {
        tab_to(c, css).await;
        arrow_to(c, value).await;
        press(c, " ").await;
    }
    tab_to(c, "form.stacked button.primary").await;
    press(c, &Key::Enter).await;
    wait_for_text(c, "Cảm ơn đồng chí đã góp ý").await;

    // The certificate, asked for from the outline.
    c.goto(&app.url(&outline)).await.unwrap();
    tab_to(c, "form[action$='/certificate'] button").await;
    press(c, &Key::Enter).await;
    wait_for_text(c, "/verify/").await;
    assert!(c.source().await.unwrap().contains("Giàng Thị Mai"));
    browser.close().await;
}
