//! The ratings waiting for someone, computed from cohorts, enrolments and the evidence
//! already given, so nothing has to be scheduled:
//! - a learner rates themselves *before* (open until the course ends, due when it starts)
//!   and *after* (open from a week before the end until 30 days after it);
//! - a supervisor rates each of their people *before* (until the course ends), *after*
//!   (from the end), and at *30* and *90 days* after the end, each open until the next
//!   opens (the 90-day one for 90 more days); a rating by any supervisor of the learner
//!   closes the task for all of them;
//! - an invited peer rates in the phase they were invited for.

use crate::store::Db;
use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Value};
use shared::L10n;
use shared::evidence::rating::{Inbox, RatingTask};
use shared::evidence::{Phase, Source};
use uuid::Uuid;

use crate::entities::{cohort, competency_evidence, enrolment, rating_invitation, user};
use crate::services::actors::Actor;
use crate::services::policy::{self, Action, Scope};
use crate::sql::statement;

/// Tasks listed at most; the total says how many more there are.
pub const LISTED: usize = 100;

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days))
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// When a phase's rating opens, falls due and closes for a cohort, for `source`.
pub fn window(
    cohort: &cohort::Model,
    source: Source,
    phase: Phase,
) -> (NaiveDate, NaiveDate, NaiveDate) {
    let (start, end) = (cohort.starts_on, cohort.ends_on);
    match (source, phase) {
        (_, Phase::Before) => (NaiveDate::MIN, start, end),
        (Source::SelfRating, _) => (plus(end, -7), end, plus(end, 30)),
        (_, Phase::After) => (end, end, plus(end, 30)),
        (_, Phase::FollowUp30) => (plus(end, 30), plus(end, 30), plus(end, 90)),
        (_, Phase::FollowUp90) => (plus(end, 90), plus(end, 90), plus(end, 180)),
    }
}

/// (learner, cohort, phase) already rated through `source` (by `rater`, if given).
async fn rated(
    db: &Db,
    source: Source,
    rater: Option<Uuid>,
    cohorts: &[Uuid],
) -> Result<HashSet<(Uuid, Uuid, String)>, DbErr> {
    let mut done = HashSet::new();
    for chunk in cohorts.chunks(500) {
        let mut query = competency_evidence::Entity::find()
            .filter(competency_evidence::Column::Source.eq(source.code()))
            .filter(competency_evidence::Column::VoidedAt.is_null())
            .filter(competency_evidence::Column::CohortId.is_in(chunk.to_vec()));
        if let Some(rater) = rater {
            query = query.filter(competency_evidence::Column::RaterId.eq(rater));
        }
        for e in query.all(db).await? {
            if let Some(cohort) = e.cohort_id {
                done.insert((e.user_id, cohort, e.phase));
            }
        }
    }
    Ok(done)
}

fn task(
    cohort: &cohort::Model,
    learner: Uuid,
    name: &str,
    phase: Phase,
    source: Source,
    due: NaiveDate,
) -> RatingTask {
    RatingTask {
        cohort_id: cohort.id,
        cohort_title: L10n::new(&cohort.title_vi, &cohort.title_en),
        learner_id: learner,
        learner_name: name.to_owned(),
        phase,
        source,
        due_on: due.to_string(),
    }
}

/// The actor's own self-ratings, their people's supervisor ratings and their peer
/// invitations that are open today.
pub async fn inbox(db: &Db, actor: &Actor) -> Result<Inbox, DbErr> {
    let today = Utc::now().date_naive();
    let mut tasks = self_ratings(db, actor, today).await?;
    tasks.extend(supervisor_ratings(db, actor, today).await?);
    tasks.extend(peer_ratings(db, actor).await?);
    tasks.sort_by(|a, b| (&a.due_on, &a.learner_name).cmp(&(&b.due_on, &b.learner_name)));
    let total = tasks.len() as u64;
    tasks.truncate(LISTED);
    Ok(Inbox { tasks, total })
}

