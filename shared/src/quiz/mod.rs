//! Quiz questions and their grading: pure functions, run on the server (authoritative),
//! and in the browser and offline for instant feedback.

mod grading;
mod model_answer;
mod verdicts;

pub use grading::{Grade, grade};
pub use verdicts::{MAX_OPTIONS, answer_key, verdicts};

use serde::{Deserialize, Serialize};

use crate::L10n;

/// Identifies an option or item within one question.
pub type Key = String;

/// A choice or an item the learner sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub key: Key,
    /// Markdown, rendered and sanitised by the server.
    pub text: L10n,
    /// Shown after answering, when the quiz shows feedback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<L10n>,
}

/// How a multiple-choice question gives credit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MultiScoring {
    /// Full credit only for exactly the right set.
    #[default]
    AllOrNothing,
    /// Each right choice earns its share; each wrong one takes a share away (never below 0).
    Partial,
}

/// The kinds of question and their answer keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Question {
    SingleChoice {
        options: Vec<Item>,
        correct: Key,
    },
    MultipleChoice {
        options: Vec<Item>,
        correct: Vec<Key>,
        #[serde(default)]
        scoring: MultiScoring,
    },
    TrueFalse {
        correct: bool,
    },
    /// Right when within `tolerance` (absolute) of `answer`.
    Numeric {
        answer: f64,
        #[serde(default)]
        tolerance: f64,
    },
    /// Right when equal to one of `accepted` after trimming and folding spaces; with
    /// `lenient`, also ignoring case and Vietnamese marks.
    ShortText {
        accepted: Vec<String>,
        #[serde(default)]
        lenient: bool,
    },
    /// Put `items` in the order given by `correct`.
    Ordering {
        items: Vec<Item>,
        correct: Vec<Key>,
    },
    /// Match each left item to a right item; `pairs` are (left, right).
    Matching {
        left: Vec<Item>,
        right: Vec<Item>,
        pairs: Vec<(Key, Key)>,
    },
}

/// A learner's answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Response {
    Choice(String),
    Choices(Vec<String>),
    Bool(bool),
    Number(f64),
    Text(String),
    Order(Vec<String>),
    Pairs(Vec<(Key, Key)>),
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Response {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::openapi::response_schema()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Response {}
