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
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9._-]{3,64}$"))]
    pub username: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub full_name: String,
    /// The first password; the user should change it after signing in.
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub password: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = r"^$|^[^@\s]+@\S*\.\S*$")
    )]
    pub email: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 32, pattern = r"^$|^[+ .()-]*([0-9][+ .()-]*){6,}$")
    )]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub org_unit_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub position_id: Option<Uuid>,
    /// Grants as objects, or as codes (`learner`, `supervisor@<org unit id>`).
    #[serde(default, deserialize_with = "crate::form::grants")]
    pub roles: Vec<RoleGrant>,
    /// `vi` (default) or `en`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^(vi|en)$"))]
    pub locale: Option<String>,
}

/// Body of `PATCH /api/v1/users/{id}`: only the fields present change. An empty string
/// clears email or phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub full_name: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = r"^$|^[^@\s]+@\S*\.\S*$")
    )]
    pub email: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 32, pattern = r"^$|^[+ .()-]*([0-9][+ .()-]*){6,}$")
    )]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub org_unit_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub position_id: Option<Uuid>,
    #[serde(default, deserialize_with = "crate::form::optional_grants")]
    pub roles: Option<Vec<RoleGrant>>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^(vi|en)$"))]
    pub locale: Option<String>,
}

/// Body of `POST /api/v1/users/{id}/password` (an admin sets a new password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub new_password: String,
}
