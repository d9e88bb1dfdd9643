//! A role-play. On the server it renders the no-script player: each choice a button of a
//! form that moves the play one step on the server. Hydrated, the same markup runs the
//! scenario in the browser with the shared engine — each choice shows its feedback and the
//! next situation at once, with no round trip — and the finished path is sent as one attempt,
//! which the server replays and scores (its id is made before sending, so a resend after a
//! dropped connection is counted once).
//!
//! The markup is written as one string by [`markup::render`], the same on the server and in the
//! browser, and the island listens for clicks on its container: far less code to ship to a
//! phone on 2G than a tree of reactive views.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::Locale;
use shared::roleplay::Scenario;
use uuid::Uuid;

mod markup;

pub use markup::render;

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
    /// A fresh id for a step posted by the no-script forms.
    pub step_id: Uuid,
    /// The id of the learner's next attempt, which the island's first play is sent with.
    pub attempt_id: Uuid,
    /// The session's form token, for the no-script forms.
    pub token: Option<String>,
}

/// Where sending the finished play stands.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// Nothing to send (the play is under way), or the score of a finished attempt.
    Idle(Option<f64>),
    Sending,
    Failed,
    /// Kept on the device by the offline queue; sent when the line is back.
    Queued,
    Refused(String),
}

#[island]
pub fn RolePlayIsland(locale: Locale, stage: Staged) -> impl IntoView {
    let choices = RwSignal::new(stage.path.clone());
    let sent = RwSignal::new(Sent::Idle(stage.score));
    let attempt = RwSignal::new(stage.attempt_id);
    let plays = RwSignal::new(stage.plays);
    let stage = StoredValue::new(stage);
    // Marks the player as running in the browser (before that, choices are form posts).
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));

    let markup = move || {
        let (path, state, count) = (choices.get(), sent.get(), plays.get());
        stage.with_value(|s| render(locale, s, &path, &state, count))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        live::clicked(&ev, stage, choices, sent, attempt, plays);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, attempt);
    };
    view! {
        <div class="roleplay" data-live=move || live.get().then_some("true") on:click=on_click inner_html=markup></div>
    }
}

#[cfg(feature = "hydrate")]
mod live {
    use leptos::prelude::*;
    use serde::{Deserialize, Serialize};
    use shared::roleplay::replay;
    use uuid::Uuid;
    use wasm_bindgen::JsCast;

    use super::{Sent, Staged};
    use crate::islands::net;

    /// What is sent: the path only; the server replays it and scores it.
    #[derive(Serialize)]
    struct Finished<'a> {
        id: Uuid,
        activity: &'a str,
        path: &'a [String],
        client_at: String,
    }

    /// What is read back: the score.
    #[derive(Deserialize)]
    struct Scored {
        score: f64,
    }

    pub fn clicked(
        ev: &leptos::ev::MouseEvent,
        stage: StoredValue<Staged>,
        choices: RwSignal<Vec<String>>,
        sent: RwSignal<Sent>,
        attempt: RwSignal<Uuid>,
        plays: RwSignal<usize>,
    ) {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        let act = button.get_attribute("data-act").unwrap_or_default();
        if button.get_attribute("name").as_deref() == Some("choice") {
            ev.prevent_default();
            let mut path = choices.get_untracked();
            path.push(button.get_attribute("value").unwrap_or_default());
            let ended = stage.with_value(|s| {
                replay(&s.scenario, &path)
                    .ok()
                    .map(|play| play.outcome(&s.scenario).is_some())
            });
            if let Some(ended) = ended {
                choices.set(path);
                if ended {
                    send(stage, choices, sent, attempt, plays);
                }
            }
        } else if act == "restart" {
            ev.prevent_default();
            if let Some(id) = net::new_id() {
                attempt.set(id);
            }
            sent.set(Sent::Idle(None));
            choices.set(Vec::new());
        } else if act == "send" {
            send(stage, choices, sent, attempt, plays);
        }
    }

    /// Sends the finished play; the same id on every retry.
    fn send(
        stage: StoredValue<Staged>,
        choices: RwSignal<Vec<String>>,
        sent: RwSignal<Sent>,
        attempt: RwSignal<Uuid>,
        plays: RwSignal<usize>,
    ) {
        sent.set(Sent::Sending);
        leptos::task::spawn_local(async move {
            let (url, activity) = stage.with_value(|s| {
                (
                    format!("/api/v1/cohorts/{}/attempts", s.cohort),
                    s.activity.clone(),
                )
            });
            let path = choices.get_untracked();
            let finished = Finished {
                id: attempt.get_untracked(),
                activity: &activity,
                path: &path,
                client_at: net::now(),
            };
            sent.set(match net::post_json(&url, &finished).await {
                // The offline queue took it (service worker): it is sent when online.
                Some(r) if r.status == 202 => Sent::Queued,
                Some(r) if r.ok() => match serde_json::from_str::<Scored>(&r.body) {
                    Ok(scored) => {
                        if r.status == 201 {
                            plays.update(|n| *n += 1);
                        }
                        Sent::Idle(Some(scored.score))
                    }
                    Err(_) => Sent::Failed,
                },
                Some(r) if r.status < 500 => Sent::Refused(r.message().unwrap_or_default()),
                _ => Sent::Failed,
            });
        });
    }
}
