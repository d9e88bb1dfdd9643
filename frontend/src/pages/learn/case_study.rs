//! A case study: the situation to read, its prompts answered in writing — saved as a draft
//! (the "save draft" button, which needs no script) and then submitted —
//! and, once submitted, how the case really ended.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::course::CaseStudy;

use crate::components::{Md, query, tr};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::Study;

#[component]
pub fn CaseStudyPlayer(study: Study, activity: String, case: CaseStudy, md: Md) -> impl IntoView {
    let locale = use_locale();
    let id = study.cohort.id;
    let submitted = study
        .attempts
        .iter()
        .find(|a| a.activity == activity)
        .cloned();
    let faulty = query("fields");
    let body = view! { <div class="prose" inner_html=md.markdown(case.body.get(locale))></div> };
    let Some(done) = submitted else {
        let drafts = study.draft_answers.clone();
        return view! {
            {body}
            <form class="stacked" method="post" action=format!("/api/v1/cohorts/{id}/attempts") id="reflection">
                <FormToken/>
                <input type="hidden" name="attempt_id" value=study.fresh_attempt_id.to_string()/>
                <input type="hidden" name="activity" value=activity.clone()/>
                <h2>{t(locale, Text::YourReflection)}</h2>
                {case.prompts.iter().enumerate().map(|(i, p)| {
                    let wrong = faulty.split(',').any(|f| f == format!("answers[{i}]"));
                    view! {
                        <label for=format!("answer-{i}")>{format!("{}. {}", i + 1, tr(locale, p))}</label>
                        {wrong.then(|| view! { <small class="error" id=format!("answer-{i}-error")>{t(locale, Text::WriteAnAnswer)}</small> })}
                        <TextArea value={drafts.get(i).cloned().unwrap_or_default()} {..} id=format!("answer-{i}") name="answers" rows="6" maxlength="20000"
                            aria-invalid=wrong.then_some("true")/>
                    }
                }).collect_view()}
                <small>{t(locale, Text::DraftHint)}</small>
                <div class="actions">
                    <button type="submit" formaction=format!("/api/v1/cohorts/{id}/drafts/{activity}")>{t(locale, Text::SaveDraft)}</button>
                    <button type="submit" class="primary">{t(locale, Text::SubmitAnswers)}</button>
                </div>
            </form>
        }
        .into_any();
    };
    view! {
        {body}
        <section class="notice ok" role="status" id="result">
            <p><strong>{t(locale, Text::ReflectionSubmitted)}</strong></p>
        </section>
        <h2>{t(locale, Text::YourReflection)}</h2>
        <ol class="answers">
            {case.prompts.iter().enumerate().map(|(i, p)| view! {
                <li><p><strong>{tr(locale, p)}</strong></p><p class="answer">{done.answers.get(i).cloned().unwrap_or_default()}</p></li>
            }).collect_view()}
        </ol>
        <h2>{t(locale, Text::WhatReallyHappened)}</h2>
        <div class="prose" inner_html=md.markdown(case.outcome.get(locale))></div>
        <p><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
    }
    .into_any()
}
