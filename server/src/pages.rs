//! Hosts the Leptos pages: per request it hands the pages their context (ports, language,
//! asset names, a fresh CSP nonce) and sets the page's security policy.

use crate::store::Db;
use std::sync::Arc;

use actix_web::HttpMessage;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use frontend::ports::{Assets, ResponseStatus, SiteOrigin, Viewer};

use crate::auth::csrf;
use crate::http::authenticate::Authenticated;
use crate::secret::Secret;
use leptos::config::LeptosOptions;
use leptos::nonce::Nonce;
use leptos::prelude::provide_context;
use leptos::prelude::use_context;
use leptos_actix::{Request, ResponseOptions};

use crate::http::assets::StaticAssets;
use crate::http::security_headers::page_policy;

/// Options for the Leptos renderer: the bundle name (content-hashed) from the manifest.
pub fn leptos_options(assets: &StaticAssets) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(assets.bundle().unwrap_or("fieldschool"))
        .site_pkg_dir("pkg")
        .build()
}

pub fn page_assets(assets: &StaticAssets) -> Assets {
    Assets {
        stylesheet: assets.stylesheet_href(),
        scripts: assets.bundle().is_some(),
        offline_script: assets.offline_href(),
    }
}

/// Who is looking, from what the authentication middleware found for this request.
fn viewer(authenticated: Option<Authenticated>, signing_key: &Secret<Vec<u8>>) -> Viewer {
    match authenticated {
        Some(auth) => Viewer {
            form_token: Some(csrf::token(signing_key.expose(), auth.actor.session)),
            me: Some(auth.actor.me),
        },
        None => Viewer::default(),
    }
}

/// The per-request context closure given to `leptos_routes_with_context`.
/// The scheme and host the page was asked for: the `Host` header over plain HTTP, or what a
/// trusted proxy (which terminates TLS) forwarded.
fn site_origin(req: &Request, trusted: &[std::net::IpAddr]) -> SiteOrigin {
    let peer = req.peer_addr().map(|a| a.ip());
    let info = req.connection_info();
    let host = crate::http::client::host(peer, req.headers(), &info, trusted)
        .unwrap_or_else(|| "localhost".into());
    let scheme = if peer.is_some_and(|p| trusted.contains(&p)) {
        info.scheme().to_owned()
    } else {
        "http".to_owned()
    };
    SiteOrigin(format!("{scheme}://{host}"))
}

pub fn context(
    db: Db,
    assets: Assets,
    signing_key: Secret<Vec<u8>>,
    trusted_proxies: Vec<std::net::IpAddr>,
) -> impl Fn() + Clone + Send + 'static {
    move || {
        let authenticated = use_context::<Request>()
            .and_then(|req| req.extensions().get::<Authenticated>().cloned());
        let actor = authenticated.as_ref().map(|a| a.actor.clone());
        let signed_in = actor.is_some();
        provide_context(crate::ports::build(db.clone(), actor));
        provide_context(viewer(authenticated, &signing_key));
        provide_context(assets.clone());
        if let Some(req) = use_context::<Request>() {
            provide_context(site_origin(&req, &trusted_proxies));
        }
        let locale = use_context::<Request>()
            .map(|req| crate::http::locale::of_page(&req))
            .unwrap_or_default();
        provide_context(locale);
        let nonce = Nonce::new();
        if let Some(response) = use_context::<ResponseOptions>() {
            if let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce)) {
                response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
            }
            // A signed-in person's page is never stored by the browser: on a shared office
            // computer neither Back nor the cache may show it to the next person after
            // sign-out. Anonymous pages are revalidated every time (cheap with the ETag).
            let cache = if signed_in {
                "private, no-store"
            } else {
                "no-cache"
            };
            response.insert_header(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            response.insert_header(header::VARY, HeaderValue::from_static("Cookie"));
            let status = response.clone();
            provide_context(ResponseStatus(Arc::new(move |code| {
                if let Ok(code) = StatusCode::from_u16(code) {
                    status.set_status(code);
                }
            })));
        }
        provide_context(nonce);
    }
}
