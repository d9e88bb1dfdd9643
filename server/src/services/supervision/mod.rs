//! The supervisor's reports: gains per competency ([`gains`]), training needs ([`needs`]),
//! the Kirkpatrick summary of a cohort ([`kirkpatrick`]). Each is computed in SQL over the
//! tables derived from the evidence, for the actor's org subtree only, narrowed by a
//! [`ReportFilter`]; people outside the scope are never counted.

use crate::store::Db;
use chrono::{Duration, NaiveDate};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Value};
use shared::evidence::report::ReportFilter;
use shared::{FieldProblem, Problem};

use crate::entities::org_unit;
use crate::services::actors::Actor;
use crate::services::policy::{self, Action, Scope};

mod below;
pub mod enrol;
pub mod gains;
pub mod kirkpatrick;
pub mod learner;
pub mod needs;
pub mod options;
mod unit;

#[derive(Debug, thiserror::Error)]
pub enum SupervisionError {
    #[error("database error while computing a report: {0}")]
    Database(#[from] DbErr),
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("the filter has problems")]
    Invalid(Vec<FieldProblem>),
}

/// SQL conditions (joined by AND) and their values, over `p` (a pairs row).
#[derive(Debug, Default)]
pub struct Conditions {
    pub sql: Vec<String>,
    pub values: Vec<Value>,
}

impl Conditions {
    pub fn push(&mut self, sql: impl Into<String>, values: impl IntoIterator<Item = Value>) {
        self.sql.push(sql.into());
        self.values.extend(values);
    }

    /// ` WHERE a AND b`, or nothing.
    pub fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.sql.join(" AND "))
        }
    }
}

/// The paths the actor may report on, or `None` for everything.
pub fn reach(actor: &Actor) -> Result<Option<Vec<String>>, SupervisionError> {
    match policy::scope(actor, Action::ViewEvidence) {
        Scope::Everything => Ok(None),
        Scope::Subtrees(paths) => Ok(Some(paths)),
        Scope::Nothing => Err(SupervisionError::Forbidden),
    }
}

/// `{unit} IN (the units whose path starts with one of these)`: a condition that lets the
/// database find the rows of a subtree through the column's index.
fn units_under(unit: &str, paths: usize) -> String {
    let any = vec!["path LIKE ?"; paths.max(1)].join(" OR ");
    format!("{unit} IN (SELECT id FROM org_units WHERE {any})")
}

/// Conditions keeping people (whose unit is the column `unit`) inside `reach`.
pub fn scope_conditions(reach: &Option<Vec<String>>, unit: &str, into: &mut Conditions) {
    if let Some(paths) = reach {
        into.push(
            units_under(unit, paths.len()),
            paths.iter().map(|p| Value::from(format!("{p}%"))),
        );
    }
}

fn date(text: &Option<String>, field: &str) -> Result<Option<NaiveDate>, SupervisionError> {
    text.as_deref()
        .map(|t| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
                SupervisionError::Invalid(vec![FieldProblem::new(field, Problem::NotADate)])
            })
        })
        .transpose()
}

/// The unit a filter names, if the actor may see it.
pub async fn unit_in_reach(
    db: &impl ConnectionTrait,
    reach: &Option<Vec<String>>,
    id: uuid::Uuid,
) -> Result<org_unit::Model, SupervisionError> {
    let unit = org_unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let inside = match reach {
        None => true,
        Some(paths) => paths.iter().any(|p| unit.path.starts_with(p.as_str())),
    };
    if inside {
        Ok(unit)
    } else {
        Err(SupervisionError::NotFound)
    }
}

/// Every condition of `filter` and the actor's scope, over pairs rows `p`.
pub async fn conditions(
    db: &Db,
    actor: &Actor,
    filter: &ReportFilter,
) -> Result<Conditions, SupervisionError> {
    let reach = reach(actor)?;
    let mut c = Conditions::default();
    scope_conditions(&reach, "p.org_unit_id", &mut c);
    person_conditions(
        db,
        &reach,
        filter,
        ("p.org_unit_id", "p.position_id"),
        &mut c,
    )
    .await?;
    if let Some(cohort) = filter.cohort {
        c.push("p.cohort_key = ?", [cohort.into()]);
    }
    if let Some(course) = filter.course {
        c.push(
            "p.cohort_key IN (SELECT id FROM cohorts WHERE course_id = ?)",
            [course.into()],
        );
    }
    if let Some(competency) = filter.competency {
        c.push("p.competency_id = ?", [competency.into()]);
    }
    let (from, to) = (date(&filter.from, "from")?, date(&filter.to, "to")?);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        return Err(SupervisionError::Invalid(vec![FieldProblem::new(
            "to",
            Problem::EndBeforeStart,
        )]));
    }
    if let Some(from) = from {
        c.push(
            "p.observed_at >= ?",
            [from.and_hms_opt(0, 0, 0).map(|d| d.and_utc()).into()],
        );
    }
    if let Some(to) = to {
        let end = (to + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc());
        c.push("p.observed_at < ?", [end.into()]);
    }
    Ok(c)
}

/// Conditions on the person: unit and region (over the column `unit`, e.g.
/// `p.org_unit_id`) and position (the column `position`).
pub async fn person_conditions(
    db: &impl ConnectionTrait,
    reach: &Option<Vec<String>>,
    filter: &ReportFilter,
    (unit, position): (&str, &str),
    c: &mut Conditions,
) -> Result<(), SupervisionError> {
    if let Some(id) = filter.org_unit {
        let chosen = unit_in_reach(db, reach, id).await?;
        c.push(units_under(unit, 1), [format!("{}%", chosen.path).into()]);
    }
    if let Some(region) = &filter.region {
        c.push(
            format!(
                "{unit} IN (SELECT d.id FROM org_units d JOIN org_units r \
                 ON d.path LIKE r.path || '%' WHERE r.region = ?)"
            ),
            [region.clone().into()],
        );
    }
    if let Some(id) = filter.position {
        c.push(format!("{position} = ?"), [id.into()]);
    }
    Ok(())
}
