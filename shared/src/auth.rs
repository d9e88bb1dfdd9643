//! Signing in and out, and who the signed-in user is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Role;

/// Name of the cookie holding the short-lived access token (browser clients).
pub const ACCESS_COOKIE: &str = "fs_access";
/// Name of the cookie holding the long-lived, rotating refresh token (browser clients).
pub const REFRESH_COOKIE: &str = "fs_refresh";
/// Name of the cookie naming who is signed in (their user id), readable by the service worker
/// so that it serves a saved course only to its owner. Not a credential.
pub const WHO_COOKIE: &str = "fs_who";
/// Name of the form field (and of the `X-CSRF-Token` header) carrying the form token.
pub const CSRF_FIELD: &str = "csrf";

/// Body of `POST /api/v1/auth/sign-in`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
    /// Form posts only: where to go after signing in (a path on this site).
    #[serde(default)]
    pub return_to: Option<String>,
}

/// Tokens for API clients; browsers get the same tokens as HttpOnly cookies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: u64,
    /// Single use: every refresh returns a new one, and reusing an old one ends the session.
    pub refresh_token: String,
}

/// The key that locks a device's offline queue while its owner is signed in
/// (`GET /api/v1/auth/queue-key`; docs/OFFLINE.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueKey {
    /// 32 bytes for AES-256-GCM, base64url without padding. The same on every device of
    /// the account.
    pub key: String,
}

/// Body of `POST /api/v1/auth/refresh` (API clients; browsers send the cookie).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// A role held by the user, possibly limited to an org subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleGrant {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "admin"))]
    pub role: Role,
    /// The org unit whose subtree the role covers; `None` means everywhere.
    pub scope_org_unit_id: Option<Uuid>,
}

/// The signed-in user, as `GET /api/v1/auth/me` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: Uuid,
    pub username: String,
    pub full_name: String,
    pub locale: String,
    pub org_unit_id: Option<Uuid>,
    pub position_id: Option<Uuid>,
    pub roles: Vec<RoleGrant>,
}

impl Me {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|grant| grant.role == role)
    }
}

/// Body of `POST /api/v1/auth/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}
