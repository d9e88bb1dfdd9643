//! `/supervise/needs`: the training needs of the viewer's people — a heat map of the
//! chosen unit's parts × competencies (mean shortfall against the position profiles), the
//! gaps ranked over the whole unit, and the courses that work on the largest ones.

use leptos::prelude::*;
use shared::Locale;
use shared::evidence::report::{NeedsReport, PersonGap};
use shared::evidence::table::{self, number, percent};
use shared::page::Page;

use super::chart::HeatMap;
use super::{
    ErrorNotice, Outcome, SuperviseNav, filter_form, filter_from_query, filter_query, table_view,
    with_query,
};
use crate::components::ScrollRegion;
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::Ports;

#[component]
pub fn NeedsPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let filter = filter_from_query();
        view! {
            <h1>{t(locale, Text::NeedsTitle)}</h1>
            <SuperviseNav/>
            <Outcome/>
            <ErrorNotice/>
            <p>{t(locale, Text::NeedsIntro)}</p>
            {loaded(locale, move |ports: Ports| async move {
                let options = ports.supervise.filter_options().await?;
                let report = ports.supervise.needs(filter.clone()).await?;
                Ok(view! {
                    {filter_form(locale, &Page::SuperviseNeeds, &filter, &options, false)}
                    {body(locale, report, &filter_query(&filter))}
                }
                .into_any())
            })}
        }
        .into_any()
    })
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
        .map(|u| {
            Some(
                Page::SuperviseNeeds
                    .address()
                    .with("org_unit", u.id)
                    .to_string(),
            )
        })
        .collect();
    let ranked = ranked_rows(locale, &report);
    let back = with_query(&Page::SuperviseNeeds.path(), query);
    let courses = recommended(locale, &report, &back);
    view! {
        <h2>{heading}</h2>
        <HeatMap report=report.clone() locale=locale/>
        <p class="actions">
            <a href=with_query("/api/v1/reports/needs.csv", query)>{t(locale, Text::DownloadCsv)}</a>
        </p>
        {table_view(table::needs(&report, locale), "needs", t(locale, Text::TrainingNeeds), links)}
        <h2>{t(locale, Text::RankedGaps)}</h2>
        {if report.ranked.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoNeeds)}</p> }.into_any()
        } else {
            view! {
                <ScrollRegion label=t(locale, Text::RankedGaps)><table data-testid="ranked">
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Competency)}</th>
                        <th scope="col">{t(locale, Text::PeopleRequired)}</th>
                        <th scope="col">{t(locale, Text::PeopleAssessed)}</th>
                        <th scope="col">{t(locale, Text::PeopleBelow)}</th>
                        <th scope="col">{t(locale, Text::MeanGap)}</th>
                        <th scope="col">{t(locale, Text::Coverage)}</th>
                    </tr></thead>
                    <tbody>{ranked}</tbody>
                </table></ScrollRegion>
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

/// The rows of the ranked gaps.
fn ranked_rows(locale: Locale, report: &NeedsReport) -> impl IntoView + use<> {
    report
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
        .collect_view()
}

/// Each recommended course with the people whose gaps it works on, a form per open class
/// to enrol the ones chosen (coming back to `back`).
fn recommended(locale: Locale, report: &NeedsReport, back: &str) -> impl IntoView + use<> {
    report
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
                            <input type="hidden" name="back" value=back.to_owned()/>
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
        .collect_view()
}
