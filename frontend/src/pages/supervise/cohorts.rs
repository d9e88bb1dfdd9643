//! `/supervise/cohorts`: the classes the viewer's people took, each linked to its summary;
//! `/supervise/cohorts/:id`: one class through Kirkpatrick's levels — what learners said of
//! it (reaction), what the tests showed (learning) and what their supervisors saw at work
//! afterwards (behaviour).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::Locale;
use shared::evidence::kirkpatrick::KirkpatrickSummary;
use shared::evidence::report::GainRow;
use shared::evidence::table::{self, number};
use shared::evidence::{Lens, Phase};
use shared::page::Page;

use super::chart::GainChart;
use super::{SuperviseNav, table_view};
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::{PortError, Ports};

#[component]
pub fn CohortsPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        view! {
        <h1>{t(locale, Text::CohortsTitle)}</h1>
        <SuperviseNav/>
        <p>{t(locale, Text::CohortsIntro)}</p>
        {loaded(locale, move |ports: Ports| async move {
            let options = ports.supervise.filter_options().await?;
            Ok(if options.cohorts.is_empty() {
                view! { <p class="empty">{t(locale, Text::NoCohorts)}</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="cohorts">
                        {options.cohorts.into_iter().map(|c| view! {
                            <li><a href=Page::SuperviseCohort(c.id).path()>{c.name.get(locale).to_owned()}</a></li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })
        })}
    }
    .into_any()
    })
}

#[component]
pub fn CohortSummaryPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let id = use_params_map()
            .get_untracked()
            .get("id")
            .and_then(|v| uuid::Uuid::parse_str(&v).ok());
        view! {
            <SuperviseNav/>
            {loaded(locale, move |ports: Ports| async move {
                let id = id.ok_or(PortError(shared::ErrorCode::NotFound))?;
                Ok(summary_view(locale, ports.supervise.kirkpatrick(id).await?))
            })}
        }
        .into_any()
    })
}

/// The mean change over the competencies of one measure, for the headline of a level.
fn headline(rows: &[GainRow], lens: Lens, to: Phase) -> Option<(f64, usize)> {
    let changes: Vec<f64> = rows
        .iter()
        .filter(|r| r.comparison.lens == lens && r.comparison.to == to && !r.too_small)
        .filter_map(|r| r.gain.mean_diff)
        .collect();
    (!changes.is_empty()).then(|| {
        (
            changes.iter().sum::<f64>() / changes.len() as f64,
            changes.len(),
        )
    })
}

fn summary_view(locale: Locale, s: KirkpatrickSummary) -> AnyView {
    let id = s.cohort_id;
    let learning = headline(&s.gains.rows, Lens::Test, Phase::After);
    let behaviour = [Phase::After, Phase::FollowUp30, Phase::FollowUp90]
        .into_iter()
        .filter_map(|phase| headline(&s.gains.rows, Lens::Supervisor, phase).map(|h| (phase, h)))
        .collect::<Vec<_>>();
    let line = |(mean, n): (f64, usize)| {
        format!(
            "{} {} ({} {n})",
            t(locale, Text::MeanChange),
            number(Some(mean)),
            t(locale, Text::CompetenciesCounted)
        )
    };
    let reaction_mean = {
        let means: Vec<f64> = s.reaction.iter().filter_map(|r| r.mean).collect();
        (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
    };
    view! {
        <h1>{s.title.get(locale).to_owned()}</h1>
        <p>{s.starts_on.clone()} " – " {s.ends_on.clone()} " · "
            {t(locale, Text::LearnersInReach)} ": " {s.learners} " · "
            {t(locale, Text::Respondents)} ": " {s.respondents}</p>
        <section>
            <h2>{t(locale, Text::LevelReaction)}</h2>
            <p>{t(locale, Text::ReactionMean)} ": " <strong>{reaction_mean.map_or_else(|| t(locale, if s.respondents == 0 { Text::NoAnswersYet } else { Text::TooSmallShort }).to_owned(), |m| number(Some(m)))}</strong></p>
            <p class="actions"><a href=format!("/api/v1/reports/cohorts/{id}/reaction.csv")>{t(locale, Text::DownloadCsv)}</a></p>
            {table_view(table::reaction(&s.reaction, locale), "reaction", t(locale, Text::LevelReaction), Vec::new())}
        </section>
        <section>
            <h2>{t(locale, Text::LevelLearning)}</h2>
            <p>{learning.map_or_else(|| t(locale, Text::NoEvidence).to_owned(), line)}</p>
            <GainChart rows=s.gains.rows.clone() measure=shared::evidence::report::Comparison::ALL[0] locale=locale/>
        </section>
        <section>
            <h2>{t(locale, Text::LevelBehaviour)}</h2>
            {if behaviour.is_empty() {
                view! { <p>{t(locale, Text::NoEvidence)}</p> }.into_any()
            } else {
                view! {
                    <ul>{behaviour.into_iter().map(|(phase, h)| view! {
                        <li>{table::phase_label(phase, locale)} ": " {line(h)}</li>
                    }).collect_view()}</ul>
                }
                .into_any()
            }}
        </section>
        <h2>{t(locale, Text::GainTable)}</h2>
        <p class="actions"><a href=format!("/api/v1/reports/gains.csv?cohort={id}")>{t(locale, Text::DownloadCsv)}</a></p>
        {table_view(table::gains(&s.gains, locale), "gains", t(locale, Text::GainTable), Vec::new())}
        <p><small>{t(locale, Text::ResultsLevelNote)}</small></p>
    }
    .into_any()
}
