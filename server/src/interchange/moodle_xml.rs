//! Moodle XML, what Moodle's question bank exports: `<quiz>` of `<question type="…">`.
//! Read: `multichoice` (single, or several right with fractions), `truefalse`,
//! `shortanswer`, `numerical` (first full-credit answer and its tolerance), `matching`,
//! `ordering` (the plugin); `category` sets the category of what follows; anything else
//! (`essay`, `calculated`, `description`, cloze …) is left out and named. Texts in HTML
//! become plain text (paragraphs and line breaks kept, tags dropped, an image said to be
//! not carried). Written: every Fieldschool type, texts in CDATA.

mod write;

pub use write::write;

use shared::Locale;
use shared::course::QuizQuestion;
use shared::quiz::{Item, MultiScoring, Question};

use super::{LeftOut, Read, Reading, key, localised, right_key};

/// The children of `node` named `tag`.
fn children<'a>(
    node: roxmltree::Node<'a, 'a>,
    tag: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> + 'a {
    node.children().filter(move |c| c.has_tag_name(tag))
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, tag: &'a str) -> Option<roxmltree::Node<'a, 'a>> {
    children(node, tag).next()
}

/// The `<text>` inside `node`, as plain text; notes what was dropped.
fn text_of(node: Option<roxmltree::Node<'_, '_>>, notes: &mut Vec<String>) -> String {
    let Some(node) = node else {
        return String::new();
    };
    let raw = child(node, "text")
        .and_then(|t| t.text())
        .unwrap_or_default();
    // Moodle says `format="html"` wherever a text is HTML (Fieldschool writes `markdown`);
    // a text without it, such as a matching answer, is plain and kept as written.
    if node.attribute("format") == Some("html") {
        from_html(raw, notes)
    } else {
        raw.trim().to_owned()
    }
}

