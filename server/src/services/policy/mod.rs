//! The one place that answers "may this actor do this to that". Services call it; handlers
//! never decide. Scope is an org subtree, given as a materialised path prefix.
//!
//! Objects outside an actor's scope are reported as not found by the services, so ids in
//! URLs reveal nothing.

use shared::Role;

use crate::services::actors::Actor;

/// Which part of the org tree an actor may act on for some purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole tree, and people without an org unit.
    Everything,
    /// These subtrees (paths); nothing outside them.
    Subtrees(Vec<String>),
    Nothing,
}

impl Scope {
    /// Whether an object at `path` (an org unit's path, or a user's unit path) is inside.
    pub fn contains(&self, path: Option<&str>) -> bool {
        match (self, path) {
            (Scope::Everything, _) => true,
            (Scope::Subtrees(roots), Some(path)) => {
                roots.iter().any(|root| path.starts_with(root.as_str()))
            }
            _ => false,
        }
    }

    fn union(self, other: Scope) -> Scope {
        match (self, other) {
            (Scope::Everything, _) | (_, Scope::Everything) => Scope::Everything,
            (Scope::Nothing, other) | (other, Scope::Nothing) => other,
            (Scope::Subtrees(mut a), Scope::Subtrees(b)) => {
                a.extend(b);
                Scope::Subtrees(a)
            }
        }
    }
}

/// Things people do to the directory (org units, positions, accounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See accounts (lists, details, exports).
    ViewUsers,
    /// Create, edit, disable accounts, reset their passwords, import them.
    ManageUsers,
    /// See the org tree.
    ViewOrgUnits,
    /// Create and edit org units.
    ManageOrgUnits,
    /// Create and edit job positions (a national catalogue).
    ManagePositions,
    /// Publish competency framework versions and set position profiles (national).
    ManageFrameworks,
    /// See people's competency evidence, gains and training needs.
    ViewEvidence,
    /// Import, record and void evidence; enrol people from a training-needs analysis.
    RecordEvidence,
    /// Rate people at work as their supervisor (administrators do not).
    RateAsSupervisor,
}

/// The subtrees `actor`'s grants of `role` cover.
fn grant_scope(actor: &Actor, role: Role) -> Scope {
    actor
        .scopes
        .iter()
        .filter(|(r, _)| *r == role)
        .map(|(_, path)| match path {
            None => Scope::Everything,
            Some(path) => Scope::Subtrees(vec![path.clone()]),
        })
        .fold(Scope::Nothing, Scope::union)
}

/// The part of the tree in which `actor` may do `action`.
pub fn scope(actor: &Actor, action: Action) -> Scope {
    let grant_scope = |role: Role| grant_scope(actor, role);
    // A supervisor grant without its own scope covers the supervisor's own unit.
    let supervisor_scope = || {
        actor
            .scopes
            .iter()
            .filter(|(r, _)| *r == Role::Supervisor)
            .map(
                |(_, path)| match path.clone().or_else(|| actor.org_path.clone()) {
                    Some(path) => Scope::Subtrees(vec![path]),
                    None => Scope::Nothing,
                },
            )
            .fold(Scope::Nothing, Scope::union)
    };
    match action {
        Action::ManageUsers | Action::ManageOrgUnits => grant_scope(Role::Admin),
        Action::ViewUsers | Action::ViewEvidence | Action::RecordEvidence => {
            grant_scope(Role::Admin).union(supervisor_scope())
        }
        Action::RateAsSupervisor => supervisor_scope(),
        // The tree's names are not secret: everyone signed in may read it.
        Action::ViewOrgUnits => Scope::Everything,
        Action::ManagePositions | Action::ManageFrameworks => match grant_scope(Role::Admin) {
            Scope::Everything => Scope::Everything,
            _ => Scope::Nothing,
        },
    }
}

/// How learners are named when they are enrolled in a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolBy {
    /// One by one, by username: the actor knows whom they mean.
    Username,
    /// Everyone of an org unit's subtree (and position): a selection that lists people.
    Unit,
}

/// Whose learners `actor` may enrol in a class they manage, named `by`. Administrators: the
/// subtree they administer, however named. Lecturers: by username anyone (institutions train
/// cadres sent from elsewhere), by unit only the region their institution serves (the unit
/// above their own; a lecturer placed nowhere selects no unit). Outside it a name or unit
/// is answered exactly as one that does not exist.
pub fn enrol_scope(actor: &Actor, by: EnrolBy) -> Scope {
    let lecturer = actor.scopes.iter().any(|(role, _)| *role == Role::Lecturer);
    let teaching = match (lecturer, by) {
        (false, _) => Scope::Nothing,
        (true, EnrolBy::Username) => Scope::Everything,
        (true, EnrolBy::Unit) => actor
            .org_path
            .as_deref()
            .and_then(parent_path)
            .map_or(Scope::Nothing, |p| Scope::Subtrees(vec![p])),
    };
    grant_scope(actor, Role::Admin).union(teaching)
}

