//! The role-play player's markup, one string written the same on the server and in the
//! browser.

use std::fmt::Write;

use shared::Locale;
use shared::roleplay::{Choice, Node, NodeKind, Outcome, Play, replay};

use super::{Sent, Staged};
use crate::i18n::{Say, say};

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

/// The forms the player posts: where to, and the hidden fields every one carries.
struct Forms<'a> {
    action: String,
    staged: &'a Staged,
    locale: Locale,
}

impl Forms<'_> {
    fn hidden(&self, out: &mut String) {
        if let Some(token) = &self.staged.token {
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
            self.staged.step_id
        );
    }

    fn restart(&self, out: &mut String) {
        let _ = write!(
            out,
            r#"<form method="post" action="{}" class="inline">"#,
            self.action
        );
        self.hidden(out);
        let _ = write!(
            out,
            r#"<input type="hidden" name="restart" value="true"><button type="submit" data-act="restart">{}</button></form>"#,
            say(self.locale, Say::PlayAgain)
        );
    }
}

/// What the last choice was and the feedback it gave.
fn feedback(out: &mut String, locale: Locale, choice: &Choice) {
    let _ = write!(
        out,
        r#"<div class="notice feedback" role="status"><p><strong>{}</strong> {}</p>"#,
        say(locale, Say::YouChose),
        esc(choice.text.get(locale))
    );
    let said = choice.feedback.get(locale);
    if !said.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(said));
    }
    out.push_str("</div>");
}

/// A situation's choices, as the buttons of one form.
fn situation(out: &mut String, forms: &Forms, node: &Node, choices: &[Choice], begun: bool) {
    let locale = forms.locale;
    let _ = write!(
        out,
        r#"<form method="post" action="{}" class="choices">"#,
        forms.action
    );
    forms.hidden(out);
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
    if begun {
        forms.restart(out);
    }
}

/// What became of sending the result.
fn sending(out: &mut String, locale: Locale, sent: &Sent) {
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
}

/// An ending: its outcome and the result, the debrief, and a way to play again.
fn ending(
    out: &mut String,
    forms: &Forms,
    node: &Node,
    outcome: Outcome,
    sent: &Sent,
    plays: usize,
) {
    let locale = forms.locale;
    let (words, class) = outcome_words(outcome);
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
    sending(out, locale, sent);
    let _ = write!(
        out,
        r#"<div class="prose">{}</div><p class="meta">{} {plays}</p>"#,
        forms
            .staged
            .html
            .get(&format!("{}#debrief", node.id))
            .map_or("", String::as_str),
        say(locale, Say::TimesPlayed)
    );
    forms.restart(out);
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
    let forms = Forms {
        action: format!("/api/v1/cohorts/{}/plays/{}", s.cohort, esc(&s.activity)),
        staged: s,
        locale,
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
        feedback(&mut out, locale, c);
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
    match &node.kind {
        NodeKind::Situation { choices } => {
            situation(&mut out, &forms, node, choices, !play.path.is_empty());
        }
        NodeKind::Ending { outcome, .. } => ending(&mut out, &forms, node, *outcome, sent, plays),
    }
    out
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
