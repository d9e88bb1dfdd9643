//! GIFT, Moodle's text format: `::title::` optional, the question, its answers in braces.
//! Read here: multiple choice (`{=right ~wrong}`), several right with weights
//! (`{~%50%a ~%50%b ~%-100%c}`), true/false (`{T}`, `{FALSE}`), short answer (`{=a =b}`),
//! numerical (`{#3:0.5}`, `{#1..5}`), matching (`{=a -> 1 =b -> 2}`); per-answer feedback
//! (`#…`), general feedback (`####…`), `$CATEGORY:`, `//` comments, the escapes `\~ \= \# \{
//! \} \:` and a `[markdown]`/`[plain]` format. An essay (`{}`) or a description (no braces)
//! is left out and said so; an answer in the middle of the text ("missing word") keeps its
//! place as a blank. Written (`write`): every type but ordering, which GIFT lacks.

mod write;

pub use write::write;

use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, MultiScoring, Question};

use super::{LeftOut, Read, Reading, key, localised, right_key};

/// A question's raw text and the line it starts on, with the category then in force.
struct Block {
    line: usize,
    text: String,
    category: Option<String>,
}

/// Splits the file into questions: blank lines end one (not inside braces); comment lines
/// and categories are taken out.
fn blocks(text: &str, reading: &mut Reading) -> Vec<Block> {
    let mut out = Vec::new();
    let mut category = None;
    let mut current: Option<Block> = None;
    let mut depth = 0i32;
    for (i, line) in text.lines().enumerate() {
        let at = i + 1;
        let trimmed = line.trim();
        if depth == 0 {
            if trimmed.starts_with("//") {
                continue;
            }
            if let Some(path) = trimmed.strip_prefix("$CATEGORY:") {
                out.extend(current.take());
                category = Some(path.trim().to_owned());
                continue;
            }
            if trimmed.is_empty() {
                out.extend(current.take());
                continue;
            }
        }
        let block = current.get_or_insert_with(|| Block {
            line: at,
            text: String::new(),
            category: category.clone(),
        });
        if !block.text.is_empty() {
            block.text.push('\n');
        }
        // A comment after the answers' closing brace is not part of the question.
        block.text.push_str(line);
        depth += braces(line);
        if depth < 0 {
            reading.problem(
                at,
                "a '}' with no '{' before it (write \\} for a brace in text)",
            );
            depth = 0;
        }
    }
    if let Some(b) = current.as_ref().filter(|_| depth > 0) {
        reading.problem(b.line, "the '{' of this question's answers is never closed");
    }
    out.extend(current);
    out
}

/// Unescaped `{` minus unescaped `}` on a line.
fn braces(line: &str) -> i32 {
    let mut depth = 0;
    let mut escaped = false;
    for c in line.chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '{') => depth += 1,
            (false, '}') => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// Position of the first unescaped `c`.
fn find(text: &str, c: char) -> Option<usize> {
    let mut escaped = false;
    for (i, ch) in text.char_indices() {
        match (escaped, ch) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, x) if x == c => return Some(i),
            _ => {}
        }
    }
    None
}

/// GIFT's escapes taken out; `\n` becomes a line break.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// Splits the answers at unescaped `=` and `~` that begin an answer.
fn answers(section: &str) -> Vec<(char, String)> {
    let mut out: Vec<(char, String)> = Vec::new();
    let mut escaped = false;
    let mut arrow = false;
    for c in section.chars() {
        if escaped {
            escaped = false;
            if let Some(last) = out.last_mut() {
                last.1.push('\\');
                last.1.push(c);
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            // `->` in a matching pair is not the start of an answer.
            '=' | '~' if !arrow => out.push((c, String::new())),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.1.push(c);
                }
            }
        }
        arrow = c == '-';
        if c == '>' {
            arrow = false;
        }
    }
    out
}

/// `%50%text` → (Some(50.0), "text").
fn weight(text: &str) -> (Option<f64>, &str) {
    let Some(rest) = text.trim_start().strip_prefix('%') else {
        return (None, text);
    };
    match rest.split_once('%') {
        Some((w, after)) => (w.trim().parse().ok(), after),
        None => (None, text),
    }
}

