//! `/learn`: the cohorts the learner studies in.

use leptos::prelude::*;
use shared::page::Page;

use crate::components::{loaded, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

use crate::ports::Ports;

#[component]
pub fn LearnPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        view! {
        <h1>{t(locale, Text::Learning)}</h1>
        <p class="actions">
            <a href=Page::SuperviseLearner(me.id).path()>{t(locale, Text::MyRecord)}</a>
            <a href=Page::Inbox.path()>{t(locale, Text::Inbox)}</a>
        </p>
        {loaded(locale, move |ports: Ports| async move {
                    Ok(match ports.learn.cohorts().await? {
                        cohorts if cohorts.is_empty() => view! { <p class="empty">{t(locale, Text::NoCohortsYet)}</p> }.into_any(),
                        cohorts => view! {
                            <ul class="cohorts">
                                {cohorts.into_iter().map(|c| view! {
                                    <li>
                                        <a href=Page::Learn(c.id).path()><strong>{tr(locale, &c.course_title)}</strong></a>
                                        <br/>{tr(locale, &c.title)}" · "{format!("{} – {}", c.starts_on, c.ends_on)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                    })
        })}
    }
    .into_any()
    })
}
