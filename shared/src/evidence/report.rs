//! What the supervisor's pages and exports show: the gain table, the gap between self and
//! supervisor ratings, the training-needs heat map and ranked gaps.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Lens, Phase};
use crate::L10n;
use crate::gain::{Gain, Scale};

/// Groups smaller than this show counts only: no statistics, no per-learner detail.
pub const MIN_GROUP: u64 = 5;

/// The filters every supervisor report takes (a query string or JSON); all optional.
/// Dates are `YYYY-MM-DD`; a pair of before/after levels falls in the range when its latest
/// evidence does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(default)]
pub struct ReportFilter {
    /// A course's id; empty for all.
    #[serde(deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, nullable = false, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub course: Option<Uuid>,
    /// A class's id; empty for all.
    #[serde(deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, nullable = false, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub cohort: Option<Uuid>,
    /// An org unit's id (its whole subtree); empty for all the viewer may see.
    #[serde(deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, nullable = false, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub org_unit: Option<Uuid>,
    /// A socio-economic region's name; empty for all.
    #[serde(deserialize_with = "crate::form::optional_short_text")]
    #[cfg_attr(feature = "openapi", param(nullable = false, max_length = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub region: Option<String>,
    /// A position's id; empty for all.
    #[serde(deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, nullable = false, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub position: Option<Uuid>,
    /// A competency's id; empty for all.
    #[serde(deserialize_with = "crate::form::optional_id")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, nullable = false, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = r"^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))]
    pub competency: Option<Uuid>,
    /// The first day, `YYYY-MM-DD`; empty for no bound.
    #[serde(deserialize_with = "crate::form::optional_date")]
    #[cfg_attr(
        feature = "openapi",
        param(
            nullable = false,
            pattern = r"^$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        )
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    )]
    pub from: Option<String>,
    /// The last day, `YYYY-MM-DD`; empty for no bound.
    #[serde(deserialize_with = "crate::form::optional_date")]
    #[cfg_attr(
        feature = "openapi",
        param(
            nullable = false,
            pattern = r"^$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        )
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    )]
    pub to: Option<String>,
}

/// A change the gain table measures: a lens between two phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comparison {
    pub lens: Lens,
    pub from: Phase,
    pub to: Phase,
}

impl Comparison {
    /// Every comparison the table shows, in order: tests, self-ratings, the supervisor's
    /// after the course and at 30 and 90 days, peers, lecturers.
    pub const ALL: [Comparison; 7] = [
        Comparison::new(Lens::Test, Phase::After),
        Comparison::new(Lens::SelfRating, Phase::After),
        Comparison::new(Lens::Supervisor, Phase::After),
        Comparison::new(Lens::Supervisor, Phase::FollowUp30),
        Comparison::new(Lens::Supervisor, Phase::FollowUp90),
        Comparison::new(Lens::Peer, Phase::After),
        Comparison::new(Lens::Lecturer, Phase::After),
    ];

    pub const fn new(lens: Lens, to: Phase) -> Self {
        Self {
            lens,
            from: Phase::Before,
            to,
        }
    }

