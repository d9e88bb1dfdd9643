//! The directory of org units as pages and API clients see it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One province (or centrally-run city) with the size of its subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceSummary {
    pub id: Uuid,
    pub name: String,
    /// Socio-economic region, e.g. "Tây Bắc".
    pub region: Option<String>,
    /// Communes, wards and townships anywhere below this province.
    pub commune_count: u64,
}

/// What the home page shows of the org tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryOverview {
    pub provinces: Vec<ProvinceSummary>,
    /// Training institutions (provincial political schools, training centres).
    pub institution_count: u64,
}

/// The kind label of an org unit. The tree's depth is free: any kind may sit under any
/// other, so the 2025 two-tier tree and the older three-tier one both fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgUnitKind {
    National,
    Province,
    District,
    Commune,
    Institution,
}

impl OrgUnitKind {
    pub const ALL: [OrgUnitKind; 5] = [
        Self::National,
        Self::Province,
        Self::District,
        Self::Commune,
        Self::Institution,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Province => "province",
            Self::District => "district",
            Self::Commune => "commune",
            Self::Institution => "institution",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// An org unit as the API lists it (in tree order, with its depth).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgUnit {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "commune"))]
    pub kind: OrgUnitKind,
    pub region: Option<String>,
    /// 0 for a root.
    pub depth: u32,
}

/// Body of `POST /api/v1/org-units`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateOrgUnit {
    /// The parent; absent for a new root (national administrators only).
    #[serde(default, deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub parent_id: Option<Uuid>,
    /// A stable code, unique in the system (e.g. `VN-LCI-YTY`).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Z0-9_-]{1,64}$"))]
    pub code: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name: String,
    /// national, province, district, commune or institution.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^(national|province|district|commune|institution)$")
    )]
    pub kind: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub region: Option<String>,
}

/// Body of `PATCH /api/v1/org-units/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateOrgUnit {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Z0-9_-]{1,64}$"))]
    pub code: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^(national|province|district|commune|institution)$")
    )]
    pub kind: Option<String>,
    /// An empty string clears it.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub region: Option<String>,
}

/// A job position with its names in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Position {
    pub id: Uuid,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

/// Body of `POST /api/v1/positions` and, with every field optional, of `PATCH`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionInput {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Z0-9_]{1,64}$"))]
    pub code: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name_vi: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub name_en: Option<String>,
}
