//! Role-play scenarios: a branching graph of situations and choices ending in outcomes.
//! The validator runs at publishing; the engine runs in the browser (instant play) and on
//! the server, which replays the learner's path to check it.

mod engine;
mod paths;
mod validate;

pub use engine::{Play, PlayError, normalised, replay};
pub use validate::{Bounds, MAX_NODES, Problem, score_bounds, validate};

use serde::{Deserialize, Serialize};

use crate::L10n;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// Who speaks (e.g. "Ông Tư, người dân"); none for narration.
    #[serde(default)]
    pub speaker: Option<L10n>,
    /// Markdown.
    pub text: L10n,
    #[serde(flatten)]
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NodeKind {
    Situation { choices: Vec<Choice> },
    Ending { outcome: Outcome, debrief: L10n },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Partial,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Unique within its node.
    pub id: String,
    pub text: L10n,
    /// Shown once chosen.
    #[serde(default)]
    pub feedback: L10n,
    /// Id of the node it leads to.
    pub next: String,
    /// Changes to competency scores (by competency code), counted the first time the
    /// choice is taken in a play.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effect {
    pub competency: String,
    pub delta: i32,
}

impl Node {
    /// The choices of a situation; none for an ending.
    pub fn choices(&self) -> &[Choice] {
        match &self.kind {
            NodeKind::Situation { choices } => choices,
            NodeKind::Ending { .. } => &[],
        }
    }
}

impl Scenario {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

#[cfg(test)]
mod tests;
