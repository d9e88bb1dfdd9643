//! The plain-text notation of the authoring forms, so a lecturer edits a question, a rubric
//! or a survey in ordinary text boxes without scripts. One entry per line; a line's
//! Vietnamese and English are separated by ` | ` (English is optional).
//!
//! - choices: `* Right answer | English` marks a correct option; `>> feedback | English`
//!   after an option gives its feedback;
//! - true/false: `đúng`/`true` or `sai`/`false`;
//! - numeric: `42`, `42 ± 0.5` or `42 +- 0.5`;
//! - short text: one accepted answer per line;
//! - ordering: the items in their correct order (learners see them shuffled);
//! - matching: `left = right`;
//! - rubric: `3: criterion | English` (points first);
//! - blueprint: `CODE: 2`;
//! - survey: `likert course: prompt | English` (kinds `likert`, `text`; about `course`,
//!   `lecturer`, `relevance`);
//! - role-play effects: `CODE +2, CODE -1`.

use serde::{Deserialize, Serialize};

use super::{BlueprintLine, RubricCriterion, SurveyAbout, SurveyItem, SurveyItemKind};
use crate::quiz::{Item, MultiScoring, Question};
use crate::roleplay::Effect;
use crate::{L10n, Locale};

/// A line that could not be read: its number (1-based; 0 for the whole text) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotationError {
    pub line: usize,
    pub message: L10n,
}

impl NotationError {
    fn at(line: usize, vi: &str, en: &str) -> Self {
        Self {
            line,
            message: L10n::new(vi, en),
        }
    }

    pub fn describe(&self, locale: Locale) -> String {
        let message = self.message.get(locale);
        match (self.line, locale) {
            (0, _) => message.to_owned(),
            (n, Locale::Vi) => format!("Dòng {n}: {message}"),
            (n, Locale::En) => format!("Line {n}: {message}"),
        }
    }
}

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

/// `vi | en` → both languages.
pub fn text(line: &str) -> L10n {
    match line.split_once(" | ") {
        Some((vi, en)) => L10n::new(vi.trim(), en.trim()),
        None => L10n::new(line.trim(), ""),
    }
}

pub fn text_line(text: &L10n) -> String {
    if text.en.is_empty() {
        text.vi.clone()
    } else {
        format!("{} | {}", text.vi, text.en)
    }
}

fn lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
    input
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
}

/// One text per line.
pub fn texts(input: &str) -> Vec<L10n> {
    lines(input).map(|(_, l)| text(l)).collect()
}

