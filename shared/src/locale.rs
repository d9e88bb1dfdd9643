//! The languages of the user interface. Vietnamese is the default.

use serde::{Deserialize, Serialize};

/// Name of the cookie that remembers the chosen language.
pub const LOCALE_COOKIE: &str = "fs_lang";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Vi => "Tiếng Việt",
            Self::En => "English",
        }
    }

    /// Parses a tag such as `vi`, `en`, `en-GB` or `VI`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Some(Self::Vi),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_regions_and_any_case() {
        assert_eq!(Locale::from_code("vi"), Some(Locale::Vi));
        assert_eq!(Locale::from_code("EN-gb"), Some(Locale::En));
        assert_eq!(Locale::from_code(" en_US "), Some(Locale::En));
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!(Locale::from_code(""), None);
    }

    #[test]
    fn vietnamese_is_the_default() {
        assert_eq!(Locale::default(), Locale::Vi);
    }

    #[test]
    fn code_round_trips() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
    }
}
