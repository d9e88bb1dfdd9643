//! What a form post did, carried in the address of the page it returns to (post, redirect,
//! get) and shown there in the reader's language. The server writes it with
//! [`Outcome::query`]; the page reads it back with [`Outcome::from_query`]: one type on
//! both sides instead of `?saved=` strings matched by hand.

/// What was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Account,
    OrgUnit,
    Position,
    Course,
    Cohort,
    Framework,
}

impl Thing {
    pub const ALL: [Thing; 6] = [
        Thing::Account,
        Thing::OrgUnit,
        Thing::Position,
        Thing::Course,
        Thing::Cohort,
        Thing::Framework,
    ];

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The outcome of a post that succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created { thing: Thing },
    Updated,
    Disabled,
    Enabled,
    PasswordReset,
    Published,
    DraftSaved,
    Enrolled { count: u64 },
    Voided,
    Rated,
    Invited,
}

impl Outcome {
    /// The query pairs that carry it: `saved` and its arguments.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("saved", self.code())];
        match *self {
            Self::Created { thing } => pairs.push(("what", thing.code())),
            Self::Enrolled { count } => pairs.push(("enrolled", count.to_string())),
            _ => {}
        }
        pairs
    }

    /// The outcome a page's query carries, if any; `get` reads one query parameter.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let number = |name: &str| get(name).and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
        Some(match get("saved")?.as_str() {
            "created" => Self::Created {
                thing: Thing::from_code(&get("what")?)?,
            },
            "updated" => Self::Updated,
            "disabled" => Self::Disabled,
            "enabled" => Self::Enabled,
            "password_reset" => Self::PasswordReset,
            "published" => Self::Published,
            "draft_saved" => Self::DraftSaved,
            "enrolled" => Self::Enrolled {
                count: number("enrolled"),
            },
            "voided" => Self::Voided,
            "rated" => Self::Rated,
            "invited" => Self::Invited,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    fn every() -> Vec<Outcome> {
        let mut all: Vec<Outcome> = Thing::ALL
            .into_iter()
            .map(|thing| Outcome::Created { thing })
            .collect();
        all.extend([
            Outcome::Updated,
            Outcome::Disabled,
            Outcome::Enabled,
            Outcome::PasswordReset,
            Outcome::Published,
            Outcome::DraftSaved,
            Outcome::Enrolled { count: 12 },
            Outcome::Voided,
            Outcome::Rated,
            Outcome::Invited,
        ]);
        all
    }

    #[test]
    fn every_outcome_comes_back_from_its_address() {
        for outcome in every() {
            let pairs = outcome.query();
            let get = |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(Outcome::from_query(get), Some(outcome), "{pairs:?}");
        }
    }

    #[test]
    fn what_was_created_is_named() {
        let position = Outcome::Created {
            thing: Thing::Position,
        };
        assert_eq!(position.word(Locale::Vi), "Đã tạo vị trí việc làm.");
        assert_eq!(position.word(Locale::En), "Position created.");
    }

    #[test]
    fn an_unknown_or_partial_outcome_is_none() {
        assert_eq!(Outcome::from_query(|_| None), None);
        let get = |name: &str| (name == "saved").then(|| "created".to_owned());
        assert_eq!(Outcome::from_query(get), None, "created what?");
        let get = |name: &str| (name == "saved").then(|| "nonsense".to_owned());
        assert_eq!(Outcome::from_query(get), None);
    }
}
