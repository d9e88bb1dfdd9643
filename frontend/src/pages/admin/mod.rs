//! The administration pages (accounts, org tree, positions). Every form posts to the REST
//! API and works without scripts; a failed post comes back here with `?error=&fields=`
//! and the values typed, which [`crate::components::FormOutcome`] and [`typed`] show again.

pub mod org_unit_edit;
pub mod org_units;
pub mod position_edit;
pub mod positions;
pub mod user_detail;
pub mod user_import;
pub mod user_new;
pub mod users;

use leptos::prelude::*;
use shared::Locale;
use shared::directory::OrgUnitKind;
use shared::page::Page;

pub use crate::components::field_label;
use crate::i18n::{Text, t};
use crate::layout::use_locale;

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

#[component]
pub fn AdminNav() -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="admin-nav" aria-label=t(locale, Text::Administration)>
            <a href=Page::AdminUsers.path()>{t(locale, Text::Accounts)}</a>
            <a href=Page::AdminOrgUnits.path()>{t(locale, Text::OrgTree)}</a>
            <a href=Page::AdminPositions.path()>{t(locale, Text::Positions)}</a>
        </nav>
    }
}
