//! `/author/courses/:id/preview`: the draft as a learner will see it — rendered Markdown,
//! questions without their answer keys, a role-play to click through (`?activity=&at=`),
//! a sample assessment paper and the survey. Nothing here is saved.

use std::sync::Arc;

use leptos::prelude::*;

use crate::text_area::TextArea;
use shared::course::learner::{Shown, ShownQuestion, shown};
use shared::course::{Activity, ActivityBody, SurveyItemKind, assemble_form};
use shared::roleplay::{NodeKind, Outcome};

use super::{AuthorNav, course_param, kind_label, query, tr};
use crate::components::{loaded, port_failure};
use crate::i18n::{Say, say};
use crate::i18n::{Text, t};
use crate::islands::{OfflineCheck, QuestionCheck};
use crate::layout::{SignInFirst, use_locale, use_viewer};
use crate::ports::{AuthorPort, PortError, Ports};

pub type Md = Arc<dyn AuthorPort>;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let locale = use_locale();
    let Some(id) = course_param() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    if use_viewer().me.is_none() {
        return view! { <SignInFirst/> }.into_any();
    }
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
                                    " "<span class="tag">{kind_label(locale, a.body.kind())}</span></li>
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

/// The controls of each question type, named as `learner::responses_from_form` reads
/// them: `{id}` (several for multiple choice) and `{id}-{key}` for ordering and matching.
/// With `checks` (cohort, activity), each question gets the island that checks its answer;
/// with `offline`, the closed ones also get their table for checking without a connection.
#[component]
pub fn Questions(
    questions: Vec<ShownQuestion>,
    md: Md,
    enabled: bool,
    #[prop(default = None)] checks: Option<(uuid::Uuid, String)>,
    #[prop(default = None)] offline: Option<std::collections::BTreeMap<String, OfflineCheck>>,
) -> impl IntoView {
    let locale = use_locale();
    let disabled = !enabled;
    view! {
        <div class="paper">
            {questions.into_iter().enumerate().map(|(i, q)| {
                let name = q.id.clone();
                let table = offline.as_ref().and_then(|t| t.get(&q.id).cloned());
                let check = checks.clone().map(|(cohort, activity)| view! {
                    <QuestionCheck locale cohort activity question=q.id.clone() offline=table/>
                });
                let controls = match q.shown {
                    Shown::SingleChoice { options } => options.into_iter().map(|o| view! {
                        <label class="check"><input type="radio" name=name.clone() value=o.key disabled=disabled/>{tr(locale, &o.text)}</label>
                    }).collect_view().into_any(),
                    Shown::MultipleChoice { options } => options.into_iter().map(|o| view! {
                        <label class="check"><input type="checkbox" name=name.clone() value=o.key disabled=disabled/>{tr(locale, &o.text)}</label>
                    }).collect_view().into_any(),
                    Shown::TrueFalse => view! {
                        <label class="check"><input type="radio" name=name.clone() value="true" disabled=disabled/>{t(locale, Text::True)}</label>
                        <label class="check"><input type="radio" name=name.clone() value="false" disabled=disabled/>{t(locale, Text::False)}</label>
                    }.into_any(),
                    Shown::Numeric => view! { <input type="text" inputmode="decimal" name=name.clone() disabled=disabled/> }.into_any(),
                    Shown::ShortText => view! { <input type="text" name=name.clone() disabled=disabled/> }.into_any(),
                    Shown::Ordering { items } => {
                        let count = items.len();
                        items.into_iter().map(|item| view! {
                            <label class="check">
                                <select name=format!("{name}-{}", item.key) disabled=disabled>
                                    <option value="">"—"</option>
                                    {(1..=count).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                                </select>
                                {tr(locale, &item.text)}
                            </label>
                        }).collect_view().into_any()
                    }
                    Shown::Matching { left, right } => left.into_iter().map(|l| view! {
                        <label class="check">{tr(locale, &l.text)}" → "
                            <select name=format!("{name}-{}", l.key) disabled=disabled>
                                <option value="">"—"</option>
                                {right.iter().map(|r| view! { <option value=r.key.clone()>{tr(locale, &r.text)}</option> }).collect_view()}
                            </select>
                        </label>
                    }).collect_view().into_any(),
                };
                view! {
                    <fieldset class="question">
                        <legend>{format!("{} {}", t(locale, Text::Question), i + 1)}</legend>
                        <div class="prose" inner_html=md.markdown(q.prompt.get(locale))></div>
                        {controls}
                        {check}
                    </fieldset>
                }
            }).collect_view()}
        </div>
    }
}
