//! Aiken: one multiple-choice question per block — its text, options `A.` or `A)` one per
//! line, then `ANSWER: A`. The simplest format lecturers type by hand.
//!
//! ```text
//! Ai tiếp công dân định kỳ ở xã?
//! A. Chủ tịch Ủy ban nhân dân xã
//! B. Công chức tư pháp – hộ tịch
//! ANSWER: A
//! ```

use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, Question};

use super::{Read, Reading, localised};

/// `A. text` or `A) text`: the letter and the text.
fn option(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix(['.', ')'])?;
    text.starts_with([' ', '\t'])
        .then(|| (letter, text.trim()))
        .filter(|(_, t)| !t.is_empty())
}

fn answer(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("ANSWER")?.trim_start();
    Some(rest.strip_prefix(':')?.trim())
}

/// A question being read: where it began, its text lines and options so far.
struct Open {
    line: usize,
    text: Vec<String>,
    options: Vec<(char, String, usize)>,
}

/// Reads an Aiken file.
pub fn read(text: &str, locale: Locale) -> Reading {
    let mut reading = Reading::default();
    let mut open: Option<Open> = None;
    let mut number = 0;
    for (i, raw) in text.lines().enumerate() {
        let at = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(letter) = answer(line) {
            let Some(question) = open.take() else {
                reading.problem(at, "ANSWER without a question before it");
                continue;
            };
            number += 1;
            finish(&mut reading, question, letter, at, number, locale);
            continue;
        }
        match (&mut open, option(line)) {
            (Some(q), Some((letter, text))) if !q.text.is_empty() => {
                if q.options.iter().any(|(l, _, _)| *l == letter) {
                    reading.problem(at, format!("option {letter} is given twice"));
                }
                q.options.push((letter, text.to_owned(), at));
            }
            (Some(q), None) if q.options.is_empty() => q.text.push(line.to_owned()),
            (Some(q), _) => {
                // Text after the options: the question before never got its ANSWER line.
                reading.problem(
                    q.line,
                    "this question has no ANSWER: line after its options",
                );
                open = Some(Open {
                    line: at,
                    text: vec![line.to_owned()],
                    options: Vec::new(),
                });
            }
            (None, _) => {
                open = Some(Open {
                    line: at,
                    text: vec![line.to_owned()],
                    options: Vec::new(),
                });
            }
        }
    }
    if let Some(q) = open {
        reading.problem(
            q.line,
            "this question has no ANSWER: line after its options",
        );
    }
    reading
}

fn finish(reading: &mut Reading, q: Open, letter: &str, at: usize, number: usize, locale: Locale) {
    if q.options.len() < 2 {
        reading.problem(q.line, "a question needs at least two options (A. …, B. …)");
        return;
    }
    let Some((correct, _, _)) = q
        .options
        .iter()
        .find(|(l, _, _)| letter.len() == 1 && letter.starts_with(*l))
    else {
        reading.problem(
            at,
            format!(
                "ANSWER: {letter} names none of the options A–{}",
                q.options.last().map_or('A', |o| o.0)
            ),
        );
        return;
    };
    let key = |l: char| l.to_ascii_lowercase().to_string();
    reading.questions.push(Read {
        number,
        line: q.line,
        category: None,
        question: QuizQuestion {
            id: format!("q{number}"),
            competency: String::new(),
            prompt: localised(locale, &q.text.join("\n")),
            question: Question::SingleChoice {
                options: q
                    .options
                    .iter()
                    .map(|(l, text, _)| Item {
                        key: key(*l),
                        text: localised(locale, text),
                        feedback: None,
                    })
                    .collect(),
                correct: key(*correct),
            },
            feedback: None,
        },
        not_carried: Vec::new(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Ai chủ trì tiếp công dân định kỳ ở xã?
A. Chủ tịch Ủy ban nhân dân xã
B) Công chức tư pháp – hộ tịch
C. Trưởng thôn
ANSWER: A

Thời hạn giải quyết khiếu nại lần đầu
không quá bao nhiêu ngày?
A. 15 ngày
B. 30 ngày
ANSWER: B
";

    #[test]
    fn questions_with_dot_and_parenthesis_options_and_text_over_two_lines() {
        let reading = read(SAMPLE, Locale::Vi);
        assert_eq!(reading.problems, []);
        assert_eq!(reading.questions.len(), 2);
        let first = &reading.questions[0];
        assert_eq!((first.number, first.line), (1, 1));
        let Question::SingleChoice { options, correct } = &first.question.question else {
            panic!("single choice");
        };
        assert_eq!(options.len(), 3);
        assert_eq!(options[1].text.vi, "Công chức tư pháp – hộ tịch");
        assert_eq!(correct, "a");
        let second = &reading.questions[1];
        assert_eq!(second.line, 7);
        assert_eq!(
            second.question.prompt.vi,
            "Thời hạn giải quyết khiếu nại lần đầu\nkhông quá bao nhiêu ngày?"
        );
        assert_eq!(second.question.prompt.en, "");
    }

    #[test]
    fn every_mistake_is_named_with_its_line() {
        let text = "Câu một?
A. Có
B. Không
ANSWER: D

Câu hai?
A. Có
B. Không

Câu ba?
A. Chỉ một
ANSWER: A
";
        let reading = read(text, Locale::Vi);
        let lines: Vec<(usize, &str)> = reading
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (4, "ANSWER: D names none of the options A–B"),
                (6, "this question has no ANSWER: line after its options"),
                (10, "a question needs at least two options (A. …, B. …)"),
            ]
        );
        assert!(reading.questions.is_empty());
    }
}
