//! `/login`: a plain form that works without scripts; outcomes come back as query
//! parameters after the post/redirect/get.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale, use_viewer};

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    let viewer = use_viewer();
    let query = use_query_map().get_untracked();
    let return_to = query.get("return_to").unwrap_or_else(|| "/".into());
    let notice = match query.get("error").as_deref() {
        Some("credentials") => Some(("error", t(locale, Text::SignInFailed).to_string())),
        Some("throttled") => Some((
            "error",
            format!(
                "{} {}",
                t(locale, Text::SignInThrottled),
                query.get("wait").unwrap_or_default()
            ),
        )),
        _ if query.get("signed_out").is_some() => {
            Some(("ok", t(locale, Text::SignedOut).to_string()))
        }
        _ => None,
    };
    view! {
        <section class="narrow">
            <h1>{t(locale, Text::SignInTitle)}</h1>
            {notice.map(|(kind, text)| view! { <p class=format!("notice {kind}") role="status">{text}</p> })}
            {viewer.me.map(|me| view! {
                <p class="notice ok">{t(locale, Text::AlreadySignedIn)} " " <strong>{me.full_name}</strong></p>
            })}
            <p>{t(locale, Text::SignInIntro)}</p>
            <form class="stacked" method="post" action="/api/v1/auth/sign-in">
                <FormToken/>
                <input type="hidden" name="return_to" value=return_to/>
                <label for="username">{t(locale, Text::Username)}</label>
                <input id="username" name="username" type="text" autocomplete="username"
                    autocapitalize="none" spellcheck="false" required/>
                <label for="password">{t(locale, Text::Password)}</label>
                <input id="password" name="password" type="password"
                    autocomplete="current-password" required/>
                <button type="submit" class="primary">{t(locale, Text::SignIn)}</button>
            </form>
        </section>
    }
}
