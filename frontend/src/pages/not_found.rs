//! Shown for any path no route matches, with status 404.

use leptos::prelude::*;
use shared::page::Page;

use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::ResponseStatus;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    if let Some(ResponseStatus(set_status)) = use_context::<ResponseStatus>() {
        set_status(404);
    }
    let locale = use_locale();
    view! {
        <section class="not-found">
            <h1>{t(locale, Text::NotFoundTitle)}</h1>
            <p>{t(locale, Text::NotFoundBody)}</p>
            <p>
                <a href=Page::Home.path()>{t(locale, Text::BackHome)}</a>
            </p>
        </section>
    }
}