pub fn texts_lines(texts: &[L10n]) -> String {
    texts.iter().map(text_line).collect::<Vec<_>>().join("\n")
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
            Err(NotationError::at(
                0,
                &format!("Cần ít nhất {n} dòng"),
                &format!("At least {n} lines are needed"),
            ))
        } else {
            Ok(())
        }
    };
    match kind {
        "single_choice" | "multiple_choice" => {
            need(2)?;
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
            if kind == "single_choice" {
                match correct.as_slice() {
                    [one] => Ok(Question::SingleChoice {
                        options,
                        correct: one.clone(),
                    }),
                    _ => Err(NotationError::at(
                        0,
                        "Đánh dấu đúng một đáp án bằng dấu * ở đầu dòng",
                        "Mark exactly one answer with a * at the start of its line",
                    )),
                }
            } else if correct.is_empty() {
                Err(NotationError::at(
                    0,
                    "Đánh dấu các đáp án đúng bằng dấu * ở đầu dòng",
                    "Mark the correct answers with a * at the start of their lines",
                ))
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
        "true_false" => {
            let Some((n, word)) = entries.first() else {
                return Err(NotationError::at(
                    0,
                    "Ghi “đúng” hoặc “sai”",
                    "Write “true” or “false”",
                ));
            };
            match crate::text::fold(word).as_str() {
                "dung" | "true" | "d" | "t" => Ok(Question::TrueFalse { correct: true }),
                "sai" | "false" | "s" | "f" => Ok(Question::TrueFalse { correct: false }),
                _ => Err(NotationError::at(
                    *n,
                    "Ghi “đúng” hoặc “sai”",
                    "Write “true” or “false”",
                )),
            }
        }
        "numeric" => {
            let Some((n, line)) = entries.first() else {
                return Err(NotationError::at(
                    0,
                    "Ghi đáp số, ví dụ 42 ± 0.5",
                    "Write the answer, e.g. 42 ± 0.5",
                ));
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
                _ => Err(NotationError::at(
                    *n,
                    "Ghi đáp số, ví dụ 42 ± 0.5",
                    "Write the answer, e.g. 42 ± 0.5",
                )),
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
                    return Err(NotationError::at(
                        *n,
                        "Ghi một cặp dạng “trái = phải”",
                        "Write a pair as “left = right”",
                    ));
                };
                let (l, r) = (item(i, l), item(i, r));
                pairs.push((l.key.clone(), r.key.clone()));
                left.push(l);
                right.push(r);
            }
            Ok(Question::Matching { left, right, pairs })
        }
        _ => Err(NotationError::at(
            0,
            "Loại câu hỏi không hợp lệ",
            "Unknown question type",
        )),
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

pub fn rubric(input: &str) -> Result<Vec<RubricCriterion>, NotationError> {
    lines(input)
        .map(|(n, line)| {
            let (points, body) = line
                .split_once(':')
                .and_then(|(p, b)| Some((p.trim().parse::<u32>().ok()?, b)))
                .ok_or_else(|| {
                    NotationError::at(
                        n,
                        "Ghi điểm trước, ví dụ “3: Lắng nghe công dân”",
                        "Write the points first, e.g. “3: Listens to the citizen”",
                    )
                })?;
            Ok(RubricCriterion {
                text: text(body),
                points,
            })
        })
        .collect()
}

pub fn rubric_lines(rubric: &[RubricCriterion]) -> String {
    rubric
        .iter()
        .map(|c| format!("{}: {}", c.points, text_line(&c.text)))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn blueprint(input: &str) -> Result<Vec<BlueprintLine>, NotationError> {
    lines(input)
        .map(|(n, line)| {
            line.split_once(':')
                .and_then(|(code, count)| {
                    Some(BlueprintLine {
                        competency: code.trim().to_owned(),
                        count: count.trim().parse().ok()?,
                    })
                })
                .filter(|l| !l.competency.is_empty())
                .ok_or_else(|| {
                    NotationError::at(
                        n,
                        "Ghi “MÃ_NĂNG_LỰC: số câu”",
                        "Write “COMPETENCY_CODE: number of items”",
                    )
                })
        })
        .collect()
}

pub fn blueprint_lines(lines: &[BlueprintLine]) -> String {
    lines
        .iter()
        .map(|l| format!("{}: {}", l.competency, l.count))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn survey(input: &str) -> Result<Vec<SurveyItem>, NotationError> {
    lines(input)
        .enumerate()
        .map(|(i, (n, line))| {
            let bad = || NotationError::at(n, "Ghi “likert course: câu hỏi” (loại likert/text; về course/lecturer/relevance)", "Write “likert course: question” (kind likert/text; about course/lecturer/relevance)");
            let (head, prompt) = line.split_once(':').ok_or_else(bad)?;
            let mut words = head.split_whitespace();
            let kind = match words.next() {
                Some("likert") => SurveyItemKind::Likert,
                Some("text") => SurveyItemKind::Text,
                _ => return Err(bad()),
            };
            let about = words.next().and_then(SurveyAbout::from_code).ok_or_else(bad)?;
            Ok(SurveyItem {
                id: format!("s{}", i + 1),
                kind,
                about,
                prompt: text(prompt),
            })
        })
        .collect()
}

pub fn survey_lines(items: &[SurveyItem]) -> String {
    items
        .iter()
        .map(|i| {
            let kind = match i.kind {
                SurveyItemKind::Likert => "likert",
                SurveyItemKind::Text => "text",
            };
            format!("{kind} {}: {}", i.about.code(), text_line(&i.prompt))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn effects(input: &str) -> Result<Vec<Effect>, NotationError> {
    input
        .split([',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (code, delta) = part
                .rsplit_once(' ')
                .and_then(|(c, d)| {
                    Some((
                        c.trim(),
                        d.trim().trim_start_matches('+').parse::<i32>().ok()?,
                    ))
                })
                .filter(|(c, _)| !c.is_empty())
                .ok_or_else(|| {
                    NotationError::at(
                        0,
                        "Ghi tác động dạng “MÃ +2, MÃ -1”",
                        "Write effects as “CODE +2, CODE -1”",
                    )
                })?;
            Ok(Effect {
                competency: code.to_owned(),
                delta,
            })
        })
        .collect()
}

pub fn effects_text(effects: &[Effect]) -> String {
    effects
        .iter()
        .map(|e| format!("{} {:+}", e.competency, e.delta))
        .collect::<Vec<_>>()
        .join(", ")
}
