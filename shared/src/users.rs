//! Accounts as the admin API and pages see them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::RoleGrant;

/// An object referred to by id, with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: Uuid,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub locale: String,
    pub org_unit: Option<NamedRef>,
    pub position: Option<NamedRef>,
    pub roles: Vec<RoleGrant>,
    pub disabled: bool,
}

/// One page of a user search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPage {
    pub items: Vec<UserSummary>,
    /// Matches in all pages.
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

/// Query of `GET /api/v1/users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct UserQuery {
    /// Words of the name, username or email; Vietnamese marks are ignored.
    pub q: Option<String>,
    /// 1-based page number (default 1).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100000))]
    pub page: Option<u64>,
    /// Results per page, 1 to 100 (default 25).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

/// Body of `POST /api/v1/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateUser {
    pub username: String,
    pub full_name: String,
    /// The first password; the user should change it after signing in.
    pub password: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    pub org_unit_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    pub position_id: Option<Uuid>,
    /// Grants as objects, or as codes (`learner`, `supervisor@<org unit id>`).
    #[serde(default, deserialize_with = "crate::form::grants")]
    pub roles: Vec<RoleGrant>,
    /// `vi` (default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// Body of `PATCH /api/v1/users/{id}`: only the fields present change. An empty string
/// clears email or phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    #[serde(default)]
    pub full_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    pub org_unit_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    pub position_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_grants")]
    pub roles: Option<Vec<RoleGrant>>,
    #[serde(default)]
    pub locale: Option<String>,
}

/// Body of `POST /api/v1/users/{id}/password` (an admin sets a new password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    pub new_password: String,
}