/// `text#feedback` → ("text", Some("feedback")).
fn with_feedback(text: &str) -> (String, Option<String>) {
    match find(text, '#') {
        Some(at) => (
            unescape(&text[..at]),
            Some(unescape(&text[at + 1..])).filter(|f| !f.is_empty()),
        ),
        None => (unescape(text), None),
    }
}

/// What is in the braces.
enum Answers {
    Essay,
    Question(Question, Vec<String>),
}

fn true_false(section: &str) -> Option<bool> {
    let word = section.split('#').next().unwrap_or("").trim();
    match word.to_ascii_uppercase().as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

fn numeric(section: &str) -> Result<Answers, String> {
    let body = section.trim_start_matches('#').trim();
    let mut notes = Vec::new();
    // Several answers (`=3:0.1 =%50%3:0.5`): the full-credit one is kept.
    let first = if body.starts_with('=') {
        let all = answers(body);
        if all.len() > 1 {
            notes.push(
                "only the full-credit numerical answer is kept; partial-credit ones are not".into(),
            );
        }
        all.into_iter()
            .find(|(_, t)| weight(t).0.is_none_or(|w| w >= 100.0))
            .map(|(_, t)| weight(&t).1.to_owned())
            .unwrap_or_default()
    } else {
        body.to_owned()
    };
    let (value, feedback) = with_feedback(&first);
    if feedback.is_some() {
        notes.push("the numerical answer's own feedback is not carried".into());
    }
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .map_err(|_| format!("'{}' is not a number", s.trim()))
    };
    let (answer, tolerance) = if let Some((low, high)) = value.split_once("..") {
        let (low, high) = (number(low)?, number(high)?);
        ((low + high) / 2.0, (high - low).abs() / 2.0)
    } else if let Some((answer, tolerance)) = value.split_once(':') {
        (number(answer)?, number(tolerance)?.abs())
    } else {
        (number(&value)?, 0.0)
    };
    Ok(Answers::Question(
        Question::Numeric { answer, tolerance },
        notes,
    ))
}

fn matching(items: &[(char, String)], locale: Locale) -> Result<Answers, String> {
    let mut left = Vec::new();
    let mut right: Vec<Item> = Vec::new();
    let mut pairs = Vec::new();
    for (i, (_, text)) in items.iter().enumerate() {
        let (text, _) = with_feedback(text);
        let Some((l, r)) = text.split_once("->") else {
            return Err(format!("'{text}' is not a pair 'left -> right'"));
        };
        let (l, r) = (l.trim(), r.trim());
        let right_key = right_key(&mut right, r, locale);
        if l.is_empty() {
            // A right-hand item with no left: a distractor.
            continue;
        }
        left.push(Item {
            key: key(i),
            text: localised(locale, l),
            feedback: None,
        });
        pairs.push((key(i), right_key));
    }
    if pairs.len() < 2 {
        return Err("a matching question needs at least two pairs".into());
    }
    Ok(Answers::Question(
        Question::Matching { left, right, pairs },
        Vec::new(),
    ))
}

fn choices(items: &[(char, String)], locale: Locale) -> Result<Answers, String> {
    let mut notes = Vec::new();
    let mut options = Vec::new();
    let mut right = Vec::new();
    let mut weights = Vec::new();
    for (i, (mark, text)) in items.iter().enumerate() {
        let (w, text) = weight(text);
        let (text, feedback) = with_feedback(text);
        let value = w.unwrap_or(if *mark == '=' { 100.0 } else { 0.0 });
        if value > 0.0 {
            right.push(key(i));
            weights.push(value);
        }
        options.push(Item {
            key: key(i),
            text: localised(locale, &text),
            feedback: feedback.map(|f| localised(locale, &f)),
        });
    }
    if right.is_empty() {
        return Err("no answer is marked right (= or a positive %weight%)".into());
    }
    let weighted = items.iter().any(|(_, t)| weight(t).0.is_some());
    let question = if right.len() == 1 && !weighted {
        Question::SingleChoice {
            options,
            correct: right.remove(0),
        }
    } else {
        let share = 100.0 / right.len() as f64;
        if weights.iter().any(|w| (w - share).abs() > 0.5) {
            notes.push("unequal weights become equal shares of the right answers".into());
        }
        Question::MultipleChoice {
            options,
            correct: right,
            scoring: MultiScoring::Partial,
        }
    };
    Ok(Answers::Question(question, notes))
}

