//! What the report filters offer: courses with published versions, their cohorts, the
//! units in the viewer's reach (tree order, at most [`MAX_UNITS`]), the regions of those
//! units, positions and the competencies of the frameworks in use.

use crate::store::Db;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::L10n;
use shared::evidence::report::{Choice, CompetencyRef, FilterOptions};

use super::{SupervisionError, reach};
use crate::entities::{cohort, competency, course, org_unit, position};
use crate::services::actors::Actor;

/// Units offered at most (the deepest levels are left out past this).
pub const MAX_UNITS: usize = 400;

pub async fn options(db: &Db, actor: &Actor) -> Result<FilterOptions, SupervisionError> {
    let reach = reach(actor)?;
    let courses = course::Entity::find()
        .filter(course::Column::LatestVersion.gt(0))
        .order_by_asc(course::Column::TitleVi)
        .all(db)
        .await?;
    let cohorts = cohort::Entity::find()
        .order_by_desc(cohort::Column::StartsOn)
        .all(db)
        .await?;
    let mut units: Vec<org_unit::Model> = org_unit::Entity::find()
        .order_by_asc(org_unit::Column::Path)
        .all(db)
        .await?
        .into_iter()
        .filter(|u| match &reach {
            None => true,
            Some(roots) => roots.iter().any(|r| u.path.starts_with(r.as_str())),
        })
        .collect();
    let depth = |u: &org_unit::Model| u.path.matches('/').count().saturating_sub(2);
    let top = units.iter().map(depth).min().unwrap_or(0);
    let mut deepest = units.iter().map(depth).max().unwrap_or(0);
    while units.len() > MAX_UNITS && deepest > top {
        units.retain(|u| depth(u) < deepest);
        deepest -= 1;
    }
    let mut regions: Vec<String> = units.iter().filter_map(|u| u.region.clone()).collect();
    regions.sort();
    regions.dedup();
    let frameworks: Vec<uuid::Uuid> = courses.iter().map(|c| c.framework_id).collect();
    let competencies = competency::Entity::find()
        .filter(competency::Column::FrameworkId.is_in(frameworks))
        .order_by_asc(competency::Column::Position)
        .all(db)
        .await?;
    let positions = position::Entity::find()
        .order_by_asc(position::Column::NameVi)
        .all(db)
        .await?;
    Ok(FilterOptions {
        courses: courses
            .iter()
            .map(|c| Choice {
                id: c.id,
                name: L10n::new(&c.title_vi, &c.title_en),
            })
            .collect(),
        cohorts: cohorts
            .iter()
            .map(|c| Choice {
                id: c.id,
                name: L10n::new(&c.title_vi, &c.title_en),
            })
            .collect(),
        units: units
            .iter()
            .map(|u| {
                let name = L10n::new(&u.name, &u.name);
                let level = u8::try_from(depth(u).saturating_sub(top)).unwrap_or(u8::MAX);
                (Choice { id: u.id, name }, level)
            })
            .collect(),
        regions,
        positions: positions
            .iter()
            .map(|p| Choice {
                id: p.id,
                name: L10n::new(&p.name_vi, &p.name_en),
            })
            .collect(),
        competencies: competencies
            .into_iter()
            .map(|c| CompetencyRef {
                id: c.id,
                code: c.code,
                name: L10n::new(&c.name_vi, &c.name_en),
            })
            .collect(),
    })
}