/// The actor's self-ratings open today, before and after each of their classes.
async fn self_ratings(db: &Db, actor: &Actor, today: NaiveDate) -> Result<Vec<RatingTask>, DbErr> {
    let me = actor.me.id;
    let mut tasks = Vec::new();
    let mine: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(me))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.cohort_id)
        .collect();
    let my_cohorts = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(mine.clone()))
        .all(db)
        .await?;
    let done = rated(db, Source::SelfRating, Some(me), &mine).await?;
    for c in &my_cohorts {
        for phase in [Phase::Before, Phase::After] {
            let (opens, due, closes) = window(c, Source::SelfRating, phase);
            if opens <= today
                && today <= closes
                && !done.contains(&(me, c.id, phase.code().to_owned()))
            {
                tasks.push(task(
                    c,
                    me,
                    &actor.me.full_name,
                    phase,
                    Source::SelfRating,
                    due,
                ));
            }
        }
    }
    Ok(tasks)
}

/// Supervisor ratings open today of the people in the actor's supervisor scope.
async fn supervisor_ratings(
    db: &Db,
    actor: &Actor,
    today: NaiveDate,
) -> Result<Vec<RatingTask>, DbErr> {
    let me = actor.me.id;
    let mut tasks = Vec::new();
    let scope = policy::scope(actor, Action::RateAsSupervisor);
    if scope == Scope::Nothing {
        return Ok(tasks);
    }
    let (filter, mut values): (String, Vec<Value>) = match &scope {
        Scope::Subtrees(paths) => (
            format!(" AND ({})", vec!["o.path LIKE ?"; paths.len()].join(" OR ")),
            paths.iter().map(|p| Value::from(format!("{p}%"))).collect(),
        ),
        _ => (String::new(), Vec::new()),
    };
    values.insert(0, plus(today, -180).into());
    values.push(me.into());
    let sql = format!(
        "SELECT e.cohort_id AS cohort_id, e.user_id AS user_id, u.full_name AS full_name \
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
         JOIN users u ON u.id = e.user_id LEFT JOIN org_units o ON o.id = u.org_unit_id \
         WHERE c.ends_on >= ?{filter} AND u.id <> ? \
         ORDER BY c.ends_on, u.full_name"
    );
    let rows = db
        .query_all_raw(statement(db.get_database_backend(), &sql, values))
        .await?;
    let mut people: Vec<(Uuid, Uuid, String)> = Vec::new();
    for row in &rows {
        people.push((
            row.try_get("", "cohort_id")?,
            row.try_get("", "user_id")?,
            row.try_get("", "full_name")?,
        ));
    }
    let mut ids: Vec<Uuid> = people.iter().map(|(c, _, _)| *c).collect();
    ids.sort_unstable();
    ids.dedup();
    let cohorts: HashMap<Uuid, cohort::Model> = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let done = rated(db, Source::Supervisor, None, &ids).await?;
    for (cohort_id, learner, name) in &people {
        let Some(c) = cohorts.get(cohort_id) else {
            continue;
        };
        for phase in Phase::ALL {
            let (opens, due, closes) = window(c, Source::Supervisor, *phase);
            if opens <= today
                && today <= closes
                && !done.contains(&(*learner, c.id, phase.code().to_owned()))
            {
                tasks.push(task(c, *learner, name, *phase, Source::Supervisor, due));
            }
        }
    }
    Ok(tasks)
}

/// The actor's open invitations to rate a colleague.
async fn peer_ratings(db: &Db, actor: &Actor) -> Result<Vec<RatingTask>, DbErr> {
    let me = actor.me.id;
    let mut tasks = Vec::new();
    let invitations = rating_invitation::Entity::find()
        .filter(rating_invitation::Column::PeerId.eq(me))
        .all(db)
        .await?;
    if invitations.is_empty() {
        return Ok(tasks);
    }
    let ids: Vec<Uuid> = invitations.iter().map(|i| i.cohort_id).collect();
    let done = rated(db, Source::Peer, Some(me), &ids).await?;
    let cohorts: HashMap<Uuid, cohort::Model> = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let names: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(invitations.iter().map(|i| i.learner_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.full_name))
        .collect();
    for i in &invitations {
        let (Some(c), Some(phase)) = (cohorts.get(&i.cohort_id), Phase::from_code(&i.phase)) else {
            continue;
        };
        if done.contains(&(i.learner_id, c.id, i.phase.clone())) {
            continue;
        }
        let name = names.get(&i.learner_id).map_or("", String::as_str);
        tasks.push(task(
            c,
            i.learner_id,
            name,
            phase,
            Source::Peer,
            i.created_at.date_naive(),
        ));
    }
    Ok(tasks)
}
