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
