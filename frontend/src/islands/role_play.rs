//! A role-play. On the server it renders the no-script player: each choice a button of a
//! form that moves the play one step on the server. Hydrated, the same markup runs the
//! scenario in the browser with the shared engine — each choice shows its feedback and the
//! next situation at once, with no round trip — and the finished path is sent as one attempt,
//! which the server replays and scores (its id is made before sending, so a resend after a
//! dropped connection is counted once).

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::Locale;
use shared::roleplay::{NodeKind, Outcome, Play, Scenario, replay};
use uuid::Uuid;

use super::say::{Say, say};

/// Everything the player needs, rendered on the server (Markdown is never rendered in the
/// browser: the server's sanitised HTML travels with the scenario).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Staged {
    pub cohort: Uuid,
    pub activity: String,
    pub scenario: Scenario,
    /// Safe HTML: a node's text by its id, an ending's debrief by `{id}#debrief`.
    pub html: BTreeMap<String, String>,
    pub briefing: String,
    /// The choices (ids) already taken in the play shown.
    pub path: Vec<String>,
    /// The score of the finished attempt shown, if the page shows one.
    pub score: Option<f64>,
    pub plays: usize,
    /// A fresh id: the no-script form's step id, and the island's first attempt id.
    pub fresh_id: Uuid,
    /// The session's form token, for the no-script forms.
    pub token: Option<String>,
}

/// Where sending the finished play stands.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
enum Sent {
    /// Nothing to send (the play is under way), or the score of a finished attempt.
    Idle(Option<f64>),
    Sending,
    Failed,
    Refused(String),
}

pub fn outcome_words(outcome: Outcome) -> (Say, &'static str) {
    match outcome {
        Outcome::Success => (Say::OutcomeSuccess, "success"),
        Outcome::Partial => (Say::OutcomePartial, "partial"),
        Outcome::Fail => (Say::OutcomeFail, "fail"),
    }
}

fn percent(score: f64) -> String {
    format!("{}%", (score * 100.0).round())
}

#[island]
pub fn RolePlayIsland(locale: Locale, stage: Staged) -> impl IntoView {
    let form_url = format!("/api/v1/cohorts/{}/plays/{}", stage.cohort, stage.activity);
    let choices = RwSignal::new(stage.path.clone());
    let sent = RwSignal::new(Sent::Idle(stage.score));
    let attempt = RwSignal::new(stage.fresh_id);
    let plays = RwSignal::new(stage.plays);
    let stage = StoredValue::new(stage);

    // Sends the finished play; the same id on every retry.
    let send = move || {
        sent.set(Sent::Sending);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let (url, activity) = stage.with_value(|s| {
                (
                    format!("/api/v1/cohorts/{}/attempts", s.cohort),
                    s.activity.clone(),
                )
            });
            let submission = shared::learning::AttemptSubmission {
                id: attempt.get_untracked(),
                activity,
                path: choices.get_untracked(),
                client_at: Some(super::net::now()),
                ..Default::default()
            };
            sent.set(match super::net::post_json(&url, &submission).await {
                Some(r) if r.ok() => {
                    match serde_json::from_str::<shared::learning::AttemptResult>(&r.body) {
                        Ok(result) => {
                            if r.status == 201 {
                                plays.update(|n| *n += 1);
                            }
                            Sent::Idle(Some(result.score))
                        }
                        Err(_) => Sent::Failed,
                    }
                }
                Some(r) if r.status < 500 => Sent::Refused(r.message().unwrap_or_default()),
                _ => Sent::Failed,
            });
        });
    };
    let choose = move |choice: String| {
        let next = stage.with_value(|s| {
            let mut path = choices.get_untracked();
            path.push(choice);
            replay(&s.scenario, &path).ok().map(|play| (path, play))
        });
        if let Some((path, play)) = next {
            let ended = stage.with_value(|s| play.outcome(&s.scenario).is_some());
            choices.set(path);
            if ended {
                send();
            }
        }
    };
    let restart = move || {
        #[cfg(feature = "hydrate")]
        if let Some(id) = super::net::new_id() {
            attempt.set(id);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (attempt, plays);
        sent.set(Sent::Idle(None));
        choices.set(Vec::new());
    };

    // Marks the player as running in the browser (before that, choices are form posts).
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    view! {
        <div class="roleplay" data-live=move || live.get().then_some("true")>
            {move || {
                let path = choices.get();
                stage.with_value(|s| {
                    let play = replay(&s.scenario, &path)
                        .or_else(|_| Play::start(&s.scenario))
                        .ok()?;
                    let node = s.scenario.node(&play.node)?.clone();
                    Some(scene(locale, s, &play, &node, &form_url, sent, plays, choose, restart, send))
                })
            }}
        </div>
    }
}

