//! The catalogue: every message a person reads, in Vietnamese (the default) and English,
//! declared here and nowhere else.
//!
//! - [`Text`] and [`Say`]: the fixed words of the pages, the offline script and the
//!   islands (`text.rs`);
//! - [`Message`] and [`Problem`]: what an error response or a form says went wrong
//!   (`messages.rs`, `problems.rs`);
//! - the wordings of the domain's own enums: a course's problems (`course.rs`), what a
//!   form post did (`outcomes.rs`).
//!
//! A message is a value: a variant of an enum that carries what its wording needs (a line,
//! a code, a count). Services return such values, never sentences; the page or the API
//! response words them in the reader's language at the last moment.
//!
//! Wordings are declared with [`wording!`], which checks them when the crate compiles:
//! a variant without a wording in both languages is a non-exhaustive match, a placeholder
//! that names no argument does not resolve, and an argument one language leaves out is an
//! unused variable, denied. So no test can forget a language: the build cannot.
//!
//! Why not Fluent or `leptos_i18n`: both look messages up by string key at run time (Fluent
//! also parses its files in the browser bundle, which on a 2G line costs more than every
//! island together), and both check completeness only in tests. Here a message is a type,
//! a wording is a `format!` string, and the compiler does the checking.

mod course;
mod islands;
mod messages;
mod outcomes;
mod problems;
mod text;

pub use islands::{Say, say};
pub use messages::Message;
pub use problems::{FieldProblem, Problem};
pub use text::{Text, t};

/// The English form for `n`: `one` when it is 1, `other` otherwise. Vietnamese has no
/// grammatical plural (CLDR: "other" only), so its wordings need no such choice.
#[doc(hidden)]
#[macro_export]
macro_rules! __word {
    ($text:literal) => {
        ::std::format!($text)
    };
    (($n:ident => $one:literal, $other:literal)) => {
        if $crate::i18n::Count::is_one($n) {
            ::std::format!($one)
        } else {
            ::std::format!($other)
        }
    };
    ({ $($expr:tt)* }) => {
        ::std::string::String::from({ $($expr)* })
    };
}

/// A number an English wording agrees with.
#[doc(hidden)]
pub trait Count {
    fn is_one(&self) -> bool;
}

macro_rules! count_integers {
    ($($t:ty),*) => { $(impl Count for $t { fn is_one(&self) -> bool { *self == 1 } })* };
}
count_integers!(u8, u16, u32, u64, usize, i32, i64);

impl Count for f64 {
    fn is_one(&self) -> bool {
        (*self - 1.0).abs() < f64::EPSILON
    }
}

/// Declares how the variants of an enum are worded in each language:
///
/// ```text
/// wording! { Problem, fn word(locale) {
///     Required => "bắt buộc", "required";
///     TooManyRows { max } => "tối đa {max} dòng", (max => "at most {max} row", "at most {max} rows");
///     Course { issue } => { issue.describe(locale) }, { issue.describe(locale) };
/// } }
/// ```
///
/// Each wording is a `format!` string over the variant's fields, a plural choice
/// `(n => "one", "other")`, or a block that yields text (for nested messages).
#[macro_export]
macro_rules! wording {
    ($ty:ty, fn $name:ident($locale:ident) {
        $( $key:ident $({ $($field:ident),* $(,)? })? $(( $($pos:ident),* $(,)? ))? => $vi:tt, $en:tt; )+
    }) => {
        impl $ty {
            /// The wording in `locale`.
            #[deny(unused_variables)]
            pub fn $name(&self, $locale: $crate::Locale) -> ::std::string::String {
                match $locale {
                    $crate::Locale::Vi => match self {
                        $( Self::$key $({ $($field),* })? $(( $($pos),* ))? => $crate::__word!($vi), )+
                    },
                    $crate::Locale::En => match self {
                        $( Self::$key $({ $($field),* })? $(( $($pos),* ))? => $crate::__word!($en), )+
                    },
                }
            }

            /// The variant's stable machine name (`snake_case`), for clients and logs.
            pub fn code(&self) -> ::std::string::String {
                match self {
                    $( Self::$key { .. } => $crate::i18n::snake(stringify!($key)), )+
                }
            }
        }
    };
}

/// `UnknownColumn` → `unknown_column`.
#[doc(hidden)]
pub fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake;

    #[test]
    fn machine_names_are_snake_case() {
        assert_eq!(snake("UnknownColumn"), "unknown_column");
        assert_eq!(snake("Required"), "required");
    }
}
