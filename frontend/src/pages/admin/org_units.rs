//! `/admin/org-units`: the org tree, and a form to add a unit.

use leptos::prelude::*;
use shared::Role;
use shared::directory::{OrgUnit, OrgUnitKind};
use shared::page::Page;

use super::user_new::unit_options;
use super::{AdminNav, kind_label};
use crate::components::{FormOutcome, loaded, query, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::Ports;

#[component]
pub fn OrgUnitsPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let can_manage = me.has_role(Role::Admin);
        view! {
        <h1>{t(locale, Text::OrgTree)}</h1>
        <AdminNav/>
        <FormOutcome/>
        {loaded(locale, move |ports: Ports| async move {
                    let units = ports.admin.org_units().await?;
                    Ok(view! {
                        <ul class="tree">
                            {units.iter().map(|u| view! {
                                <li class=format!("depth-{}", u.depth.min(8))>
                                    {if can_manage {
                                        view! { <a href=Page::AdminOrgUnit(u.id).path()><strong>{u.name.clone()}</strong></a> }.into_any()
                                    } else {
                                        view! { <strong>{u.name.clone()}</strong> }.into_any()
                                    }}
                                    " · " {kind_label(locale, u.kind)}
                                    " · " <code>{u.code.clone()}</code>
                                    {u.region.clone().map(|r| view! { " · " {r} })}
                                </li>
                            }).collect_view()}
                        </ul>
                        {can_manage.then(|| add_form(locale, &units))}
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}

fn add_form(locale: shared::Locale, units: &[OrgUnit]) -> impl IntoView + use<> {
    let kind = query("kind");
    view! {
        <h2>{t(locale, Text::AddOrgUnit)}</h2>
        <form class="stacked" method="post" action="/api/v1/org-units">
            <FormToken/>
            <label for="parent_id">{t(locale, Text::Parent)}</label>
            <select id="parent_id" name="parent_id">{unit_options(units, &query("parent_id"))}</select>
            <label for="code">{t(locale, Text::Code)}</label>
            <input id="code" name="code" required pattern="[A-Z0-9_-]+" value=query("code")/>
            <label for="name">{t(locale, Text::Name)}</label>
            <input id="name" name="name" required value=query("name")/>
            <label for="kind">{t(locale, Text::Kind)}</label>
            <select id="kind" name="kind">
                {OrgUnitKind::ALL.into_iter().map(|k| {
                    let chosen = k.code() == kind || (kind.is_empty() && k == OrgUnitKind::Commune);
                    view! { <option value=k.code() selected=chosen>{kind_label(locale, k)}</option> }
                }).collect_view()}
            </select>
            <label for="region">{t(locale, Text::RegionColumn)}</label>
            <input id="region" name="region" value=query("region")/>
            <button type="submit" class="primary">{t(locale, Text::AddOrgUnit)}</button>
        </form>
    }
}
