//! Text an author writes in both languages. Vietnamese is required; English is optional
//! and falls back to the Vietnamese.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// Bilingual text. Always serialised as `{"vi": …, "en": …}`; a plain string is also read,
/// as Vietnamese only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "Repr")]
pub struct L10n {
    pub vi: String,
    pub en: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Repr {
    Plain(String),
    Both {
        vi: String,
        #[serde(default)]
        en: String,
    },
}

impl From<Repr> for L10n {
    fn from(repr: Repr) -> Self {
        match repr {
            Repr::Plain(vi) => Self {
                vi,
                en: String::new(),
            },
            Repr::Both { vi, en } => Self { vi, en },
        }
    }
}

impl From<&str> for L10n {
    fn from(vi: &str) -> Self {
        Self {
            vi: vi.to_owned(),
            en: String::new(),
        }
    }
}

impl L10n {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `locale`, or the Vietnamese when it has no English.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.vi,
        }
    }

    /// No text in either language.
    pub fn is_blank(&self) -> bool {
        self.vi.trim().is_empty() && self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_strings_and_writes_both_languages() {
        let text: L10n = serde_json::from_str(r#""Khiếu nại""#).unwrap();
        assert_eq!(text.vi, "Khiếu nại");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"vi":"Khiếu nại","en":""}"#
        );
    }

    #[test]
    fn english_falls_back_to_vietnamese() {
        let text = L10n::new("Tiếp dân", "  ");
        assert_eq!(text.get(Locale::En), "Tiếp dân");
        let text = L10n::new("Tiếp dân", "Receiving citizens");
        assert_eq!(text.get(Locale::En), "Receiving citizens");
        assert_eq!(text.get(Locale::Vi), "Tiếp dân");
    }
}
