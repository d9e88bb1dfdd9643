//! The home page: one settled, complete HTML document, in Vietnamese by default.

use reqwest::StatusCode;

use crate::helpers::{TestApp, on_both_databases, without_comments};

on_both_databases!(
    the_home_page_is_complete_vietnamese_html,
    the_org_overview_counts_communes_at_any_depth,
    an_empty_system_says_so,
    unknown_pages_are_404_with_a_way_home,
    head_answers_like_get_without_a_body,
    pages_are_compressed_and_revalidated_by_etag,
);

async fn the_home_page_is_complete_vietnamese_html(app: TestApp) {
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"vi\""));
    assert!(html.contains("Học để làm tốt việc của xã"));
    assert!(html.contains("Cán bộ quản lý"));
    // The language switch works without scripts: a real form posting to the API.
    assert!(html.contains("action=\"/api/v1/preferences/locale\""));
    // Settled document: no loading fallback was sent in place of data.
    assert!(!html.contains("Đang tải…"));
    assert!(html.contains("</footer></body></html>"));
}

async fn the_org_overview_counts_communes_at_any_depth(app: TestApp) {
    app.seed_demo().await;
    let html = without_comments(&app.get("/").await.text().await.unwrap());
    // Đắk Lắk keeps a district level: its two communes below the district count too. Lào
    // Cai has four, and four more where the demo's finished class works.
    for (province, region, communes) in [
        ("Thành phố Cần Thơ", "Đồng bằng sông Cửu Long", 3),
        ("Tỉnh Đắk Lắk", "Tây Nguyên", 3),
        ("Tỉnh Lào Cai", "Tây Bắc", 8),
    ] {
        let row = format!("<td>{province}</td><td>{region}</td><td class=\"num\">{communes}</td>");
        assert!(html.contains(&row), "missing {row}");
    }
    // Sorted by name ignoring diacritics: Cần Thơ (Thanh…), then Đắk Lắk, then Lào Cai.
    let at = |name: &str| html.find(name).unwrap_or(usize::MAX);
    assert!(at("Tỉnh Đắk Lắk") < at("Tỉnh Lào Cai"));
    assert!(html.contains("data-testid=\"institution-count\">3</strong>"));
}

async fn an_empty_system_says_so(app: TestApp) {
    let html = app.get("/").await.text().await.unwrap();
    assert!(html.contains("Chưa có tỉnh, thành phố nào trong hệ thống."));
}

async fn unknown_pages_are_404_with_a_way_home(app: TestApp) {
    let response = app.get("/khong-co-trang-nay").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.unwrap();
    assert!(html.contains("Không tìm thấy trang"));
    assert!(html.contains("href=\"/\""));
}

async fn pages_are_compressed_and_revalidated_by_etag(app: TestApp) {
    let response = app.get_with("/", "accept-encoding", "br").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "br");
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();

    let again = app.get_with("/", "if-none-match", &etag).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    // The browser keeps the policy of its cached copy, whose nonce matches that copy.
    assert!(again.headers().get("content-security-policy").is_none());
    assert!(again.bytes().await.unwrap().is_empty());

    // After the content changes, the old tag no longer matches.
    app.seed_demo().await;
    let changed = app.get_with("/", "if-none-match", &etag).await;
    assert_eq!(changed.status(), StatusCode::OK);
}

async fn head_answers_like_get_without_a_body(app: TestApp) {
    let get = app.get("/").await;
    let head = app.client.head(app.url("/")).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(
        head.headers()["content-type"],
        get.headers()["content-type"]
    );
    assert!(head.headers().contains_key("etag"));
    assert!(head.bytes().await.unwrap().is_empty());
}
