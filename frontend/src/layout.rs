//! The chrome around every page: header with the language switch, and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use shared::Locale;

use crate::i18n::{Text, t};

/// The language of this request (set by the server from the `fs_lang` cookie).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let here = location.pathname.get_untracked();
    view! {
        <a class="skip" href="#main">{t(locale, Text::SkipToContent)}</a>
        <header class="site">
            <a class="brand" href="/">
                <strong>{t(locale, Text::AppName)}</strong>
                <span>{t(locale, Text::AppTagline)}</span>
            </a>
            <form class="lang" method="post" action="/api/v1/preferences/locale">
                <input type="hidden" name="return_to" value=here/>
                <span class="visually-hidden">{t(locale, Text::LanguageLabel)}</span>
                {Locale::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <button
                                type="submit"
                                name="locale"
                                value=option.code()
                                lang=option.code()
                                aria-pressed=if option == locale { "true" } else { "false" }
                            >
                                {option.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </form>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let locale = use_locale();
    view! {
        <footer class="site">
            <p>{t(locale, Text::FooterNote)}</p>
        </footer>
    }
}
