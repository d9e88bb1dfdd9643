//! `/learn`: the cohorts the learner studies in.

use leptos::prelude::*;

use crate::components::loaded;
use crate::i18n::{Text, t};
use crate::layout::{SignInFirst, use_locale, use_viewer};
use crate::pages::author::tr;
use crate::ports::Ports;

#[component]
pub fn LearnPage() -> impl IntoView {
    let locale = use_locale();
    let Some(me) = use_viewer().me else {
        return view! { <SignInFirst/> }.into_any();
    };
    view! {
        <h1>{t(locale, Text::Learning)}</h1>
        <p class="actions">
            <a href=format!("/supervise/learners/{}", me.id)>{t(locale, Text::MyRecord)}</a>
            <a href="/inbox">{t(locale, Text::Inbox)}</a>
        </p>
        {loaded(locale, move |ports: Ports| async move {
                    Ok(match ports.learn.cohorts().await? {
                        cohorts if cohorts.is_empty() => view! { <p class="empty">{t(locale, Text::NoCohortsYet)}</p> }.into_any(),
                        cohorts => view! {
                            <ul class="cohorts">
                                {cohorts.into_iter().map(|c| view! {
                                    <li>
                                        <a href=format!("/learn/{}", c.id)><strong>{tr(locale, &c.course_title)}</strong></a>
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
}
