//! What the islands need from the browser: posting to the API with the session cookie,
//! ids for idempotent submissions, and the device's clock.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, HtmlFormElement, Request, RequestCredentials, RequestInit, Response};

/// An answer of the server: its status and body.
pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The message of the API's one error shape, when there is one.
    pub fn message(&self) -> Option<String> {
        // Only the message is read: the bundle carries no decoder for the whole shape.
        #[derive(serde::Deserialize)]
        struct Detail {
            message: String,
        }
        #[derive(serde::Deserialize)]
        struct Body {
            error: Detail,
        }
        serde_json::from_str::<Body>(&self.body)
            .ok()
            .map(|b| b.error.message)
    }
}

/// Posts `body` (with its content type, or the browser's for form data) and asks for JSON.
/// `None` when the request never got an answer (no connection).
pub async fn post(url: &str, body: &JsValue, content_type: Option<&str>) -> Option<Reply> {
    let headers = Headers::new().ok()?;
    headers.set("Accept", "application/json").ok()?;
    if let Some(kind) = content_type {
        headers.set("Content-Type", kind).ok()?;
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    init.set_headers(&headers);
    init.set_credentials(RequestCredentials::SameOrigin);
    let request = Request::new_with_str_and_init(url, &init).ok()?;
    let answered = JsFuture::from(web_sys::window()?.fetch_with_request(&request))
        .await
        .ok()?;
    let response: Response = answered.dyn_into().ok()?;
    let body = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
        .unwrap_or_default();
    Some(Reply {
        status: response.status(),
        body,
    })
}

/// Posts `value` as JSON.
pub async fn post_json(url: &str, value: &impl Serialize) -> Option<Reply> {
    let text = serde_json::to_string(value).ok()?;
    post(url, &JsValue::from_str(&text), Some("application/json")).await
}

/// The fields of `form` as a URL-encoded body, plus `extra`.
pub fn form_body(form: &HtmlFormElement, extra: &[(&str, &str)]) -> Option<JsValue> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    for (name, value) in extra {
        params.append(name, value);
    }
    Some(params.into())
}

/// A fresh random id (UUID v4) from the browser's cryptographic generator, which works on
/// plain-HTTP intranets too (unlike `crypto.randomUUID`).
pub fn new_id() -> Option<uuid::Uuid> {
    let mut bytes = [0u8; 16];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(uuid::Builder::from_random_bytes(bytes).into_uuid())
}

/// The device's clock now, as RFC 3339.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
