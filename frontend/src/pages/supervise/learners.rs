//! `/supervise/learners?of=&measure=&…`: the people behind one row of the gain table, each
//! with their levels before and after, linked to their record. Groups under five are
//! refused by the server, so nobody's levels can be read off a small group.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::evidence::report::Comparison;
use shared::evidence::table::{comparison_label, number};

use super::{SuperviseNav, filter_from_query, filter_query, with_query};
use crate::components::port_failure;
use crate::i18n::{Text, t};
use crate::layout::{SignInFirst, use_locale, use_viewer};
use crate::ports::{PortError, Ports};

#[component]
pub fn LearnersPage() -> impl IntoView {
    let locale = use_locale();
    if use_viewer().me.is_none() {
        return view! { <SignInFirst/> }.into_any();
    }
    let query = use_query_map().get_untracked();
    let of = query.get("of").and_then(|v| uuid::Uuid::parse_str(&v).ok());
    let measure = query.get("measure").and_then(|m| Comparison::from_code(&m));
    let filter = filter_from_query();
    let back = with_query("/supervise", &filter_query(&filter));
    let ports = use_context::<Ports>();
    view! {
        <h1>{t(locale, Text::LearnersTitle)}</h1>
        <SuperviseNav/>
        <p><a href=back>{t(locale, Text::BackToGains)}</a></p>
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let (ports, filter) = (ports.clone(), filter.clone());
                Suspend::new(async move {
                    let (Some(ports), Some(of), Some(measure)) = (ports, of, measure) else {
                        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
                    };
                    match ports.supervise.learners(filter, of, measure).await {
                        Ok(people) => view! {
                            <p>{comparison_label(measure, locale)}</p>
                            <table data-testid="learners">
                                <thead><tr>
                                    <th scope="col">{t(locale, Text::FullName)}</th>
                                    <th scope="col">{t(locale, Text::OrgUnit)}</th>
                                    <th scope="col">{t(locale, Text::MeanBefore)}</th>
                                    <th scope="col">{t(locale, Text::MeanAfter)}</th>
                                </tr></thead>
                                <tbody>
                                    {people.into_iter().map(|p| view! {
                                        <tr>
                                            <td><a href=format!("/supervise/learners/{}", p.user_id)>{p.full_name}</a></td>
                                            <td>{p.org_unit.unwrap_or_default()}</td>
                                            <td class="num">{number(p.before)}</td>
                                            <td class="num">{number(p.after)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                        .into_any(),
                        Err(PortError(shared::ErrorCode::Forbidden)) => view! {
                            <p class="notice" role="status">{t(locale, Text::TooSmallLong)}</p>
                        }
                        .into_any(),
                        Err(e) => port_failure(locale, e),
                    }
                })
            }
        </Suspense>
    }
    .into_any()
}
