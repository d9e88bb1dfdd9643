//! A visitor's choices that are not tied to an account.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// Body of `POST /api/v1/preferences/locale` (JSON or a form post).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocaleChoice {
    /// `vi` or `en`.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^(vi|en)$"))]
    pub locale: String,
    /// Where a form post is sent back to; a path on this site. Defaults to `/`.
    #[serde(default)]
    pub return_to: Option<String>,
}

/// Answer to a JSON request of `POST /api/v1/preferences/locale`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocaleChosen {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "en"))]
    pub locale: Locale,
}
