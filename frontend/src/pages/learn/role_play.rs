//! A role-play without scripts: the current situation and its choices, each a button of a
//! form that moves the play one step on the server (the step id is fixed with the page, so
//! a second press changes nothing). The feedback of the last choice is shown above the next
//! situation; an ending shows its debrief, the outcome and the score.

use leptos::prelude::*;
use shared::course::RolePlay;
use shared::roleplay::{NodeKind, Outcome, Play, replay};

use super::percent;
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::pages::author::preview::Md;
use crate::pages::author::{query, tr};
use crate::ports::Study;

fn outcome_text(outcome: Outcome) -> (Text, &'static str) {
    match outcome {
        Outcome::Success => (Text::OutcomeSuccess, "success"),
        Outcome::Partial => (Text::OutcomePartial, "partial"),
        Outcome::Fail => (Text::OutcomeFail, "fail"),
    }
}

#[component]
pub fn RolePlayer(study: Study, activity: String, play: RolePlay, md: Md) -> impl IntoView {
    let locale = use_locale();
    let id = study.cohort.id;
    let scenario = play.scenario.clone();
    let ended = query("attempt");
    let finished = study
        .attempts
        .iter()
        .find(|a| a.activity == activity && a.id.to_string() == ended)
        .cloned();
    // The play to show: a finished one asked for by its attempt, or the one under way.
    let path = finished
        .as_ref()
        .map_or_else(|| study.play_path.clone(), |f| f.path.clone());
    let Some(state) = replay(&scenario, &path)
        .ok()
        .or_else(|| Play::start(&scenario).ok())
    else {
        return view! { <p class="notice error">{t(locale, Text::NotFoundTitle)}</p> }.into_any();
    };
    let Some(node) = scenario.node(&state.node).cloned() else {
        return view! { <p class="notice error">{t(locale, Text::NotFoundTitle)}</p> }.into_any();
    };
    let last_feedback = state.path.last().and_then(|step| {
        let (from, choice) = step.split_once('/')?;
        let c = scenario
            .node(from)?
            .choices()
            .iter()
            .find(|c| c.id == choice)?;
        Some((tr(locale, &c.text), tr(locale, &c.feedback)))
    });
    let restart = |label: Text| {
        view! {
            <form method="post" action=format!("/api/v1/cohorts/{id}/plays/{activity}") class="inline">
                <FormToken/>
                <input type="hidden" name="step_id" value=study.fresh_attempt_id.to_string()/>
                <input type="hidden" name="restart" value="true"/>
                <button type="submit">{t(locale, label)}</button>
            </form>
        }
    };
    let plays = study
        .attempts
        .iter()
        .filter(|a| a.activity == activity)
        .count();
    view! {
        {state.path.is_empty().then(|| view! { <div class="prose" inner_html=md.markdown(play.briefing.get(locale))></div> })}
        {last_feedback.map(|(chose, said)| view! {
            <div class="notice feedback" role="status">
                <p><strong>{t(locale, Text::YouChose)}</strong>" "{chose}</p>
                {(!said.is_empty()).then(|| view! { <p>{said}</p> })}
            </div>
        })}
        <div class="scene" id="scene">
            {node.speaker.as_ref().map(|s| view! { <p class="speaker">{tr(locale, s)}</p> })}
            <div class="prose" inner_html=md.markdown(node.text.get(locale))></div>
        </div>
        {match node.kind.clone() {
            NodeKind::Situation { choices } => view! {
                <form method="post" action=format!("/api/v1/cohorts/{id}/plays/{activity}") class="choices">
                    <FormToken/>
                    <input type="hidden" name="step_id" value=study.fresh_attempt_id.to_string()/>
                    <input type="hidden" name="at" value=node.id.clone()/>
                    <p>{t(locale, Text::WhatDoYouDo)}</p>
                    <ul class="choices">
                        {choices.iter().map(|c| view! {
                            <li><button type="submit" name="choice" value=c.id.clone()>{tr(locale, &c.text)}</button></li>
                        }).collect_view()}
                    </ul>
                </form>
                {(!state.path.is_empty()).then(|| restart(Text::PlayAgain))}
            }
            .into_any(),
            NodeKind::Ending { outcome, debrief } => {
                let (label, class) = outcome_text(outcome);
                view! {
                    <p class=format!("notice outcome-{class}") id="result">
                        <strong>{t(locale, label)}</strong>
                        {finished.as_ref().map(|f| format!(" · {}: {}", t(locale, Text::YourResult), percent(f.score)))}
                    </p>
                    <div class="prose" inner_html=md.markdown(debrief.get(locale))></div>
                    <p class="meta">{format!("{} {plays}", t(locale, Text::TimesPlayed))}</p>
                    {restart(Text::PlayAgain)}
                    <p><a href=format!("/learn/{id}")>{t(locale, Text::BackToOutline)}</a></p>
                }
                .into_any()
            }
        }}
    }
    .into_any()
}
