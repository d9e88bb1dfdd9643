//! A role-play. On the server it renders the no-script player: each choice a button of a
//! form that moves the play one step on the server. Hydrated, the same markup runs the
//! scenario in the browser with the shared engine — each choice shows its feedback and the
//! next situation at once, with no round trip — and the finished path is sent as one attempt,
//! which the server replays and scores (its id is made before sending, so a resend after a
//! dropped connection is counted once).
//!
//! The markup is written as one string by [`render`], the same on the server and in the
//! browser, and the island listens for clicks on its container: far less code to ship to a
//! phone on 2G than a tree of reactive views.

use std::collections::BTreeMap;
use std::fmt::Write;

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

pub fn outcome_words(outcome: Outcome) -> (Say, &'static str) {
    match outcome {
        Outcome::Success => (Say::OutcomeSuccess, "success"),
        Outcome::Partial => (Say::OutcomePartial, "partial"),
        Outcome::Fail => (Say::OutcomeFail, "fail"),
    }
}

fn percent(score: f64) -> String {
    // Whole percents, formatted as an integer (no float formatting in the bundle).
    format!("{}%", (score.clamp(0.0, 1.0) * 100.0).round() as u32)
}

/// Plain text made safe inside HTML text and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The player's markup at `path`: the briefing (at the start), the feedback of the last
/// choice, the situation and its choices as form buttons, or the ending with its debrief.
pub fn render(locale: Locale, s: &Staged, path: &[String], sent: &Sent, plays: usize) -> String {
    let Some(play) = replay(&s.scenario, path)
        .ok()
        .or_else(|| Play::start(&s.scenario).ok())
    else {
        return String::new();
    };
    let Some(node) = s.scenario.node(&play.node) else {
        return String::new();
    };
    let action = format!("/api/v1/cohorts/{}/plays/{}", s.cohort, esc(&s.activity));
    let hidden = |out: &mut String| {
        if let Some(token) = &s.token {
            let _ = write!(
                out,
                r#"<input type="hidden" name="{}" value="{}">"#,
                shared::auth::CSRF_FIELD,
                esc(token)
            );
        }
        let _ = write!(
            out,
            r#"<input type="hidden" name="step_id" value="{}">"#,
            s.step_id
        );
    };
    let mut out = String::with_capacity(4096);
    if play.path.is_empty() {
        let _ = write!(out, r#"<div class="prose">{}</div>"#, s.briefing);
    }
    let last = play.path.last().and_then(|step| {
        let (from, choice) = step.split_once('/')?;
        s.scenario
            .node(from)?
            .choices()
            .iter()
            .find(|c| c.id == choice)
    });
    if let Some(c) = last {
        let _ = write!(
            out,
            r#"<div class="notice feedback" role="status"><p><strong>{}</strong> {}</p>"#,
            say(locale, Say::YouChose),
            esc(c.text.get(locale))
        );
        let said = c.feedback.get(locale);
        if !said.is_empty() {
            let _ = write!(out, "<p>{}</p>", esc(said));
        }
        out.push_str("</div>");
    }
    out.push_str(r#"<div class="scene" id="scene">"#);
    if let Some(speaker) = &node.speaker {
        let _ = write!(
            out,
            r#"<p class="speaker">{}</p>"#,
            esc(speaker.get(locale))
        );
    }
    let _ = write!(
        out,
        r#"<div class="prose">{}</div></div>"#,
        s.html.get(&node.id).map_or("", String::as_str)
    );
    let restart = |out: &mut String| {
        let _ = write!(
            out,
            r#"<form method="post" action="{action}" class="inline">"#
        );
        hidden(out);
        let _ = write!(
            out,
            r#"<input type="hidden" name="restart" value="true"><button type="submit" data-act="restart">{}</button></form>"#,
            say(locale, Say::PlayAgain)
        );
    };
    match &node.kind {
        NodeKind::Situation { choices } => {
            let _ = write!(
                out,
                r#"<form method="post" action="{action}" class="choices">"#
            );
            hidden(&mut out);
            let _ = write!(
                out,
                r#"<input type="hidden" name="at" value="{}"><p>{}</p><ul class="choices">"#,
                esc(&node.id),
                say(locale, Say::WhatDoYouDo)
            );
            for c in choices {
                let _ = write!(
                    out,
                    r#"<li><button type="submit" name="choice" value="{}">{}</button></li>"#,
                    esc(&c.id),
                    esc(c.text.get(locale))
                );
            }
            out.push_str("</ul></form>");
            if !play.path.is_empty() {
                restart(&mut out);
            }
        }
        NodeKind::Ending { outcome, .. } => {
            let (words, class) = outcome_words(*outcome);
            let _ = write!(
                out,
                r#"<p class="notice outcome-{class}" id="result"><strong>{}</strong>"#,
                say(locale, words)
            );
            match sent {
                Sent::Idle(Some(score)) => {
                    let _ = write!(
                        out,
                        " · {}: {}",
                        say(locale, Say::YourResult),
                        percent(*score)
                    );
                }
                Sent::Sending => {
                    let _ = write!(out, " · {}", say(locale, Say::Sending));
                }
                _ => {}
            }
            out.push_str("</p>");
            match sent {
                Sent::Failed => {
                    let _ = write!(
                        out,
                        r#"<p class="notice error" role="alert">{} <button type="button" data-act="send">{}</button></p>"#,
                        say(locale, Say::SendFailed),
                        say(locale, Say::SendAgain)
                    );
                }
                Sent::Refused(message) => {
                    let _ = write!(
                        out,
                        r#"<p class="notice error" role="alert">{}</p>"#,
                        esc(message)
                    );
                }
                Sent::Queued => {
                    let _ = write!(
                        out,
                        r#"<p class="notice ok" role="status" id="queued">{}</p>"#,
                        say(locale, Say::SavedOnDevice)
                    );
                }
                _ => {}
            }
            let _ = write!(
                out,
                r#"<div class="prose">{}</div><p class="meta">{} {plays}</p>"#,
                s.html
                    .get(&format!("{}#debrief", node.id))
                    .map_or("", String::as_str),
                say(locale, Say::TimesPlayed)
            );
            restart(&mut out);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_have_their_own_words_and_classes() {
        assert_eq!(outcome_words(Outcome::Partial).1, "partial");
        assert_eq!(say(Locale::En, outcome_words(Outcome::Fail).0), "Fail");
        assert_eq!(percent(0.666), "67%");
    }

    #[test]
    fn text_is_escaped_and_markup_kept() {
        assert_eq!(
            esc(r#"<b>"Tư" & 'Ba'</b>"#),
            "&lt;b&gt;&quot;Tư&quot; &amp; &#39;Ba&#39;&lt;/b&gt;"
        );
    }
}
