//! The home page as a person sees it: with scripts (the island hydrates and answers a
//! click) and without (everything readable, the language switch still works).

use fantoccini::Locator;

use super::driver::{Browser, eventually};
use crate::helpers::{TestApp, on_both_databases, site_is_built};

on_both_databases!(
    the_island_hydrates_and_answers_a_click,
    without_javascript_the_page_is_complete_and_switches_language,
);

async fn the_island_hydrates_and_answers_a_click(app: TestApp) {
    if !site_is_built() {
        return;
    }
    app.seed_demo().await;
    let Some(browser) = Browser::start(true).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/")).await.unwrap();
    let heading = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(heading, "Học để làm tốt việc của xã");
    let table = c
        .find(Locator::Css(".network table"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(table.contains("Tỉnh Lào Cai"), "{table}");

    // Rendered disabled on the server; hydration enables it.
    let button = c
        .find(Locator::Css(".connection-check button"))
        .await
        .unwrap();
    eventually("the island hydrates", || {
        let button = button.clone();
        async move { button.is_enabled().await.unwrap_or(false) }
    })
    .await;
    button.click().await.unwrap();
    let output = c
        .find(Locator::Css(".connection-check output"))
        .await
        .unwrap();
    eventually("the connection check reports a round trip", || {
        let output = output.clone();
        async move {
            let text = output.text().await.unwrap_or_default();
            text.starts_with("Kết nối tốt (") && text.ends_with(" ms)")
        }
    })
    .await;
    browser.close().await;
}

async fn without_javascript_the_page_is_complete_and_switches_language(app: TestApp) {
    app.seed_demo().await;
    let Some(browser) = Browser::start(false).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/")).await.unwrap();
    let rows = c.find_all(Locator::Css(".network tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 3, "every province is listed without scripts");
    let output = c
        .find(Locator::Css(".connection-check output"))
        .await
        .unwrap();
    let text = output.text().await.unwrap();
    assert!(
        text.starts_with("Cần bật JavaScript"),
        "the island says it needs scripts: {text}"
    );
    let button = c
        .find(Locator::Css(".connection-check button"))
        .await
        .unwrap();
    assert!(!button.is_enabled().await.unwrap(), "no island ran");

    // The language switch is a plain form: post, redirect, English page.
    c.find(Locator::Css("form.lang button[value=en]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the page is in English", || async {
        c.source()
            .await
            .unwrap_or_default()
            .contains("Learn to serve your commune better")
    })
    .await;
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(c.current_url().await.unwrap().path(), "/");
    browser.close().await;
}
