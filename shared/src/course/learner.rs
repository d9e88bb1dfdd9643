//! What a learner is shown of a question: the prompt and the things to choose from, never
//! the answer key or the feedback (those come back only with a graded answer).

use serde::{Deserialize, Serialize};

use super::QuizQuestion;
use crate::L10n;
use crate::quiz::{Item, Question};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    pub text: L10n,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Shown {
    SingleChoice {
        options: Vec<Choice>,
    },
    MultipleChoice {
        options: Vec<Choice>,
    },
    TrueFalse,
    Numeric,
    ShortText,
    /// The items in a neutral order (by key), not the answer's order.
    Ordering {
        items: Vec<Choice>,
    },
    Matching {
        left: Vec<Choice>,
        right: Vec<Choice>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownQuestion {
    pub id: String,
    pub competency: String,
    pub prompt: L10n,
    #[serde(flatten)]
    pub shown: Shown,
}

fn choices(items: &[Item]) -> Vec<Choice> {
    items
        .iter()
        .map(|i| Choice {
            key: i.key.clone(),
            text: i.text.clone(),
        })
        .collect()
}

fn sorted(items: &[Item]) -> Vec<Choice> {
    let mut shown = choices(items);
    shown.sort_by(|a, b| a.key.cmp(&b.key));
    shown
}

/// Rotates the right column so it never lines up with the answer.
fn rotated(items: &[Item]) -> Vec<Choice> {
    let mut shown = choices(items);
    if !shown.is_empty() {
        shown.rotate_left(1);
    }
    shown
}

pub fn shown(question: &QuizQuestion) -> ShownQuestion {
    let shown = match &question.question {
        Question::SingleChoice { options, .. } => Shown::SingleChoice {
            options: choices(options),
        },
        Question::MultipleChoice { options, .. } => Shown::MultipleChoice {
            options: choices(options),
        },
        Question::TrueFalse { .. } => Shown::TrueFalse,
        Question::Numeric { .. } => Shown::Numeric,
        Question::ShortText { .. } => Shown::ShortText,
        Question::Ordering { items, .. } => Shown::Ordering {
            items: if items.len() > 1 {
                rotated(items)
            } else {
                sorted(items)
            },
        },
        Question::Matching { left, right, .. } => Shown::Matching {
            left: choices(left),
            right: rotated(right),
        },
    };
    ShownQuestion {
        id: question.id.clone(),
        competency: question.competency.clone(),
        prompt: question.prompt.clone(),
        shown,
    }
}
