//! `/supervise/learners?of=&measure=&…`: the people behind one row of the gain table, each
//! with their levels before and after, linked to their record. Groups under five are
//! refused by the server, so nobody's levels can be read off a small group.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::evidence::report::Comparison;
use shared::evidence::table::{comparison_label, number};
use shared::page::Page;

use super::{SuperviseNav, filter_from_query, filter_query, with_query};
use crate::components::ScrollRegion;
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::{PortError, Ports};

#[component]
pub fn LearnersPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let query = use_query_map().get_untracked();
        let of = query.get("of").and_then(|v| uuid::Uuid::parse_str(&v).ok());
        let measure = query.get("measure").and_then(|m| Comparison::from_code(&m));
        let filter = filter_from_query();
        let back = with_query(&Page::Supervise.path(), &filter_query(&filter));
        view! {
        <h1>{t(locale, Text::LearnersTitle)}</h1>
        <SuperviseNav/>
        <p><a href=back>{t(locale, Text::BackToGains)}</a></p>
        {loaded(locale, move |ports: Ports| async move {
            let (Some(of), Some(measure)) = (of, measure) else {
                return Err(PortError(shared::ErrorCode::NotFound));
            };
            Ok(match ports.supervise.learners(filter.clone(), of, measure).await {
                Ok(people) => view! {
                    <p>{comparison_label(measure, locale)}</p>
                    <ScrollRegion label=t(locale, Text::LearnersTitle)><table data-testid="learners">
                        <thead><tr>
                            <th scope="col">{t(locale, Text::FullName)}</th>
                            <th scope="col">{t(locale, Text::OrgUnit)}</th>
                            <th scope="col">{t(locale, Text::MeanBefore)}</th>
                            <th scope="col">{t(locale, Text::MeanAfter)}</th>
                        </tr></thead>
                        <tbody>
                            {people.into_iter().map(|p| view! {
                                <tr>
                                    <td><a href=Page::SuperviseLearner(p.user_id).path()>{p.full_name}</a></td>
                                    <td>{p.org_unit.unwrap_or_default()}</td>
                                    <td class="num">{number(p.before)}</td>
                                    <td class="num">{number(p.after)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></ScrollRegion>
                }
                .into_any(),
                // Fewer people than may be shown one by one: said, not refused.
                Err(PortError(shared::ErrorCode::Forbidden)) => view! {
                    <p class="notice" role="status">{t(locale, Text::TooSmallLong)}</p>
                }
                .into_any(),
                Err(e) => return Err(e),
            })
        })}
    }
    .into_any()
    })
}
