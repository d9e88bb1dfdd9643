//! "Check this answer" beside a quiz question whose lecturer chose feedback after each
//! question: the island sends the quiz form as it stands with the question's id and shows,
//! in place, whether the answer is right and the question's feedback. Without scripts the
//! button stays hidden and the feedback comes with the result, after submitting. When the
//! lecturer lets answers be checked offline, the page also hands the island the grade of
//! every answer to a closed question (`OfflineCheck`): without a connection the island
//! looks the answer up and says it was checked on this device.

use leptos::prelude::*;
use shared::Locale;
use uuid::Uuid;

use crate::i18n::{Say, say};

/// The grade of every answer to one closed question (by `shared::quiz::answer_key`) and
/// its feedback, rendered by the server.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OfflineCheck {
    pub scores: std::collections::BTreeMap<String, f64>,
    pub feedback_html: Option<String>,
}

/// What the check said.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    Waiting,
    Checking,
    Graded {
        score: f64,
        feedback: Option<String>,
        /// Looked up on the device, offline.
        here: bool,
    },
    Refused(String),
    Failed,
}

fn verdict_class(score: f64) -> &'static str {
    if score >= 1.0 - 1e-9 { "ok" } else { "error" }
}

fn headline(locale: Locale, score: f64) -> (&'static str, &'static str) {
    if score >= 1.0 - 1e-9 {
        ("✓ ", say(locale, Say::AnswerRight))
    } else if score > 1e-9 {
        ("◐ ", say(locale, Say::AnswerPartly))
    } else {
        ("✗ ", say(locale, Say::AnswerWrong))
    }
}

#[island]
pub fn QuestionCheck(
    locale: Locale,
    cohort: Uuid,
    activity: String,
    question: String,
    offline: Option<OfflineCheck>,
) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let verdict = RwSignal::new(Verdict::Waiting);

    let check = move |ev: leptos::ev::MouseEvent| {
        verdict.set(Verdict::Checking);
        #[cfg(feature = "hydrate")]
        {
            let url = format!("/api/v1/cohorts/{cohort}/checks/{activity}");
            let question = question.clone();
            let offline = offline.clone();
            let form = form_of(&ev);
            leptos::task::spawn_local(async move {
                let body = form
                    .as_ref()
                    .and_then(|f| super::net::form_body(f, &[("question", &question)]));
                let reply = match body {
                    Some(body) => super::net::post(&url, &body, None).await,
                    None => None,
                };
                verdict.set(match reply {
                    Some(r) if r.ok() => {
                        serde_json::from_str::<Checked>(&r.body).map_or(Verdict::Failed, |c| {
                            Verdict::Graded {
                                score: c.score,
                                feedback: c.feedback_html,
                                here: false,
                            }
                        })
                    }
                    Some(r) if r.status < 500 => Verdict::Refused(r.message().unwrap_or_default()),
                    _ => match (&offline, &form) {
                        (Some(table), Some(form)) => {
                            looked_up(table, form, &question).unwrap_or(Verdict::Failed)
                        }
                        _ => Verdict::Failed,
                    },
                });
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &cohort, &activity, &question, &offline);
    };

    view! {
        <div class="answer-check" hidden=move || !hydrated.get()>
            <button type="button" on:click=check disabled=move || verdict.get() == Verdict::Checking>
                {say(locale, Say::CheckAnswer)}
            </button>
            <div class="verdict" aria-live="polite">
                {move || match verdict.get() {
                    Verdict::Waiting => ().into_any(),
                    Verdict::Checking => view! { <p>{say(locale, Say::Checking)}</p> }.into_any(),
                    Verdict::Graded { score, feedback, here } => {
                        let (mark, words) = headline(locale, score);
                        view! {
                            <p class=verdict_class(score)><strong>{mark}{words}</strong>
                                {here.then(|| format!(" {}", say(locale, Say::CheckedHere)))}</p>
                            {feedback.map(|html| view! { <div class="prose feedback" inner_html=html></div> })}
                        }
                        .into_any()
                    }
                    Verdict::Refused(message) => view! { <p class="error">{message}</p> }.into_any(),
                    Verdict::Failed => view! { <p class="error">{say(locale, Say::CheckFailed)}</p> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// The part of `shared::learning::CheckedAnswer` the island shows.
#[cfg(feature = "hydrate")]
#[derive(serde::Deserialize)]
struct Checked {
    score: f64,
    feedback_html: Option<String>,
}

/// The answer to `question` as the form holds it, looked up in the offline table.
#[cfg(feature = "hydrate")]
fn looked_up(
    table: &OfflineCheck,
    form: &web_sys::HtmlFormElement,
    question: &str,
) -> Option<Verdict> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let chosen: Vec<String> = data
        .get_all(question)
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let score = *table.scores.get(&shared::quiz::answer_key(chosen))?;
    Some(Verdict::Graded {
        score,
        feedback: table.feedback_html.clone(),
        here: true,
    })
}

/// The form around the button that was pressed.
#[cfg(feature = "hydrate")]
fn form_of(ev: &leptos::ev::MouseEvent) -> Option<web_sys::HtmlFormElement> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest("form").ok()??.dyn_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_credit_is_told_apart_from_right_and_wrong() {
        assert_eq!(headline(Locale::En, 1.0).1, "Correct");
        assert_eq!(headline(Locale::En, 0.5).1, "Partly correct");
        assert_eq!(headline(Locale::Vi, 0.0).1, "Chưa đúng");
    }
}
