//! Measures the round trip to the server, so a cadre on a weak line knows whether now is
//! a good moment to submit work. Rendered disabled on the server; enabled once hydrated.

use leptos::prelude::*;
use shared::Locale;

use crate::i18n::{Say, say};

/// Above this round trip (milliseconds) the connection is reported as slow.
const SLOW_MS: u32 = 1500;

// The measured outcomes are only produced in the browser build.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ready,
    Checking,
    Measured(u32),
    Failed,
}

fn describe(locale: Locale, status: Status) -> String {
    match status {
        Status::Ready => say(locale, Say::ConnectionReady).to_string(),
        Status::Checking => say(locale, Say::Checking).to_string(),
        Status::Measured(ms) if ms > SLOW_MS => {
            format!("{} ({ms} ms)", say(locale, Say::ConnectionSlow))
        }
        Status::Measured(ms) => format!("{} ({ms} ms)", say(locale, Say::ConnectionGood)),
        Status::Failed => say(locale, Say::ConnectionFailed).to_string(),
    }
}

#[island]
pub fn ConnectionCheck(locale: Locale) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    let status = RwSignal::new(Status::Ready);
    // Effects run only in the browser, so this marks the island as live.
    Effect::new(move |_| hydrated.set(true));

    let check = move |_| {
        status.set(Status::Checking);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            status.set(match probe().await {
                Some(ms) => Status::Measured(ms),
                None => Status::Failed,
            });
        });
    };

    view! {
        <div class="connection-check">
            <button type="button" on:click=check disabled=move || !hydrated.get()>
                {say(locale, Say::ConnectionCheck)}
            </button>
            <output aria-live="polite">
                {move || {
                    if hydrated.get() {
                        describe(locale, status.get())
                    } else {
                        say(locale, Say::ConnectionNeedsScript).to_string()
                    }
                }}
            </output>
        </div>
    }
}

/// One request to `/healthz`; the round trip in whole milliseconds, or `None` on failure.
#[cfg(feature = "hydrate")]
async fn probe() -> Option<u32> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window()?;
    let performance = window.performance()?;
    let started = performance.now();
    let response = JsFuture::from(window.fetch_with_str("/healthz"))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let elapsed = (performance.now() - started).max(0.0).round();
    Some(if elapsed > f64::from(u32::MAX) {
        u32::MAX
    } else {
        elapsed as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_and_good_are_told_apart() {
        assert!(
            describe(Locale::En, Status::Measured(120)).starts_with("Connection is good (120 ms)")
        );
        assert!(describe(Locale::En, Status::Measured(4000)).starts_with("Connection is slow"));
        assert_eq!(
            describe(Locale::Vi, Status::Failed),
            "Không kết nối được máy chủ."
        );
    }
}
