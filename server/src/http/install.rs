//! What makes the site installable on a phone's home screen: the web app manifest
//! (`/manifest.webmanifest`, in Vietnamese, opening on the learner's classes) and its icons
//! (`/icons/…`, one SVG and two small PNGs drawn from it). The service worker already
//! answers for pages when the line is down.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::error::ApiError;
use shared::Message;

/// The brand colour of the header's rule, for the phone's title bar.
pub const THEME_COLOUR: &str = "#8a1c1c";

/// A day: the icons and the manifest change rarely and are named without a hash.
const CACHE: &str = "public, max-age=86400";

/// The icons, embedded in the binary: (file name, content type, bytes).
const ICONS: [(&str, &str, &[u8]); 3] = [
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../../../frontend/icons/icon.svg"),
    ),
    (
        "icon-192.png",
        "image/png",
        include_bytes!("../../../frontend/icons/icon-192.png"),
    ),
    (
        "icon-512.png",
        "image/png",
        include_bytes!("../../../frontend/icons/icon-512.png"),
    ),
];

/// The manifest's text.
pub fn manifest() -> serde_json::Value {
    serde_json::json!({
        "id": "/learn",
        "name": "Fieldschool — Bồi dưỡng cán bộ, công chức cấp xã",
        "short_name": "Fieldschool",
        "description": "Học tình huống, làm bài kiểm tra và đóng vai xử lý việc của xã, cả khi mất mạng.",
        "lang": "vi",
        "dir": "ltr",
        "start_url": "/learn",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            { "src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml" },
            { "src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png",
              "purpose": "maskable" }
        ]
    })
}

/// `GET /manifest.webmanifest`.
pub async fn web_manifest() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/manifest+json"))
        .insert_header((header::CACHE_CONTROL, CACHE))
        .body(manifest().to_string())
}

/// `GET /icons/{file}`.
pub async fn icon(file: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let (_, content_type, bytes) = ICONS
        .iter()
        .find(|(name, _, _)| *name == file.as_str())
        .ok_or_else(|| ApiError::not_found(Message::NoSuchFile))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, *content_type))
        .insert_header((header::CACHE_CONTROL, CACHE))
        .body(*bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_the_manifest_names_is_served() {
        let manifest = manifest();
        for icon in manifest["icons"].as_array().into_iter().flatten() {
            let src = icon["src"].as_str().unwrap_or_default();
            let name = src.trim_start_matches("/icons/");
            assert!(ICONS.iter().any(|(n, _, _)| *n == name), "{src}");
        }
    }
}
