//! `/learn/:cohort/:activity`: one activity. A quiz or an assessment is a form of its
//! questions (no answer key) with the attempts left and, after submitting, the result;
//! other kinds show their content as the learner studies it.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use shared::course::ActivityBody;
use shared::course::learner::shown;

use super::percent;
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale, use_viewer};
use crate::pages::admin::port_failure;
use crate::pages::author::preview::{ActivityView, Questions};
use crate::pages::author::{param, query, tr};
use crate::ports::{PortError, Ports};

#[component]
pub fn ActivityPage() -> impl IntoView {
    let locale = use_locale();
    let (cohort, activity) = (param("cohort"), param("activity"));
    if use_viewer().me.is_none() {
        return view! { <Redirect path=format!("/login?return_to=/learn/{cohort}/{activity}")/> }
            .into_any();
    }
    let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    let shown_attempt = query("attempt");
    let ports = use_context::<Ports>();
    view! {
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let ports = ports.clone();
                let activity = activity.clone();
                let shown_attempt = shown_attempt.clone();
                Suspend::new(async move {
                    let Some(ports) = ports else { return port_failure(locale, PortError(shared::ErrorCode::Unavailable)) };
                    let study = match ports.learn.study(id, Some(activity.clone())).await {
                        Ok(study) => study,
                        Err(e) => return port_failure(locale, e),
                    };
                    let Some(found) = study.package.activity(&activity).cloned() else {
                        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
                    };
                    let md = ports.author.clone();
                    let back = view! {
                        <p class="meta"><a href=format!("/learn/{id}")>{tr(locale, &study.package.course.title)}</a></p>
                    };
                    let allowed = match &found.body {
                        ActivityBody::Quiz(quiz) => quiz.settings.attempts,
                        ActivityBody::Assessment(_) => 1,
                        _ => {
                            return view! { {back} <ActivityView activity=found bank=Vec::new() md/> }.into_any();
                        }
                    };
                    let mine: Vec<_> = study.attempts.iter().filter(|a| a.activity == activity).cloned().collect();
                    let left = allowed == 0 || mine.len() < usize::try_from(allowed).unwrap_or(usize::MAX);
                    let result = mine.iter().find(|a| a.id.to_string() == shown_attempt).cloned();
                    let questions = study.questions.unwrap_or_default();
                    view! {
                        {back}
                        <h1>{tr(locale, &found.title)}</h1>
                        {result.map(|r| view! {
                            <section class=if r.passed { "notice ok result" } else { "notice result" } role="status" id="result">
                                <p><strong>{format!("{}: {}", t(locale, Text::YourResult), percent(r.score))}</strong>
                                    " · "{t(locale, if r.passed { Text::Passed } else { Text::NotPassed })}</p>
                                <ol>
                                    {r.questions.iter().map(|q| view! {
                                        <li>{if q.correct { "✓ " } else { "✗ " }}{percent(q.score)}</li>
                                    }).collect_view()}
                                </ol>
                            </section>
                        })}
                        <p class="meta">{if allowed == 0 {
                            format!("{} {}", t(locale, Text::AttemptsUsed), mine.len())
                        } else {
                            format!("{} {}/{allowed}", t(locale, Text::AttemptsUsed), mine.len())
                        }}</p>
                        {if left {
                            view! {
                                <form class="stacked" method="post" action=format!("/api/v1/cohorts/{id}/attempts")>
                                    <FormToken/>
                                    <input type="hidden" name="attempt_id" value=study.fresh_attempt_id.to_string()/>
                                    <input type="hidden" name="activity" value=activity.clone()/>
                                    <Questions questions=questions.iter().map(shown).collect() md enabled=true/>
                                    <button type="submit" class="primary">{t(locale, Text::SubmitAnswers)}</button>
                                </form>
                            }.into_any()
                        } else {
                            view! { <p class="notice">{t(locale, Text::NoAttemptsLeft)}</p> }.into_any()
                        }}
                    }
                    .into_any()
                })
            }
        </Suspense>
    }
    .into_any()
}
