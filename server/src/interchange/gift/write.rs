//! Questions written as GIFT, for lecturers who keep their banks as text and for Moodle's
//! GIFT import. GIFT has no ordering question and no "ignore Vietnamese marks" for short
//! answers: what a question loses is returned beside the text, by question id.

use std::fmt::Write;

use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, Question};

/// GIFT's special characters escaped; line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

fn share(f: f64) -> String {
    let written = format!("{f:.5}");
    written
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

fn option(out: &mut String, mark: &str, item: &Item, locale: Locale) {
    let _ = write!(out, "\n  {mark}{}", escape(item.text.get(locale)));
    if let Some(feedback) = &item.feedback {
        let _ = write!(out, "#{}", escape(feedback.get(locale)));
    }
}

/// The answers of one question inside its braces, or why GIFT cannot hold it.
fn answers(q: &Question, locale: Locale, lost: &mut Vec<String>) -> Option<String> {
    let mut out = String::new();
    match q {
        Question::SingleChoice { options, correct } => {
            for item in options {
                option(
                    &mut out,
                    if &item.key == correct { "=" } else { "~" },
                    item,
                    locale,
                );
            }
        }
        Question::MultipleChoice {
            options, correct, ..
        } => {
            let right = 100.0 / correct.len().max(1) as f64;
            let wrong = -100.0 / options.len().saturating_sub(correct.len()).max(1) as f64;
            for item in options {
                let weight = if correct.contains(&item.key) {
                    right
                } else {
                    wrong
                };
                option(&mut out, &format!("~%{}%", share(weight)), item, locale);
            }
        }
        Question::TrueFalse { correct } => out.push_str(if *correct { "TRUE" } else { "FALSE" }),
        Question::Numeric { answer, tolerance } => {
            let _ = write!(out, "#{answer}:{tolerance}");
        }
        Question::ShortText { accepted, lenient } => {
            if *lenient {
                lost.push("accepting answers without Vietnamese marks is not carried".into());
            }
            for text in accepted {
                let _ = write!(out, "\n  ={}", escape(text));
            }
        }
        Question::Matching { left, right, pairs } => {
            let text = |items: &[Item], key: &str| {
                items
                    .iter()
                    .find(|i| i.key == key)
                    .map(|i| escape(i.text.get(locale)))
                    .unwrap_or_default()
            };
            for (l, r) in pairs {
                let _ = write!(out, "\n  ={} -> {}", text(left, l), text(right, r));
            }
            for item in right
                .iter()
                .filter(|i| !pairs.iter().any(|(_, r)| r == &i.key))
            {
                let _ = write!(out, "\n  = -> {}", escape(item.text.get(locale)));
            }
        }
        Question::Ordering { .. } => {
            lost.push("GIFT has no ordering question; export it as Moodle XML".into());
            return None;
        }
    }
    Some(out)
}

/// The questions as GIFT, in `locale`, under `category` if given; with, by question id,
/// what each could not carry (a question GIFT cannot hold is left out and said so).
pub fn write(
    questions: &[QuizQuestion],
    locale: Locale,
    category: Option<&str>,
) -> (String, Vec<(String, String)>) {
    let mut out = String::new();
    let mut lost = Vec::new();
    if let Some(category) = category {
        let _ = writeln!(out, "$CATEGORY: {category}\n");
    }
    for q in questions {
        let mut notes = Vec::new();
        if let Some(body) = answers(&q.question, locale, &mut notes) {
            let _ = write!(
                out,
                "::{}:: {} {{{body}",
                escape(&q.id),
                escape(q.prompt.get(locale))
            );
            if let Some(feedback) = &q.feedback {
                let _ = write!(out, "\n  ####{}", escape(feedback.get(locale)));
            }
            out.push_str(if body.starts_with('\n') {
                "\n}\n\n"
            } else {
                "}\n\n"
            });
        }
        lost.extend(notes.into_iter().map(|n| (q.id.clone(), n)));
    }
    (out, lost)
}
