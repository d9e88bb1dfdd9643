//! What publishing checks, every problem with where it is; and each competency's reachable
//! score range, so a play's score normalises to 0–1.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::{NodeKind, Scenario};

/// A problem in a scenario, with the node (and choice) it is at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    NoNodes,
    MissingStart {
        start: String,
    },
    DuplicateNode {
        node: String,
    },
    DuplicateChoice {
        node: String,
        choice: String,
    },
    /// A choice leads to a node that does not exist.
    DanglingChoice {
        node: String,
        choice: String,
        next: String,
    },
    /// A situation with no choices: the learner would be stuck.
    DeadEnd {
        node: String,
    },
    Unreachable {
        node: String,
    },
    /// No ending can be reached from here (e.g. a loop with no way out).
    NoWayToAnEnding {
        node: String,
    },
    NoEnding,
    /// More nodes than a scenario may have.
    TooLarge {
        nodes: usize,
        max: usize,
    },
}

/// The most nodes a scenario may have (keeps validation and scoring cheap and bounded).
pub const MAX_NODES: usize = 500;

/// Edges `node → next` of the valid choices.
fn edges(scenario: &Scenario) -> HashMap<&str, Vec<&str>> {
    let ids: HashSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    for node in &scenario.nodes {
        let entry = out.entry(node.id.as_str()).or_default();
        if let NodeKind::Situation { choices } = &node.kind {
            entry.extend(
                choices
                    .iter()
                    .map(|c| c.next.as_str())
                    .filter(|next| ids.contains(next)),
            );
        }
    }
    out
}

fn reachable<'a>(from: &[&'a str], edges: &HashMap<&'a str, Vec<&'a str>>) -> HashSet<&'a str> {
    let mut seen: HashSet<&str> = from.iter().copied().collect();
    let mut queue: VecDeque<&str> = from.iter().copied().collect();
    while let Some(node) = queue.pop_front() {
        for &next in edges.get(node).map(Vec::as_slice).unwrap_or_default() {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    seen
}

/// Every problem, in node order. Empty means publishable.
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    if scenario.nodes.is_empty() {
        return vec![Problem::NoNodes];
    }
    if scenario.nodes.len() > MAX_NODES {
        return vec![Problem::TooLarge {
            nodes: scenario.nodes.len(),
            max: MAX_NODES,
        }];
    }
    let mut ids = HashSet::new();
    for node in &scenario.nodes {
        if !ids.insert(node.id.as_str()) {
            problems.push(Problem::DuplicateNode {
                node: node.id.clone(),
            });
        }
        if let NodeKind::Situation { choices } = &node.kind {
            if choices.is_empty() {
                problems.push(Problem::DeadEnd {
                    node: node.id.clone(),
                });
            }
            let mut choice_ids = HashSet::new();
            for choice in choices {
                if !choice_ids.insert(choice.id.as_str()) {
                    problems.push(Problem::DuplicateChoice {
                        node: node.id.clone(),
                        choice: choice.id.clone(),
                    });
                }
            }
        }
    }
    for node in &scenario.nodes {
        if let NodeKind::Situation { choices } = &node.kind {
            for choice in choices.iter().filter(|c| !ids.contains(c.next.as_str())) {
                problems.push(Problem::DanglingChoice {
                    node: node.id.clone(),
                    choice: choice.id.clone(),
                    next: choice.next.clone(),
                });
            }
        }
    }
    if !ids.contains(scenario.start.as_str()) {
        problems.push(Problem::MissingStart {
            start: scenario.start.clone(),
        });
        return problems;
    }
    let forward = edges(scenario);
    let from_start = reachable(&[scenario.start.as_str()], &forward);
    let endings: Vec<&str> = scenario
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ending { .. }))
        .map(|n| n.id.as_str())
        .collect();
    if endings.is_empty() {
        problems.push(Problem::NoEnding);
    }
    let mut backward: HashMap<&str, Vec<&str>> = HashMap::new();
    for (from, tos) in &forward {
        for to in tos {
            backward.entry(*to).or_default().push(*from);
        }
    }
    let can_end = reachable(&endings, &backward);
    for node in &scenario.nodes {
        let id = node.id.as_str();
        if !from_start.contains(id) {
            problems.push(Problem::Unreachable {
                node: node.id.clone(),
            });
        } else if !endings.is_empty()
            && !can_end.contains(id)
            && !matches!(node.kind, NodeKind::Situation { ref choices } if choices.is_empty())
        {
            problems.push(Problem::NoWayToAnEnding {
                node: node.id.clone(),
            });
        }
    }
    problems
}

