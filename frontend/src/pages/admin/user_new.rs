//! `/admin/users/new`: create an account (a plain form to `POST /api/v1/users`).

use leptos::prelude::*;
use shared::directory::{OrgUnit, Position};
use shared::{Locale, Role};

use super::AdminNav;
use crate::components::{FormOutcome, loaded, query, role_name, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::Ports;

/// `<option>`s of the org tree, indented by depth, with `selected` on the current one.
pub fn unit_options(units: &[OrgUnit], selected: &str) -> impl IntoView + use<> {
    units
        .iter()
        .map(|u| {
            let label = format!("{}{}", "\u{00a0}\u{00a0}".repeat(u.depth as usize), u.name);
            let id = u.id.to_string();
            let chosen = id == selected;
            view! { <option value=id selected=chosen>{label}</option> }
        })
        .collect_view()
}

pub fn position_options(
    locale: Locale,
    positions: &[Position],
    selected: &str,
) -> impl IntoView + use<> {
    positions
        .iter()
        .map(|p| {
            let name = if locale == Locale::En {
                p.name_en.clone()
            } else {
                p.name_vi.clone()
            };
            let id = p.id.to_string();
            let chosen = id == selected;
            view! { <option value=id selected=chosen>{name}</option> }
        })
        .collect_view()
}

/// Checkboxes for the four roles, named `roles` (sent as repeated codes).
pub fn role_boxes(locale: Locale, checked: &[Role]) -> impl IntoView + use<> {
    Role::ALL
        .into_iter()
        .map(|role| {
            let id = format!("role-{}", role.code());
            let on = checked.contains(&role);
            view! {
                <label class="check" for=id.clone()>
                    <input type="checkbox" id=id.clone() name="roles" value=role.code() checked=on/>
                    {role_name(locale, role)}
                </label>
            }
        })
        .collect_view()
}

#[component]
pub fn UserNewPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        view! {
        <h1>{t(locale, Text::NewAccount)}</h1>
        <AdminNav/>
        <FormOutcome/>
        {loaded(locale, move |ports: Ports| async move {
                    let units = ports.admin.org_units().await?;
                    let positions = ports.admin.positions().await?;
                    Ok(view! {
                        <form class="stacked" method="post" action="/api/v1/users">
                            <FormToken/>
                            <label for="username">{t(locale, Text::Username)}</label>
                            <input id="username" name="username" required autocapitalize="none" value=query("username")/>
                            <label for="full_name">{t(locale, Text::FullName)}</label>
                            <input id="full_name" name="full_name" required value=query("full_name")/>
                            <label for="email">{t(locale, Text::Email)}</label>
                            <input id="email" name="email" type="email" value=query("email")/>
                            <label for="phone">{t(locale, Text::Phone)}</label>
                            <input id="phone" name="phone" type="tel" value=query("phone")/>
                            <label for="org_unit_id">{t(locale, Text::OrgUnit)}</label>
                            <select id="org_unit_id" name="org_unit_id">
                                <option value="">{t(locale, Text::NoneChoice)}</option>
                                {unit_options(&units, &query("org_unit_id"))}
                            </select>
                            <label for="position_id">{t(locale, Text::Position)}</label>
                            <select id="position_id" name="position_id">
                                <option value="">{t(locale, Text::NoneChoice)}</option>
                                {position_options(locale, &positions, &query("position_id"))}
                            </select>
                            <fieldset>
                                <legend>{t(locale, Text::Roles)}</legend>
                                {role_boxes(locale, &[Role::Learner])}
                            </fieldset>
                            <label for="password">{t(locale, Text::FirstPassword)}</label>
                            <input id="password" name="password" type="password" required minlength="8"
                                maxlength="128" autocomplete="new-password" aria-describedby="password_hint"/>
                            <small id="password_hint">{t(locale, Text::FirstPasswordHint)}</small>
                            <button type="submit" class="primary">{t(locale, Text::CreateAccount)}</button>
                        </form>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