fn short_answer(items: &[(char, String)]) -> Answers {
    let mut notes = Vec::new();
    let accepted = items
        .iter()
        .map(|(_, t)| {
            let (w, t) = weight(t);
            if w.is_some_and(|w| w < 100.0) {
                notes.push(format!(
                    "'{}' gave part credit; it is accepted as fully right",
                    unescape(t)
                ));
            }
            with_feedback(t).0
        })
        .collect();
    Answers::Question(
        Question::ShortText {
            accepted,
            lenient: false,
        },
        notes,
    )
}

fn parse_answers(section: &str, locale: Locale) -> Result<Answers, String> {
    let section = section.trim();
    if section.is_empty() {
        return Ok(Answers::Essay);
    }
    if section.starts_with('#') {
        return numeric(section);
    }
    if let Some(value) = true_false(section) {
        let mut notes = Vec::new();
        if section.contains('#') {
            notes.push("true/false feedback is not carried".into());
        }
        return Ok(Answers::Question(
            Question::TrueFalse { correct: value },
            notes,
        ));
    }
    let items = answers(section);
    if items.is_empty() {
        return Err(format!(
            "'{section}' holds no answer: start each with = or ~"
        ));
    }
    if items.iter().any(|(_, t)| t.contains("->")) {
        return matching(&items, locale);
    }
    if items.iter().all(|(m, _)| *m == '=') {
        return Ok(short_answer(&items));
    }
    choices(&items, locale)
}

/// Reads a GIFT file.
pub fn read(text: &str, locale: Locale) -> Reading {
    let mut reading = Reading::default();
    let mut number = 0;
    for block in blocks(text, &mut reading) {
        number += 1;
        let mut body = block.text.trim();
        // `::title::`
        if let Some(rest) = body.strip_prefix("::") {
            body = rest
                .find("::")
                .map_or(rest, |end| &rest[end + 2..])
                .trim_start();
        }
        let mut notes = Vec::new();
        for format in ["[markdown]", "[plain]", "[moodle]"] {
            body = body.strip_prefix(format).unwrap_or(body);
        }
        if let Some(rest) = body.strip_prefix("[html]") {
            body = rest;
            notes.push("the text was HTML; it is kept as written, to be checked".to_owned());
        }
        let Some(open) = find(body, '{') else {
            reading.left_out.push(LeftOut {
                number,
                line: block.line,
                kind: "description".into(),
            });
            continue;
        };
        let Some(close) = find(&body[open..], '}').map(|c| open + c) else {
            continue; // reported by `blocks`
        };
        let mut section = &body[open + 1..close];
        let mut general = None;
        if let Some(at) = section.find("####") {
            general = Some(unescape(&section[at + 4..])).filter(|g| !g.is_empty());
            section = &section[..at];
        }
        let after = unescape(&body[close + 1..]);
        let before = unescape(&body[..open]);
        let prompt = if after.is_empty() {
            before
        } else {
            format!("{before} _____ {after}")
        };
        match parse_answers(section, locale) {
            Ok(Answers::Essay) => {
                reading.left_out.push(LeftOut {
                    number,
                    line: block.line,
                    kind: "essay".into(),
                });
            }
            Ok(Answers::Question(question, more)) => {
                notes.extend(more);
                reading.questions.push(Read {
                    number,
                    line: block.line,
                    category: block.category.clone(),
                    question: QuizQuestion {
                        id: format!("q{number}"),
                        competency: String::new(),
                        prompt: localised(locale, &prompt),
                        question,
                        feedback: general.map(|g| localised(locale, &g)),
                    },
                    not_carried: notes,
                });
            }
            Err(message) => reading.problem(block.line, message),
        }
    }
    reading.problems.sort_by_key(|p| p.line);
    reading
}

#[cfg(test)]
mod tests;
