//! The roles a user may hold (several at once).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Lecturer,
    Supervisor,
    Learner,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Lecturer, Role::Supervisor, Role::Learner];

    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Lecturer => "lecturer",
            Self::Supervisor => "supervisor",
            Self::Learner => "learner",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }
}
