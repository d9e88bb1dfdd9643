//! `/admin/org-units/:id`: rename an org unit, change its code, kind or region.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::directory::OrgUnitKind;
use shared::page::Page;

use super::{AdminNav, kind_label};
use crate::components::{FormOutcome, loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn OrgUnitEditPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let id = use_params_map()
            .get_untracked()
            .get("id")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok());
        view! {
        <AdminNav/>
        {loaded(locale, move |ports: Ports| async move {
                    let units = ports.admin.org_units().await?;
                    let Some(unit) = id.and_then(|id| units.into_iter().find(|u| u.id == id)) else {
                        return Err(PortError(shared::ErrorCode::NotFound));
                    };
                    Ok(view! {
                        <h1>{unit.name.clone()}</h1>
                        <FormOutcome/>
                        <form class="stacked" method="post" action=format!("/api/v1/org-units/{}", unit.id)>
                            <FormToken/>
                            <label for="code">{t(locale, Text::Code)}</label>
                            <input id="code" name="code" required pattern="[A-Z0-9_-]+" value=unit.code.clone()/>
                            <label for="name">{t(locale, Text::Name)}</label>
                            <input id="name" name="name" required value=unit.name.clone()/>
                            <label for="kind">{t(locale, Text::Kind)}</label>
                            <select id="kind" name="kind">
                                {OrgUnitKind::ALL.into_iter().map(|k| view! {
                                    <option value=k.code() selected=k == unit.kind>{kind_label(locale, k)}</option>
                                }).collect_view()}
                            </select>
                            <label for="region">{t(locale, Text::RegionColumn)}</label>
                            <input id="region" name="region" value=unit.region.clone().unwrap_or_default()/>
                            <button type="submit" class="primary">{t(locale, Text::Save)}</button>
                        </form>
                        <p><a href=Page::AdminOrgUnits.path()>{t(locale, Text::BackToList)}</a></p>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
