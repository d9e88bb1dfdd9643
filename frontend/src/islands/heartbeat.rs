//! A heartbeat on the pages that load the islands anyway (quizzes and role-plays): one
//! progress event a minute while the page is in view, so the time a learner spends on an
//! activity counts even when they answer slowly. Pages without islands record their opening
//! on the server, and the time between a learner's actions counts up to five minutes.

use leptos::prelude::*;
use uuid::Uuid;

/// Seconds between heartbeats.
#[cfg(feature = "hydrate")]
const HEARTBEAT_SECS: u64 = 60;

#[island]
pub fn Heartbeat(cohort: Uuid, activity: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            beat(cohort, activity.clone());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (cohort, activity);
}

#[cfg(feature = "hydrate")]
fn beat(cohort: Uuid, activity: String) {
    use shared::learning::{EventBatch, ProgressEvent};

    let url = format!("/api/v1/cohorts/{cohort}/events");
    set_interval(
        move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            let Some(id) = super::net::new_id().filter(|_| visible) else {
                return;
            };
            let batch = EventBatch {
                events: vec![ProgressEvent {
                    id,
                    activity: activity.clone(),
                    position: None,
                    at: Some(super::net::now()),
                }],
            };
            let url = url.clone();
            leptos::task::spawn_local(async move {
                // A lost heartbeat costs a minute of counted time, nothing else.
                let _ = super::net::post_json(&url, &batch).await;
            });
        },
        std::time::Duration::from_secs(HEARTBEAT_SECS),
    );
}
