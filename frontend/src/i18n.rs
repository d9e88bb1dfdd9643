//! The user interface's words come from the one catalogue, `shared::i18n`.

pub use shared::Locale;
pub use shared::i18n::{Say, Text, say, t};
