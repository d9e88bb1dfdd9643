//! The role-play editor: the graph, then every node with its choices, each in its own form.

use leptos::prelude::*;

use crate::text_area::TextArea;
use shared::course::RolePlay;
use shared::course::notation;
use shared::roleplay::{Choice, Node, NodeKind, Outcome};

use super::graph::ScenarioGraph;

use crate::components::{DeleteButton, query, tr, typed_or};
use crate::i18n::{Say, say};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Success => "success",
        Outcome::Partial => "partial",
        Outcome::Fail => "fail",
    }
}

#[component]
fn ChoiceFields(choice: Choice, prefix: String) -> impl IntoView {
    let locale = use_locale();
    let id = |name: &str| format!("{prefix}-{name}");
    view! {
        <label for=id("text_vi")>{t(locale, Text::ChoiceTextVi)}</label>
        <input id=id("text_vi") name="text_vi" required lang="vi" value=choice.text.vi.clone()/>
        <label for=id("text_en")>{t(locale, Text::ChoiceTextEn)}</label>
        <input id=id("text_en") name="text_en" lang="en" value=choice.text.en.clone()/>
        <label for=id("next")>{t(locale, Text::LeadsTo)}</label>
        <input id=id("next") name="next" required list="node-ids" class="mono" value=choice.next.clone()/>
        <label for=id("feedback_vi")>{t(locale, Text::FeedbackVi)}</label>
        <input id=id("feedback_vi") name="feedback_vi" lang="vi" value=choice.feedback.vi.clone()/>
        <label for=id("feedback_en")>{t(locale, Text::FeedbackEn)}</label>
        <input id=id("feedback_en") name="feedback_en" lang="en" value=choice.feedback.en.clone()/>
        <label for=id("effects")>{t(locale, Text::Effects)}</label>
        <input id=id("effects") name="effects" class="mono" value=notation::effects_text(&choice.effects) placeholder="CONF +2, LAW -1"/>
    }
}

#[component]
fn NodeFields(node: Node, prefix: String, keep_typed: bool) -> impl IntoView {
    let locale = use_locale();
    let id = |name: &str| format!("{prefix}-{name}");
    let value = |name: &str, current: String| {
        if keep_typed {
            typed_or(name, current)
        } else {
            current
        }
    };
    let speaker = node.speaker.clone().unwrap_or_default();
    let ending = match &node.kind {
        NodeKind::Ending { outcome, debrief } => Some((outcome_code(*outcome), debrief.clone())),
        NodeKind::Situation { .. } => None,
    };
    view! {
        <label for=id("speaker_vi")>{t(locale, Text::SpeakerVi)}</label>
        <input id=id("speaker_vi") name="speaker_vi" lang="vi" value=value("speaker_vi", speaker.vi.clone())/>
        <label for=id("speaker_en")>{t(locale, Text::SpeakerEn)}</label>
        <input id=id("speaker_en") name="speaker_en" lang="en" value=value("speaker_en", speaker.en.clone())/>
        <label for=id("text_vi")>{t(locale, Text::NodeTextVi)}</label>
        <TextArea value={value("text_vi", node.text.vi.clone())} {..} id=id("text_vi") name="text_vi" rows="3" required=true lang="vi"/>
        <label for=id("text_en")>{t(locale, Text::NodeTextEn)}</label>
        <TextArea value={value("text_en", node.text.en.clone())} {..} id=id("text_en") name="text_en" rows="3" lang="en"/>
        {ending.map(|(outcome, debrief)| view! {
            <label for=id("outcome")>{t(locale, Text::Outcome)}</label>
            <select id=id("outcome") name="outcome">
                <option value="success" selected=outcome == "success">{say(locale, Say::OutcomeSuccess)}</option>
                <option value="partial" selected=outcome == "partial">{say(locale, Say::OutcomePartial)}</option>
                <option value="fail" selected=outcome == "fail">{say(locale, Say::OutcomeFail)}</option>
            </select>
            <label for=id("debrief_vi")>{t(locale, Text::DebriefVi)}</label>
            <TextArea value={debrief.vi.clone()} {..} id=id("debrief_vi") name="debrief_vi" rows="3" lang="vi"/>
            <label for=id("debrief_en")>{t(locale, Text::DebriefEn)}</label>
            <TextArea value={debrief.en} {..} id=id("debrief_en") name="debrief_en" rows="3" lang="en"/>
        })}
    }
}

