//! Creating accounts (the `create-user` command and the demo seed; the admin API grows
//! from here).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use shared::{FieldError, Role};
use uuid::Uuid;

use crate::entities::{org_unit, user, user_role};
use crate::services::passwords::{PasswordError, PasswordHasher};

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 128;

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub full_name: String,
    pub password: String,
    pub roles: Vec<Role>,
    /// Code of the user's org unit, if any.
    pub org_unit_code: Option<String>,
    pub locale: shared::Locale,
}

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("the new user is not valid")]
    Invalid(Vec<FieldError>),
    #[error("the username {0:?} is taken")]
    UsernameTaken(String),
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error("database error while saving a user: {0}")]
    Database(#[from] DbErr),
}

fn field(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Problems with a new password: 8 to 128 characters (any Unicode, no composition rules),
/// not one of the most common passwords, not the username.
pub fn password_problems(password: &str, username: Option<&str>) -> Vec<FieldError> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return vec![field("password", "between 8 and 128 characters")];
    }
    let folded = shared::text::fold(password);
    let folded = folded.trim();
    if COMMON_PASSWORDS
        .lines()
        .any(|common| common.trim() == folded)
    {
        return vec![field(
            "password",
            "this password is too common; choose another",
        )];
    }
    if username.is_some_and(|name| folded == shared::text::fold(name)) {
        return vec![field(
            "password",
            "the password must differ from the username",
        )];
    }
    Vec::new()
}

/// The most common passwords (English and Vietnamese habits), folded, one per line.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Checks a new user's fields; returns every problem at once.
pub fn validate(new: &NewUser) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let username_ok = (3..=64).contains(&new.username.len())
        && new
            .username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !username_ok {
        problems.push(field(
            "username",
            "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'",
        ));
    }
    let name_chars = new.full_name.trim().chars().count();
    if name_chars == 0 || name_chars > 200 {
        problems.push(field("full_name", "between 1 and 200 characters"));
    }
    problems.extend(password_problems(&new.password, Some(&new.username)));
    if new.roles.is_empty() {
        problems.push(field("roles", "at least one role"));
    }
    problems
}

/// Creates the user with its roles in one transaction.
pub async fn create(
    db: &DatabaseConnection,
    hasher: &PasswordHasher,
    new: NewUser,
) -> Result<Uuid, UserError> {
    let mut problems = validate(&new);
    let org_unit_id = match &new.org_unit_code {
        Some(code) => {
            let unit = org_unit::Entity::find()
                .filter(org_unit::Column::Code.eq(code.as_str()))
                .one(db)
                .await?;
            if unit.is_none() {
                problems.push(field("org_unit", "no org unit has this code"));
            }
            unit.map(|u| u.id)
        }
        None => None,
    };
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    let taken = user::Entity::find()
        .filter(user::Column::Username.eq(new.username.as_str()))
        .one(db)
        .await?
        .is_some();
    if taken {
        return Err(UserError::UsernameTaken(new.username));
    }
    let password_hash = hasher.hash(new.password).await?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let txn = db.begin().await?;
    user::ActiveModel {
        id: Set(id),
        username: Set(new.username),
        full_name: Set(new.full_name.trim().to_owned()),
        email: Set(None),
        phone: Set(None),
        locale: Set(new.locale.code().to_owned()),
        org_unit_id: Set(org_unit_id),
        position_id: Set(None),
        password_hash: Set(password_hash),
        disabled: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for role in new.roles {
        user_role::ActiveModel {
            user_id: Set(id),
            role: Set(role.code().to_owned()),
            scope_org_unit_id: Set(None),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> NewUser {
        NewUser {
            username: "nguyen.van.a".into(),
            full_name: "Nguyễn Văn A".into(),
            password: "một mật khẩu".into(),
            roles: vec![Role::Learner],
            org_unit_code: None,
            locale: shared::Locale::Vi,
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
            roles: vec![],
            ..sample()
        };
        let fields: Vec<String> = validate(&bad).into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["username", "full_name", "password", "roles"]);
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
