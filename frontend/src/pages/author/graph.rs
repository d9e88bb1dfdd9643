//! A role-play scenario drawn as SVG on the server: columns by distance from the start,
//! arrows for choices, and the problems marked — unreachable nodes dashed, dead ends and
//! nodes with no way to an ending outlined in red, dangling choices as a red stub.

use std::collections::{HashMap, HashSet, VecDeque};

use leptos::prelude::*;
use shared::roleplay::{Node, NodeKind, Outcome, Problem, Scenario, validate};

use crate::components::ScrollRegion;
use crate::i18n::{Say, say};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

const W: i32 = 132;
const H: i32 = 46;
const GAP_X: i32 = 44;
const GAP_Y: i32 = 18;
const PAD: i32 = 12;

struct Placed {
    x: i32,
    y: i32,
}

/// Columns: breadth-first distance from the start; unreachable nodes in a last column.
fn layout(scenario: &Scenario) -> HashMap<&str, Placed> {
    let mut depth: HashMap<&str, usize> = HashMap::new();
    let mut queue = VecDeque::new();
    if scenario.node(&scenario.start).is_some() {
        depth.insert(scenario.start.as_str(), 0);
        queue.push_back(scenario.start.as_str());
    }
    while let Some(id) = queue.pop_front() {
        let d = depth[id];
        for choice in scenario.node(id).map(|n| n.choices()).unwrap_or_default() {
            if scenario.node(&choice.next).is_some() && !depth.contains_key(choice.next.as_str()) {
                depth.insert(choice.next.as_str(), d + 1);
                queue.push_back(choice.next.as_str());
            }
        }
    }
    let last = depth.values().max().map_or(0, |d| d + 1);
    let mut rows: HashMap<usize, i32> = HashMap::new();
    let mut placed = HashMap::new();
    for node in &scenario.nodes {
        let column = depth.get(node.id.as_str()).copied().unwrap_or(last);
        let row = rows.entry(column).or_insert(0);
        let column = i32::try_from(column).unwrap_or(0);
        placed.insert(
            node.id.as_str(),
            Placed {
                x: PAD + column * (W + GAP_X),
                y: PAD + *row * (H + GAP_Y),
            },
        );
        *row += 1;
    }
    placed
}

fn short(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// A node's box classes: its kind and outcome, and whether it is the start, cannot be
/// reached, or leads nowhere.
fn node_class(
    node: &Node,
    start: &str,
    unreachable: &HashSet<String>,
    stuck: &HashSet<String>,
) -> String {
    let mut class = match &node.kind {
        NodeKind::Situation { .. } => "node situation".to_owned(),
        NodeKind::Ending {
            outcome: Outcome::Success,
            ..
        } => "node ending success".to_owned(),
        NodeKind::Ending {
            outcome: Outcome::Partial,
            ..
        } => "node ending partial".to_owned(),
        NodeKind::Ending {
            outcome: Outcome::Fail,
            ..
        } => "node ending fail".to_owned(),
    };
    if unreachable.contains(&node.id) {
        class.push_str(" unreachable");
    }
    if stuck.contains(&node.id) {
        class.push_str(" stuck");
    }
    if node.id == start {
        class.push_str(" start");
    }
    class
}

#[component]
pub fn ScenarioGraph(scenario: Scenario) -> impl IntoView {
    let locale = use_locale();
    let problems = validate(&scenario);
    let marked = |want: fn(&Problem) -> Option<&String>| -> HashSet<String> {
        problems.iter().filter_map(want).cloned().collect()
    };
    let unreachable = marked(|p| match p {
        Problem::Unreachable { node } => Some(node),
        _ => None,
    });
    let stuck = marked(|p| match p {
        Problem::DeadEnd { node } | Problem::NoWayToAnEnding { node } => Some(node),
        _ => None,
    });
    let placed = layout(&scenario);
    let width = placed.values().map(|p| p.x + W + PAD).max().unwrap_or(200);
    let height = placed.values().map(|p| p.y + H + PAD).max().unwrap_or(80);
    let mut edges = Vec::new();
    let mut stubs = Vec::new();
    for node in &scenario.nodes {
        let Some(from) = placed.get(node.id.as_str()) else {
            continue;
        };
        for choice in node.choices() {
            let (x1, y1) = (from.x + W, from.y + H / 2);
            match placed.get(choice.next.as_str()) {
                Some(to) => {
                    let (x2, y2) = if to.x > from.x {
                        (to.x, to.y + H / 2)
                    } else {
                        (to.x + W / 2, to.y + if to.y > from.y { 0 } else { H })
                    };
                    edges.push(view! {
                        <line x1=x1 y1=y1 x2=x2 y2=y2 class="edge" marker-end="url(#arrow)">
                            <title>{format!("{} → {}", node.id, choice.next)}</title>
                        </line>
                    });
                }
                None => stubs.push(view! {
                    <line x1=x1 y1=y1 x2=x1 + GAP_X / 2 y2=y1 class="edge dangling">
                        <title>{format!("{} → {} ?", node.id, choice.next)}</title>
                    </line>
                }),
            }
        }
    }
    let boxes = scenario
        .nodes
        .iter()
        .filter_map(|node| {
            let at = placed.get(node.id.as_str())?;
            let class = node_class(node, &scenario.start, &unreachable, &stuck);
            let label = node.text.get(locale);
            Some(view! {
                <a href=format!("#node-{}", node.id)>
                    <rect x=at.x y=at.y width=W height=H rx="6" class=class/>
                    <text x=at.x + 8 y=at.y + 18 class="node-id">{node.id.clone()}</text>
                    <text x=at.x + 8 y=at.y + 36 class="node-text">{short(label, 18)}</text>
                    <title>{label.to_owned()}</title>
                </a>
            })
        })
        .collect_view();
    view! {
        <figure class="graph">
            <ScrollRegion label=t(locale, Text::ScenarioGraph)>
            <svg viewBox=format!("0 0 {width} {height}") width=width height=height role="group"
                aria-label=t(locale, Text::ScenarioGraph)>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/>
                    </marker>
                </defs>
                {edges}
                {stubs}
                {boxes}
            </svg>
            </ScrollRegion>
            <figcaption>
                <span class="key start">{t(locale, Text::GraphStart)}</span>
                <span class="key success">{say(locale, Say::OutcomeSuccess)}</span>
                <span class="key partial">{say(locale, Say::OutcomePartial)}</span>
                <span class="key fail">{say(locale, Say::OutcomeFail)}</span>
                <span class="key unreachable">{t(locale, Text::GraphUnreachable)}</span>
                <span class="key stuck">{t(locale, Text::GraphStuck)}</span>
            </figcaption>
        </figure>
    }
}
