//! Choosing the interface language.

use crate::services::actors::Change;
use crate::store::Db;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};
use shared::preferences::LocaleChoice;
use uuid::Uuid;

use crate::entities::user;
use shared::{FieldProblem, Locale, Problem};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PreferenceError {
    #[error("unknown language {0:?}; choose vi or en")]
    UnknownLocale(String),
}

impl PreferenceError {
    pub fn field(&self) -> FieldProblem {
        match self {
            Self::UnknownLocale(_) => FieldProblem::new("locale", Problem::LanguageChoice),
        }
    }
}

/// The validated choice: the locale, and a safe local path to return to.
pub fn choose_locale(choice: &LocaleChoice) -> Result<(Locale, String), PreferenceError> {
    let locale = Locale::from_code(&choice.locale)
        .ok_or_else(|| PreferenceError::UnknownLocale(choice.locale.clone()))?;
    Ok((locale, safe_return_path(choice.return_to.as_deref())))
}

/// Remembers a signed-in user's language on their account, so it follows them to other
/// devices.
pub async fn remember_locale(db: &Db, user_id: Uuid, locale: Locale) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::Locale, Expr::value(locale.code()))
        .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    db.changed(Change::User(user_id)).await;
    Ok(())
}

/// A path on this site to redirect to after a form post, or `/`. Refuses anything that
/// could leave the site (`//evil`, `/\evil`, `https://…`), so the redirect is never open.
pub fn safe_return_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_local_paths_only() {
        assert_eq!(safe_return_path(Some("/learn/abc?x=1")), "/learn/abc?x=1");
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/ok\r\nSet-Cookie: x")), "/");
        assert_eq!(safe_return_path(None), "/");
    }

    #[test]
    fn refuses_unknown_languages() {
        let choice = LocaleChoice {
            locale: "fr".into(),
            return_to: None,
        };
        assert_eq!(
            choose_locale(&choice),
            Err(PreferenceError::UnknownLocale("fr".into()))
        );
        let choice = LocaleChoice {
            locale: "en".into(),
            return_to: Some("/x".into()),
        };
        assert_eq!(choose_locale(&choice), Ok((Locale::En, "/x".into())));
    }
}
