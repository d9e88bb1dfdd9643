//! Enrolling learners in a cohort: by username, by a CSV of usernames, or everyone with the
//! learner role in an org unit's subtree (optionally in one position). All or nothing: a
//! username that names no learner the actor may enrol (`policy::enrol_scope`), a unit
//! outside their reach, or a selection matching nobody refuses the whole request, naming
//! each problem; enrolling someone twice is harmless.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::learning::{EnrolForm, EnrolReport};
use shared::{FieldProblem, Problem, Role};
use uuid::Uuid;

use crate::entities::{enrolment, org_unit, user, user_role};
use crate::services::actors::Actor;
use crate::services::cohorts::{CohortError, load};
use crate::services::policy::{self, CohortAction, EnrolBy, Scope};
use crate::spreadsheet::table::{self, Spec};

/// The most learners enrolled by one request.
pub const MAX_ENROL: usize = 5_000;

fn problem(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem::new(field, problem)
}

/// An uploaded list of usernames: a table with a `username` column (other columns, such as
/// names, passed over), or a bare list with one username first on each line.
const USERNAMES: Spec<'static> = Spec {
    columns: &["username"],
    required: &["username"],
    max_rows: MAX_ENROL,
    others_ignored: true,
    headerless: Some("username"),
};

/// Usernames from a CSV, each problem of the file at its line.
fn csv_usernames(text: &str) -> Result<Vec<String>, Vec<FieldProblem>> {
    let (rows, problems) = table::read(text, &USERNAMES);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(rows
        .iter()
        .filter_map(|row| row.get("username"))
        .map(str::to_owned)
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

/// What the form asks for, read: the usernames typed and uploaded, the unit and the
/// position to select by.
struct Wanted {
    usernames: Vec<String>,
    unit: Option<Uuid>,
    position: Option<Uuid>,
}

fn parse(form: &EnrolForm, problems: &mut Vec<FieldProblem>) -> Wanted {
    let mut usernames: Vec<String> = form
        .usernames
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|u| !u.is_empty())
        .map(str::to_owned)
        .collect();
    match csv_usernames(&form.csv) {
        Ok(names) => usernames.extend(names),
        Err(e) => problems.extend(e),
    }
    let mut id = |field: &str, text: &str| {
        id_field(field, text).unwrap_or_else(|e| {
            problems.push(e);
            None
        })
    };
    Wanted {
        unit: id("org_unit", &form.org_unit),
        position: id("position", &form.position),
        usernames,
    }
}

/// The learners named, each a learner the actor may enrol. Each name is decided by the
/// policy; one outside the actor's reach is answered exactly as one that does not exist,
/// so nothing can be enumerated.
async fn by_username(
    db: &Db,
    actor: &Actor,
    names: &[String],
    problems: &mut Vec<FieldProblem>,
) -> Result<Vec<user::Model>, CohortError> {
    let scope = policy::enrol_scope(actor, EnrolBy::Username);
    let mut found = Vec::new();
    for name in names {
        let person = user::Entity::find()
            .filter(user::Column::Username.eq(name.trim().to_lowercase()))
            .filter(user::Column::Disabled.eq(false))
            .one(db)
            .await?;
        let enrollable = match person {
            Some(p)
                if !learner_ids(db, &[p.id]).await?.is_empty()
                    && scope.contains(unit_path(db, p.org_unit_id).await?.as_deref()) =>
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
    Ok(found)
}

/// The learners in a unit's subtree (the actor's whole reach when only a position is
/// chosen), optionally in one position.
async fn by_unit(
    db: &Db,
    actor: &Actor,
    wanted: &Wanted,
    problems: &mut Vec<FieldProblem>,
) -> Result<Vec<user::Model>, CohortError> {
    if wanted.unit.is_none() && wanted.position.is_none() {
        return Ok(Vec::new());
    }
    let scope = policy::enrol_scope(actor, EnrolBy::Unit);
    let reach = match wanted.unit {
        Some(unit) => org_unit::Entity::find_by_id(unit)
            .one(db)
            .await?
            .map(|u| u.path)
            .filter(|path| scope.contains(Some(path))),
        // A position alone selects in the whole reach.
        None => match &scope {
            Scope::Everything => Some(String::from("/")),
            Scope::Subtrees(roots) if roots.len() == 1 => roots.first().cloned(),
            _ => None,
        },
    };
    let Some(path) = reach else {
        problems.push(problem("org_unit", Problem::NoUnitToEnrolFrom));
        return Ok(Vec::new());
    };
    if !problems.is_empty() {
        return Ok(Vec::new());
    }
    let units: Vec<Uuid> = org_unit::Entity::find()
        .filter(org_unit::Column::Path.starts_with(path.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut query = user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .filter(user::Column::OrgUnitId.is_in(units));
    if let Some(position) = wanted.position {
        query = query.filter(user::Column::PositionId.eq(position));
    }
    let people = query.all(db).await?;
    let learners = learner_ids(db, &people.iter().map(|p| p.id).collect::<Vec<_>>()).await?;
    let matched: Vec<user::Model> = people
        .into_iter()
        .filter(|p| learners.contains(&p.id))
        .collect();
    if matched.is_empty() {
        problems.push(problem("org_unit", Problem::NoLearnerInUnit));
    }
    Ok(matched)
}

/// Enrols `people` (those not enrolled yet) in one transaction: all of them or none.
async fn store(
    db: &Db,
    cohort: Uuid,
    mut people: Vec<user::Model>,
) -> Result<EnrolReport, CohortError> {
    people.sort_by(|a, b| a.username.cmp(&b.username));
    people.dedup_by(|a, b| a.id == b.id);
    let txn = db.begin().await?;
    let already: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(cohort))
        .all(&txn)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    let mut report = EnrolReport::default();
    let now = Utc::now();
    for person in people {
        if already.contains(&person.id) {
            report.already.push(person.username);
            continue;
        }
        enrolment::ActiveModel {
            cohort_id: Set(cohort),
            user_id: Set(person.id),
            added_at: Set(now),
        }
        .insert(&txn)
        .await?;
        report.added.push(person.username);
    }
    txn.commit().await?;
    Ok(report)
}

/// Enrols the learners the form names or selects, or refuses with every problem.
pub async fn enrol(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    form: &EnrolForm,
) -> Result<EnrolReport, CohortError> {
    let cohort = load(db, actor, id, CohortAction::Manage).await?;
    let mut problems = Vec::new();
    let wanted = parse(form, &mut problems);
    let mut found = by_username(db, actor, &wanted.usernames, &mut problems).await?;
    found.extend(by_unit(db, actor, &wanted, &mut problems).await?);
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
    store(db, cohort.id, found).await
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
