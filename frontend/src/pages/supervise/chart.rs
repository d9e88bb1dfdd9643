//! Charts drawn on the server as SVG (no scripts, no images to fetch): the mean level
//! before and after per competency with the 95 % interval of the change, and the heat map
//! of training needs by unit and competency. Each mark has a `<title>` with its numbers,
//! and the tables beside the charts hold the same figures for screen readers.

use crate::components::ScrollRegion;
use crate::i18n::{Text, t};
use leptos::prelude::*;
use shared::Locale;
use shared::evidence::report::{Comparison, GainRow, NeedsReport};
use shared::evidence::table::{comparison_label, held_back_label, number};

const WIDTH: f64 = 640.0;
const LABEL: f64 = 230.0;
const RIGHT: f64 = 24.0;
const ROW: f64 = 34.0;
const TOP: f64 = 28.0;

/// `text` cut to `max` characters with an ellipsis (the full text is in the `<title>`).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Before (hollow) and after (filled) means per competency for one measure, with the 95 %
/// interval of the mean change drawn around the after mark.
#[component]
pub fn GainChart(rows: Vec<GainRow>, measure: Comparison, locale: Locale) -> impl IntoView {
    let shown: Vec<GainRow> = rows
        .into_iter()
        .filter(|r| r.comparison == measure)
        .collect();
    if shown.is_empty() {
        return view! { <p class="empty">{t(locale, Text::NoEvidence)}</p> }.into_any();
    }
    let top = shown
        .iter()
        .map(|r| r.scale.max)
        .fold(1.0_f64, f64::max)
        .max(2.0);
    let x = move |level: f64| {
        LABEL + (level.clamp(1.0, top) - 1.0) / (top - 1.0) * (WIDTH - LABEL - RIGHT)
    };
    let height = TOP + ROW * shown.len() as f64 + 8.0;
    let ticks = (1..=top as u32)
        .map(|level| {
            let at = x(f64::from(level));
            view! {
                <line class="grid" x1=at x2=at y1=TOP - 8.0 y2=height - 4.0/>
                <text class="tick" x=at y=TOP - 12.0 text-anchor="middle">{level}</text>
            }
        })
        .collect_view();
    let marks = shown
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = TOP + ROW * i as f64 + ROW / 2.0;
            let label = format!(
                "{} · {}",
                row.competency.code,
                row.competency.name.get(locale)
            );
            let short = shorten(&label, 30);
            let body = change_mark(locale, row, &label, y, x);
            view! {
                <text class="label" x=LABEL - 8.0 y=y + 4.0 text-anchor="end">
                    <title>{label.clone()}</title>
                    {short}
                </text>
                {body}
            }
        })
        .collect_view();
    let caption = comparison_label(measure, locale);
    let named = caption.clone();
    view! {
        <figure class="chart">
            <ScrollRegion label=caption.clone()>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=named
                xmlns="http://www.w3.org/2000/svg">
                {ticks}
                {marks}
            </svg>
            </ScrollRegion>
            <figcaption>
                {caption} ". "
                <span class="legend">"○ "{t(locale, Text::MeanBefore)}</span>" "
                <span class="legend">"● "{t(locale, Text::MeanAfter)}</span>" "
                <span class="legend">"├─┤ "{t(locale, Text::IntervalOfChange)}</span>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// One competency's before → after line at height `y`, with the interval of the change
/// (or a note when the group is too small to show).
fn change_mark(
    locale: Locale,
    row: &GainRow,
    label: &str,
    y: f64,
    x: impl Fn(f64) -> f64,
) -> AnyView {
    let g = &row.gain;
    match (row.too_small, g.mean_before, g.mean_after) {
        (false, Some(before), Some(after)) => {
            let title = format!(
                "{label}: {} → {} ({} {} … {}; n = {})",
                number(Some(before)),
                number(Some(after)),
                t(locale, Text::IntervalOfChange),
                number(g.ci_low),
                number(g.ci_high),
                g.n_paired
            );
            let interval = match (g.ci_low, g.ci_high) {
                (Some(low), Some(high)) => {
                    let (a, b) = (x(before + low), x(before + high));
                    Some(view! {
                        <line class="ci" x1=a x2=b y1=y + 9.0 y2=y + 9.0/>
                        <line class="ci" x1=a x2=a y1=y + 5.0 y2=y + 13.0/>
                        <line class="ci" x1=b x2=b y1=y + 5.0 y2=y + 13.0/>
                    })
                }
                _ => None,
            };
            view! {
                <g>
                    <title>{title}</title>
                    <line class="change" x1=x(before) x2=x(after) y1=y y2=y/>
                    {interval}
                    <circle class="before" cx=x(before) cy=y r="5"/>
                    <circle class="after" cx=x(after) cy=y r="5"/>
                </g>
            }
            .into_any()
        }
        _ => view! {
            <text class="note" x=LABEL y=y + 4.0>{held_back_label(g.n_after, locale)}</text>
        }
        .into_any(),
    }
}

/// The band of a mean gap, for the cell's colour.
fn band(gap: f64) -> &'static str {
    match gap {
        g if g <= 0.0 => "g0",
        g if g < 0.5 => "g1",
        g if g < 1.0 => "g2",
        g if g < 1.5 => "g3",
        _ => "g4",
    }
}

