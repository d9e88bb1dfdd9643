//! A role-play: the island `RolePlayIsland` renders the no-script player here (each choice
//! a form post that moves the play on the server; the step id fixed with the page, so a
//! second press changes nothing) and, once hydrated, plays in the browser. This page
//! gathers what it needs: the scenario, its texts rendered from Markdown, and where the
//! learner is.

use std::collections::BTreeMap;

use leptos::prelude::*;
use shared::course::RolePlay;
use shared::page::Page;
use shared::roleplay::NodeKind;

use crate::components::{Md, query};
use crate::i18n::{Text, t};
use crate::islands::{RolePlayIsland, Staged};
use crate::layout::{use_locale, use_viewer};

use crate::ports::Study;

#[component]
pub fn RolePlayer(study: Study, activity: String, play: RolePlay, md: Md) -> impl IntoView {
    let locale = use_locale();
    let id = study.cohort.id;
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
    let mut html = BTreeMap::new();
    for node in &play.scenario.nodes {
        html.insert(node.id.clone(), md.markdown(node.text.get(locale)));
        if let NodeKind::Ending { debrief, .. } = &node.kind {
            html.insert(
                format!("{}#debrief", node.id),
                md.markdown(debrief.get(locale)),
            );
        }
    }
    let plays = study
        .attempts
        .iter()
        .filter(|a| a.activity == activity)
        .count();
    let stage = Staged {
        cohort: id,
        activity,
        briefing: md.markdown(play.briefing.get(locale)),
        scenario: play.scenario,
        html,
        path,
        score: finished.map(|f| f.score),
        plays,
        step_id: study.step_id,
        attempt_id: study.fresh_attempt_id,
        token: use_viewer().form_token,
    };
    view! {
        <RolePlayIsland locale stage/>
        <p><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
    }
}
