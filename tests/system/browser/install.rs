//! Installable on a phone's home screen: the web app manifest in Vietnamese, opening on
//! the learner's classes, with icons that are served at the sizes it claims; Chromium finds
//! nothing that keeps it from offering to install the site.

use serde_json::{Value, json};

use super::driver::Browser;
use crate::helpers::{Backend, site_is_built, spawn_app};

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(..8)? != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let number = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    Some((number(16)?, number(20)?))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_is_installable() {
    let app = spawn_app(Backend::Sqlite).await.expect("SQLite");
    let answer = app.get("/manifest.webmanifest").await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.headers()["content-type"],
        "application/manifest+json"
    );
    let manifest: Value = answer.json().await.unwrap();
    assert_eq!(manifest["lang"], "vi");
    assert!(manifest["name"].as_str().unwrap().contains("cán bộ"));
    assert_eq!(manifest["short_name"], "Fieldschool");
    assert_eq!(manifest["start_url"], "/learn");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], "#8a1c1c");
    let icons = manifest["icons"].as_array().unwrap();
    assert!(icons.iter().any(|i| i["sizes"] == "512x512"));
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let served = app.get(src).await;
        assert_eq!(served.status(), 200, "{src}");
        assert_eq!(
            served.headers()["content-type"],
            icon["type"].as_str().unwrap()
        );
        let bytes = served.bytes().await.unwrap();
        assert!(bytes.len() < 4096, "{src} is small: {} bytes", bytes.len());
        if icon["type"] == "image/png" {
            let (w, h) = png_size(&bytes).expect("a PNG");
            assert_eq!(format!("{w}x{h}"), icon["sizes"].as_str().unwrap(), "{src}");
        }
    }
    assert_eq!(app.get("/icons/nothing.png").await.status(), 404);
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#));
    assert!(home.contains(r##"<meta name="theme-color" content="#8a1c1c">"##));

    // Chromium's own verdict on the home page.
    if !site_is_built() {
        return;
    }
    let Some(browser) = Browser::start(true).await else {
        return;
    };
    browser.client.goto(&app.url("/")).await.unwrap();
    let mut errors = Value::Null;
    for _ in 0..50 {
        errors = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
        if errors["installabilityErrors"] == json!([]) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        errors["installabilityErrors"],
        json!([]),
        "Chromium would not offer to install: {errors}"
    );
    browser.close().await;
}
