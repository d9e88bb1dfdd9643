//! Bodies for maintaining competency frameworks: a new version from CSV (the export's
//! format), and the levels a position requires.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FrameworkImport {
    /// The framework's code; a code already in use gets its next version.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{1,64}$"))]
    pub code: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name_vi: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name_en: String,
    /// The CSV, in the format of `GET /competency-frameworks/{id}/export.csv`.
    pub csv: String,
    /// Shares of a test's marks at which each level after the first begins, separated by
    /// commas (`0.2,0.4,0.6,0.8`); empty: the scale split evenly.
    #[serde(default)]
    pub test_cutoffs: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FrameworkCreated {
    pub id: uuid::Uuid,
    pub code: String,
    pub version: u32,
}