    /// A stable code for links and CSV: `supervisor:follow_up_30`.
    pub fn code(self) -> String {
        format!("{}:{}", self.lens.code(), self.to.code())
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetencyRef {
    pub id: Uuid,
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: L10n,
}

/// One row of the gain table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GainRow {
    pub competency: CompetencyRef,
    pub comparison: Comparison,
    pub scale: Scale,
    /// The statistics; counts only (the rest `None`) when the group is too small.
    pub gain: Gain,
    /// Fewer than [`MIN_GROUP`] paired learners.
    pub too_small: bool,
}

/// Mean (self − supervisor) rating of the learners rated both ways in a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingGap {
    pub competency: CompetencyRef,
    pub phase: Phase,
    pub n: u64,
    pub mean: Option<f64>,
    pub too_small: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GainReport {
    pub filter: ReportFilter,
    pub rows: Vec<GainRow>,
    pub gaps: Vec<RatingGap>,
}

/// One learner's levels in one comparison (drill-down; only for groups not too small).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerChange {
    pub user_id: Uuid,
    pub full_name: String,
    pub org_unit: Option<String>,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// One cell of the needs heat map: a unit (with its subtree) and a competency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedCell {
    pub unit_id: Uuid,
    pub competency_id: Uuid,
    /// People whose position requires the competency.
    pub required: u64,
    /// Of those, people with a current level.
    pub assessed: u64,
    /// Of those, people below the required level.
    pub below: u64,
    /// Mean shortfall (required − current, 0 when met) of the assessed; `None` when too
    /// few are assessed.
    pub mean_gap: Option<f64>,
    pub too_small: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitRef {
    pub id: Uuid,
    pub name: String,
}

/// A course that works on a competency with a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation {
    pub course_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: L10n,
    /// The gap competencies it works on.
    pub competencies: Vec<String>,
    /// Cohorts still open to enrolment.
    pub cohorts: Vec<OpenCohort>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenCohort {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: L10n,
    pub starts_on: String,
    pub ends_on: String,
}

/// A competency's gap over a unit's people, ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedGap {
    pub competency: CompetencyRef,
    pub required: u64,
    pub assessed: u64,
    pub below: u64,
    pub mean_gap: Option<f64>,
    pub too_small: bool,
}

/// The training needs of an org unit's people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedsReport {
    pub unit: Option<UnitRef>,
    /// The heat map's rows (the unit's children, or the unit itself) and columns.
    pub rows: Vec<UnitRef>,
    pub competencies: Vec<CompetencyRef>,
    pub cells: Vec<NeedCell>,
    pub ranked: Vec<RankedGap>,
    pub recommendations: Vec<Recommendation>,
    /// People below the required level in the largest gaps (most gaps first, at most
    /// `MAX_PEOPLE`), whom a supervisor may enrol from a recommendation.
    pub people: Vec<PersonGap>,
}

/// Most people a needs report lists for enrolment.
pub const MAX_PEOPLE: usize = 200;

/// A person below the required level in some competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonGap {
    pub user_id: Uuid,
    pub full_name: String,
    pub org_unit: Option<String>,
    /// Codes of the competencies they are below in.
    pub competencies: Vec<String>,
}

/// One competency of one learner's training needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerNeed {
    pub competency: CompetencyRef,
    pub required: u8,
    pub current: Option<f64>,
    /// Which source the current level is from.
    pub source: Option<super::Source>,
    /// `required − current` when positive, 0 when met; `None` when not assessed.
    pub gap: Option<f64>,
}

/// One piece of a learner's evidence, as the drill-down lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceItem {
    pub id: Uuid,
    pub competency: CompetencyRef,
    pub source: super::Source,
    pub phase: Phase,
    pub level: u8,
    pub rater: Option<String>,
    pub cohort_id: Option<Uuid>,
    /// `YYYY-MM-DD`.
    pub observed_on: String,
    /// Set when voided: when (`YYYY-MM-DD`) and why.
    pub voided_on: Option<String>,
    pub void_reason: Option<String>,
}

/// A learner's page: who they are, their evidence (newest first), needs and courses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerRecord {
    pub user_id: Uuid,
    pub full_name: String,
    pub org_unit: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub position: Option<L10n>,
    pub evidence: Vec<EvidenceItem>,
    pub needs: Vec<LearnerNeed>,
    pub recommendations: Vec<Recommendation>,
}

/// A choice in a filter's select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: L10n,
}

/// What the report filters offer the viewer: only what lies in their reach.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilterOptions {
    pub courses: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    /// Units in reach, in tree order, with their depth below the reach's roots.
    pub units: Vec<(Choice, u8)>,
    pub regions: Vec<String>,
    pub positions: Vec<Choice>,
    pub competencies: Vec<CompetencyRef>,
}
