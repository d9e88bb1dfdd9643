//! `/supervise/learners/:id`: one person's record — their training needs against their
//! position's profile, the courses for the gaps (with a button to enrol them), and every
//! piece of evidence, voided ones marked, each voidable with a reason.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::Locale;
use shared::evidence::report::{LearnerRecord, Recommendation};
use shared::evidence::table::{number, phase_label};
use shared::page::Page;

use super::{ErrorNotice, Outcome, SuperviseNav, source_label};
use crate::components::{ScrollRegion, loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn LearnerPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let id = use_params_map()
            .get_untracked()
            .get("id")
            .and_then(|v| uuid::Uuid::parse_str(&v).ok());
        let supervises = me.has_role(shared::Role::Supervisor) || me.has_role(shared::Role::Admin);
        view! {
            {supervises.then(|| view! { <SuperviseNav/> })}
            <Outcome/>
            <ErrorNotice/>
            {loaded(locale, move |ports: Ports| async move {
                let id = id.ok_or(PortError(shared::ErrorCode::NotFound))?;
                Ok(record_view(locale, ports.supervise.learner(id).await?, supervises))
            })}
        }
        .into_any()
    })
}

fn record_view(locale: Locale, record: LearnerRecord, supervises: bool) -> AnyView {
    let here = Page::SuperviseLearner(record.user_id).path();
    let position = record
        .position
        .as_ref()
        .map(|p| p.get(locale).to_owned())
        .unwrap_or_default();
    let needs = record
        .needs
        .iter()
        .map(|n| {
            view! {
                <tr>
                    <td>{n.competency.code.clone()} " · " {n.competency.name.get(locale).to_owned()}</td>
                    <td class="num">{n.required}</td>
                    <td class="num">{number(n.current)}</td>
                    <td>{n.source.map(|s| source_label(locale, s)).unwrap_or_default()}</td>
                    <td class="num">{n.gap.map_or_else(|| t(locale, Text::NotAssessed).to_owned(), |g| number(Some(g)))}</td>
                </tr>
            }
        })
        .collect_view();
    let courses = record
        .recommendations
        .iter()
        .map(|r| recommendation(locale, r, record.user_id, supervises, here.clone()))
        .collect_view();
    let evidence = evidence_rows(locale, &record, supervises, &here);
    view! {
        <h1>{record.full_name.clone()}</h1>
        <p>{record.org_unit.clone().unwrap_or_default()} " · " {position}</p>
        <h2>{t(locale, Text::TrainingNeeds)}</h2>
        {if record.needs.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoProfile)}</p> }.into_any()
        } else {
            view! {
                <ScrollRegion label=t(locale, Text::TrainingNeeds)><table data-testid="needs">
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Competency)}</th>
                        <th scope="col">{t(locale, Text::Required)}</th>
                        <th scope="col">{t(locale, Text::Current)}</th>
                        <th scope="col">{t(locale, Text::Source)}</th>
                        <th scope="col">{t(locale, Text::Gap)}</th>
                    </tr></thead>
                    <tbody>{needs}</tbody>
                </table></ScrollRegion>
            }
            .into_any()
        }}
        <h2>{t(locale, Text::Recommended)}</h2>
        {if record.recommendations.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoRecommendations)}</p> }.into_any()
        } else {
            view! { <ul class="cards">{courses}</ul> }.into_any()
        }}
        <h2>{t(locale, Text::Evidence)}</h2>
        {if record.evidence.is_empty() {
            view! { <p class="empty">{t(locale, Text::NoEvidence)}</p> }.into_any()
        } else {
            view! {
                <ScrollRegion label=t(locale, Text::Evidence)>
                <table data-testid="evidence" class="wide">
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Date)}</th>
                        <th scope="col">{t(locale, Text::Competency)}</th>
                        <th scope="col">{t(locale, Text::Source)}</th>
                        <th scope="col">{t(locale, Text::EvidencePhase)}</th>
                        <th scope="col">{t(locale, Text::Level)}</th>
                        <th scope="col">{t(locale, Text::Rater)}</th>
                        <th scope="col">{t(locale, Text::Status)}</th>
                    </tr></thead>
                    <tbody>{evidence}</tbody>
                </table>
                </ScrollRegion>
            }
            .into_any()
        }}
    }
    .into_any()
}

fn recommendation(
    locale: Locale,
    r: &Recommendation,
    learner: uuid::Uuid,
    supervises: bool,
    here: String,
) -> impl IntoView + use<> {
    let cohorts = r
        .cohorts
        .iter()
        .map(|c| {
            let enrol = supervises.then(|| {
                view! {
                    <form class="inline" method="post" action=format!("/api/v1/cohorts/{}/needs-enrolments", c.id)>
                        <FormToken/>
                        <input type="hidden" name="back" value=here.clone()/>
                        <input type="hidden" name="learners" value=learner.to_string()/>
                        <button type="submit">{t(locale, Text::Enrol)}</button>
                    </form>
                }
            });
            view! {
                <li>{c.title.get(locale).to_owned()} " (" {c.starts_on.clone()} " – " {c.ends_on.clone()} ") " {enrol}</li>
            }
        })
        .collect_view();
    view! {
        <li>
            <strong>{r.title.get(locale).to_owned()}</strong>
            <p>{t(locale, Text::WorksOn)} ": " {r.competencies.join(", ")}</p>
            {if r.cohorts.is_empty() {
                view! { <p>{t(locale, Text::NoOpenCohort)}</p> }.into_any()
            } else {
                view! { <ul>{cohorts}</ul> }.into_any()
            }}
        </li>
    }
}

/// The rows of the evidence list; a supervisor can void one that is wrong, saying why.
fn evidence_rows(
    locale: Locale,
    record: &LearnerRecord,
    supervises: bool,
    here: &str,
) -> impl IntoView + use<> {
    record
        .evidence
        .iter()
        .map(|e| {
            let void_form = (supervises && e.voided_on.is_none()).then(|| {
                view! {
                    <form class="inline" method="post" action=format!("/api/v1/evidence/{}/void", e.id)>
                        <FormToken/>
                        <input type="hidden" name="back" value=here.to_owned()/>
                        <label class="visually-hidden" for=format!("reason-{}", e.id)>{t(locale, Text::VoidReason)}</label>
                        <input id=format!("reason-{}", e.id) name="reason" required maxlength="500"
                            placeholder=t(locale, Text::VoidReason)/>
                        <button type="submit">{t(locale, Text::Void)}</button>
                    </form>
                }
            });
            let status = match (&e.voided_on, &e.void_reason) {
                (Some(on), reason) => format!(
                    "{} {on}: {}",
                    t(locale, Text::VoidedOn),
                    reason.clone().unwrap_or_default()
                ),
                _ => String::new(),
            };
            view! {
                <tr class:disabled=e.voided_on.is_some()>
                    <td>{e.observed_on.clone()}</td>
                    <td>{e.competency.code.clone()}</td>
                    <td>{source_label(locale, e.source)}</td>
                    <td>{phase_label(e.phase, locale)}</td>
                    <td class="num">{e.level}</td>
                    <td>{e.rater.clone().unwrap_or_default()}</td>
                    <td>{status}{void_form}</td>
                </tr>
            }
        })
        .collect_view()
}
