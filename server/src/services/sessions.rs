//! Sessions: signing in, rotating refresh tokens, signing out, changing the password.

use crate::services::actors::Change;
use crate::store::Db;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionTrait,
};
use shared::FieldProblem;
use shared::auth::TokenPair;
use uuid::Uuid;

use crate::auth::access_token::{AccessTokens, TokenError};
use crate::auth::refresh_token;
use crate::entities::{session, user};
use crate::services::passwords::{PasswordError, PasswordHasher};
use crate::services::throttle::{self, ThrottleError};
use crate::services::users;

/// A replaced refresh token presented again within this window is taken as a race between
/// two requests of the same browser, not as theft: refused, but the session survives.
pub const REUSE_GRACE_SECS: i64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("too many failed sign-ins; try again in {0} s")]
    Throttled(i64),
    #[error("the refresh token is not valid")]
    InvalidRefresh,
    #[error("the refresh token was already used")]
    Reused { family: Uuid, user: Uuid },
    #[error("the new password is not valid")]
    WeakPassword(Vec<FieldProblem>),
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error("database error in a session: {0}")]
    Database(#[from] DbErr),
}

/// What sessions need from the application.
pub struct SessionContext<'a> {
    pub db: &'a Db,
    pub passwords: &'a PasswordHasher,
    pub tokens: &'a AccessTokens,
    /// Absolute lifetime of a session family.
    pub session_days: i64,
    /// A hash to check unknown usernames against, so timing reveals nothing.
    pub dummy_hash: &'a str,
}

/// A signed-in session: its tokens and who it belongs to.
#[derive(Debug)]
pub struct Issued {
    pub tokens: TokenPair,
    pub user: Uuid,
    pub family: Uuid,
    pub expires_at: DateTime<Utc>,
    /// The user's interface language, when signing in (not on refresh).
    pub locale: Option<String>,
}

fn pair(
    ctx: &SessionContext<'_>,
    user: Uuid,
    family: Uuid,
    refresh: String,
) -> Result<TokenPair, TokenError> {
    Ok(TokenPair {
        access_token: ctx.tokens.issue(user, family)?,
        token_type: "Bearer".into(),
        expires_in: ctx.tokens.lifetime_secs(),
        refresh_token: refresh,
    })
}

