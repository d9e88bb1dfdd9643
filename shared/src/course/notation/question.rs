//! The answers box of each question type: `* right | English >> feedback` for choices,
//! `đúng`/`sai`, `30 ± 2`, accepted answers, items in order, `left = right`.

use super::{Notation, NotationError, lines, text, text_line};
use crate::quiz::{Item, MultiScoring, Question};

/// The question types, as named in forms and packages.
pub const QUESTION_TYPES: [&str; 7] = [
    "single_choice",
    "multiple_choice",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
];

pub fn question_type(question: &Question) -> &'static str {
    match question {
        Question::SingleChoice { .. } => "single_choice",
        Question::MultipleChoice { .. } => "multiple_choice",
        Question::TrueFalse { .. } => "true_false",
        Question::Numeric { .. } => "numeric",
        Question::ShortText { .. } => "short_text",
        Question::Ordering { .. } => "ordering",
        Question::Matching { .. } => "matching",
    }
}

/// Keys `a`, `b`, … `z`, `aa`, `ab`, …
fn key(index: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let mut n = index;
    let mut key = Vec::new();
    loop {
        key.push(letters[n % 26]);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    key.reverse();
    String::from_utf8(key).unwrap_or_default()
}

fn item(index: usize, line: &str) -> Item {
    let (body, feedback) = match line.split_once(">>") {
        Some((body, feedback)) => (body, Some(text(feedback))),
        None => (line, None),
    };
    Item {
        key: key(index),
        text: text(body),
        feedback,
    }
}

fn item_line(item: &Item, mark: &str) -> String {
    let mut line = format!("{mark}{}", text_line(&item.text));
    if let Some(feedback) = &item.feedback {
        line.push_str(" >> ");
        line.push_str(&text_line(feedback));
    }
    line
}

fn number(word: &str) -> Option<f64> {
    word.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// Options, `*` marking the correct ones: exactly one for a single choice, at least one
/// for a multiple choice.
fn choices(
    single: bool,
    entries: &[(usize, &str)],
    partial: bool,
) -> Result<Question, NotationError> {
    let mut options = Vec::new();
    let mut correct = Vec::new();
    for (i, (_, line)) in entries.iter().enumerate() {
        let (right, body) = match line.strip_prefix('*') {
            Some(rest) => (true, rest),
            None => (false, *line),
        };
        let option = item(i, body);
        if right {
            correct.push(option.key.clone());
        }
        options.push(option);
    }
    if single {
        match correct.as_slice() {
            [one] => Ok(Question::SingleChoice {
                options,
                correct: one.clone(),
            }),
            _ => Err(NotationError::at(0, Notation::MarkOneAnswer)),
        }
    } else if correct.is_empty() {
        Err(NotationError::at(0, Notation::MarkCorrectAnswers))
    } else {
        Ok(Question::MultipleChoice {
            options,
            correct,
            scoring: if partial {
                MultiScoring::Partial
            } else {
                MultiScoring::AllOrNothing
            },
        })
    }
}

/// Reads the answers box of a question of type `kind`.
pub fn question(
    kind: &str,
    input: &str,
    lenient: bool,
    partial: bool,
) -> Result<Question, NotationError> {
    let entries: Vec<(usize, &str)> = lines(input).collect();
    let need = |n: usize| {
        if entries.len() < n {
            Err(NotationError::at(0, Notation::AtLeastLines { min: n }))
        } else {
            Ok(())
        }
    };
    match kind {
        "single_choice" | "multiple_choice" => {
            need(2)?;
            choices(kind == "single_choice", &entries, partial)
        }
        "true_false" => {
            let Some((n, word)) = entries.first() else {
                return Err(NotationError::at(0, Notation::TrueOrFalse));
            };
            match crate::text::fold(word).as_str() {
                "dung" | "true" | "d" | "t" => Ok(Question::TrueFalse { correct: true }),
                "sai" | "false" | "s" | "f" => Ok(Question::TrueFalse { correct: false }),
                _ => Err(NotationError::at(*n, Notation::TrueOrFalse)),
            }
        }
        "numeric" => {
            let Some((n, line)) = entries.first() else {
                return Err(NotationError::at(0, Notation::NumericAnswer));
            };
            let (answer, tolerance) = match line.split_once('±').or_else(|| line.split_once("+-"))
            {
                Some((a, t)) => (number(a), number(t)),
                None => (number(line), Some(0.0)),
            };
            match (answer, tolerance) {
                (Some(answer), Some(tolerance)) if tolerance >= 0.0 => {
                    Ok(Question::Numeric { answer, tolerance })
                }
                _ => Err(NotationError::at(*n, Notation::NumericAnswer)),
            }
        }
        "short_text" => {
            need(1)?;
            Ok(Question::ShortText {
                accepted: entries.iter().map(|(_, l)| (*l).to_owned()).collect(),
                lenient,
            })
        }
        "ordering" => {
            need(2)?;
            let items: Vec<Item> = entries
                .iter()
                .enumerate()
                .map(|(i, (_, l))| item(i, l))
                .collect();
            let correct = items.iter().map(|i| i.key.clone()).collect();
            Ok(Question::Ordering { items, correct })
        }
        "matching" => {
            need(2)?;
            let mut left = Vec::new();
            let mut right = Vec::new();
            let mut pairs = Vec::new();
            for (i, (n, line)) in entries.iter().enumerate() {
                let Some((l, r)) = line.split_once(" = ") else {
                    return Err(NotationError::at(*n, Notation::MatchingPair));
                };
                let (l, r) = (item(i, l), item(i, r));
                pairs.push((l.key.clone(), r.key.clone()));
                left.push(l);
                right.push(r);
            }
            Ok(Question::Matching { left, right, pairs })
        }
        _ => Err(NotationError::at(0, Notation::UnknownQuestionType)),
    }
}

/// The answers box for an existing question: `question(kind, &answers_text(q), ..)` gives
/// back the same question (with keys renamed in order).
pub fn answers_text(question: &Question) -> String {
    let joined = |lines: Vec<String>| lines.join("\n");
    match question {
        Question::SingleChoice { options, correct } => joined(
            options
                .iter()
                .map(|o| item_line(o, if &o.key == correct { "* " } else { "" }))
                .collect(),
        ),
        Question::MultipleChoice {
            options, correct, ..
        } => joined(
            options
                .iter()
                .map(|o| item_line(o, if correct.contains(&o.key) { "* " } else { "" }))
                .collect(),
        ),
        Question::TrueFalse { correct } => if *correct { "đúng" } else { "sai" }.to_owned(),
        Question::Numeric { answer, tolerance } => {
            if *tolerance == 0.0 {
                answer.to_string()
            } else {
                format!("{answer} ± {tolerance}")
            }
        }
        Question::ShortText { accepted, .. } => accepted.join("\n"),
        Question::Ordering { items, correct } => joined(
            correct
                .iter()
                .filter_map(|k| items.iter().find(|i| &i.key == k))
                .map(|i| item_line(i, ""))
                .collect(),
        ),
        Question::Matching { left, right, pairs } => joined(
            pairs
                .iter()
                .filter_map(|(l, r)| {
                    let l = left.iter().find(|i| &i.key == l)?;
                    let r = right.iter().find(|i| &i.key == r)?;
                    Some(format!("{} = {}", item_line(l, ""), item_line(r, "")))
                })
                .collect(),
        ),
    }
}
