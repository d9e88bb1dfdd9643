//! The learner's pages: their cohorts, a cohort's course outline with progress, the player
//! of each kind of activity, and the certificate. Complete without scripts: every action is
//! a plain form whose id (attempt, step) is fixed when the page is made, so pressing submit
//! twice (or again after a dropped connection) is stored once.

pub mod activity;
pub mod case_study;
pub mod certificate;
pub mod cohort_view;
pub mod cohorts;
pub mod offline;
pub mod outline;
pub mod quiz;
pub mod role_play;
pub mod survey;
pub mod teach;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::Locale;
use shared::progress::{ActivityProgress, Status};

use crate::i18n::{Text, t};
use crate::layout::use_locale;

/// A score as a whole percentage.
pub fn percent(score: f64) -> String {
    format!("{:.0}%", (score * 100.0).clamp(0.0, 100.0))
}

/// Minutes, rounded up, as the outline shows time spent.
pub fn minutes(locale: Locale, seconds: u32) -> String {
    format!("{} {}", seconds.div_ceil(60), t(locale, Text::MinutesShort))
}

/// One line on where a learner stands in an activity.
pub fn status_line(locale: Locale, p: &ActivityProgress) -> String {
    if p.locked {
        return t(locale, Text::Locked).to_owned();
    }
    let mut parts = vec![
        t(
            locale,
            match p.status {
                Status::NotStarted => Text::NotStarted,
                Status::InProgress => Text::InProgress,
                Status::Completed => Text::Completed,
                Status::Failed => Text::NotPassed,
            },
        )
        .to_owned(),
    ];
    if let Some(best) = p.best.filter(|_| p.attempts > 1) {
        parts.push(format!(
            "{} {} · {} {}",
            t(locale, Text::AttemptsUsed),
            p.attempts,
            t(locale, Text::BestScore),
            percent(best)
        ));
    }
    if p.seconds >= 60 {
        parts.push(minutes(locale, p.seconds));
    }
    parts.join(" · ")
}

/// What the last post from a learner page came to: saved, refused, or out of date.
#[component]
pub fn LearnerNotice() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map().get_untracked();
    if query.get("saved").is_some() {
        return view! { <crate::components::OutcomeNotice/> }.into_any();
    }
    let (class, text) = if query.get("notice").as_deref() == Some("stale") {
        ("notice", Text::PageWasStale)
    } else {
        match query.get("error").as_deref() {
            None => return ().into_any(),
            Some("conflict") => ("notice error", Text::ActivityClosed),
            Some("forbidden" | "not_found") => ("notice error", Text::FormForbidden),
            Some(_) => ("notice error", Text::AnswersNeedAttention),
        }
    };
    view! { <p class=class role="status">{t(locale, text)}</p> }.into_any()
}