async fn insert_token(
    db: &impl sea_orm::ConnectionTrait,
    family: Uuid,
    user: Uuid,
    expires_at: DateTime<Utc>,
    user_agent: Option<String>,
) -> Result<String, DbErr> {
    let (token, hash) = refresh_token::generate();
    session::ActiveModel {
        id: Set(Uuid::new_v4()),
        family_id: Set(family),
        user_id: Set(user),
        token_hash: Set(hash),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        replaced_at: Set(None),
        revoked_at: Set(None),
        user_agent: Set(user_agent),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Checks the credentials and opens a session. The throttle is decided before any hashing:
/// from a `device` that signed in to this account before, per device; otherwise per
/// account and per address (`services/throttle.rs`).
pub async fn sign_in(
    ctx: &SessionContext<'_>,
    username: &str,
    password: &str,
    address: &str,
    device: Option<&str>,
    user_agent: Option<String>,
) -> Result<Issued, SessionError> {
    let now = Utc::now();
    let keys = match device {
        Some(device) => vec![throttle::device_key(device)],
        None => vec![
            throttle::account_key(username),
            throttle::address_key(address),
        ],
    };
    throttle::reserve(ctx.db, &keys, now)
        .await
        .map_err(|e| match e {
            ThrottleError::Blocked(secs) => SessionError::Throttled(secs),
            ThrottleError::Database(e) => SessionError::Database(e),
        })?;
    let found = user::Entity::find()
        .filter(user::Column::Username.eq(username.trim().to_lowercase()))
        .one(ctx.db)
        .await?;
    // Unknown users are checked against a dummy hash: same work, same answer.
    let phc = found
        .as_ref()
        .map_or(ctx.dummy_hash, |u| u.password_hash.as_str())
        .to_owned();
    let matches = ctx.passwords.verify(password.to_owned(), phc).await?;
    let user = match found {
        Some(user) if matches && !user.disabled => user,
        // The reserved failure stands.
        _ => return Err(SessionError::InvalidCredentials),
    };
    throttle::succeeded(ctx.db, &keys).await?;
    let family = Uuid::new_v4();
    let expires_at = now + Duration::days(ctx.session_days);
    let refresh = insert_token(ctx.db, family, user.id, expires_at, user_agent).await?;
    Ok(Issued {
        tokens: pair(ctx, user.id, family, refresh)?,
        user: user.id,
        family,
        expires_at,
        locale: Some(user.locale),
    })
}

/// Rotates a refresh token: the old one is marked replaced and a new one issued in the same
/// family, which keeps its absolute expiry. Reuse of a replaced token revokes the family.
pub async fn refresh(
    ctx: &SessionContext<'_>,
    token: &str,
    user_agent: Option<String>,
) -> Result<Issued, SessionError> {
    let now = Utc::now();
    let hash = refresh_token::hash(token.trim());
    let txn = ctx.db.begin().await?;
    let Some(row) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash))
        .one(&txn)
        .await?
    else {
        return Err(SessionError::InvalidRefresh);
    };
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(SessionError::InvalidRefresh);
    }
    if let Some(replaced_at) = row.replaced_at {
        if now - replaced_at > Duration::seconds(REUSE_GRACE_SECS) {
            txn.rollback().await?;
            revoke_family(ctx.db, row.family_id).await?;
            tracing::warn!(user = %row.user_id, family = %row.family_id, "refresh token reused; session revoked");
            return Err(SessionError::InvalidRefresh);
        }
        return Err(SessionError::Reused {
            family: row.family_id,
            user: row.user_id,
        });
    }
    let (family, user, expires_at) = (row.family_id, row.user_id, row.expires_at);
    // Conditional: of two concurrent refreshes with the same token, exactly one wins.
    let replaced = session::Entity::update_many()
        .col_expr(session::Column::ReplacedAt, Expr::value(now))
        .filter(session::Column::Id.eq(row.id))
        .filter(session::Column::ReplacedAt.is_null())
        .exec(&txn)
        .await?;
    if replaced.rows_affected != 1 {
        return Err(SessionError::Reused { family, user });
    }
    let refresh = insert_token(&txn, family, user, expires_at, user_agent).await?;
    txn.commit().await?;
    Ok(Issued {
        tokens: pair(ctx, user, family, refresh)?,
        user,
        family,
        expires_at,
        locale: None,
    })
}

/// Ends a session: every token of the family stops working at once.
pub async fn revoke_family(db: &Db, family: Uuid) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::FamilyId.eq(family))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    db.changed(Change::Session(family)).await;
    Ok(())
}

/// Ends every session of `user` except `keep`.
pub async fn revoke_others(db: &Db, user: Uuid, keep: Option<Uuid>) -> Result<(), DbErr> {
    let mut update = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::UserId.eq(user))
        .filter(session::Column::RevokedAt.is_null());
    if let Some(keep) = keep {
        update = update.filter(session::Column::FamilyId.ne(keep));
    }
    update.exec(db).await?;
    db.changed(Change::User(user)).await;
    Ok(())
}

/// Changes the password after checking the current one, and ends the user's other sessions.
pub async fn change_password(
    ctx: &SessionContext<'_>,
    user_id: Uuid,
    session: Uuid,
    current: &str,
    new: &str,
) -> Result<(), SessionError> {
    let Some(found) = user::Entity::find_by_id(user_id).one(ctx.db).await? else {
        return Err(SessionError::InvalidCredentials);
    };
    if !ctx
        .passwords
        .verify(current.to_owned(), found.password_hash.clone())
        .await?
    {
        return Err(SessionError::InvalidCredentials);
    }
    let problems = users::password_problems(new, Some(&found.username));
    if !problems.is_empty() {
        return Err(SessionError::WeakPassword(problems));
    }
    let hash = ctx.passwords.hash(new.to_owned()).await?;
    let mut row = found.into_active_model();
    row.password_hash = Set(hash);
    row.updated_at = Set(Utc::now());
    row.update(ctx.db).await?;
    revoke_others(ctx.db, user_id, Some(session)).await?;
    Ok(())
}
