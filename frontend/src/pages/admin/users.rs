//! `/admin/users`: search and page through the accounts the viewer may see.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::page::Page;
use shared::users::{UserPage, UserQuery};
use shared::{Locale, Role};

use super::AdminNav;
use crate::components::ScrollRegion;
use crate::components::{FormOutcome, loaded, role_name, signed_in};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

use crate::ports::Ports;

#[component]
pub fn UsersPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let query = use_query_map().get_untracked();
        let q = query.get("q").unwrap_or_default();
        let request = UserQuery {
            q: Some(q.clone()).filter(|q| !q.is_empty()),
            page: query
                .get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .map(|p| p.clamp(1, 100_000)),
            per_page: None,
        };
        let can_manage = me.has_role(Role::Admin);
        view! {
        <h1>{t(locale, Text::Accounts)}</h1>
        <AdminNav/>
        <FormOutcome/>
        <form class="search" method="get" action=Page::AdminUsers.path() role="search">
            <label for="q">{t(locale, Text::Search)}</label>
            <input id="q" name="q" type="search" value=q.clone() placeholder=t(locale, Text::SearchHint)/>
            <button type="submit">{t(locale, Text::Search)}</button>
        </form>
        {can_manage.then(|| view! {
            <p class="actions">
                <a href=Page::AdminUserNew.path()>{t(locale, Text::NewAccount)}</a>
                <a href=Page::AdminUserImport.path()>{t(locale, Text::ImportCsv)}</a>
                <a href="/api/v1/users/export.csv">{t(locale, Text::ExportCsv)}</a>
            </p>
        })}
        {loaded(locale, move |ports: Ports| async move {
            Ok(results(locale, ports.admin.users(request).await?, &q))
        })}
    }
    .into_any()
    })
}

fn page_link(q: &str, page: u64) -> String {
    let mut query = vec![("page", page.to_string())];
    if !q.is_empty() {
        query.insert(0, ("q", q.to_owned()));
    }
    let encoded: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect();
    format!("{}?{}", Page::AdminUsers.path(), encoded.join("&"))
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn results(locale: Locale, page: UserPage, q: &str) -> AnyView {
    if page.items.is_empty() && page.page == 1 {
        return view! { <p class="empty">{t(locale, Text::NoResults)}</p> }.into_any();
    }
    let pages = page.total.div_ceil(page.per_page).max(1);
    let rows = page
        .items
        .into_iter()
        .map(|u| {
            let roles = u
                .roles
                .iter()
                .map(|g| role_name(locale, g.role))
                .collect::<Vec<_>>()
                .join(", ");
            let status = if u.disabled {
                t(locale, Text::Disabled)
            } else {
                t(locale, Text::Active)
            };
            view! {
                <tr class:disabled=u.disabled>
                    <td><a href=Page::AdminUser(u.id).path()>{u.full_name}</a></td>
                    <td>{u.username}</td>
                    <td>{u.org_unit.map(|o| o.name).unwrap_or_default()}</td>
                    <td>{u.position.map(|p| p.name).unwrap_or_default()}</td>
                    <td>{roles}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{t(locale, Text::ResultsCount)}": " <strong data-testid="total">{page.total}</strong></p>
        <ScrollRegion label=t(locale, Text::Accounts)><table>
            <thead>
                <tr>
                    <th scope="col">{t(locale, Text::FullName)}</th>
                    <th scope="col">{t(locale, Text::Username)}</th>
                    <th scope="col">{t(locale, Text::OrgUnit)}</th>
                    <th scope="col">{t(locale, Text::Position)}</th>
                    <th scope="col">{t(locale, Text::Roles)}</th>
                    <th scope="col">{t(locale, Text::Status)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></ScrollRegion>
        <nav class="pager" aria-label=t(locale, Text::PagerNav)>
            {(page.page > 1).then(|| view! { <a rel="prev" href=page_link(q, page.page - 1)>{t(locale, Text::PreviousPage)}</a> })}
            <span>{t(locale, Text::PageLabel)} " " {page.page} " / " {pages}</span>
            {(page.page < pages).then(|| view! { <a rel="next" href=page_link(q, page.page + 1)>{t(locale, Text::NextPage)}</a> })}
        </nav>
    }
    .into_any()
}
