//! `/learn/:cohort/:activity`: one activity, played by its kind's page. An activity waiting
//! for an earlier part of the course (gating) says what it waits for.

use leptos::prelude::*;
use shared::course::ActivityBody;
use shared::page::Page;

use super::LearnerNotice;
use crate::components::{loaded, param, port_failure, signed_in, tr};
use crate::i18n::{Text, t};
use crate::islands::Heartbeat;
use crate::layout::{IslandScripts, use_locale};

use crate::ports::{PortError, Ports};

#[component]
pub fn ActivityPage() -> impl IntoView {
    let locale = use_locale();
    let (cohort, activity) = (param("cohort"), param("activity"));
    signed_in(move |_| {
        let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
            return port_failure(locale, PortError(shared::ErrorCode::NotFound));
        };
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let study = ports.learn.study(id, Some(activity.clone())).await?;
                    let Some(found) = study.package.activity(&activity).cloned() else {
                        return Err(PortError(shared::ErrorCode::NotFound));
                    };
                    let md = ports.author.clone();
                    let header = view! {
                        <p class="meta"><a href=Page::Learn(id).path()>{tr(locale, &study.package.course.title)}</a></p>
                        <h1>{tr(locale, &found.title)}</h1>
                        <LearnerNotice/>
                    };
                    if study.progress.of(&activity).is_some_and(|p| p.locked) {
                        let waits = match &found.body {
                            ActivityBody::Assessment(_) | ActivityBody::Survey(_) => Text::LockedUntilModules,
                            _ => Text::LockedUntilPreTest,
                        };
                        return Ok(view! {
                            {header}
                            <p class="notice">{t(locale, waits)}</p>
                            <p><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
                        }
                        .into_any());
                    }
                    // Only quizzes and role-plays load the islands; every other page is
                    // complete, and lighter, without them.
                    let tracker = matches!(found.body, ActivityBody::Quiz(_) | ActivityBody::RolePlay(_))
                        .then(|| view! { <Heartbeat cohort=id activity=activity.clone()/> <IslandScripts/> });
                    let body = match found.body.clone() {
                        ActivityBody::Quiz(_) | ActivityBody::Assessment(_) => view! {
                            <super::quiz::Graded study activity=found md/>
                        }
                        .into_any(),
                        ActivityBody::CaseStudy(case) => view! {
                            <super::case_study::CaseStudyPlayer study activity=found.id case md/>
                        }
                        .into_any(),
                        ActivityBody::RolePlay(play) => view! {
                            <super::role_play::RolePlayer study activity=found.id play md/>
                        }
                        .into_any(),
                        ActivityBody::Survey(survey) => view! {
                            <super::survey::SurveyForm study activity=found.id survey/>
                        }
                        .into_any(),
                    };
                    Ok(view! {
                        <div data-cohort=id.to_string() data-activity=activity.clone()>{header} {body}</div>
                        {tracker}
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
