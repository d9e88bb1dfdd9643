//! Edits a draft goes through: each is one small, checked change, run by the server inside
//! the transaction that loads and saves the draft.

use serde::{Deserialize, Serialize};

use super::{
    Activity, ActivityBody, ActivityKind, Module, Package, QuizQuestion, RolePlay, next_id,
};
use crate::L10n;
use crate::roleplay::{Choice, Node, NodeKind, Outcome};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No such module, activity, question, node or choice.
    NotFound,
    /// The activity is not of the kind the edit needs.
    WrongKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// Moves `list[index]` one place; false when it is already at that end.
pub fn shift<T>(list: &mut [T], index: usize, direction: Direction) -> bool {
    match direction {
        Direction::Up if index > 0 && index < list.len() => {
            list.swap(index, index - 1);
            true
        }
        Direction::Down if index + 1 < list.len() => {
            list.swap(index, index + 1);
            true
        }
        _ => false,
    }
}

/// Where the item bank is addressed instead of a quiz.
pub const ITEM_BANK: &str = "bank";

impl Package {
    pub fn add_module(&mut self, title: L10n) -> String {
        let id = next_id("m", self.modules.iter().map(|m| m.id.as_str()));
        self.modules.push(Module {
            id: id.clone(),
            title,
            activities: Vec::new(),
        });
        id
    }

    pub fn module_mut(&mut self, id: &str) -> Result<&mut Module, EditError> {
        self.modules
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(EditError::NotFound)
    }

    pub fn remove_module(&mut self, id: &str) -> Result<Module, EditError> {
        let index = self
            .modules
            .iter()
            .position(|m| m.id == id)
            .ok_or(EditError::NotFound)?;
        Ok(self.modules.remove(index))
    }

    pub fn move_module(&mut self, id: &str, direction: Direction) -> Result<(), EditError> {
        let index = self
            .modules
            .iter()
            .position(|m| m.id == id)
            .ok_or(EditError::NotFound)?;
        shift(&mut self.modules, index, direction);
        Ok(())
    }

    pub fn add_activity(
        &mut self,
        module: &str,
        kind: ActivityKind,
        title: L10n,
    ) -> Result<String, EditError> {
        let id = next_id("a", self.activities().map(|a| a.id.as_str()));
        self.module_mut(module)?.activities.push(Activity {
            id: id.clone(),
            title,
            body: kind.empty_body(),
        });
        Ok(id)
    }

    fn locate(&self, activity: &str) -> Result<(usize, usize), EditError> {
        self.modules
            .iter()
            .enumerate()
            .find_map(|(m, module)| {
                module
                    .activities
                    .iter()
                    .position(|a| a.id == activity)
                    .map(|a| (m, a))
            })
            .ok_or(EditError::NotFound)
    }

    pub fn remove_activity(&mut self, id: &str) -> Result<Activity, EditError> {
        let (m, a) = self.locate(id)?;
        Ok(self.modules[m].activities.remove(a))
    }

    /// One place up or down; past the top or bottom of its module it moves into the
    /// neighbouring module.
    pub fn move_activity(&mut self, id: &str, direction: Direction) -> Result<(), EditError> {
        let (m, a) = self.locate(id)?;
        if shift(&mut self.modules[m].activities, a, direction) {
            return Ok(());
        }
        let target = match direction {
            Direction::Up => m.checked_sub(1),
            Direction::Down => Some(m + 1).filter(|t| *t < self.modules.len()),
        };
        if let Some(t) = target {
            let activity = self.modules[m].activities.remove(a);
            match direction {
                Direction::Up => self.modules[t].activities.push(activity),
                Direction::Down => self.modules[t].activities.insert(0, activity),
            }
        }
        Ok(())
    }

    /// The questions of a quiz, or the item bank when `container` is [`ITEM_BANK`].
    pub fn questions_mut(&mut self, container: &str) -> Result<&mut Vec<QuizQuestion>, EditError> {
        if container == ITEM_BANK {
            return Ok(&mut self.item_bank);
        }
        match &mut self
            .activity_mut(container)
            .ok_or(EditError::NotFound)?
            .body
        {
            ActivityBody::Quiz(quiz) => Ok(&mut quiz.questions),
            _ => Err(EditError::WrongKind),
        }
    }

    pub fn role_play_mut(&mut self, activity: &str) -> Result<&mut RolePlay, EditError> {
        match &mut self.activity_mut(activity).ok_or(EditError::NotFound)?.body {
            ActivityBody::RolePlay(play) => Ok(play),
            _ => Err(EditError::WrongKind),
        }
    }
}

/// Adds a question with a fresh id (`q1`, … in a quiz; `b1`, … in the item bank, as
/// `container` says) and returns the id.
pub fn add_question(
    list: &mut Vec<QuizQuestion>,
    container: &str,
    mut question: QuizQuestion,
) -> String {
    let prefix = if container == ITEM_BANK { "b" } else { "q" };
    question.id = next_id(prefix, list.iter().map(|q| q.id.as_str()));
    let id = question.id.clone();
    list.push(question);
    id
}

pub fn question_index(list: &[QuizQuestion], id: &str) -> Result<usize, EditError> {
    list.iter()
        .position(|q| q.id == id)
        .ok_or(EditError::NotFound)
}

impl RolePlay {
    /// Adds a node; the first node becomes the start.
    pub fn add_node(&mut self, ending: bool, text: L10n) -> String {
        let scenario = &mut self.scenario;
        let id = next_id("n", scenario.nodes.iter().map(|n| n.id.as_str()));
        let kind = if ending {
            NodeKind::Ending {
                outcome: Outcome::Partial,
                debrief: L10n::default(),
            }
        } else {
            NodeKind::Situation {
                choices: Vec::new(),
            }
        };
        scenario.nodes.push(Node {
            id: id.clone(),
            speaker: None,
            text,
            kind,
        });
        if scenario.start.is_empty() {
            scenario.start.clone_from(&id);
        }
        id
    }

    pub fn node_mut(&mut self, id: &str) -> Result<&mut Node, EditError> {
        self.scenario
            .nodes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(EditError::NotFound)
    }

    /// Removes a node; choices that led to it are left dangling for the report to show.
    pub fn remove_node(&mut self, id: &str) -> Result<(), EditError> {
        let index = self
            .scenario
            .nodes
            .iter()
            .position(|n| n.id == id)
            .ok_or(EditError::NotFound)?;
        self.scenario.nodes.remove(index);
        if self.scenario.start == id {
            self.scenario.start = self
                .scenario
                .nodes
                .first()
                .map(|n| n.id.clone())
                .unwrap_or_default();
        }
        Ok(())
    }

    pub fn choices_mut(&mut self, node: &str) -> Result<&mut Vec<Choice>, EditError> {
        match &mut self.node_mut(node)?.kind {
            NodeKind::Situation { choices } => Ok(choices),
            NodeKind::Ending { .. } => Err(EditError::WrongKind),
        }
    }

    pub fn add_choice(&mut self, node: &str, mut choice: Choice) -> Result<String, EditError> {
        let choices = self.choices_mut(node)?;
        choice.id = next_id("c", choices.iter().map(|c| c.id.as_str()));
        let id = choice.id.clone();
        choices.push(choice);
        Ok(id)
    }
}
