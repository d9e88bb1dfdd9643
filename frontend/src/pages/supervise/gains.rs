//! `/supervise`: how each competency changed, per measure (tests, self-ratings, the
//! supervisor's at the end and at 30 and 90 days), for the viewer's people matching the
//! filters; the chart of before and after with the interval of the change; the gap between
//! self and supervisor ratings. Both tables download as CSV with the same cells.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::evidence::report::{Comparison, GainReport};
use shared::evidence::table;
use shared::page::Page;

use super::chart::GainChart;
use super::{
    ErrorNotice, SuperviseNav, filter_form, filter_from_query, filter_query, table_view, with_query,
};
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::Ports;

#[component]
pub fn GainsPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let filter = filter_from_query();
        let measure = use_query_map()
            .get_untracked()
            .get("measure")
            .and_then(|m| Comparison::from_code(&m))
            .unwrap_or(Comparison::ALL[0]);
        view! {
            <h1>{t(locale, Text::GainsTitle)}</h1>
            <SuperviseNav/>
            <ErrorNotice/>
            <p>{t(locale, Text::GainsIntro)}</p>
            {loaded(locale, move |ports: Ports| async move {
                        let options = ports.supervise.filter_options().await?;
                        let report = ports.supervise.gains(filter.clone()).await?;
                        Ok(view! {
                            {filter_form(locale, &Page::Supervise, &filter, &options, true)}
                            {body(locale, report, measure)}
                        }
                        .into_any())
            })}
        }
        .into_any()
    })
}

fn body(locale: shared::Locale, report: GainReport, measure: Comparison) -> AnyView {
    let query = filter_query(&report.filter);
    if report.rows.is_empty() {
        return view! { <p class="empty">{t(locale, Text::NoEvidence)}</p> }.into_any();
    }
    let links: Vec<Option<String>> = report
        .rows
        .iter()
        .map(|row| {
            (!row.too_small).then(|| {
                let extra = format!("of={}&measure={}", row.competency.id, row.comparison.code());
                let query = if query.is_empty() {
                    extra
                } else {
                    format!("{query}&{extra}")
                };
                format!("{}?{query}", Page::SuperviseLearners.path())
            })
        })
        .collect();
    let measures = Comparison::ALL
        .iter()
        .filter(|c| report.rows.iter().any(|r| r.comparison == **c))
        .map(|c| {
            let extra = format!("measure={}", c.code());
            let href = with_query(
                &Page::Supervise.path(),
                &if query.is_empty() {
                    extra
                } else {
                    format!("{query}&{extra}")
                },
            );
            let current = *c == measure;
            view! {
                <a href=href aria-current=if current { "true" } else { "false" }>
                    {table::comparison_label(*c, locale)}
                </a>
            }
        })
        .collect_view();
    let gaps = report.gaps.clone();
    view! {
        <h2>{t(locale, Text::ChartTitle)}</h2>
        <nav class="tabs" aria-label=t(locale, Text::Measure)>{measures}</nav>
        <GainChart rows=report.rows.clone() measure=measure locale=locale/>
        <h2>{t(locale, Text::GainTable)}</h2>
        <p class="actions">
            <a href=with_query("/api/v1/reports/gains.csv", &query)>{t(locale, Text::DownloadCsv)}</a>
        </p>
        {table_view(table::gains(&report, locale), "gains", t(locale, Text::GainTable), links)}
        <p><small>{t(locale, Text::GainsHelp)}</small></p>
        <h2>{t(locale, Text::RatingGaps)}</h2>
        {if gaps.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoRatingGaps)}</p> }.into_any()
        } else {
            view! {
                <p class="actions">
                    <a href=with_query("/api/v1/reports/rating-gaps.csv", &query)>{t(locale, Text::DownloadCsv)}</a>
                </p>
                {table_view(table::rating_gaps(&gaps, locale), "rating-gaps", t(locale, Text::RatingGaps), Vec::new())}
            }
            .into_any()
        }}
    }
    .into_any()
}