/// One moment of the play: the feedback of the last choice, the situation and its choices,
/// or the ending.
#[allow(clippy::too_many_arguments)]
fn scene(
    locale: Locale,
    s: &Staged,
    play: &Play,
    node: &shared::roleplay::Node,
    form_url: &str,
    sent: RwSignal<Sent>,
    plays: RwSignal<usize>,
    choose: impl Fn(String) + Copy + Send + Sync + 'static,
    restart: impl Fn() + Copy + Send + Sync + 'static,
    send: impl Fn() + Copy + Send + Sync + 'static,
) -> AnyView {
    let token = s.token.clone().map(|token| {
        view! { <input type="hidden" name=shared::auth::CSRF_FIELD value=token/> }
    });
    let last = play.path.last().and_then(|step| {
        let (from, choice) = step.split_once('/')?;
        let c = s
            .scenario
            .node(from)?
            .choices()
            .iter()
            .find(|c| c.id == choice)?;
        Some((
            c.text.get(locale).to_owned(),
            c.feedback.get(locale).to_owned(),
        ))
    });
    let restart_form = view! {
        <form method="post" action=form_url.to_owned() class="inline">
            {token.clone()}
            <input type="hidden" name="step_id" value=s.fresh_id.to_string()/>
            <input type="hidden" name="restart" value="true"/>
            <button type="submit" on:click=move |ev| { ev.prevent_default(); restart(); }>
                {say(locale, Say::PlayAgain)}
            </button>
        </form>
    };
    let header = view! {
        {play.path.is_empty().then(|| view! { <div class="prose" inner_html=s.briefing.clone()></div> })}
        {last.map(|(chose, said)| view! {
            <div class="notice feedback" role="status">
                <p><strong>{say(locale, Say::YouChose)}</strong>" "{chose}</p>
                {(!said.is_empty()).then(|| view! { <p>{said}</p> })}
            </div>
        })}
        <div class="scene" id="scene">
            {node.speaker.as_ref().map(|sp| view! { <p class="speaker">{sp.get(locale).to_owned()}</p> })}
            <div class="prose" inner_html=s.html.get(&node.id).cloned().unwrap_or_default()></div>
        </div>
    };
    match &node.kind {
        NodeKind::Situation { choices } => view! {
            {header}
            <form method="post" action=form_url.to_owned() class="choices">
                {token}
                <input type="hidden" name="step_id" value=s.fresh_id.to_string()/>
                <input type="hidden" name="at" value=node.id.clone()/>
                <p>{say(locale, Say::WhatDoYouDo)}</p>
                <ul class="choices">
                    {choices.iter().map(|c| {
                        let id = c.id.clone();
                        view! {
                            <li><button type="submit" name="choice" value=c.id.clone()
                                on:click=move |ev| { ev.prevent_default(); choose(id.clone()); }>
                                {c.text.get(locale).to_owned()}
                            </button></li>
                        }
                    }).collect_view()}
                </ul>
            </form>
            {(!play.path.is_empty()).then(|| restart_form)}
        }
        .into_any(),
        NodeKind::Ending { outcome, .. } => {
            let (words, class) = outcome_words(*outcome);
            let debrief = s
                .html
                .get(&format!("{}#debrief", node.id))
                .cloned()
                .unwrap_or_default();
            view! {
                {header}
                <p class=format!("notice outcome-{class}") id="result">
                    <strong>{say(locale, words)}</strong>
                    {move || match sent.get() {
                        Sent::Idle(Some(score)) => format!(" · {}: {}", say(locale, Say::YourResult), percent(score)),
                        Sent::Sending => format!(" · {}", say(locale, Say::Sending)),
                        _ => String::new(),
                    }}
                </p>
                {move || match sent.get() {
                    Sent::Failed => Some(view! {
                        <p class="notice error" role="alert">{say(locale, Say::SendFailed)}" "
                            <button type="button" on:click=move |_| send()>{say(locale, Say::SendAgain)}</button>
                        </p>
                    }.into_any()),
                    Sent::Refused(message) => Some(view! { <p class="notice error" role="alert">{message}</p> }.into_any()),
                    _ => None,
                }}
                <div class="prose" inner_html=debrief></div>
                <p class="meta">{move || format!("{} {}", say(locale, Say::TimesPlayed), plays.get())}</p>
                {restart_form}
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_have_their_own_words_and_classes() {
        assert_eq!(outcome_words(Outcome::Partial).1, "partial");
        assert_eq!(say(Locale::En, outcome_words(Outcome::Fail).0), "Fail");
        assert_eq!(percent(0.666), "67%");
    }
}
