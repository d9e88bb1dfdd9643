//! An administrator's work in a browser with scripts off: create an account, then
//! disable it after the confirmation step.

use fantoccini::Locator;

use super::driver::{Browser, eventually, submit_sign_in, wait_for_text};
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(an_admin_creates_and_disables_an_account_without_javascript);

async fn an_admin_creates_and_disables_an_account_without_javascript(app: TestApp) {
    app.seed_demo().await;
    let Some(browser) = Browser::start(false).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/login?return_to=/admin/users/new"))
        .await
        .unwrap();
    submit_sign_in(c, "admin", "truong-chinh-tri-2026").await;
    eventually("the new-account form", || async {
        c.find(Locator::Id("full_name")).await.is_ok()
    })
    .await;

    c.find(Locator::Id("username"))
        .await
        .unwrap()
        .send_keys("mua.a.tung")
        .await
        .unwrap();
    c.find(Locator::Id("full_name"))
        .await
        .unwrap()
        .send_keys("Mùa A Tủng")
        .await
        .unwrap();
    c.find(Locator::Css("#org_unit_id option:nth-child(3)"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Id("role-supervisor"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys("mùa lúa chín vàng")
        .await
        .unwrap();
    c.find(Locator::Css("form.stacked button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "Đã tạo tài khoản.").await;
    let facts = c
        .find(Locator::Css("dl.facts"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        facts.contains("mua.a.tung")
            && facts.contains("Cán bộ quản lý")
            && facts.contains("Học viên"),
        "{facts}"
    );

    // Disabling asks first.
    c.find(Locator::Css("a.danger"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the confirmation", || async {
        c.find(Locator::Css("button.danger")).await.is_ok()
    })
    .await;
    c.find(Locator::Css("button.danger"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "Đã khóa tài khoản.").await;
    let status = c
        .find(Locator::Css("[data-testid=status]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(status, "Đã khóa");
    browser.close().await;
}
