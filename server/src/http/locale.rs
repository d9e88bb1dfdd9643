//! The language a request is answered in.
//!
//! - A browser (pages, islands, the offline queue): the language chosen on this device (the
//!   `fs_lang` cookie), else the account's, else Vietnamese. `Accept-Language` is not
//!   asked: an office PC's English browser must not turn a cadre's pages English.
//! - An API client (a bearer token, or no session and no chosen language): what it asks
//!   for in `Accept-Language`, else the account's language, else Vietnamese.

use actix_web::{HttpMessage, HttpRequest};
use shared::Locale;
use shared::locale::LOCALE_COOKIE;

use super::authenticate::{AuthVia, Authenticated};

/// The chosen language: the cookie, else the signed-in account's.
fn chosen(req: &HttpRequest) -> Option<Locale> {
    req.cookie(LOCALE_COOKIE)
        .and_then(|cookie| Locale::from_code(cookie.value()))
        .or_else(|| {
            req.extensions()
                .get::<Authenticated>()
                .and_then(|a| Locale::from_code(&a.actor.me.locale))
        })
}

/// The language of a page.
pub fn of_page(req: &HttpRequest) -> Locale {
    chosen(req).unwrap_or_default()
}

/// The language of an API answer.
pub fn of_request(req: &HttpRequest) -> Locale {
    let asked = || {
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(from_accept_language)
    };
    let browser = req.cookie(LOCALE_COOKIE).is_some()
        || req
            .extensions()
            .get::<Authenticated>()
            .is_some_and(|a| a.via == AuthVia::Cookie);
    if browser {
        return of_page(req);
    }
    asked().or_else(|| chosen(req)).unwrap_or_default()
}

/// The language `Accept-Language` prefers among those we have (`en-GB;q=0.8, vi` → vi).
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let Some(locale) = pieces.next().and_then(Locale::from_code) else {
            continue;
        };
        let quality = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((locale, quality));
        }
    }
    best.map(|(locale, _)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_preferred_known_language_wins() {
        assert_eq!(from_accept_language("en-GB;q=0.8, vi"), Some(Locale::Vi));
        assert_eq!(from_accept_language("fr, en;q=0.5"), Some(Locale::En));
        assert_eq!(from_accept_language("vi;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(from_accept_language("fr-FR, de"), None);
        assert_eq!(from_accept_language(""), None);
    }
}
