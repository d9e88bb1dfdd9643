//! Questions written as Moodle XML, for Moodle's question bank import. Texts are Markdown
//! (`format="markdown"`) in CDATA. Multiple choice gives each right answer an equal share
//! and each wrong one an equal share taken away, which is how Fieldschool's partial credit
//! counts; ordering uses the `ordering` question type (a standard Moodle plugin).

use std::fmt::Write;

use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, Question};

/// Text as CDATA (a `]]>` inside is split across two sections).
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

fn text(tag: &str, body: &str) -> String {
    format!(
        "<{tag} format=\"markdown\"><text>{}</text></{tag}>",
        cdata(body)
    )
}

/// A fraction as Moodle writes it: up to seven decimals.
fn fraction(f: f64) -> String {
    let written = format!("{f:.7}");
    written
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

fn answer(out: &mut String, f: f64, body: &str, feedback: Option<&str>, extra: &str) {
    let _ = write!(
        out,
        "<answer fraction=\"{}\" format=\"markdown\"><text>{}</text>",
        fraction(f),
        cdata(body)
    );
    if let Some(feedback) = feedback {
        out.push_str(&text("feedback", feedback));
    }
    out.push_str(extra);
    out.push_str("</answer>\n");
}

fn options(out: &mut String, items: &[Item], right: &[String], locale: Locale) {
    let wrong = items.len().saturating_sub(right.len()).max(1) as f64;
    let share = 100.0 / right.len().max(1) as f64;
    for item in items {
        let f = if right.contains(&item.key) {
            share
        } else if right.len() > 1 {
            -100.0 / wrong
        } else {
            0.0
        };
        let feedback = item.feedback.as_ref().map(|f| f.get(locale));
        answer(out, f, item.text.get(locale), feedback, "");
    }
}

fn kind(q: &Question) -> &'static str {
    match q {
        Question::SingleChoice { .. } | Question::MultipleChoice { .. } => "multichoice",
        Question::TrueFalse { .. } => "truefalse",
        Question::Numeric { .. } => "numerical",
        Question::ShortText { .. } => "shortanswer",
        Question::Ordering { .. } => "ordering",
        Question::Matching { .. } => "matching",
    }
}

fn body(out: &mut String, q: &Question, locale: Locale) {
    match q {
        Question::SingleChoice {
            options: items,
            correct,
        } => {
            out.push_str("<single>true</single>\n");
            options(out, items, std::slice::from_ref(correct), locale);
        }
        Question::MultipleChoice {
            options: items,
            correct,
            ..
        } => {
            out.push_str("<single>false</single>\n");
            options(out, items, correct, locale);
        }
        Question::TrueFalse { correct } => {
            answer(out, if *correct { 100.0 } else { 0.0 }, "true", None, "");
            answer(out, if *correct { 0.0 } else { 100.0 }, "false", None, "");
        }
        Question::Numeric {
            answer: value,
            tolerance,
        } => {
            let extra = format!("<tolerance>{tolerance}</tolerance>");
            answer(out, 100.0, &value.to_string(), None, &extra);
        }
        Question::ShortText { accepted, lenient } => {
            let _ = writeln!(out, "<usecase>{}</usecase>", if *lenient { 0 } else { 1 });
            for text in accepted {
                answer(out, 100.0, text, None, "");
            }
        }
        Question::Ordering { items, correct } => {
            for (place, key) in correct.iter().enumerate() {
                if let Some(item) = items.iter().find(|i| &i.key == key) {
                    answer(out, (place + 1) as f64, item.text.get(locale), None, "");
                }
            }
        }
        Question::Matching { left, right, pairs } => {
            let text_of = |items: &[Item], key: &str| {
                items
                    .iter()
                    .find(|i| i.key == key)
                    .map(|i| i.text.get(locale).to_owned())
                    .unwrap_or_default()
            };
            for (l, r) in pairs {
                let _ = writeln!(
                    out,
                    "<subquestion format=\"markdown\"><text>{}</text><answer><text>{}</text></answer></subquestion>",
                    cdata(&text_of(left, l)),
                    cdata(&text_of(right, r))
                );
            }
            // Right-hand items nobody is matched to: distractors.
            for item in right
                .iter()
                .filter(|i| !pairs.iter().any(|(_, r)| r == &i.key))
            {
                let _ = writeln!(
                    out,
                    "<subquestion format=\"markdown\"><text></text><answer><text>{}</text></answer></subquestion>",
                    cdata(item.text.get(locale))
                );
            }
        }
    }
}

/// The questions as a Moodle XML file, texts in `locale`, under `category` if given.
pub fn write(questions: &[QuizQuestion], locale: Locale, category: Option<&str>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    if let Some(category) = category {
        let _ = writeln!(
            out,
            "<question type=\"category\"><category><text>{}</text></category></question>",
            cdata(category)
        );
    }
    for q in questions {
        let _ = writeln!(out, "<question type=\"{}\">", kind(&q.question));
        let _ = writeln!(out, "<name><text>{}</text></name>", cdata(&q.id));
        out.push_str(&text("questiontext", q.prompt.get(locale)));
        out.push('\n');
        if let Some(feedback) = &q.feedback {
            out.push_str(&text("generalfeedback", feedback.get(locale)));
            out.push('\n');
        }
        body(&mut out, &q.question, locale);
        out.push_str("</question>\n");
    }
    out.push_str("</quiz>\n");
    out
}