/// The path of the unit above the one at `path` (`/a/b/` → `/a/`); none for a root.
fn parent_path(path: &str) -> Option<String> {
    let (parent, _) = path.trim_end_matches('/').rsplit_once('/')?;
    (!parent.is_empty()).then(|| format!("{parent}/"))
}

/// Whether `actor` may do `action` on an object at `path`.
pub fn allows(actor: &Actor, action: Action, path: Option<&str>) -> bool {
    scope(actor, action).contains(path)
}

/// Whether `actor` may give `role` scoped to `scope_path` (`None`: everywhere). Roles with
/// reach over others (admin, supervisor) only inside what the actor manages, so a province
/// admin cannot create a national admin; learner and lecturer grant no reach.
pub fn may_grant(actor: &Actor, role: Role, scope_path: Option<&str>) -> bool {
    if matches!(role, Role::Learner | Role::Lecturer) {
        return scope(actor, Action::ManageUsers) != Scope::Nothing;
    }
    match scope(actor, Action::ManageUsers) {
        Scope::Everything => true,
        limited => scope_path.is_some() && limited.contains(scope_path),
    }
}

/// How an actor stands to one course.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Authorship {
    pub owner: bool,
    pub co_author: bool,
}

/// Things people do to courses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseAction {
    /// Start a course (or import one).
    Create,
    /// Read the draft, its answer keys and its versions.
    Read,
    /// Change the draft and publish it.
    Edit,
    /// Add and remove co-authors.
    ManageAuthors,
}

fn national_admin(actor: &Actor) -> bool {
    actor
        .scopes
        .iter()
        .any(|(role, path)| *role == Role::Admin && path.is_none())
}

/// Whether `actor` may do `action` to a course they stand to as `authorship`. Lecturers
/// author; only a course's owner and co-authors (still lecturers) change it; national
/// administrators may read every course for oversight. Learners never see drafts.
pub fn course_allows(actor: &Actor, action: CourseAction, authorship: Authorship) -> bool {
    let lecturer = actor.scopes.iter().any(|(role, _)| *role == Role::Lecturer);
    let author = authorship.owner || authorship.co_author;
    match action {
        CourseAction::Create => lecturer,
        CourseAction::Read => author || national_admin(actor),
        CourseAction::Edit => author && lecturer,
        CourseAction::ManageAuthors => authorship.owner && lecturer,
    }
}

/// How an actor stands to one cohort.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CohortStanding {
    /// Opened it or teaches it.
    pub staff: bool,
    pub enrolled: bool,
    /// Authors the course it takes.
    pub course_author: bool,
}

/// Things people do with cohorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohortAction {
    /// Open a cohort of a course.
    Open,
    /// Enrol learners, see the roster and everyone's attempts.
    Manage,
    /// Submit attempts and see one's own.
    Study,
}

/// Lecturers open cohorts of the courses they author, administrators of any; the staff of
/// a cohort (and national administrators) manage it; only enrolled learners study in it.
pub fn cohort_allows(actor: &Actor, action: CohortAction, standing: CohortStanding) -> bool {
    let lecturer = actor.scopes.iter().any(|(role, _)| *role == Role::Lecturer);
    let admin = actor.scopes.iter().any(|(role, _)| *role == Role::Admin);
    match action {
        CohortAction::Open => (standing.course_author && lecturer) || admin,
        CohortAction::Manage => standing.staff || national_admin(actor),
        CohortAction::Study => standing.enrolled,
    }
}

/// How an actor stands to a learner of a cohort, for rating them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingStanding {
    /// The actor is the learner.
    pub themselves: bool,
    /// The learner is enrolled in the cohort.
    pub enrolled: bool,
    /// The learner is in the actor's supervisor scope.
    pub supervises: bool,
    /// The actor teaches the cohort.
    pub teaches: bool,
    /// The actor was invited to rate the learner in this phase.
    pub invited: bool,
}

/// The sources through which `standing` lets an actor rate in `phase`, most trusted first.
/// Learners rate themselves before and after the course; supervisors their people in every
/// phase, follow-ups included; lecturers their class before and after; invited peers in
/// the phase they were asked for. Nobody rates a learner outside a cohort they are in.
pub fn rating_sources(
    standing: RatingStanding,
    phase: shared::evidence::Phase,
) -> Vec<shared::evidence::Source> {
    use shared::evidence::{Phase, Source};
    let around_course = matches!(phase, Phase::Before | Phase::After);
    let mut sources = Vec::new();
    if !standing.enrolled {
        return sources;
    }
    if standing.supervises && !standing.themselves {
        sources.push(Source::Supervisor);
    }
    if standing.teaches && around_course && !standing.themselves {
        sources.push(Source::Lecturer);
    }
    if standing.invited && !standing.themselves {
        sources.push(Source::Peer);
    }
    if standing.themselves && around_course {
        sources.push(Source::SelfRating);
    }
    sources
}

#[cfg(test)]
mod tests;