/// The lowest and highest total a competency can reach in one play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounds {
    pub min: i32,
    pub max: i32,
}

/// Each competency's score range over the plays from the start to an ending. Exact when the
/// graph has no loops; with loops (each choice counts once per play), the range of every
/// reachable choice's effects, a safe outer bound.
pub fn score_bounds(scenario: &Scenario) -> BTreeMap<String, Bounds> {
    let competencies: HashSet<&str> = scenario
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Situation { choices } => Some(choices),
            NodeKind::Ending { .. } => None,
        })
        .flatten()
        .flat_map(|c| c.effects.iter().map(|e| e.competency.as_str()))
        .collect();
    competencies
        .into_iter()
        .map(|code| (code.to_owned(), bounds_for(scenario, code)))
        .collect()
}

fn bounds_for(scenario: &Scenario, code: &str) -> Bounds {
    let delta = |choice: &super::Choice| -> i32 {
        choice
            .effects
            .iter()
            .filter(|e| e.competency == code)
            .map(|e| e.delta)
            .sum()
    };
    // Longest/shortest path by memoised depth-first search; a loop falls back to the
    // outer bound.
    fn walk(
        scenario: &Scenario,
        id: &str,
        delta: &dyn Fn(&super::Choice) -> i32,
        memo: &mut HashMap<String, Option<(i32, i32)>>,
        on_path: &mut HashSet<String>,
    ) -> Result<Option<(i32, i32)>, ()> {
        if let Some(known) = memo.get(id) {
            return Ok(*known);
        }
        if !on_path.insert(id.to_owned()) {
            return Err(());
        }
        let result = match scenario.node(id).map(|n| &n.kind) {
            Some(NodeKind::Ending { .. }) => Some((0, 0)),
            Some(NodeKind::Situation { choices }) => {
                let mut range: Option<(i32, i32)> = None;
                for choice in choices {
                    if let Some((lo, hi)) = walk(scenario, &choice.next, delta, memo, on_path)? {
                        let d = delta(choice);
                        let (lo, hi) = (lo.saturating_add(d), hi.saturating_add(d));
                        range = Some(range.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
                    }
                }
                range
            }
            None => None,
        };
        on_path.remove(id);
        memo.insert(id.to_owned(), result);
        Ok(result)
    }
    let mut memo = HashMap::new();
    // Past the size limit, skip the recursive search (its depth is the graph's).
    let exact = if scenario.nodes.len() <= MAX_NODES {
        walk(
            scenario,
            &scenario.start,
            &delta,
            &mut memo,
            &mut HashSet::new(),
        )
    } else {
        Err(())
    };
    match exact {
        Ok(Some((min, max))) => Bounds { min, max },
        Ok(None) => Bounds { min: 0, max: 0 },
        Err(()) => {
            let forward = edges(scenario);
            let seen = reachable(&[scenario.start.as_str()], &forward);
            let mut bounds = Bounds { min: 0, max: 0 };
            for node in scenario
                .nodes
                .iter()
                .filter(|n| seen.contains(n.id.as_str()))
            {
                if let NodeKind::Situation { choices } = &node.kind {
                    for choice in choices {
                        let d = delta(choice);
                        if d < 0 {
                            bounds.min = bounds.min.saturating_add(d);
                        } else {
                            bounds.max = bounds.max.saturating_add(d);
                        }
                    }
                }
            }
            bounds
        }
    }
}
