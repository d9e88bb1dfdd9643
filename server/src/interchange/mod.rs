//! Question banks in the formats lecturers already keep them in: Aiken and GIFT (written by
//! hand, exported by Moodle) and Moodle XML (Moodle's own export), read into Fieldschool's
//! question types; Moodle XML is also written, so a bank goes back to Moodle. A reader returns every
//! question it could carry, with where it started in the file, what of it could not be
//! carried (say, a weight other than an equal share), the questions it had to leave out
//! (an essay, a description) and the problems that stop the file from being imported, each
//! with its line. Texts land in the language the lecturer says the file is written in.

pub mod aiken;
#[cfg(test)]
mod arbitrary;
pub mod gift;
pub mod moodle_xml;

mod text;

use shared::Locale;
use shared::course::QuizQuestion;

/// One question read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// 1-based, in the order of the file (left-out questions count too).
    pub number: usize,
    /// The line the question starts on.
    pub line: usize,
    /// The file's category for it (GIFT `$CATEGORY:`), if any.
    pub category: Option<String>,
    /// Its id is `q{number}` and its competency empty until the import assigns them.
    pub question: QuizQuestion,
    /// What of it could not be carried over, in words for the lecturer.
    pub not_carried: Vec<String>,
}

/// A question the file holds that Fieldschool has no type for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub number: usize,
    pub line: usize,
    /// What kind of question it is (`essay`, `description`, …).
    pub kind: String,
}

/// Something that stops the file from being imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// Everything a reader found in a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    pub questions: Vec<Read>,
    pub left_out: Vec<LeftOut>,
    pub problems: Vec<Problem>,
}

impl Reading {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }
}

/// The formats a question bank can arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Aiken,
    Gift,
    MoodleXml,
}

impl Format {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "aiken" => Some(Self::Aiken),
            "gift" => Some(Self::Gift),
            "moodle_xml" => Some(Self::MoodleXml),
            _ => None,
        }
    }
}

/// Reads a file's bytes in a format; a file that is not text is one problem on its line.
pub fn read(format: Format, bytes: &[u8], locale: Locale) -> Reading {
    match text::decode(bytes) {
        Ok(text) => match format {
            Format::Aiken => aiken::read(&text, locale),
            Format::Gift => gift::read(&text, locale),
            Format::MoodleXml => moodle_xml::read(&text, locale),
        },
        Err((line, message)) => {
            let mut reading = Reading::default();
            reading.problem(line, message);
            reading
        }
    }
}

/// The key of the `i`-th option or item: `a`, `b`, …
fn key(i: usize) -> String {
    char::from(b'a' + u8::try_from(i % 26).unwrap_or(0)).to_string()
}

/// The key of a matching question's right-hand item with `text`, added if new (two left
/// items may share one right item).
fn right_key(right: &mut Vec<shared::quiz::Item>, text: &str, locale: Locale) -> String {
    if let Some(at) = right.iter().position(|item| item.text.get(locale) == text) {
        return key(at);
    }
    right.push(shared::quiz::Item {
        key: key(right.len()),
        text: localised(locale, text),
        feedback: None,
    });
    key(right.len() - 1)
}

/// Text in the file's language, the other left empty for the lecturer to add.
fn localised(locale: Locale, text: &str) -> shared::L10n {
    match locale {
        Locale::Vi => shared::L10n::new(text, ""),
        Locale::En => shared::L10n::new("", text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_a_legacy_encoding_is_one_problem_on_its_line() {
        // "Đúng" in Windows-1258 on line 3.
        let reading = read(
            Format::Aiken,
            b"Q?\nA. Co\nB. \xd0\xfang\nANSWER: A\n",
            Locale::Vi,
        );
        assert!(reading.questions.is_empty());
        assert_eq!(reading.problems.len(), 1);
        assert_eq!(reading.problems[0].line, 3);
    }

    #[test]
    fn formats_are_named_by_their_codes() {
        assert_eq!(Format::from_code("gift"), Some(Format::Gift));
        assert_eq!(Format::from_code("aiken"), Some(Format::Aiken));
        assert_eq!(Format::from_code("moodle_xml"), Some(Format::MoodleXml));
        assert_eq!(Format::from_code("docx"), None);
    }
}
