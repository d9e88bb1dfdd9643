//! What the last form post came to: what it did, or the problems by field.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{OutcomeNotice, field_label};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

/// The outcome of the last post: saved, or the problems by field.
#[component]
pub fn FormOutcome() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map().get_untracked();
    if query.get("saved").is_some() {
        return view! { <OutcomeNotice/> }.into_any();
    }
    let Some(error) = query.get("error") else {
        return ().into_any();
    };
    let headline = match error.as_str() {
        "conflict" => Text::FormConflict,
        "unprocessable" => Text::PublishRefused,
        "forbidden" | "not_found" => Text::FormForbidden,
        _ => Text::FormProblems,
    };
    let fields: Vec<String> = query
        .get("fields")
        .unwrap_or_default()
        .split(',')
        .filter(|f| !f.is_empty())
        .map(|f| field_label(locale, f))
        .collect();
    view! {
        <div class="notice error" role="alert">
            <p>{t(locale, headline)}</p>
            {(!fields.is_empty()).then(|| view! {
                <ul>{fields.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            })}
        </div>
    }
    .into_any()
}
