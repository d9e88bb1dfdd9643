//! Every possible answer to a closed question with its grade, for practice quizzes whose
//! lecturer lets a device check answers offline (docs/OFFLINE.md): the device looks the
//! learner's answer up instead of asking the server. It is the answer key in another form,
//! so pre- and post-tests never have one. Numeric, text, ordering and matching questions
//! have too many answers to list: offline, they are checked after the sync.

use std::collections::BTreeMap;

use super::{Question, Response, grade};

/// Multiple choice with more options than this is not listed (2^8 answers at most).
pub const MAX_OPTIONS: usize = 8;

/// The key of an answer: the chosen option keys (or `true`/`false`), sorted, joined by
/// commas; no answer is `""`.
pub fn answer_key(mut chosen: Vec<String>) -> String {
    chosen.sort();
    chosen.join(",")
}

/// The score of every answer to `question`, by [`answer_key`]; `None` for open questions.
pub fn verdicts(question: &Question) -> Option<BTreeMap<String, f64>> {
    let mut out = BTreeMap::from([(String::new(), 0.0)]);
    let mut put = |chosen: Vec<String>, response: Response| {
        out.insert(answer_key(chosen), grade(question, &response).score);
    };
    match question {
        Question::SingleChoice { options, .. } => {
            for o in options {
                put(vec![o.key.clone()], Response::Choice(o.key.clone()));
            }
        }
        Question::TrueFalse { .. } => {
            for b in [true, false] {
                put(vec![b.to_string()], Response::Bool(b));
            }
        }
        Question::MultipleChoice { options, .. } if options.len() <= MAX_OPTIONS => {
            for mask in 1u32..(1 << options.len()) {
                let chosen: Vec<String> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.key.clone())
                    .collect();
                put(chosen.clone(), Response::Choices(chosen));
            }
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::L10n;
    use crate::quiz::{Item, MultiScoring};

    fn item(key: &str) -> Item {
        Item {
            key: key.into(),
            text: L10n::new(key, key),
            feedback: None,
        }
    }

    #[test]
    fn every_answer_has_the_grade_the_server_gives() {
        let single = Question::SingleChoice {
            options: vec![item("a"), item("b"), item("c")],
            correct: "b".into(),
        };
        let table = verdicts(&single).unwrap();
        assert_eq!(table.len(), 4);
        assert_eq!((table["b"], table["a"], table[""]), (1.0, 0.0, 0.0));

        let multiple = Question::MultipleChoice {
            options: vec![item("a"), item("b"), item("c"), item("d")],
            correct: vec!["a".into(), "c".into()],
            scoring: MultiScoring::default(),
        };
        let table = verdicts(&multiple).unwrap();
        assert_eq!(table.len(), 16, "every subset and no answer");
        for (key, score) in &table {
            let chosen: Vec<String> = key
                .split(',')
                .filter(|k| !k.is_empty())
                .map(String::from)
                .collect();
            let expected = if chosen.is_empty() {
                0.0
            } else {
                grade(&multiple, &Response::Choices(chosen)).score
            };
            assert_eq!(*score, expected, "{key}");
        }
        assert_eq!(table["a,c"], 1.0);
        assert_eq!(answer_key(vec!["c".into(), "a".into()]), "a,c");

        let tf = verdicts(&Question::TrueFalse { correct: false }).unwrap();
        assert_eq!((tf["false"], tf["true"]), (1.0, 0.0));
    }

    #[test]
    fn open_questions_and_long_lists_have_no_table() {
        assert!(
            verdicts(&Question::Numeric {
                answer: 30.0,
                tolerance: 2.0
            })
            .is_none()
        );
        let long = Question::MultipleChoice {
            options: (0..9).map(|i| item(&i.to_string())).collect(),
            correct: vec!["1".into()],
            scoring: MultiScoring::default(),
        };
        assert!(verdicts(&long).is_none());
    }
}