/// HTML as plain text: block ends and `<br>` become line breaks, tags go, the common
/// entities are decoded; an image is said not to be carried.
fn from_html(html: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        match name {
            "br" => out.push('\n'),
            "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" if tag.starts_with('/') => {
                out.push('\n');
            }
            "img" => {
                let note = "an image in the text is not carried (add it to the question later)";
                if !notes.iter().any(|n| n == note) {
                    notes.push(note.to_owned());
                }
            }
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

fn fraction(answer: roxmltree::Node<'_, '_>) -> f64 {
    answer
        .attribute("fraction")
        .and_then(|f| f.trim().parse().ok())
        .unwrap_or(0.0)
}

/// The question's answers in Fieldschool's terms, or why it cannot be read.
fn answers(
    kind: &str,
    q: roxmltree::Node<'_, '_>,
    locale: Locale,
    notes: &mut Vec<String>,
) -> Result<Question, String> {
    let options: Vec<_> = children(q, "answer").collect();
    match kind {
        "truefalse" => {
            let right = options
                .iter()
                .find(|a| fraction(**a) > 0.0)
                .ok_or("no answer has a positive fraction")?;
            let word = text_of(Some(*right), notes).to_ascii_lowercase();
            Ok(Question::TrueFalse {
                correct: word == "true" || word == "đúng",
            })
        }
        "multichoice" => multichoice(q, &options, locale, notes),
        "shortanswer" => {
            let accepted: Vec<String> = options
                .iter()
                .filter(|a| fraction(**a) > 0.0)
                .map(|a| text_of(Some(*a), notes))
                .collect();
            if accepted.is_empty() {
                return Err("no answer has a positive fraction".into());
            }
            if options.iter().any(|a| (1.0..100.0).contains(&fraction(*a))) {
                notes.push("answers with part credit are accepted as fully right".into());
            }
            let usecase = child(q, "usecase").and_then(|u| u.text()).map(str::trim);
            Ok(Question::ShortText {
                accepted,
                lenient: usecase == Some("0"),
            })
        }
        "numerical" => {
            let right = options
                .iter()
                .find(|a| fraction(**a) >= 100.0)
                .ok_or("no answer has full credit")?;
            let number = |s: &str| {
                s.trim()
                    .parse::<f64>()
                    .map_err(|_| format!("'{}' is not a number", s.trim()))
            };
            let answer = number(&text_of(Some(*right), notes))?;
            let tolerance = child(*right, "tolerance")
                .and_then(|t| t.text())
                .map_or(Ok(0.0), number)?
                .abs();
            if options.len() > 1 {
                notes.push("only the full-credit numerical answer is kept".into());
            }
            Ok(Question::Numeric { answer, tolerance })
        }
        "matching" => matching(q, locale, notes),
        "ordering" => {
            let items: Vec<Item> = options
                .iter()
                .enumerate()
                .map(|(i, a)| Item {
                    key: key(i),
                    text: localised(locale, &text_of(Some(*a), notes)),
                    feedback: None,
                })
                .collect();
            if items.len() < 2 {
                return Err("an ordering question needs at least two items".into());
            }
            let correct = items.iter().map(|i| i.key.clone()).collect();
            Ok(Question::Ordering { items, correct })
        }
        other => Err(format!("no reader for type {other}")),
    }
}

fn multichoice(
    q: roxmltree::Node<'_, '_>,
    options: &[roxmltree::Node<'_, '_>],
    locale: Locale,
    notes: &mut Vec<String>,
) -> Result<Question, String> {
    let mut items = Vec::new();
    let mut right = Vec::new();
    for (i, a) in options.iter().enumerate() {
        let feedback = text_of(child(*a, "feedback"), notes);
        items.push(Item {
            key: key(i),
            text: localised(locale, &text_of(Some(*a), notes)),
            feedback: (!feedback.is_empty()).then(|| localised(locale, &feedback)),
        });
        if fraction(*a) > 0.0 {
            right.push((key(i), fraction(*a)));
        }
    }
    if right.is_empty() {
        return Err("no answer has a positive fraction".into());
    }
    let single = child(q, "single").and_then(|s| s.text()) != Some("false");
    if single && right.len() == 1 {
        return Ok(Question::SingleChoice {
            options: items,
            correct: right.remove(0).0,
        });
    }
    let share = 100.0 / right.len() as f64;
    if right.iter().any(|(_, f)| (f - share).abs() > 0.5) {
        notes.push("unequal fractions become equal shares of the right answers".into());
    }
    Ok(Question::MultipleChoice {
        options: items,
        correct: right.into_iter().map(|(k, _)| k).collect(),
        scoring: MultiScoring::Partial,
    })
}

/// Subquestions: left text and right answer; one with no text adds a distractor.
fn matching(
    q: roxmltree::Node<'_, '_>,
    locale: Locale,
    notes: &mut Vec<String>,
) -> Result<Question, String> {
    let mut left = Vec::new();
    let mut right: Vec<Item> = Vec::new();
    let mut pairs = Vec::new();
    for (i, sub) in children(q, "subquestion").enumerate() {
        let l = text_of(Some(sub), notes);
        let r = text_of(child(sub, "answer"), notes);
        let right_key = right_key(&mut right, &r, locale);
        if !l.is_empty() {
            left.push(Item {
                key: key(i),
                text: localised(locale, &l),
                feedback: None,
            });
            pairs.push((key(i), right_key));
        }
    }
    if pairs.len() < 2 {
        return Err("a matching question needs at least two pairs".into());
    }
    Ok(Question::Matching { left, right, pairs })
}

/// Types Fieldschool has.
const READ: [&str; 6] = [
    "multichoice",
    "truefalse",
    "shortanswer",
    "numerical",
    "matching",
    "ordering",
];

/// Reads a Moodle XML file.
pub fn read(text: &str, locale: Locale) -> Reading {
    let mut reading = Reading::default();
    let doc = match roxmltree::Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let pos = e.pos();
            reading.problem(
                usize::try_from(pos.row).unwrap_or(1),
                format!("not well-formed XML: {e}"),
            );
            return reading;
        }
    };
    let root = doc.root_element();
    if !root.has_tag_name("quiz") {
        reading.problem(1, "a Moodle XML file starts with <quiz>");
        return reading;
    }
    let mut category = None;
    let mut number = 0;
    for q in children(root, "question") {
        let line = usize::try_from(doc.text_pos_at(q.range().start).row).unwrap_or(1);
        let kind = q.attribute("type").unwrap_or("");
        if kind == "category" {
            let mut ignored = Vec::new();
            category = Some(text_of(child(q, "category"), &mut ignored)).filter(|c| !c.is_empty());
            continue;
        }
        number += 1;
        if !READ.contains(&kind) {
            reading.left_out.push(LeftOut {
                number,
                line,
                kind: kind.to_owned(),
            });
            continue;
        }
        let mut notes = Vec::new();
        let prompt = text_of(child(q, "questiontext"), &mut notes);
        let general = text_of(child(q, "generalfeedback"), &mut notes);
        match answers(kind, q, locale, &mut notes) {
            Ok(question) => reading.questions.push(Read {
                number,
                line,
                category: category.clone(),
                question: QuizQuestion {
                    id: format!("q{number}"),
                    competency: String::new(),
                    prompt: localised(locale, &prompt),
                    question,
                    feedback: (!general.is_empty()).then(|| localised(locale, &general)),
                },
                not_carried: notes,
            }),
            Err(message) => reading.problem(line, format!("question {number} ({kind}): {message}")),
        }
    }
    reading
}

#[cfg(test)]
mod tests;