const CELL_W: f64 = 52.0;
const CELL_H: f64 = 28.0;

/// Units × competencies, each cell shaded by the mean gap of the assessed people; cells
/// with fewer than five assessed are hatched and show how many were.
#[component]
pub fn HeatMap(report: NeedsReport, locale: Locale) -> impl IntoView {
    if report.rows.is_empty() || report.competencies.is_empty() {
        return view! { <p class="empty">{t(locale, Text::NoNeeds)}</p> }.into_any();
    }
    let width = LABEL + CELL_W * report.competencies.len() as f64 + 8.0;
    let height = TOP + CELL_H * report.rows.len() as f64 + 8.0;
    let header = report
        .competencies
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let cx = LABEL + CELL_W * j as f64 + CELL_W / 2.0;
            view! {
                <text class="tick" x=cx y=TOP - 10.0 text-anchor="middle">
                    <title>{c.name.get(locale).to_owned()}</title>
                    {c.code.clone()}
                </text>
            }
        })
        .collect_view();
    let cells = report
        .rows
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let y = TOP + CELL_H * i as f64;
            let row = report
                .competencies
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let x = LABEL + CELL_W * j as f64;
                    let cell = report
                        .cells
                        .iter()
                        .find(|cell| cell.unit_id == unit.id && cell.competency_id == c.id);
                    let (class, text, title) = match cell {
                        None => ("none", String::new(), t(locale, Text::NotRequired).to_owned()),
                        Some(cell) if cell.too_small => (
                            "small",
                            format!("({})", cell.assessed),
                            format!("{} · {}: {}", unit.name, c.code, t(locale, Text::TooSmallShort)),
                        ),
                        Some(cell) => (
                            band(cell.mean_gap.unwrap_or(0.0)),
                            number(cell.mean_gap),
                            format!(
                                "{} · {}: {} {} ({} / {})",
                                unit.name,
                                c.code,
                                t(locale, Text::MeanGap),
                                number(cell.mean_gap),
                                cell.below,
                                cell.assessed
                            ),
                        ),
                    };
                    view! {
                        <g>
                            <title>{title}</title>
                            <rect class=format!("cell {class}") x=x y=y width=CELL_W - 2.0 height=CELL_H - 2.0/>
                            <text class="value" x=x + CELL_W / 2.0 - 1.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="middle">{text}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <text class="label" x=LABEL - 8.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="end">
                    <title>{unit.name.clone()}</title>
                    {shorten(&unit.name, 30)}
                </text>
                {row}
            }
        })
        .collect_view();
    view! {
        <figure class="chart heat">
            <ScrollRegion label=t(locale, Text::HeatMapTitle)>
            <svg viewBox=format!("0 0 {width} {height}") role="img"
                aria-label=t(locale, Text::HeatMapTitle) xmlns="http://www.w3.org/2000/svg">
                {header}
                {cells}
            </svg>
            </ScrollRegion>
            <figcaption>{t(locale, Text::HeatMapKey)}</figcaption>
        </figure>
    }
    .into_any()
}
