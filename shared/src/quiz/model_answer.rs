//! The model answer to a question: the response the key marks fully right. Demo data and
//! tests answer with it; lecturers' previews could show it.

use super::{Question, Response};

impl Question {
    pub fn model_answer(&self) -> Response {
        match self {
            Self::SingleChoice { correct, .. } => Response::Choice(correct.clone()),
            Self::MultipleChoice { correct, .. } => Response::Choices(correct.clone()),
            Self::TrueFalse { correct } => Response::Bool(*correct),
            Self::Numeric { answer, .. } => Response::Number(*answer),
            Self::ShortText { accepted, .. } => {
                Response::Text(accepted.first().cloned().unwrap_or_default())
            }
            Self::Ordering { correct, .. } => Response::Order(correct.clone()),
            Self::Matching { pairs, .. } => Response::Pairs(pairs.clone()),
        }
    }
}
