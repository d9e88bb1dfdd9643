//! Grading one response against one question. Every score is in 0..=1; a response of the
//! wrong shape scores 0, never panics.

use std::collections::HashSet;

use super::{MultiScoring, Question, Response};
use crate::text::fold;

/// The outcome for one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grade {
    /// 0 (nothing) to 1 (full credit).
    pub score: f64,
    /// Full credit.
    pub correct: bool,
}

impl Grade {
    fn of(score: f64) -> Self {
        let score = if score.is_finite() {
            score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Self {
            score,
            correct: score >= 1.0 - 1e-9,
        }
    }
}

fn normalise_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn grade(question: &Question, response: &Response) -> Grade {
    let score = match (question, response) {
        (Question::SingleChoice { correct, .. }, Response::Choice(chosen)) => {
            f64::from(u8::from(chosen == correct))
        }
        (
            Question::MultipleChoice {
                correct, scoring, ..
            },
            Response::Choices(chosen),
        ) => {
            let right: HashSet<&String> = correct.iter().collect();
            let chosen: HashSet<&String> = chosen.iter().collect();
            match scoring {
                MultiScoring::AllOrNothing => f64::from(u8::from(right == chosen)),
                MultiScoring::Partial if right.is_empty() => f64::from(u8::from(chosen.is_empty())),
                MultiScoring::Partial => {
                    let hits = chosen.intersection(&right).count() as f64;
                    let misses = chosen.difference(&right).count() as f64;
                    (hits - misses) / right.len() as f64
                }
            }
        }
        (Question::TrueFalse { correct }, Response::Bool(answer)) => {
            f64::from(u8::from(answer == correct))
        }
        (Question::Numeric { answer, tolerance }, Response::Number(given)) => {
            let ok = given.is_finite()
                && (given - answer).abs() <= tolerance.abs() + f64::EPSILON * answer.abs().max(1.0);
            f64::from(u8::from(ok))
        }
        (Question::ShortText { accepted, lenient }, Response::Text(given)) => {
            let prepare = |text: &str| {
                let spaced = normalise_spaces(text);
                if *lenient { fold(&spaced) } else { spaced }
            };
            let given = prepare(given);
            f64::from(u8::from(
                !given.is_empty() && accepted.iter().any(|a| prepare(a) == given),
            ))
        }
        (Question::Ordering { correct, .. }, Response::Order(given)) => {
            if correct.is_empty() {
                0.0
            } else {
                let placed = correct
                    .iter()
                    .zip(given)
                    .filter(|(want, got)| want == got)
                    .count();
                let extra = given.len().saturating_sub(correct.len());
                (placed as f64 - extra as f64) / correct.len() as f64
            }
        }
        (Question::Matching { pairs, .. }, Response::Pairs(given)) => {
            if pairs.is_empty() {
                0.0
            } else {
                // Each left item counts once: its first pairing in the response.
                let mut seen = HashSet::new();
                let hits = given
                    .iter()
                    .filter(|(left, _)| seen.insert(left.clone()))
                    .filter(|pair| pairs.contains(pair))
                    .count();
                hits as f64 / pairs.len() as f64
            }
        }
        _ => 0.0,
    };
    Grade::of(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Item, Key};

    fn keys(list: &[&str]) -> Vec<Key> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    fn items(list: &[&str]) -> Vec<Item> {
        list.iter()
            .map(|k| Item {
                key: (*k).into(),
                text: (*k).into(),
                feedback: None,
            })
            .collect()
    }

    #[test]
    fn single_choice() {
        let q = Question::SingleChoice {
            options: items(&["a", "b"]),
            correct: "b".into(),
        };
        assert!(grade(&q, &Response::Choice("b".into())).correct);
        assert_eq!(grade(&q, &Response::Choice("a".into())).score, 0.0);
        assert_eq!(
            grade(&q, &Response::Choice("zzz".into())).score,
            0.0,
            "an unknown key is wrong, not an error"
        );
    }

    #[test]
    fn multiple_choice_all_or_nothing_and_partial() {
        let all = Question::MultipleChoice {
            options: items(&["a", "b", "c", "d"]),
            correct: keys(&["a", "c"]),
            scoring: MultiScoring::AllOrNothing,
        };
        assert!(
            grade(&all, &Response::Choices(keys(&["c", "a"]))).correct,
            "order does not matter"
        );
        assert_eq!(grade(&all, &Response::Choices(keys(&["a"]))).score, 0.0);
        assert!(
            grade(&all, &Response::Choices(keys(&["a", "a", "c"]))).correct,
            "duplicates count once"
        );

        let partial = Question::MultipleChoice {
            options: items(&["a", "b", "c", "d"]),
            correct: keys(&["a", "c"]),
            scoring: MultiScoring::Partial,
        };
        assert_eq!(grade(&partial, &Response::Choices(keys(&["a"]))).score, 0.5);
        assert_eq!(
            grade(&partial, &Response::Choices(keys(&["a", "b"]))).score,
            0.0,
            "a wrong choice cancels a right one"
        );
        assert_eq!(
            grade(&partial, &Response::Choices(keys(&["b", "d"]))).score,
            0.0,
            "never below zero"
        );
        assert_eq!(
            grade(&partial, &Response::Choices(keys(&["a", "b", "c", "d"]))).score,
            0.0,
            "ticking everything earns nothing"
        );
        assert!(grade(&partial, &Response::Choices(keys(&["a", "c"]))).correct);
    }

    #[test]
    fn true_false() {
        let q = Question::TrueFalse { correct: false };
        assert!(grade(&q, &Response::Bool(false)).correct);
        assert!(!grade(&q, &Response::Bool(true)).correct);
    }

    #[test]
    fn numeric_with_tolerance() {
        let q = Question::Numeric {
            answer: 30.0,
            tolerance: 0.5,
        };
        assert!(
            grade(&q, &Response::Number(30.5)).correct,
            "the edge counts"
        );
        assert!(grade(&q, &Response::Number(29.6)).correct);
        assert!(!grade(&q, &Response::Number(30.51)).correct);
        assert!(!grade(&q, &Response::Number(f64::NAN)).correct);
        assert!(!grade(&q, &Response::Number(f64::INFINITY)).correct);
        let exact = Question::Numeric {
            answer: 0.3,
            tolerance: 0.0,
        };
        assert!(
            grade(&exact, &Response::Number(0.1 + 0.2)).correct,
            "floating-point noise is not a wrong answer"
        );
    }

    #[test]
    fn short_text_strict_and_lenient() {
        let strict = Question::ShortText {
            accepted: vec!["Ủy ban nhân dân".into()],
            lenient: false,
        };
        assert!(
            grade(&strict, &Response::Text("  Ủy ban   nhân dân ".into())).correct,
            "spaces are folded"
        );
        assert!(!grade(&strict, &Response::Text("uy ban nhan dan".into())).correct);
        let lenient = Question::ShortText {
            accepted: vec!["Ủy ban nhân dân".into(), "UBND".into()],
            lenient: true,
        };
        assert!(
            grade(&lenient, &Response::Text("uy BAN nhan dan".into())).correct,
            "case and marks ignored"
        );
        assert!(grade(&lenient, &Response::Text("ubnd".into())).correct);
        assert!(
            !grade(&lenient, &Response::Text("".into())).correct,
            "an empty answer is never right"
        );
        let empty_key = Question::ShortText {
            accepted: vec!["".into()],
            lenient: true,
        };
        assert!(!grade(&empty_key, &Response::Text("   ".into())).correct);
    }

    #[test]
    fn ordering_gives_credit_per_position() {
        let q = Question::Ordering {
            items: items(&["a", "b", "c", "d"]),
            correct: keys(&["a", "b", "c", "d"]),
        };
        assert!(grade(&q, &Response::Order(keys(&["a", "b", "c", "d"]))).correct);
        assert_eq!(
            grade(&q, &Response::Order(keys(&["a", "b", "d", "c"]))).score,
            0.5
        );
        assert_eq!(
            grade(&q, &Response::Order(keys(&["a", "b"]))).score,
            0.5,
            "missing items earn nothing"
        );
        assert_eq!(
            grade(&q, &Response::Order(keys(&["a", "b", "c", "d", "x", "y"]))).score,
            0.5,
            "padding costs"
        );
    }

    #[test]
    fn matching_gives_credit_per_pair() {
        let pairs = vec![
            ("1".to_owned(), "x".to_owned()),
            ("2".to_owned(), "y".to_owned()),
        ];
        let q = Question::Matching {
            left: items(&["1", "2"]),
            right: items(&["x", "y", "z"]),
            pairs: pairs.clone(),
        };
        assert!(grade(&q, &Response::Pairs(pairs)).correct);
        let half = vec![
            ("1".to_owned(), "x".to_owned()),
            ("2".to_owned(), "z".to_owned()),
        ];
        assert_eq!(grade(&q, &Response::Pairs(half)).score, 0.5);
        // Answering the same left item twice cannot collect its credit twice.
        let greedy = vec![
            ("1".to_owned(), "x".to_owned()),
            ("1".to_owned(), "x".to_owned()),
        ];
        assert_eq!(grade(&q, &Response::Pairs(greedy)).score, 0.5);
    }

    #[test]
    fn a_response_of_the_wrong_shape_scores_zero() {
        let q = Question::TrueFalse { correct: true };
        assert_eq!(grade(&q, &Response::Text("true".into())).score, 0.0);
    }

    #[test]
    fn questions_round_trip_as_json() {
        let q = Question::MultipleChoice {
            options: items(&["a", "b"]),
            correct: keys(&["a"]),
            scoring: MultiScoring::Partial,
        };
        let json = serde_json::to_string(&q).unwrap_or_default();
        assert!(json.contains("\"type\":\"multiple_choice\""), "{json}");
        assert_eq!(serde_json::from_str::<Question>(&json).ok(), Some(q));
    }

    #[test]
    fn the_model_answer_of_every_type_is_fully_right() {
        let questions = [
            Question::SingleChoice {
                options: items(&["a", "b"]),
                correct: "b".into(),
            },
            Question::MultipleChoice {
                options: items(&["a", "b", "c"]),
                correct: keys(&["a", "c"]),
                scoring: MultiScoring::Partial,
            },
            Question::TrueFalse { correct: false },
            Question::Numeric {
                answer: 12.5,
                tolerance: 0.0,
            },
            Question::ShortText {
                accepted: vec!["Hoà giải".into(), "hoa giai".into()],
                lenient: false,
            },
            Question::Ordering {
                items: items(&["a", "b", "c"]),
                correct: keys(&["c", "a", "b"]),
            },
            Question::Matching {
                left: items(&["a", "b"]),
                right: items(&["x", "y"]),
                pairs: vec![("a".into(), "y".into()), ("b".into(), "x".into())],
            },
        ];
        for q in &questions {
            let g = grade(q, &q.model_answer());
            assert!(g.correct && (g.score - 1.0).abs() < 1e-12, "{q:?}");
        }
    }
}
