//! The supervisor's pages (`/supervise/...`): gains per competency with their chart, the
//! learners behind a row, one learner's record, training needs with the heat map, evidence
//! import; and everyone's rating pages (`/inbox`, `/ratings/...`). All server-rendered,
//! without scripts; filters are plain GET forms, so every view has its own address and
//! its CSV download takes the same query.

pub mod chart;
pub mod cohorts;
pub mod gains;
pub mod import;
pub mod inbox;
pub mod learner;
pub mod learners;
pub mod needs;
pub mod rating;

use crate::i18n::{Text, t};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::Locale;
use shared::evidence::report::{FilterOptions, ReportFilter};
use shared::evidence::table::Table;
use shared::page::Page;

use crate::components::ScrollRegion;
use crate::layout::use_locale;

/// Who or what a source is, in words.
pub fn source_label(locale: Locale, source: shared::evidence::Source) -> &'static str {
    use shared::evidence::Source;
    t(
        locale,
        match source {
            Source::PreTest => Text::SourcePreTest,
            Source::PostTest => Text::SourcePostTest,
            Source::SelfRating => Text::SourceSelf,
            Source::Supervisor => Text::SourceSupervisor,
            Source::Peer => Text::SourcePeer,
            Source::Lecturer => Text::SourceLecturer,
        },
    )
}

/// A failed post came back: say so, with the first problem's words.
#[component]
pub fn ErrorNotice() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map().get_untracked();
    query.get("error").map(|_| {
        let detail = query.get("detail").unwrap_or_default();
        view! {
            <div class="notice error" role="alert">
                <p>{t(locale, Text::FormFailed)} " " {detail}</p>
            </div>
        }
    })
}

/// The filter a page's query string names (unknown or malformed values are ignored).
pub fn filter_from_query() -> ReportFilter {
    let query = use_query_map().get_untracked();
    let id = |name: &str| {
        query
            .get(name)
            .and_then(|v| uuid::Uuid::parse_str(v.trim()).ok())
    };
    let text = |name: &str| {
        query
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    ReportFilter {
        course: id("course"),
        cohort: id("cohort"),
        org_unit: id("org_unit"),
        region: text("region"),
        position: id("position"),
        competency: id("competency"),
        from: text("from"),
        to: text("to"),
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
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

/// The filter as a query string (without `?`), empty values left out.
pub fn filter_query(filter: &ReportFilter) -> String {
    let mut parts = Vec::new();
    let mut id = |name: &str, value: Option<uuid::Uuid>| {
        if let Some(v) = value {
            parts.push(format!("{name}={v}"));
        }
    };
    id("course", filter.course);
    id("cohort", filter.cohort);
    id("org_unit", filter.org_unit);
    id("position", filter.position);
    id("competency", filter.competency);
    for (name, value) in [
        ("region", &filter.region),
        ("from", &filter.from),
        ("to", &filter.to),
    ] {
        if let Some(v) = value {
            parts.push(format!("{name}={}", encode(v)));
        }
    }
    parts.join("&")
}

/// `path?query`, or `path` alone.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[component]
pub fn SuperviseNav() -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="tabs" aria-label=t(locale, Text::SupervisionNav)>
            <a href=Page::Supervise.path()>{t(locale, Text::Gains)}</a>
            <a href=Page::SuperviseNeeds.path()>{t(locale, Text::Needs)}</a>
            <a href=Page::SuperviseCohorts.path()>{t(locale, Text::Cohorts)}</a>
            <a href=Page::Inbox.path()>{t(locale, Text::Inbox)}</a>
            <a href=Page::SuperviseEvidenceImport.path()>{t(locale, Text::ImportEvidence)}</a>
        </nav>
    }
}

fn select(
    locale: Locale,
    name: &'static str,
    label: Text,
    chosen: Option<String>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let chosen = chosen.unwrap_or_default();
    view! {
        <label>
            <span>{t(locale, label)}</span>
            <select name=name>
                <option value="">{t(locale, Text::Any)}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The filter form: a GET to `page`, so the result has its own address.
pub fn filter_form(
    locale: Locale,
    page: &Page,
    filter: &ReportFilter,
    options: &FilterOptions,
    full: bool,
) -> impl IntoView + use<> {
    let choices = |list: &[shared::evidence::report::Choice]| {
        list.iter()
            .map(|c| (c.id.to_string(), c.name.get(locale).to_owned()))
            .collect::<Vec<_>>()
    };
    let units = options
        .units
        .iter()
        .map(|(c, depth)| {
            let indent = "· ".repeat(usize::from(*depth));
            (c.id.to_string(), format!("{indent}{}", c.name.get(locale)))
        })
        .collect();
    let competencies = options
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                format!("{} · {}", c.code, c.name.get(locale)),
            )
        })
        .collect();
    let regions = options
        .regions
        .iter()
        .map(|r| (r.clone(), r.clone()))
        .collect();
    let id = |v: Option<uuid::Uuid>| v.map(|v| v.to_string());
    let action = page.path();
    let clear = action.clone();
    view! {
        <form class="filters" method="get" action=action>
            {full.then(|| view! {
                {select(locale, "course", Text::Course, id(filter.course), choices(&options.courses))}
                {select(locale, "cohort", Text::Cohort, id(filter.cohort), choices(&options.cohorts))}
            })}
            {select(locale, "org_unit", Text::OrgUnit, id(filter.org_unit), units)}
            {select(locale, "region", Text::Region, filter.region.clone(), regions)}
            {select(locale, "position", Text::JobTitle, id(filter.position), choices(&options.positions))}
            {select(locale, "competency", Text::Competency, id(filter.competency), competencies)}
            {full.then(|| view! {
                <label><span>{t(locale, Text::From)}</span>
                    <input type="date" name="from" value=filter.from.clone().unwrap_or_default()/></label>
                <label><span>{t(locale, Text::To)}</span>
                    <input type="date" name="to" value=filter.to.clone().unwrap_or_default()/></label>
            })}
            <button type="submit">{t(locale, Text::Apply)}</button>
            <a href=clear>{t(locale, Text::ClearFilters)}</a>
        </form>
    }
}

/// A table of text cells; `links` gives, per row, an address for its first cell.
/// It scrolls sideways in a region named `label`, its first column kept in view.
pub fn table_view(
    table: Table,
    testid: &'static str,
    label: &str,
    links: Vec<Option<String>>,
) -> impl IntoView {
    let rows = table
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let link = links.get(i).cloned().flatten();
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(j, cell)| match (&link, j) {
                    (Some(href), 0) => {
                        view! { <td><a href=href.clone()>{cell}</a></td> }.into_any()
                    }
                    _ => view! { <td>{cell}</td> }.into_any(),
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <ScrollRegion label=label.to_owned()>
            <table data-testid=testid class="wide">
                <thead><tr>{table.header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollRegion>
    }
}

/// The outcome of the last post on these pages.
#[component]
pub fn Outcome() -> impl IntoView {
    view! { <crate::components::OutcomeNotice/> }
}
