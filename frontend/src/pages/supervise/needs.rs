//! `/supervise/needs`: the training needs of the viewer's people — a heat map of the
//! chosen unit's parts × competencies (mean shortfall against the position profiles), the
//! gaps ranked over the whole unit, and the courses that work on the largest ones.

use leptos::prelude::*;
use shared::Locale;
use shared::evidence::report::{NeedsReport, PersonGap};
use shared::evidence::table::{self, number, percent};

use super::chart::HeatMap;
use super::{
    ErrorNotice, Outcome, SuperviseNav, filter_form, filter_from_query, filter_query, table_view,
    with_query,
};
use crate::components::port_failure;
use crate::i18n::{Text, t};
use crate::layout::{FormToken, SignInFirst, use_locale, use_viewer};
use crate::ports::{PortError, Ports};

#[component]
pub fn NeedsPage() -> impl IntoView {
    let locale = use_locale();
    if use_viewer().me.is_none() {
        return view! { <SignInFirst/> }.into_any();
    }
    let filter = filter_from_query();
    let ports = use_context::<Ports>();
    view! {
        <h1>{t(locale, Text::NeedsTitle)}</h1>
        <SuperviseNav/>
        <Outcome/>
        <ErrorNotice/>
        <p>{t(locale, Text::NeedsIntro)}</p>
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let (ports, filter) = (ports.clone(), filter.clone());
                Suspend::new(async move {
                    let Some(ports) = ports else {
                        return port_failure(locale, PortError(shared::ErrorCode::Unavailable));
                    };
                    let options = match ports.supervise.filter_options().await {
                        Ok(o) => o,
                        Err(e) => return port_failure(locale, e),
                    };
                    match ports.supervise.needs(filter.clone()).await {
                        Ok(report) => view! {
                            {filter_form(locale, "/supervise/needs", &filter, &options, false)}
                            {body(locale, report, &filter_query(&filter))}
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

fn body(locale: Locale, report: NeedsReport, query: &str) -> AnyView {
    let heading = report
        .unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_else(|| t(locale, Text::AllMyUnits).to_owned());
    // Each row of the heat map opens the same view for that unit.
    let links = report
        .rows
        .iter()
        .map(|u| Some(format!("/supervise/needs?org_unit={}", u.id)))
        .collect();
    let ranked = report
        .ranked
        .iter()
        .map(|g| {
            view! {
                <tr>
                    <td>{g.competency.code.clone()} " · " {g.competency.name.get(locale).to_owned()}</td>
                    <td class="num">{g.required}</td>
                    <td class="num">{g.assessed}</td>
                    <td class="num">{if g.too_small { String::new() } else { g.below.to_string() }}</td>
                    <td class="num">{match (g.assessed, g.too_small) {
                        (0, _) => t(locale, Text::NotAssessed).to_owned(),
                        (_, true) => t(locale, Text::TooSmallShort).to_owned(),
                        _ => number(g.mean_gap),
                    }}</td>
                    <td class="num">{percent((g.required > 0).then(|| g.assessed as f64 / g.required as f64))}</td>
                </tr>
            }
        })
        .collect_view();
    let back = with_query("/supervise/needs", query);
    let courses = report
        .recommendations
        .iter()
        .map(|r| {
            // The people whose gaps this course works on.
            let people: Vec<&PersonGap> = report
                .people
                .iter()
                .filter(|p| p.competencies.iter().any(|c| r.competencies.contains(c)))
                .collect();
            let forms = r
                .cohorts
                .iter()
                .map(|c| {
                    let boxes = people
                        .iter()
                        .map(|p| {
                            let id = format!("enrol-{}-{}", c.id, p.user_id);
                            view! {
                                <li>
                                    <input type="checkbox" id=id.clone() name="learners" value=p.user_id.to_string()/>
                                    <label for=id>
                                        {p.full_name.clone()} " · " {p.org_unit.clone().unwrap_or_default()}
                                        " (" {p.competencies.join(", ")} ")"
                                    </label>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <form class="stacked" method="post" action=format!("/api/v1/cohorts/{}/needs-enrolments", c.id)>
                            <FormToken/>
                            <input type="hidden" name="back" value=back.clone()/>
                            <fieldset>
                                <legend>{c.title.get(locale).to_owned()} " (" {c.starts_on.clone()} " – " {c.ends_on.clone()} ")"</legend>
                                <ul class="choices">{boxes}</ul>
                            </fieldset>
                            <button type="submit">{t(locale, Text::EnrolChosen)}</button>
                        </form>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <strong>{r.title.get(locale).to_owned()}</strong>
                    " · " {t(locale, Text::WorksOn)} ": " {r.competencies.join(", ")}
                    {if r.cohorts.is_empty() {
                        view! { <p>{t(locale, Text::NoOpenCohort)}</p> }.into_any()
                    } else if people.is_empty() {
                        view! { <p>{t(locale, Text::NobodyBelow)}</p> }.into_any()
                    } else {
                        forms.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        <HeatMap report=report.clone() locale=locale/>
        <p class="actions">
            <a href=with_query("/api/v1/reports/needs.csv", query)>{t(locale, Text::DownloadCsv)}</a>
        </p>
        {table_view(table::needs(&report, locale), "needs", links)}
        <h2>{t(locale, Text::RankedGaps)}</h2>
        {if report.ranked.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoNeeds)}</p> }.into_any()
        } else {
            view! {
                <table data-testid="ranked">
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Competency)}</th>
                        <th scope="col">{t(locale, Text::PeopleRequired)}</th>
                        <th scope="col">{t(locale, Text::PeopleAssessed)}</th>
                        <th scope="col">{t(locale, Text::PeopleBelow)}</th>
                        <th scope="col">{t(locale, Text::MeanGap)}</th>
                        <th scope="col">{t(locale, Text::Coverage)}</th>
                    </tr></thead>
                    <tbody>{ranked}</tbody>
                </table>
            }
            .into_any()
        }}
        <h2>{t(locale, Text::Recommended)}</h2>
        {if report.recommendations.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoRecommendations)}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">{courses}</ul>
            }
            .into_any()
        }}
    }
    .into_any()
}
