//! A quiz or a pre/post-test: a form of its questions (no answer key) with the attempts
//! left and, after submitting, the result — with each question's feedback for a quiz.

use leptos::prelude::*;
use shared::course::learner::shown;
use shared::course::{Activity, ActivityBody, FeedbackTiming};
use shared::page::Page;

use super::percent;
use crate::components::{Md, Questions, query};
use crate::i18n::{Say, say};
use crate::i18n::{Text, t};
use crate::islands::OfflineCheck;
use crate::layout::{FormToken, use_locale};

use crate::ports::Study;

#[component]
pub fn Graded(study: Study, activity: Activity, md: Md) -> impl IntoView {
    let locale = use_locale();
    let id = study.cohort.id;
    let (allowed, feedback, immediate) = match &activity.body {
        ActivityBody::Quiz(quiz) => (
            quiz.settings.attempts,
            true,
            quiz.settings.feedback == FeedbackTiming::Immediate,
        ),
        _ => (1, false, false),
    };
    let checks = immediate.then(|| (id, activity.id.clone()));
    // Only a practice quiz whose lecturer allows it: tests never reach here with `immediate`.
    let offline_tables = match &activity.body {
        ActivityBody::Quiz(quiz) if immediate && quiz.settings.offline_feedback => Some(
            quiz.questions
                .iter()
                .filter_map(|q| {
                    let scores = shared::quiz::verdicts(&q.question)?;
                    let feedback_html = q.feedback.as_ref().map(|f| md.markdown(f.get(locale)));
                    Some((
                        q.id.clone(),
                        OfflineCheck {
                            scores,
                            feedback_html,
                        },
                    ))
                })
                .collect(),
        ),
        _ => None,
    };
    let mine: Vec<_> = study
        .attempts
        .iter()
        .filter(|a| a.activity == activity.id)
        .cloned()
        .collect();
    let left = allowed == 0 || mine.len() < usize::try_from(allowed).unwrap_or(usize::MAX);
    let shown_attempt = query("attempt");
    let result = mine
        .iter()
        .find(|a| a.id.to_string() == shown_attempt)
        .cloned();
    let questions = study.questions.clone().unwrap_or_default();
    let explained = questions.clone();
    let md_result = md.clone();
    view! {
        {result.map(|r| view! {
            <section class=if r.passed { "notice ok result" } else { "notice result" } role="status" id="result">
                <p><strong>{format!("{}: {}", say(locale, Say::YourResult), percent(r.score))}</strong>
                    {feedback.then(|| format!(" · {}", t(locale, if r.passed { Text::Passed } else { Text::NotPassed })))}</p>
                <ol>
                    {r.questions.iter().map(|q| {
                        let note = explained.iter().find(|x| x.id == q.question).and_then(|x| x.feedback.clone()).filter(|_| feedback);
                        view! {
                            <li>{if q.correct { "✓ " } else { "✗ " }}{percent(q.score)}
                                {note.map(|n| view! { <div class="prose feedback" inner_html=md_result.markdown(n.get(locale))></div> })}
                            </li>
                        }
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
                    <input type="hidden" name="activity" value=activity.id.clone()/>
                    <Questions questions=questions.iter().map(shown).collect() md enabled=true checks offline=offline_tables/>
                    <button type="submit" class="primary">{t(locale, Text::SubmitAnswers)}</button>
                </form>
            }.into_any()
        } else {
            view! {
                <p class="notice">{t(locale, Text::NoAttemptsLeft)}</p>
                <p><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
            }.into_any()
        }}
    }
    .into_any()
}
