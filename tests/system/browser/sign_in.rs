//! Signing in and out in a real browser, with scripts on and off.

use fantoccini::Locator;
use shared::Role;

use super::driver::{Browser, eventually, submit_sign_in, wait_for_text};
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(
    sign_in_and_out_with_javascript,
    sign_in_and_out_without_javascript
);

async fn sign_in_flow(app: TestApp, javascript: bool) {
    app.create_user("cuong.dao", "lúa chín vàng đồng", &[Role::Learner])
        .await;
    let Some(browser) = Browser::start(javascript).await else {
        return;
    };
    let c = &browser.client;

    // A wrong password comes back to the form with a message.
    c.goto(&app.url("/login")).await.unwrap();
    submit_sign_in(c, "cuong.dao", "sai rồi nhé").await;
    wait_for_text(c, "Sai tên đăng nhập hoặc mật khẩu.").await;

    submit_sign_in(c, "cuong.dao", "lúa chín vàng đồng").await;
    eventually("the header shows the signed-in user", || async {
        c.find(Locator::Css(".account a[href='/profile']"))
            .await
            .is_ok()
    })
    .await;
    let name = c
        .find(Locator::Css(".account a[href='/profile']"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(name, "Nguyễn Văn cuong.dao");

    // The profile page, then signing out.
    c.goto(&app.url("/profile")).await.unwrap();
    let facts = c
        .find(Locator::Css("dl.facts"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        facts.contains("cuong.dao") && facts.contains("Học viên"),
        "{facts}"
    );
    c.find(Locator::Css(".account form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "Bạn đã đăng xuất.").await;
    // The profile now asks to sign in.
    c.goto(&app.url("/profile")).await.unwrap();
    let path = c.current_url().await.unwrap().path().to_owned();
    assert_eq!(path, "/login");
    browser.close().await;
}

async fn sign_in_and_out_with_javascript(app: TestApp) {
    sign_in_flow(app, true).await;
}

async fn sign_in_and_out_without_javascript(app: TestApp) {
    sign_in_flow(app, false).await;
}
