//! `/admin/positions`: the job positions, and a form to add one (national admins).

use leptos::prelude::*;
use shared::Role;
use shared::page::Page;

use super::AdminNav;
use crate::components::ScrollRegion;
use crate::components::{FormOutcome, loaded, query, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::Ports;

#[component]
pub fn PositionsPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let national_admin = me
            .roles
            .iter()
            .any(|g| g.role == Role::Admin && g.scope_org_unit_id.is_none());
        view! {
        <h1>{t(locale, Text::Positions)}</h1>
        <AdminNav/>
        <FormOutcome/>
        {loaded(locale, move |ports: Ports| async move {
                    let positions = ports.admin.positions().await?;
                    Ok(view! {
                            <ScrollRegion label=t(locale, Text::Positions)><table>
                                <thead><tr>
                                    <th scope="col">{t(locale, Text::Code)}</th>
                                    <th scope="col">{t(locale, Text::NameVi)}</th>
                                    <th scope="col">{t(locale, Text::NameEn)}</th>
                                </tr></thead>
                                <tbody>
                                    {positions.into_iter().map(|p| view! {
                                        <tr>
                                            <td>{if national_admin {
                                                view! { <a href=Page::AdminPosition(p.id).path()><code>{p.code}</code></a> }.into_any()
                                            } else {
                                                view! { <code>{p.code}</code> }.into_any()
                                            }}</td>
                                            <td>{p.name_vi}</td>
                                            <td lang="en">{p.name_en}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table></ScrollRegion>
                        }
                        .into_any())
        })}
        {national_admin.then(|| view! {
            <h2>{t(locale, Text::AddPosition)}</h2>
            <form class="stacked" method="post" action="/api/v1/positions">
                <FormToken/>
                <label for="code">{t(locale, Text::Code)}</label>
                <input id="code" name="code" required pattern="[A-Z0-9_]+" value=query("code")/>
                <label for="name_vi">{t(locale, Text::NameVi)}</label>
                <input id="name_vi" name="name_vi" required lang="vi" value=query("name_vi")/>
                <label for="name_en">{t(locale, Text::NameEn)}</label>
                <input id="name_en" name="name_en" required lang="en" value=query("name_en")/>
                <button type="submit" class="primary">{t(locale, Text::AddPosition)}</button>
            </form>
        })}
    }
    .into_any()
    })
}
