//! The administration pages (accounts, org tree, positions). Every form posts to the REST
//! API and works without scripts; a failed post comes back here with `?error=&fields=`
//! and the values typed, which [`FormOutcome`] and [`typed`] show again.

pub mod org_unit_edit;
pub mod org_units;
pub mod position_edit;
pub mod positions;
pub mod user_detail;
pub mod user_import;
pub mod user_new;
pub mod users;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::directory::OrgUnitKind;
use shared::{ErrorCode, Locale};

use crate::components::OutcomeNotice;
pub use crate::components::field_label;
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::{PortError, ResponseStatus};

pub fn kind_label(locale: Locale, kind: OrgUnitKind) -> &'static str {
    t(
        locale,
        match kind {
            OrgUnitKind::National => Text::KindNational,
            OrgUnitKind::Province => Text::KindProvince,
            OrgUnitKind::District => Text::KindDistrict,
            OrgUnitKind::Commune => Text::KindCommune,
            OrgUnitKind::Institution => Text::KindInstitution,
        },
    )
}

/// What the person typed before a failed post, to fill the form again.
pub fn typed(name: &str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

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

/// A page's data could not be had: say why, with the matching status.
pub fn port_failure(locale: Locale, error: PortError) -> AnyView {
    let (status, title, body) = match error.0 {
        ErrorCode::Forbidden | ErrorCode::Unauthenticated => {
            (403, Text::NotAllowedTitle, Text::NotAllowedBody)
        }
        ErrorCode::NotFound => (404, Text::NotFoundTitle, Text::NotFoundBody),
        // A filter or id in the address that does not parse: the visitor's to fix.
        ErrorCode::InvalidInput | ErrorCode::Unprocessable => {
            (400, Text::BadAddressTitle, Text::BadAddressBody)
        }
        _ => (503, Text::NotAllowedTitle, Text::Unavailable),
    };
    if let Some(ResponseStatus(set)) = use_context::<ResponseStatus>() {
        set(status);
    }
    let title = if status == 503 {
        t(locale, Text::Unavailable)
    } else {
        t(locale, title)
    };
    view! {
        <h1>{title}</h1>
        <p>{t(locale, body)}</p>
        <p><a href="/">{t(locale, Text::BackHome)}</a></p>
    }
    .into_any()
}

#[component]
pub fn AdminNav() -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="admin-nav" aria-label=t(locale, Text::Administration)>
            <a href="/admin/users">{t(locale, Text::Accounts)}</a>
            <a href="/admin/org-units">{t(locale, Text::OrgTree)}</a>
            <a href="/admin/positions">{t(locale, Text::Positions)}</a>
        </nav>
    }
}
