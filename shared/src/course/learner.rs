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

/// Reads a plain HTML form's answers to `questions`: `{id}` for a choice, a number or text
/// (several `{id}` fields for multiple choice), `{id}-{key}` for the position of an ordering
/// item or the right-hand partner of a matching item. Questions left blank are absent.
pub fn responses_from_form(
    questions: &[&QuizQuestion],
    fields: &[(String, String)],
) -> std::collections::BTreeMap<String, crate::quiz::Response> {
    use crate::quiz::Response;
    let values = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect()
    };
    let first = |name: &str| values(name).first().map(|v| (*v).to_owned());
    let mut out = std::collections::BTreeMap::new();
    for q in questions {
        let id = q.id.as_str();
        let response = match &q.question {
            Question::SingleChoice { .. } => first(id).map(Response::Choice),
            Question::MultipleChoice { .. } => {
                let chosen: Vec<String> = values(id).into_iter().map(str::to_owned).collect();
                (!chosen.is_empty()).then_some(Response::Choices(chosen))
            }
            Question::TrueFalse { .. } => first(id).map(|v| Response::Bool(v == "true")),
            Question::Numeric { .. } => first(id)
                .and_then(|v| v.replace(',', ".").parse::<f64>().ok())
                .map(Response::Number),
            Question::ShortText { .. } => first(id).map(Response::Text),
            Question::Ordering { items, .. } => {
                let mut placed: Vec<(u32, String)> = items
                    .iter()
                    .filter_map(|i| {
                        let position = first(&format!("{id}-{}", i.key))?.parse().ok()?;
                        Some((position, i.key.clone()))
                    })
                    .collect();
                placed.sort();
                // Two items in one place is no order at all (and must not fall back to the
                // keys' order, which is often the answer).
                let distinct = placed.windows(2).all(|w| w[0].0 != w[1].0);
                (distinct && !placed.is_empty())
                    .then(|| Response::Order(placed.into_iter().map(|(_, k)| k).collect()))
            }
            Question::Matching { left, .. } => {
                let pairs: Vec<(String, String)> = left
                    .iter()
                    .filter_map(|l| Some((l.key.clone(), first(&format!("{id}-{}", l.key))?)))
                    .collect();
                (!pairs.is_empty()).then_some(Response::Pairs(pairs))
            }
        };
        if let Some(response) = response {
            out.insert(q.id.clone(), response);
        }
    }
    out
}
