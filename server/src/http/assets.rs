//! The hashed static assets under `/pkg/` (browser bundle, stylesheet), loaded into memory
//! at start. Names carry a content hash, so they are cached for a year; pre-compressed
//! `.br`/`.gz` copies are sent to clients that accept them.

use shared::Message;
use std::collections::HashMap;
use std::path::Path;

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;

use shared::sync::OfflineFile;

use super::error::ApiError;

/// What `scripts/build-site.sh` writes to `pkg/manifest.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Manifest {
    /// Stem of the browser bundle: `<bundle>.js` and `<bundle>.wasm`.
    pub bundle: Option<String>,
    /// File name of the stylesheet.
    pub stylesheet: Option<String>,
    /// File name of the offline page script (registers the service worker).
    #[serde(default)]
    pub offline: Option<String>,
}

#[derive(Debug, Clone)]
struct Asset {
    content_type: &'static str,
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

#[derive(Debug, Clone, Default)]
pub struct StaticAssets {
    files: HashMap<String, Asset>,
    pub manifest: Manifest,
}

fn content_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit('.').next()?;
    Some(match ext {
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

impl StaticAssets {
    /// Reads `root/pkg`. A missing folder gives an empty set: pages still work, unstyled
    /// and without islands, and a warning says why.
    pub fn load(root: &Path) -> std::io::Result<Self> {
        let pkg = root.join("pkg");
        let mut assets = Self::default();
        let entries = match std::fs::read_dir(&pkg) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(path = %pkg.display(), "no built site assets; run `make site`");
                return Ok(assets);
            }
            Err(e) => return Err(e),
        };
        for entry in entries {
            let path = entry?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name == "manifest.json" {
                let text = std::fs::read_to_string(&path)?;
                assets.manifest = serde_json::from_str(&text)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
                continue;
            }
            let Some(content_type) = content_type(name) else {
                continue;
            };
            let sibling = |ext: &str| {
                std::fs::read(pkg.join(format!("{name}.{ext}")))
                    .ok()
                    .map(Bytes::from)
            };
            assets.files.insert(
                name.to_owned(),
                Asset {
                    content_type,
                    plain: Bytes::from(std::fs::read(&path)?),
                    brotli: sibling("br"),
                    gzip: sibling("gz"),
                },
            );
        }
        Ok(assets)
    }

    pub fn stylesheet_href(&self) -> Option<String> {
        let name = self.manifest.stylesheet.as_ref()?;
        self.files
            .contains_key(name)
            .then(|| format!("/pkg/{name}"))
    }

    /// The offline page script's address, when built.
    pub fn offline_href(&self) -> Option<String> {
        let name = self.manifest.offline.as_ref()?;
        self.files
            .contains_key(name)
            .then(|| format!("/pkg/{name}"))
    }

    /// The hashed files a saved course needs (stylesheet, islands bundle, offline script),
    /// with their stored and compressed sizes.
    pub fn offline_files(&self) -> Vec<OfflineFile> {
        let mut names: Vec<String> = [&self.manifest.stylesheet, &self.manifest.offline]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if let Some(stem) = self.bundle() {
            names.push(format!("{stem}.js"));
            names.push(format!("{stem}.wasm"));
        }
        names
            .into_iter()
            .filter_map(|name| {
                let asset = self.files.get(&name)?;
                let plain = asset.plain.len() as u64;
                Some(OfflineFile {
                    url: format!("/pkg/{name}"),
                    bytes: plain,
                    transfer: asset.brotli.as_ref().map_or(plain, |b| b.len() as u64),
                })
            })
            .collect()
    }

    /// The bundle stem when both its files are present.
    pub fn bundle(&self) -> Option<&str> {
        let stem = self.manifest.bundle.as_deref()?;
        let complete = self.files.contains_key(&format!("{stem}.js"))
            && self.files.contains_key(&format!("{stem}.wasm"));
        complete.then_some(stem)
    }
}

fn accepts(req: &HttpRequest, encoding: &str) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case(encoding) && !refused
        })
}

/// `GET /pkg/{file}`.
pub async fn serve(
    req: HttpRequest,
    file: web::Path<String>,
    assets: web::Data<StaticAssets>,
) -> Result<HttpResponse, ApiError> {
    let name = file.into_inner();
    let asset = assets
        .files
        .get(&name)
        .ok_or_else(|| ApiError::not_found(Message::NoSuchFile))?;
    let etag = format!("\"{name}\"");
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::VARY, "Accept-Encoding"))
        .insert_header((header::ETAG, etag.as_str()));
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v == HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("")));
    if fresh {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag.as_str()))
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .finish());
    }
    let body = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepts(&req, "br") => {
            res.insert_header((header::CONTENT_ENCODING, "br"));
            br.clone()
        }
        (_, Some(gz)) if accepts(&req, "gzip") => {
            res.insert_header((header::CONTENT_ENCODING, "gzip"));
            gz.clone()
        }
        _ => asset.plain.clone(),
    };
    Ok(res.body(body))
}

/// `GET /sw.js`: the service worker, at the root so that it may control every page. Never
/// cached by the browser's HTTP cache, so a new one is found on the next visit.
pub async fn service_worker(assets: web::Data<StaticAssets>) -> Result<HttpResponse, ApiError> {
    let asset = assets
        .files
        .get("sw.js")
        .ok_or_else(|| ApiError::not_found(Message::NoSuchFile))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header(("Service-Worker-Allowed", "/"))
        // A worker runs under its script's policy: it fetches pages and the API of this
        // site, which the locked-down default for non-pages would forbid.
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .body(asset.plain.clone()))
}
