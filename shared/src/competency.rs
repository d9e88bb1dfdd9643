//! Competency frameworks and position profiles as the API returns them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompetencyKind {
    Knowledge,
    Skill,
    Attitude,
    Digital,
}

impl CompetencyKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Knowledge => "knowledge",
            Self::Skill => "skill",
            Self::Attitude => "attitude",
            Self::Digital => "digital",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Knowledge, Self::Skill, Self::Attitude, Self::Digital]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// One level of the proficiency scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProficiencyLevel {
    pub level: u8,
    pub name_vi: String,
    pub name_en: String,
    pub descriptor_vi: String,
    pub descriptor_en: String,
    /// Whether this level counts as proficient.
    pub proficient: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Competency {
    pub id: Uuid,
    pub code: String,
    pub group_vi: String,
    pub group_en: String,
    pub kind: CompetencyKind,
    pub name_vi: String,
    pub name_en: String,
}

/// A version of a competency framework, with its scale and competencies in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Framework {
    pub id: Uuid,
    pub code: String,
    pub version: u32,
    pub name_vi: String,
    pub name_en: String,
    pub levels: Vec<ProficiencyLevel>,
    pub competencies: Vec<Competency>,
}

/// The level a position requires in one competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Requirement {
    pub competency_id: Uuid,
    pub competency_code: String,
    pub required_level: u8,
}

/// What a job position requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionProfile {
    pub position_id: Uuid,
    pub requirements: Vec<Requirement>,
}
