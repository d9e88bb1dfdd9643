//! What the last form post did, as the page it returned to says it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::outcome::Outcome;

use crate::layout::use_locale;

/// The outcome in the address (`?saved=…`), if any, as a status line.
#[component]
pub fn OutcomeNotice() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map().get_untracked();
    Outcome::from_query(|name| query.get(name))
        .map(|outcome| view! { <p class="notice ok" role="status">{outcome.word(locale)}</p> })
}
