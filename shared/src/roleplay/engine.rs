//! Playing a scenario: one choice at a time, or replaying a whole path (the server's check
//! of a play made in the browser or offline).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Bounds, NodeKind, Outcome, Scenario};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    /// The node the learner is at.
    pub node: String,
    /// The choices taken so far, as `node/choice`.
    pub path: Vec<String>,
    /// Competency code → total of the effects so far.
    pub scores: BTreeMap<String, i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayError {
    UnknownNode(String),
    UnknownChoice { node: String, choice: String },
    AlreadyEnded,
}

impl std::fmt::Display for PlayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownNode(node) => write!(f, "no node {node}"),
            Self::UnknownChoice { node, choice } => write!(f, "node {node} has no choice {choice}"),
            Self::AlreadyEnded => f.write_str("the scenario has already ended"),
        }
    }
}

impl std::error::Error for PlayError {}

impl Play {
    pub fn start(scenario: &Scenario) -> Result<Self, PlayError> {
        scenario
            .node(&scenario.start)
            .ok_or_else(|| PlayError::UnknownNode(scenario.start.clone()))?;
        Ok(Self {
            node: scenario.start.clone(),
            path: Vec::new(),
            scores: BTreeMap::new(),
        })
    }

    /// Takes `choice` at the current node. A choice's effects count the first time only.
    pub fn choose(&self, scenario: &Scenario, choice: &str) -> Result<Self, PlayError> {
        let node = scenario
            .node(&self.node)
            .ok_or_else(|| PlayError::UnknownNode(self.node.clone()))?;
        let NodeKind::Situation { choices } = &node.kind else {
            return Err(PlayError::AlreadyEnded);
        };
        let taken =
            choices
                .iter()
                .find(|c| c.id == choice)
                .ok_or_else(|| PlayError::UnknownChoice {
                    node: node.id.clone(),
                    choice: choice.to_owned(),
                })?;
        scenario
            .node(&taken.next)
            .ok_or_else(|| PlayError::UnknownNode(taken.next.clone()))?;
        let step = format!("{}/{}", node.id, taken.id);
        let mut next = self.clone();
        if !next.path.contains(&step) {
            for effect in &taken.effects {
                let score = next.scores.entry(effect.competency.clone()).or_insert(0);
                *score = score.saturating_add(effect.delta);
            }
        }
        next.path.push(step);
        next.node = taken.next.clone();
        Ok(next)
    }

    /// The outcome, once at an ending.
    pub fn outcome(&self, scenario: &Scenario) -> Option<Outcome> {
        match scenario.node(&self.node).map(|n| &n.kind) {
            Some(NodeKind::Ending { outcome, .. }) => Some(*outcome),
            _ => None,
        }
    }
}

/// Plays `choices` (choice ids, in order) from the start.
pub fn replay(scenario: &Scenario, choices: &[String]) -> Result<Play, PlayError> {
    choices
        .iter()
        .try_fold(Play::start(scenario)?, |play, choice| {
            play.choose(scenario, choice)
        })
}

/// A raw score placed in its competency's range: 0 at the minimum, 1 at the maximum.
pub fn normalised(score: i32, bounds: Bounds) -> f64 {
    if bounds.max <= bounds.min {
        return 1.0;
    }
    (f64::from(score) - f64::from(bounds.min)) / (f64::from(bounds.max) - f64::from(bounds.min))
}
