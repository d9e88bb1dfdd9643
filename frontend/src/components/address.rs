//! What the address says: a route's parameters and the query, which after a failed post
//! carries the values typed so the form can show them again.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A route parameter, or empty.
pub fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A query parameter, or empty (after a failed post: what was typed in that field).
pub fn query(name: &str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// After a failed post, what was typed in field `name`; otherwise `current`.
pub fn typed_or(name: &str, current: String) -> String {
    let query = use_query_map().get_untracked();
    if query.get("error").is_some()
        && let Some(typed) = query.get(name)
    {
        return typed;
    }
    current
}
