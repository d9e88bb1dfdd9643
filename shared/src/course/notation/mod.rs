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

mod question;

pub use question::{QUESTION_TYPES, answers_text, question, question_type};

use serde::{Deserialize, Serialize};

use super::{BlueprintLine, RubricCriterion, SurveyAbout, SurveyItem, SurveyItemKind};
use crate::L10n;
use crate::roleplay::Effect;

/// What is wrong with a text box of the notation (worded in `crate::i18n::course`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Notation {
    /// Fewer lines than the question type needs.
    AtLeastLines {
        min: usize,
    },
    MarkOneAnswer,
    MarkCorrectAnswers,
    TrueOrFalse,
    NumericAnswer,
    MatchingPair,
    UnknownQuestionType,
    RubricLine,
    BlueprintLine,
    SurveyLine,
    EffectsLine,
}

/// A line that could not be read: its number (1-based; 0 for the whole text) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotationError {
    pub line: usize,
    pub problem: Notation,
}

impl NotationError {
    pub(super) fn at(line: usize, problem: Notation) -> Self {
        Self { line, problem }
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

pub(super) fn lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
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

pub fn rubric(input: &str) -> Result<Vec<RubricCriterion>, NotationError> {
    lines(input)
        .map(|(n, line)| {
            let (points, body) = line
                .split_once(':')
                .and_then(|(p, b)| Some((p.trim().parse::<u32>().ok()?, b)))
                .ok_or_else(|| NotationError::at(n, Notation::RubricLine))?;
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
                .ok_or_else(|| NotationError::at(n, Notation::BlueprintLine))
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
            let bad = || NotationError::at(n, Notation::SurveyLine);
            let (head, prompt) = line.split_once(':').ok_or_else(bad)?;
            let mut words = head.split_whitespace();
            let kind = match words.next() {
                Some("likert") => SurveyItemKind::Likert,
                Some("text") => SurveyItemKind::Text,
                _ => return Err(bad()),
            };
            let about = words
                .next()
                .and_then(SurveyAbout::from_code)
                .ok_or_else(bad)?;
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
                .ok_or_else(|| NotationError::at(0, Notation::EffectsLine))?;
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
