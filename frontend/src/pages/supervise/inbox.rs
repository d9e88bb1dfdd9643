//! `/inbox`: the ratings waiting for the signed-in person — rating themselves before and
//! after a course, their people at work (after the course and 30 and 90 days later), a
//! colleague who asked — each a link to its short form; and inviting a colleague.

use leptos::prelude::*;
use shared::Locale;
use shared::evidence::Phase;
use shared::evidence::rating::Inbox;
use shared::evidence::table::phase_label;
use shared::learning::CohortSummary;
use shared::page::Page;

use super::{ErrorNotice, Outcome, source_label};
use crate::components::ScrollRegion;
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::Ports;

#[component]
pub fn InboxPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        view! {
            <h1>{t(locale, Text::Inbox)}</h1>
            <Outcome/>
            <ErrorNotice/>
            {loaded(locale, move |ports: Ports| async move {
                let inbox = ports.supervise.inbox().await?;
                let cohorts = ports.supervise.my_cohorts().await?;
                Ok(view! {
                    {tasks(locale, inbox)}
                    {invite(locale, cohorts)}
                }
                .into_any())
            })}
        }
        .into_any()
    })
}

fn tasks(locale: Locale, inbox: Inbox) -> AnyView {
    if inbox.tasks.is_empty() {
        return view! { <p class="empty">{t(locale, Text::NothingToDo)}</p> }.into_any();
    }
    let more = (inbox.total > inbox.tasks.len() as u64).then(|| {
        view! { <p>{t(locale, Text::ShowingFirst)} " " {inbox.tasks.len()} " / " {inbox.total}</p> }
    });
    view! {
        <ScrollRegion label=t(locale, Text::Inbox)><table data-testid="tasks">
            <thead><tr>
                <th scope="col">{t(locale, Text::Due)}</th>
                <th scope="col">{t(locale, Text::Person)}</th>
                <th scope="col">{t(locale, Text::Cohort)}</th>
                <th scope="col">{t(locale, Text::EvidencePhase)}</th>
                <th scope="col">{t(locale, Text::As)}</th>
                <th scope="col"><span class="visually-hidden">{t(locale, Text::Rate)}</span></th>
            </tr></thead>
            <tbody>
                {inbox.tasks.into_iter().map(|task| {
                    let href = Page::Rating(task.cohort_id, task.learner_id, task.phase.code().to_owned()).path();
                    view! {
                        <tr>
                            <td>{task.due_on}</td>
                            <td>{task.learner_name}</td>
                            <td>{task.cohort_title.get(locale).to_owned()}</td>
                            <td>{phase_label(task.phase, locale)}</td>
                            <td>{source_label(locale, task.source)}</td>
                            <td><a href=href>{t(locale, Text::Rate)}</a></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></ScrollRegion>
        {more}
    }
    .into_any()
}

fn invite(locale: Locale, cohorts: Vec<CohortSummary>) -> Option<impl IntoView + use<>> {
    (!cohorts.is_empty()).then(|| {
        let forms = cohorts
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! {
                    <form class="inline" method="post" action=format!("/api/v1/cohorts/{id}/peer-invitations")>
                        <FormToken/>
                        <fieldset>
                            <legend>{c.title.get(locale).to_owned()}</legend>
                            <label for=format!("peer-{id}")>{t(locale, Text::ColleagueUsername)}</label>
                            <input id=format!("peer-{id}") name="peer" required maxlength="100"/>
                            <label for=format!("phase-{id}")>{t(locale, Text::EvidencePhase)}</label>
                            <select id=format!("phase-{id}") name="phase">
                                {[Phase::Before, Phase::After].into_iter().map(|p| view! {
                                    <option value=p.code()>{phase_label(p, locale)}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit">{t(locale, Text::Invite)}</button>
                        </fieldset>
                    </form>
                }
            })
            .collect_view();
        view! {
            <h2>{t(locale, Text::InvitePeer)}</h2>
            <p>{t(locale, Text::InvitePeerHelp)}</p>
            {forms}
        }
    })
}
