//! Hashed static assets: cached forever, pre-compressed, referenced by the pages.

use reqwest::StatusCode;

use crate::helpers::{TestApp, on_both_databases, site_is_built, site_manifest};

on_both_databases!(
    the_page_links_the_hashed_bundle_and_stylesheet,
    assets_are_served_precompressed_and_immutable,
    unknown_or_sneaky_asset_names_are_404,
);

async fn the_page_links_the_hashed_bundle_and_stylesheet(app: TestApp) {
    if !site_is_built() {
        return;
    }
    let manifest = site_manifest();
    let bundle = manifest["bundle"].as_str().unwrap();
    let stylesheet = manifest["stylesheet"].as_str().unwrap();
    let html = app.get("/").await.text().await.unwrap();
    assert!(html.contains(&format!("href=\"/pkg/{stylesheet}\"")));
    assert!(
        html.contains(&format!("/pkg/{bundle}.js")),
        "hydration script missing"
    );
    assert!(
        html.contains("<leptos-island"),
        "the island is marked for hydration"
    );
}

async fn assets_are_served_precompressed_and_immutable(app: TestApp) {
    if !site_is_built() {
        return;
    }
    let bundle = site_manifest()["bundle"].as_str().unwrap().to_owned();
    let path = format!("/pkg/{bundle}.wasm");
    let plain = app.get_with(&path, "accept-encoding", "identity").await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert_eq!(plain.headers()["content-type"], "application/wasm");
    assert!(
        plain.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let plain_len = plain.bytes().await.unwrap().len();

    let brotli = app.get_with(&path, "accept-encoding", "gzip, br").await;
    assert_eq!(brotli.headers()["content-encoding"], "br");
    let brotli_len = brotli.bytes().await.unwrap().len();
    assert!(
        brotli_len * 2 < plain_len,
        "brotli {brotli_len} vs plain {plain_len}"
    );

    let etag = app.get(&path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let revalidated = app.get_with(&path, "if-none-match", &etag).await;
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);
}

async fn unknown_or_sneaky_asset_names_are_404(app: TestApp) {
    for path in ["/pkg/nope.js", "/pkg/..%2FCargo.toml", "/pkg/manifest.json"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}
