//! Enrolling learners in a cohort: by username, by a CSV of usernames, or everyone with the
//! learner role in an org unit's subtree (optionally in one position). All or nothing: a
//! username that names no learner the actor may enrol (`policy::enrol_scope`), a unit
//! outside their reach, or a selection matching nobody refuses the whole request, naming
//! each problem; enrolling someone twice is harmless.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use shared::learning::{EnrolForm, EnrolReport};
use shared::{FieldProblem, Problem, Role};
use uuid::Uuid;

use crate::entities::{enrolment, org_unit, user, user_role};
use crate::services::actors::Actor;
use crate::services::cohorts::{CohortError, load};
use crate::services::policy::{self, CohortAction, EnrolBy, Scope};

/// The most learners enrolled by one request.
pub const MAX_ENROL: usize = 5_000;

fn problem(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem::new(field, problem)
}

/// Usernames from a CSV: the `username` column when the first row names one, otherwise the
/// first column of every row.
fn csv_usernames(text: &str) -> Result<Vec<String>, FieldProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            FieldProblem::at_line(
                line as u64 + 1,
                "csv",
                Problem::RowUnreadable {
                    detail: e.to_string(),
                },
            )
        })?;
        rows.push(record.iter().map(str::to_owned).collect::<Vec<_>>());
    }
    let column = rows.first().and_then(|header| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case("username"))
    });
    let skip = usize::from(column.is_some());
    Ok(rows
        .into_iter()
        .skip(skip)
        .filter_map(|row| row.get(column.unwrap_or(0)).cloned())
        .filter(|name| !name.is_empty())
        .collect())
}

fn id_field(field: &str, text: &str) -> Result<Option<Uuid>, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Uuid::parse_str(text)
        .map(Some)
        .map_err(|_| problem(field, Problem::NotKnownId))
}

/// The materialised path of a unit, if the person is in one.
async fn unit_path(db: &Db, unit: Option<Uuid>) -> Result<Option<String>, CohortError> {
    let Some(unit) = unit else {
        return Ok(None);
    };
    Ok(org_unit::Entity::find_by_id(unit)
        .one(db)
        .await?
        .map(|u| u.path))
}

async fn learner_ids(db: &Db, people: &[Uuid]) -> Result<Vec<Uuid>, CohortError> {
    Ok(user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(people.iter().copied()))
        .filter(user_role::Column::Role.eq(Role::Learner.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect())
}

pub async fn enrol(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    form: &EnrolForm,
) -> Result<EnrolReport, CohortError> {
    let cohort = load(db, actor, id, CohortAction::Manage).await?;
    let mut problems = Vec::new();
    let mut wanted: Vec<String> = form
        .usernames
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|u| !u.is_empty())
        .map(str::to_owned)
        .collect();
    match csv_usernames(&form.csv) {
        Ok(names) => wanted.extend(names),
        Err(e) => problems.push(e),
    }
    let unit = id_field("org_unit", &form.org_unit).unwrap_or_else(|e| {
        problems.push(e);
        None
    });
    let position = id_field("position", &form.position).unwrap_or_else(|e| {
        problems.push(e);
        None
    });
    // Each name and unit is decided by the policy; one outside the actor's reach is
    // answered exactly as one that does not exist, so nothing can be enumerated.
    let by_name = policy::enrol_scope(actor, EnrolBy::Username);
    let mut found: Vec<user::Model> = Vec::new();
    for name in &wanted {
        let person = user::Entity::find()
            .filter(user::Column::Username.eq(name.trim().to_lowercase()))
            .filter(user::Column::Disabled.eq(false))
            .one(db)
            .await?;
        let enrollable = match person {
            Some(p)
                if !learner_ids(db, &[p.id]).await?.is_empty()
                    && by_name.contains(unit_path(db, p.org_unit_id).await?.as_deref()) =>
            {
                Some(p)
            }
            _ => None,
        };
        match enrollable {
            Some(p) => found.push(p),
            None => problems.push(problem(
                "usernames",
                Problem::NoLearnerNamed { name: name.clone() },
            )),
        }
    }
    if unit.is_some() || position.is_some() {
        let mut query = user::Entity::find().filter(user::Column::Disabled.eq(false));
        let by_unit = policy::enrol_scope(actor, EnrolBy::Unit);
        let reach = match unit {
            Some(unit) => org_unit::Entity::find_by_id(unit)
                .one(db)
                .await?
                .map(|u| u.path)
                .filter(|path| by_unit.contains(Some(path))),
            // A position alone selects in the whole reach.
            None => match &by_unit {
                Scope::Everything => Some(String::from("/")),
                Scope::Subtrees(roots) if roots.len() == 1 => roots.first().cloned(),
                _ => None,
            },
        };
        match reach {
            Some(path) => {
                let units: Vec<Uuid> = org_unit::Entity::find()
                    .filter(org_unit::Column::Path.starts_with(path.as_str()))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|u| u.id)
                    .collect();
                query = query.filter(user::Column::OrgUnitId.is_in(units));
            }
            None => problems.push(problem("org_unit", Problem::NoUnitToEnrolFrom)),
        }
        if let Some(position) = position {
            query = query.filter(user::Column::PositionId.eq(position));
        }
        let people = if problems.is_empty() {
            query.all(db).await?
        } else {
            Vec::new()
        };
        let learners = learner_ids(db, &people.iter().map(|p| p.id).collect::<Vec<_>>()).await?;
        let matched: Vec<user::Model> = people
            .into_iter()
            .filter(|p| learners.contains(&p.id))
            .collect();
        if matched.is_empty() && problems.is_empty() {
            problems.push(problem("org_unit", Problem::NoLearnerInUnit));
        }
        found.extend(matched);
    }
    if found.is_empty() && problems.is_empty() {
        problems.push(problem("usernames", Problem::AtLeastOneLearner));
    }
    if found.len() > MAX_ENROL {
        problems.push(problem(
            "usernames",
            Problem::LearnersAtMost { max: MAX_ENROL },
        ));
    }
    if !problems.is_empty() {
        return Err(CohortError::Invalid(problems));
    }
    found.sort_by(|a, b| a.username.cmp(&b.username));
    found.dedup_by(|a, b| a.id == b.id);
    let already: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let mut report = EnrolReport::default();
    let now = Utc::now();
    for person in found {
        if already.contains(&person.id) {
            report.already.push(person.username);
            continue;
        }
        enrolment::ActiveModel {
            cohort_id: Set(cohort.id),
            user_id: Set(person.id),
            added_at: Set(now),
        }
        .insert(db)
        .await?;
        report.added.push(person.username);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::csv_usernames;

    #[test]
    fn csv_takes_the_username_column_or_the_first() {
        let named =
            csv_usernames("full_name,username\n\"Giàng Thị Mai\",hv.mai\nLò Văn Hùng , ql.hung\n");
        assert_eq!(
            named.ok(),
            Some(vec!["hv.mai".to_owned(), "ql.hung".to_owned()])
        );
        let bare = csv_usernames("hv.mai\nhv.tuan;x\n\n");
        assert_eq!(
            bare.ok(),
            Some(vec!["hv.mai".to_owned(), "hv.tuan;x".to_owned()])
        );
        assert_eq!(csv_usernames("").ok(), Some(Vec::new()));
    }
}
