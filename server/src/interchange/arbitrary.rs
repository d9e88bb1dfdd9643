//! Questions drawn at random for the round-trip property tests: texts with what XML,
//! CDATA and GIFT make awkward, every type in the shape a reader rebuilds it in.

use proptest::prelude::*;
use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, MultiScoring, Question};

use super::{key, localised};

/// Text as lecturers write it, with what XML and CDATA make awkward.
pub fn words() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9ăâđêôơưáàảãạếềểễệ<>&\\]\\[\"' ,.?]{0,18}[a-zđ]"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not empty", |s| !s.is_empty())
}

fn item(at: usize, text: String, feedback: Option<String>) -> Item {
    Item {
        key: key(at),
        text: localised(Locale::Vi, &text),
        feedback: feedback.map(|f| localised(Locale::Vi, &f)),
    }
}

fn choices() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((words(), prop::option::of(words())), 2..6).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (t, f))| item(i, t, f))
            .collect()
    })
}

pub fn question(ordering: bool) -> impl Strategy<Value = Question> {
    let every = prop_oneof![
        choices().prop_flat_map(|options| {
            let n = options.len();
            (Just(options), 0..n).prop_map(|(options, right)| Question::SingleChoice {
                correct: key(right),
                options,
            })
        }),
        choices().prop_flat_map(|options| {
            let n = options.len();
            (Just(options), prop::collection::btree_set(0..n, 1..=n)).prop_map(
                |(options, right)| Question::MultipleChoice {
                    options,
                    correct: right.into_iter().map(super::key).collect(),
                    scoring: MultiScoring::Partial,
                },
            )
        }),
        any::<bool>().prop_map(|correct| Question::TrueFalse { correct }),
        (-1.0e6..1.0e6f64, 0.0..100.0f64)
            .prop_map(|(answer, tolerance)| Question::Numeric { answer, tolerance }),
        (prop::collection::vec(words(), 1..4), any::<bool>()).prop_map(
            move |(accepted, lenient)| Question::ShortText {
                accepted,
                lenient: lenient && ordering
            }
        ),
        prop::collection::vec(words(), 2..6).prop_map(|texts| {
            let items: Vec<Item> = texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| item(i, t, None))
                .collect();
            let correct = items.iter().map(|i| i.key.clone()).collect();
            Question::Ordering { items, correct }
        }),
        (
            prop::collection::vec(words(), 2..5),
            prop::collection::btree_set(words(), 2..6),
            prop::collection::vec(any::<prop::sample::Index>(), 5)
        )
            .prop_map(|(lefts, rights, picks)| matching(
                lefts,
                rights.into_iter().collect(),
                &picks
            )),
    ];
    // GIFT has neither ordering nor lenient short answers: `ordering` false leaves them out.
    every.prop_filter("a type the format holds", move |q| {
        ordering || !matches!(q, Question::Ordering { .. })
    })
}

/// A matching question in the order a reader rebuilds it: right-hand items in the order
/// the pairs first name them, unpaired ones (distractors) after.
fn matching(lefts: Vec<String>, rights: Vec<String>, picks: &[prop::sample::Index]) -> Question {
    let chosen: Vec<usize> = (0..lefts.len())
        .map(|i| picks[i].index(rights.len()))
        .collect();
    let mut order: Vec<usize> = Vec::new();
    for r in chosen.iter().copied().chain(0..rights.len()) {
        if !order.contains(&r) {
            order.push(r);
        }
    }
    let right: Vec<Item> = order
        .iter()
        .enumerate()
        .map(|(k, r)| item(k, rights[*r].clone(), None))
        .collect();
    let pairs = chosen
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let k = order.iter().position(|o| o == r).unwrap_or(0);
            (key(i), key(k))
        })
        .collect();
    let left = lefts
        .into_iter()
        .enumerate()
        .map(|(i, t)| item(i, t, None))
        .collect();
    Question::Matching { left, right, pairs }
}

/// One to five questions with ids `q1`… and texts in Vietnamese, as a reader returns them.
pub fn questions(ordering: bool) -> impl Strategy<Value = Vec<QuizQuestion>> {
    prop::collection::vec(
        (words(), prop::option::of(words()), question(ordering)),
        1..6,
    )
    .prop_map(|drawn| {
        drawn
            .into_iter()
            .enumerate()
            .map(|(i, (prompt, feedback, question))| QuizQuestion {
                id: format!("q{}", i + 1),
                competency: String::new(),
                prompt: localised(Locale::Vi, &prompt),
                question,
                feedback: feedback.map(|f| localised(Locale::Vi, &f)),
            })
            .collect()
    })
}
