//! Accounts: validation shared by every way of creating or editing one (admin API, CSV
//! import, `create-user`, demo seed), creation, search and administration.

mod admin;
mod create;
mod export;
pub mod import;
pub mod import_drafts;
mod search;

pub use admin::{reset_password, set_disabled, update};
pub use create::{create, create_as};
pub use export::export_csv;
pub use import::{accept as accept_import, preview as preview_import};
pub use search::{get, list};

use sea_orm::DbErr;
use shared::auth::RoleGrant;
use shared::{FieldProblem, Locale, Problem};
use uuid::Uuid;

use crate::services::passwords::PasswordError;

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 128;

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub full_name: String,
    pub password: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub org_unit_id: Option<Uuid>,
    pub position_id: Option<Uuid>,
    pub grants: Vec<RoleGrant>,
    pub locale: Locale,
}

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("the new user is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("the username {0:?} is taken")]
    UsernameTaken(String),
    /// Administrators cannot disable the account they are using.
    #[error("one's own account cannot be disabled")]
    OwnAccount,
    /// The user does not exist, or the actor may not know it does.
    #[error("no such user")]
    NotFound,
    /// The actor may see the user (or the endpoint) but not do this.
    #[error("not allowed")]
    Forbidden,
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error("database error while saving a user: {0}")]
    Database(#[from] DbErr),
}

pub(crate) fn field(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem::new(field, problem)
}

/// Problems with a new password: 8 to 128 characters (any Unicode, no composition rules),
/// not one of the most common passwords, not the username.
pub fn password_problems(password: &str, username: Option<&str>) -> Vec<FieldProblem> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return vec![field(
            "password",
            Problem::CharsBetween {
                min: MIN_PASSWORD_CHARS,
                max: MAX_PASSWORD_CHARS,
            },
        )];
    }
    let folded = shared::text::fold(password);
    let folded = folded.trim();
    if COMMON_PASSWORDS
        .lines()
        .any(|common| common.trim() == folded)
    {
        return vec![field("password", Problem::PasswordCommon)];
    }
    if username.is_some_and(|name| folded == shared::text::fold(name)) {
        return vec![field("password", Problem::PasswordIsUsername)];
    }
    Vec::new()
}

/// The most common passwords (English and Vietnamese habits), folded, one per line.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Checks a new user's fields; returns every problem at once.
pub fn validate(new: &NewUser) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    problems.extend(contact_problems(new.email.as_deref(), new.phone.as_deref()));
    let username_ok = (3..=64).contains(&new.username.len())
        && new
            .username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !username_ok {
        problems.push(field("username", Problem::UsernameShape));
    }
    // Blank after trimming, or longer than allowed as sent (the document's maxLength).
    if new.full_name.trim().is_empty() || new.full_name.chars().count() > 200 {
        problems.push(field(
            "full_name",
            Problem::CharsBetween { min: 1, max: 200 },
        ));
    }
    problems.extend(password_problems(&new.password, Some(&new.username)));
    if new.grants.is_empty() {
        problems.push(field("roles", Problem::AtLeastOneRole));
    }
    problems
}

/// Problems with optional contact details.
pub fn contact_problems(email: Option<&str>, phone: Option<&str>) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if let Some(email) = email.filter(|e| !e.is_empty()) {
        let shape_ok = email.len() <= 254
            && email
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            && !email.chars().any(char::is_whitespace);
        if !shape_ok {
            problems.push(field("email", Problem::NotEmail));
        }
    }
    if let Some(phone) = phone.filter(|p| !p.is_empty()) {
        let shape_ok = phone.len() <= 32
            && phone.chars().filter(char::is_ascii_digit).count() >= 6
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'));
        if !shape_ok {
            problems.push(field("phone", Problem::NotPhone));
        }
    }
    problems
}

/// A name field trimmed; empty means absent.
pub fn optional(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// What the user search matches against.
pub fn search_key(full_name: &str, username: &str, email: Option<&str>) -> String {
    shared::text::fold(&format!(
        "{} {} {}",
        full_name.trim(),
        username,
        email.unwrap_or_default()
    ))
    .trim()
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> NewUser {
        NewUser {
            username: "nguyen.van.a".into(),
            full_name: "Nguyễn Văn A".into(),
            password: "một mật khẩu".into(),
            email: Some("a.nguyen@laocai.gov.vn".into()),
            phone: Some("+84 912 345 678".into()),
            org_unit_id: None,
            position_id: None,
            grants: vec![RoleGrant {
                role: shared::Role::Learner,
                scope_org_unit_id: None,
            }],
            locale: Locale::Vi,
        }
    }

    #[test]
    fn a_good_user_has_no_problems() {
        assert!(validate(&sample()).is_empty());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = NewUser {
            username: "Nguyễn".into(),
            full_name: "  ".into(),
            password: "short".into(),
            email: Some("not-an-email".into()),
            phone: Some("call me".into()),
            grants: vec![],
            ..sample()
        };
        let fields: Vec<String> = validate(&bad).into_iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            [
                "email",
                "phone",
                "username",
                "full_name",
                "password",
                "roles"
            ]
        );
    }

    #[test]
    fn common_passwords_and_the_username_are_refused() {
        assert!(!password_problems("12345678", None).is_empty());
        assert!(!password_problems("MatKhau123", None).is_empty());
        assert!(
            !password_problems("Mật khẩu 123", None).is_empty(),
            "folded before the check"
        );
        assert!(!password_problems("nguyen.van.a", Some("nguyen.van.a")).is_empty());
        assert!(password_problems("ruộng bậc thang mùa lúa chín", Some("a")).is_empty());
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        // Eight Vietnamese letters are more than eight bytes but exactly eight characters.
        let ok = NewUser {
            password: "ạạạạạạạạ".into(),
            ..sample()
        };
        assert!(validate(&ok).is_empty());
    }
}
