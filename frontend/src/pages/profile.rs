//! `/profile`: who I am, and changing my password.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{role_name, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let query = use_query_map().get_untracked();
        let notice = match query.get("error").as_deref() {
            Some("current") => Some(("error", t(locale, Text::CurrentPasswordWrong))),
            Some("new") => Some(("error", t(locale, Text::NewPasswordRejected))),
            _ if query.get("changed").is_some() => Some(("ok", t(locale, Text::PasswordChanged))),
            _ => None,
        };
        let roles = me
            .roles
            .iter()
            .map(|grant| role_name(locale, grant.role))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
        <section class="narrow">
            <h1>{t(locale, Text::ProfileTitle)}</h1>
            {notice.map(|(kind, text)| view! { <p class=format!("notice {kind}") role="status">{text}</p> })}
            <dl class="facts">
                <dt>{t(locale, Text::FullName)}</dt>
                <dd>{me.full_name}</dd>
                <dt>{t(locale, Text::Username)}</dt>
                <dd>{me.username}</dd>
                <dt>{t(locale, Text::Roles)}</dt>
                <dd>{roles}</dd>
            </dl>
            <h2>{t(locale, Text::ChangePasswordTitle)}</h2>
            <form class="stacked" method="post" action="/api/v1/auth/password">
                <FormToken/>
                <label for="current_password">{t(locale, Text::CurrentPassword)}</label>
                <input id="current_password" name="current_password" type="password"
                    autocomplete="current-password" required/>
                <label for="new_password">{t(locale, Text::NewPassword)}</label>
                <input id="new_password" name="new_password" type="password"
                    autocomplete="new-password" minlength="8" maxlength="128" required
                    aria-describedby="new_password_hint"/>
                <small id="new_password_hint">{t(locale, Text::NewPasswordHint)}</small>
                <button type="submit" class="primary">{t(locale, Text::ChangePasswordButton)}</button>
            </form>
        </section>
    }
    .into_any()
    })
}