#[component]
pub fn RolePlayEditor(
    course: uuid::Uuid,
    activity: String,
    play: RolePlay,
    editable: bool,
) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/api/v1/courses/{course}/activities/{activity}/nodes");
    let editing = query("editing");
    let targets: Vec<(String, String)> = play
        .scenario
        .nodes
        .iter()
        .map(|n| (n.id.clone(), tr(locale, &n.text).chars().take(40).collect()))
        .collect();
    let blank = Node {
        id: String::new(),
        speaker: None,
        text: shared::L10n::default(),
        kind: NodeKind::Situation {
            choices: Vec::new(),
        },
    };
    view! {
        <section id="graph">
            <h2>{t(locale, Text::ScenarioGraph)}</h2>
            {if play.scenario.nodes.is_empty() {
                view! { <p class="empty">{t(locale, Text::NoNodesYet)}</p> }.into_any()
            } else {
                view! { <ScenarioGraph scenario=play.scenario.clone()/> }.into_any()
            }}
        </section>
        <section id="nodes">
            // One list of node ids for every choice's "leads to" box, instead of a select
            // per choice: the page stays small however large the scenario grows.
            <datalist id="node-ids">
                {targets.into_iter().map(|(node, label)| view! { <option value=node>{label}</option> }).collect_view()}
            </datalist>
            <h2>{format!("{} ({})", t(locale, Text::Nodes), play.scenario.nodes.len())}</h2>
            {play.scenario.nodes.into_iter().map(|node| {
                let node_base = format!("{base}/{}", node.id);
                let title = format!(
                    "{}{} · {}",
                    node.id,
                    if node.id == play.scenario.start { format!(" ({})", t(locale, Text::GraphStart)) } else { String::new() },
                    match &node.kind {
                        NodeKind::Situation { .. } => t(locale, Text::Situation),
                        NodeKind::Ending { .. } => t(locale, Text::Ending),
                    }
                );
                let choices = node.choices().to_vec();
                let is_situation = matches!(node.kind, NodeKind::Situation { .. });
                let anchor = format!("node-{}", node.id);
                let keep = editing == anchor;
                view! {
                    <article class="node" id=anchor>
                        <h3>{title}</h3>
                        {if editable {
                            view! {
                                <form class="stacked" method="post" action=node_base.clone()>
                                    <FormToken/>
                                    <NodeFields node=node.clone() prefix=node.id.clone() keep_typed=keep/>
                                    <button type="submit">{t(locale, Text::Save)}</button>
                                </form>
                                <DeleteButton action=format!("{node_base}/delete") what=node.id.clone()/>
                            }.into_any()
                        } else {
                            view! { <p>{tr(locale, &node.text)}</p> }.into_any()
                        }}
                        {is_situation.then(|| view! { <ChoiceList node_base=node_base.clone() node=node.id.clone() choices editable/> })}
                    </article>
                }
            }).collect_view()}
            {editable.then(|| view! {
                <h3>{t(locale, Text::AddNode)}</h3>
                <form class="stacked" method="post" action=base.clone()>
                    <FormToken/>
                    <label class="check"><input type="checkbox" name="ending" value="true"/>{t(locale, Text::IsEnding)}</label>
                    <NodeFields node=blank prefix="new-node".to_owned() keep_typed=editing == "nodes"/>
                    <button type="submit" class="primary">{t(locale, Text::AddNode)}</button>
                </form>
            })}
        </section>
    }
}

/// A situation's choices, each editable in place, and the form to add one.
#[component]
fn ChoiceList(
    node_base: String,
    node: String,
    choices: Vec<Choice>,
    editable: bool,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <h4>{t(locale, Text::Choices)}</h4>
        {choices.is_empty().then(|| view! { <p class="notice error">{t(locale, Text::DeadEndHint)}</p> })}
        {choices.into_iter().map(|choice| {
            let choice_base = format!("{node_base}/choices/{}", choice.id);
            let summary = format!("{} → {}: {}", choice.id, choice.next, tr(locale, &choice.text));
            view! {
                <details class="choice">
                    <summary>{summary}</summary>
                    {editable.then(|| view! {
                        <form class="stacked" method="post" action=choice_base.clone()>
                            <FormToken/>
                            <ChoiceFields choice=choice.clone() prefix=format!("{}-{}", node, choice.id)/>
                            <button type="submit">{t(locale, Text::Save)}</button>
                        </form>
                        <DeleteButton action=format!("{choice_base}/delete") what=choice.id.clone()/>
                    })}
                </details>
            }
        }).collect_view()}
        {editable.then(|| view! {
            <details class="choice new">
                <summary>{t(locale, Text::AddChoice)}</summary>
                <form class="stacked" method="post" action=format!("{node_base}/choices")>
                    <FormToken/>
                    <ChoiceFields choice=Choice { id: String::new(), text: shared::L10n::default(), feedback: shared::L10n::default(), next: String::new(), effects: Vec::new() } prefix=format!("{}-new", node)/>
                    <button type="submit">{t(locale, Text::AddChoice)}</button>
                </form>
            </details>
        })}
    }
}
