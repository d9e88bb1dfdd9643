//! `/author/courses/:id/preview`: the draft as a learner will see it — rendered Markdown,
//! questions without their answer keys, a role-play to click through (`?activity=&at=`),
//! a sample assessment paper and the survey. Nothing here is saved.

use leptos::prelude::*;

use crate::text_area::TextArea;
use shared::course::learner::{ShownQuestion, shown};
use shared::course::{Activity, ActivityBody, SurveyItemKind, assemble_form};
use shared::roleplay::{NodeKind, Outcome};

use super::{AuthorNav, course_param};
use crate::components::{Md, Questions, activity_kind, loaded, port_failure, query, signed_in, tr};
use crate::i18n::{Say, say};
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::{PortError, Ports};

#[component]
pub fn PreviewPage() -> impl IntoView {
    let locale = use_locale();
    let Some(id) = course_param() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    signed_in(move |_| {
        let selected = query("activity");
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let course = ports.author.course(id).await?;
                    let md = ports.author.clone();
                    let draft = course.draft;
                    let chosen = draft.activity(&selected).cloned();
                    let outline = draft.modules.iter().map(|m| view! {
                        <li>{tr(locale, &m.title)}
                            <ol>{m.activities.iter().map(|a| view! {
                                <li><a href=format!("?activity={}", a.id) aria-current=(a.id == selected).then_some("page")>{tr(locale, &a.title)}</a>
                                    " "<span class="tag">{activity_kind(locale, a.body.kind())}</span></li>
                            }).collect_view()}</ol>
                        </li>
                    }).collect_view();
                    Ok(view! {
                        <p class="notice">{t(locale, Text::PreviewNotice)}</p>
                        <h1>{tr(locale, &draft.course.title)}</h1>
                        <AuthorNav course=id/>
                        <div class="prose" inner_html=md.markdown(draft.course.summary.get(locale))></div>
                        <nav aria-label=t(locale, Text::Modules)><ol class="outline">{outline}</ol></nav>
                        {chosen.map(|activity| view! { <ActivityView activity bank=draft.item_bank.clone() md=md.clone()/> })}
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}

#[component]
pub fn ActivityView(
    activity: Activity,
    bank: Vec<shared::course::QuizQuestion>,
    md: Md,
) -> impl IntoView {
    let locale = use_locale();
    let body = match activity.body {
        ActivityBody::CaseStudy(case) => view! {
            <div class="prose" inner_html=md.markdown(case.body.get(locale))></div>
            <form class="stacked">
                {case.prompts.iter().enumerate().map(|(i, p)| view! {
                    <label for=format!("prompt-{i}")>{tr(locale, p)}</label>
                    <TextArea {..} id=format!("prompt-{i}") rows="4" disabled=true/>
                }).collect_view()}
            </form>
            <details><summary>{t(locale, Text::WhatReallyHappened)}</summary>
                <div class="prose" inner_html=md.markdown(case.outcome.get(locale))></div>
            </details>
        }
        .into_any(),
        ActivityBody::Quiz(quiz) => view! {
            <Paper questions=quiz.questions.iter().map(shown).collect() md=md.clone()/>
        }
        .into_any(),
        ActivityBody::Assessment(test) => view! {
            <p>{t(locale, Text::SamplePaper)}</p>
            <Paper questions=assemble_form(&bank, &test, 1).into_iter().map(shown).collect() md=md.clone()/>
        }
        .into_any(),
        ActivityBody::Survey(survey) => view! {
            <form class="stacked">
                {survey.items.iter().map(|item| match item.kind {
                    SurveyItemKind::Likert => view! {
                        <fieldset class="likert">
                            <legend>{tr(locale, &item.prompt)}</legend>
                            {(1..=5).map(|n| view! {
                                <label><input type="radio" name=item.id.clone() value=n.to_string() disabled/>{n.to_string()}</label>
                            }).collect_view()}
                            <small>{t(locale, Text::LikertScale)}</small>
                        </fieldset>
                    }.into_any(),
                    SurveyItemKind::Text => view! {
                        <label for=item.id.clone()>{tr(locale, &item.prompt)}</label>
                        <TextArea {..} id=item.id.clone() rows="3" disabled=true/>
                    }.into_any(),
                }).collect_view()}
            </form>
        }
        .into_any(),
        ActivityBody::RolePlay(play) => {
            let at = query("at");
            let at = if at.is_empty() { play.scenario.start.clone() } else { at };
            let via = query("via");
            let feedback = via.split_once('/').and_then(|(node, choice)| {
                play.scenario.node(node)?.choices().iter().find(|c| c.id == choice).map(|c| tr(locale, &c.feedback))
            });
            let Some(node) = play.scenario.node(&at).cloned() else {
                return view! { <p class="notice error">{t(locale, Text::NotFoundTitle)}</p> }.into_any();
            };
            let activity_id = activity.id.clone();
            view! {
                {(at == play.scenario.start).then(|| view! { <div class="prose" inner_html=md.markdown(play.briefing.get(locale))></div> })}
                {feedback.filter(|f| !f.is_empty()).map(|f| view! { <p class="notice">{f}</p> })}
                <div class="scene">
                    {node.speaker.as_ref().map(|s| view! { <p class="speaker">{tr(locale, s)}</p> })}
                    <div class="prose" inner_html=md.markdown(node.text.get(locale))></div>
                </div>
                {match &node.kind {
                    NodeKind::Situation { choices } => view! {
                        <ul class="choices">
                            {choices.iter().map(|c| view! {
                                <li><a href=format!("?activity={activity_id}&at={}&via={}/{}", c.next, node.id, c.id)>{tr(locale, &c.text)}</a></li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    NodeKind::Ending { outcome, debrief } => view! {
                        <p class=format!("notice outcome-{}", match outcome { Outcome::Success => "success", Outcome::Partial => "partial", Outcome::Fail => "fail" })>
                            {say(locale, match outcome { Outcome::Success => Say::OutcomeSuccess, Outcome::Partial => Say::OutcomePartial, Outcome::Fail => Say::OutcomeFail })}
                        </p>
                        <div class="prose" inner_html=md.markdown(debrief.get(locale))></div>
                        <p><a href=format!("?activity={activity_id}")>{say(locale, Say::PlayAgain)}</a></p>
                    }.into_any(),
                }}
            }
            .into_any()
        }
    };
    view! {
        <section class="activity-preview" id="activity">
            <h2>{tr(locale, &activity.title)}</h2>
            {body}
        </section>
    }
    .into_any()
}

/// Questions as a learner sees them (no answer key), read-only, for the preview.
#[component]
fn Paper(questions: Vec<ShownQuestion>, md: Md) -> impl IntoView {
    let locale = use_locale();
    view! {
        <form class="paper">
            <Questions questions md enabled=false/>
            <button type="submit" disabled>{t(locale, Text::SubmitAnswers)}</button>
        </form>
    }
}
