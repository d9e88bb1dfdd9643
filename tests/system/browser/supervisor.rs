//! A supervisor in a browser with scripts off: the 30-day follow-up of a cadre is due in
//! the inbox; rating it there completes the group, and the gain table of the class turns
//! from "group under 5" to its figures.

use fantoccini::Locator;

use super::driver::{Browser, click, eventually, submit_sign_in, wait_for_text};
use crate::evidence::pages::table_cells;
use crate::evidence::ratings::past_cohort;
use crate::evidence::{ADMIN, As, SUPERVISOR, user_id};
use crate::helpers::{TestApp, on_both_databases, without_comments};

on_both_databases!(a_supervisor_rates_a_follow_up_from_the_inbox_and_the_gains_change);

const CADRES: [&str; 5] = ["lc.sung", "lc.ly", "lc.vang", "lc.tan", "lc.chu"];

/// The LAW row of the class's 30-day supervisor measure: (n paired, mean change, note).
fn follow_up_row(html: &str) -> (String, String, String) {
    law_row(html, "Cấp trên đánh giá: trước → sau 30 ngày")
}

/// The LAW row of the gain table for a measure: (n paired, mean change, note).
fn law_row(html: &str, measure: &str) -> (String, String, String) {
    let cells = table_cells(&without_comments(html), "gains");
    let row = cells
        .iter()
        .find(|r| r[0] == "LAW" && r[2] == measure)
        .unwrap_or_else(|| panic!("no LAW row for {measure} in {cells:?}"));
    (row[5].clone(), row[9].clone(), row[21].clone())
}

async fn a_supervisor_rates_a_follow_up_from_the_inbox_and_the_gains_change(app: TestApp) {
    app.seed_demo().await;
    let cohort = past_cohort(&app, 40, &CADRES.join(" ")).await;
    // Their supervisor rated all five before the class, and four of them at 30 days.
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mut csv = String::from("username,competency,source,phase,level,date,cohort\n");
    for (i, cadre) in CADRES.iter().enumerate() {
        csv.push_str(&format!(
            "{cadre},LAW,supervisor,before,2,2026-09-01,{cohort}\n"
        ));
        if i > 0 {
            csv.push_str(&format!(
                "{cadre},LAW,supervisor,follow_up_30,{},2026-11-20,{cohort}\n",
                3 + i % 2
            ));
        }
    }
    assert_eq!(admin.import(&csv).await["added"], 9);
    let sung = user_id(&admin, "lc.sung").await;
    let frameworks = admin.get_json("/api/v1/competency-frameworks").await;
    let law = frameworks[0]["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "LAW")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let Some(browser) = Browser::start(false).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/login?return_to=/inbox")).await.unwrap();
    submit_sign_in(c, SUPERVISOR.0, SUPERVISOR.1).await;
    // The sign-in lands before the next page is asked for; otherwise, on a busy machine,
    // the gains page could be asked for without the session and show the sign-in page.
    eventually("the sign-in lands on the inbox", || async {
        c.current_url()
            .await
            .is_ok_and(|url| url.path() == "/inbox")
    })
    .await;
    let gains = app.url(&format!(
        "/supervise?cohort={cohort}&measure=supervisor:follow_up_30"
    ));
    c.goto(&gains).await.unwrap();
    wait_for_text(c, "data-testid=\"gains\"").await;
    let (paired, change, note) = follow_up_row(&c.source().await.unwrap());
    assert_eq!((paired.as_str(), change.as_str()), ("4", ""), "four rated");
    assert_eq!(note, "Nhóm dưới 5 người");
    // Nobody has had the 90-day follow-up: the row says so, not that the group is small.
    let (paired, _, note) = law_row(
        &c.source().await.unwrap(),
        "Cấp trên đánh giá: trước → sau 90 ngày",
    );
    assert_eq!(
        (paired.as_str(), note.as_str()),
        ("0", "Chưa có ai được đánh giá")
    );

    // The inbox holds the fifth cadre's follow-up; the form rates LAW at 4.
    c.goto(&app.url("/inbox")).await.unwrap();
    let task = format!("a[href=\"/ratings/{cohort}/{sung}/follow_up_30\"]");
    eventually("the follow-up is due in the inbox", || async {
        c.find(Locator::Css(&task)).await.is_ok()
    })
    .await;
    click(c, &task).await;
    eventually("the rating form", || async {
        c.find(Locator::Css("form.rating")).await.is_ok()
    })
    .await;
    click(c, &format!("input[name='level.{law}'][value='4']")).await;
    click(c, "form.rating button[type=submit]").await;
    wait_for_text(c, "Đã lưu đánh giá.").await;
    assert!(
        !c.source()
            .await
            .unwrap()
            .contains(&format!("/ratings/{cohort}/{sung}/follow_up_30")),
        "the task is done"
    );

    // Five rated: the row now has its figures.
    c.goto(&gains).await.unwrap();
    wait_for_text(c, "data-testid=\"gains\"").await;
    let (paired, change, note) = follow_up_row(&c.source().await.unwrap());
    assert_eq!(paired, "5");
    assert_eq!(note, "", "the group is large enough now");
    // Before 2 for all; after 30 days 4 (lc.sung), 4, 3, 4, 3: the mean change is 1.60.
    assert_eq!(change, "1.60");
    browser.close().await;
}
