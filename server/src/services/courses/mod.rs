//! Courses: drafts edited by their owner and co-authors, published as immutable numbered
//! versions. A draft is one content package (JSON); each edit loads it, changes it with a
//! pure function from `shared::course` and saves it only if nobody saved in between.

mod authors;
mod draft;
mod forms;
mod import;
mod publish;

pub use authors::{add_author, remove_author};
pub use draft::{edit, replace_draft};
pub use forms::{apply_activity_form, apply_choice_form, apply_node_form, question_from_form};
pub use import::{
    MAX_PACKAGE_BYTES, accept as accept_import, by_path, parse_package, run_job as run_import_job,
};
pub use publish::{publish, version_package};

use crate::store::Db;
use std::collections::{BTreeSet, HashMap};

use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::authoring::{Author, CourseDetail, CourseSummary, NewCourse, Part, VersionSummary};
use shared::course::{self, FrameworkRef, Issue, Package};
use shared::{FieldProblem, L10n, Locale, Problem};
use uuid::Uuid;

use crate::entities::{
    competency, competency_framework, course as course_row, course_author, course_version, user,
};
use crate::services::actors::Actor;
use crate::services::policy::{self, Authorship, CourseAction};

#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    #[error("no such course")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("the course is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("another course has this code")]
    CodeTaken,
    #[error("the draft changed since revision {0}")]
    Stale(u32),
    #[error("the course has problems")]
    NotPublishable(Vec<Issue>),
    #[error("the package has problems")]
    BadPackage(Vec<Issue>),
    #[error("could not encode the package: {0}")]
    Encoding(String),
    #[error("database error in courses: {0}")]
    Database(#[from] DbErr),
}

impl CourseError {
    pub fn field(field: &str, problem: Problem) -> Self {
        Self::Invalid(vec![FieldProblem::new(field, problem)])
    }
}

/// The language the actor reads messages in.
pub fn locale_of(actor: &Actor) -> Locale {
    Locale::from_code(&actor.me.locale).unwrap_or_default()
}

pub(crate) async fn authorship(
    db: &Db,
    actor: &Actor,
    course: &course_row::Model,
) -> Result<Authorship, DbErr> {
    let co_author = course_author::Entity::find_by_id((course.id, actor.me.id))
        .one(db)
        .await?
        .is_some();
    Ok(Authorship {
        owner: course.owner_id == actor.me.id,
        co_author,
    })
}

/// The course, if `actor` may do `action` to it. A course the actor may not even read is
/// reported as not found.
pub(crate) async fn load(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    action: CourseAction,
) -> Result<(course_row::Model, Authorship), CourseError> {
    let course = course_row::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    let standing = authorship(db, actor, &course).await?;
    if !policy::course_allows(actor, CourseAction::Read, standing) {
        return Err(CourseError::NotFound);
    }
    if !policy::course_allows(actor, action, standing) {
        return Err(CourseError::Forbidden);
    }
    Ok((course, standing))
}

pub(crate) fn decode(course: &course_row::Model) -> Result<Package, CourseError> {
    serde_json::from_str(&course.draft).map_err(|e| CourseError::Encoding(e.to_string()))
}

pub(crate) fn encode(package: &Package) -> Result<String, CourseError> {
    serde_json::to_string(package).map_err(|e| CourseError::Encoding(e.to_string()))
}

fn part(standing: Authorship) -> Part {
    if standing.owner {
        Part::Owner
    } else if standing.co_author {
        Part::CoAuthor
    } else {
        Part::Reader
    }
}

fn rfc3339(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn revision(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

async fn names(db: &Db, ids: Vec<Uuid>) -> Result<HashMap<Uuid, user::Model>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

fn summary(course: &course_row::Model, owner_name: String, standing: Authorship) -> CourseSummary {
    CourseSummary {
        id: course.id,
        code: course.code.clone(),
        title: L10n::new(&course.title_vi, &course.title_en),
        owner_name,
        part: part(standing),
        draft_revision: revision(course.draft_revision),
        latest_version: revision(course.latest_version),
        updated_at: rfc3339(course.updated_at),
    }
}

/// The courses `actor` authors (owner or co-author), newest change first; national
/// administrators see every course.
pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<CourseSummary>, CourseError> {
    let co_authored: Vec<Uuid> = course_author::Entity::find()
        .filter(course_author::Column::UserId.eq(actor.me.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.course_id)
        .collect();
    let everything = policy::course_allows(actor, CourseAction::Read, Authorship::default());
    let mut query = course_row::Entity::find().order_by_desc(course_row::Column::UpdatedAt);
    if !everything {
        query = query.filter(
            sea_orm::Condition::any()
                .add(course_row::Column::OwnerId.eq(actor.me.id))
                .add(course_row::Column::Id.is_in(co_authored.clone())),
        );
    }
    let courses = query.all(db).await?;
    let owners = names(db, courses.iter().map(|c| c.owner_id).collect()).await?;
    Ok(courses
        .iter()
        .map(|c| {
            let standing = Authorship {
                owner: c.owner_id == actor.me.id,
                co_author: co_authored.contains(&c.id),
            };
            let owner = owners
                .get(&c.owner_id)
                .map(|u| u.full_name.clone())
                .unwrap_or_default();
            summary(c, owner, standing)
        })
        .collect())
}

/// The competency codes of a framework version, for validation.
pub(crate) async fn framework_codes(
    db: &Db,
    framework_id: Uuid,
) -> Result<BTreeSet<String>, DbErr> {
    Ok(competency::Entity::find()
        .filter(competency::Column::FrameworkId.eq(framework_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect())
}

/// Everything an author's editor shows.
pub async fn detail(db: &Db, actor: &Actor, id: Uuid) -> Result<CourseDetail, CourseError> {
    let (course, standing) = load(db, actor, id, CourseAction::Read).await?;
    let draft = decode(&course)?;
    let issues = course::validate(
        &draft,
        Some(&framework_codes(db, course.framework_id).await?),
    );
    let co_authors = course_author::Entity::find()
        .filter(course_author::Column::CourseId.eq(course.id))
        .order_by_asc(course_author::Column::AddedAt)
        .all(db)
        .await?;
    let versions = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course.id))
        .order_by_desc(course_version::Column::Number)
        .all(db)
        .await?;
    let mut people: Vec<Uuid> = co_authors.iter().map(|a| a.user_id).collect();
    people.push(course.owner_id);
    people.extend(versions.iter().map(|v| v.published_by));
    let people = names(db, people).await?;
    let person = |id: &Uuid| people.get(id);
    let author = |id: &Uuid, owner: bool| {
        person(id).map(|u| Author {
            user_id: u.id,
            username: u.username.clone(),
            full_name: u.full_name.clone(),
            owner,
        })
    };
    let mut authors: Vec<Author> = author(&course.owner_id, true).into_iter().collect();
    authors.extend(co_authors.iter().filter_map(|a| author(&a.user_id, false)));
    let owner_name = authors
        .first()
        .map(|a| a.full_name.clone())
        .unwrap_or_default();
    Ok(CourseDetail {
        summary: summary(&course, owner_name, standing),
        framework_id: course.framework_id,
        authors,
        draft,
        issues,
        versions: versions
            .iter()
            .map(|v| VersionSummary {
                number: revision(v.number),
                published_at: rfc3339(v.published_at),
                published_by: person(&v.published_by)
                    .map(|u| u.full_name.clone())
                    .unwrap_or_default(),
                package_bytes: revision(v.package_bytes),
            })
            .collect(),
    })
}

const MAX_CODE: usize = 64;
const MAX_TITLE: usize = 300;

pub(crate) fn check_code(code: &str) -> Result<String, CourseError> {
    let code = code.trim();
    let fine = !code.is_empty()
        && code.len() <= MAX_CODE
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if fine {
        Ok(code.to_owned())
    } else {
        Err(CourseError::field("code", Problem::CourseCode))
    }
}

pub(crate) fn check_title(vi: &str, en: &str, field: &str) -> Result<L10n, CourseError> {
    let (vi, en) = (vi.trim(), en.trim());
    if vi.is_empty() || vi.chars().count() > MAX_TITLE || en.chars().count() > MAX_TITLE {
        return Err(CourseError::field(
            field,
            Problem::CharsBetween {
                min: 1,
                max: MAX_TITLE,
            },
        ));
    }
    Ok(L10n::new(vi, en))
}

pub(crate) async fn framework(
    db: &Db,
    id: Option<Uuid>,
) -> Result<competency_framework::Model, CourseError> {
    let found = match id {
        Some(id) => competency_framework::Entity::find_by_id(id).one(db).await?,
        None => {
            competency_framework::Entity::find()
                .order_by_desc(competency_framework::Column::Version)
                .one(db)
                .await?
        }
    };
    found.ok_or_else(|| CourseError::field("framework_id", Problem::NoSuchFramework))
}

pub(crate) async fn code_is_free<C: ConnectionTrait>(db: &C, code: &str) -> Result<bool, DbErr> {
    Ok(course_row::Entity::find()
        .filter(course_row::Column::Code.eq(code))
        .one(db)
        .await?
        .is_none())
}

pub(crate) async fn insert<C: ConnectionTrait>(
    db: &C,
    owner: Uuid,
    framework_id: Uuid,
    package: &Package,
) -> Result<Uuid, CourseError> {
    if !code_is_free(db, &package.course.code).await? {
        return Err(CourseError::CodeTaken);
    }
    let now = Utc::now();
    let id = Uuid::new_v4();
    course_row::ActiveModel {
        id: Set(id),
        code: Set(package.course.code.clone()),
        owner_id: Set(owner),
        framework_id: Set(framework_id),
        title_vi: Set(package.course.title.vi.clone()),
        title_en: Set(package.course.title.en.clone()),
        draft: Set(encode(package)?),
        draft_revision: Set(1),
        latest_version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => CourseError::CodeTaken,
        _ => CourseError::Database(e),
    })?;
    Ok(id)
}

/// Starts an empty draft owned by `actor`.
pub async fn create(db: &Db, actor: &Actor, input: NewCourse) -> Result<Uuid, CourseError> {
    if !policy::course_allows(actor, CourseAction::Create, Authorship::default()) {
        return Err(CourseError::Forbidden);
    }
    let code = check_code(&input.code)?;
    let title = check_title(&input.title_vi, &input.title_en, "title_vi")?;
    let framework = framework(db, input.framework_id).await?;
    let package = Package::new(
        &code,
        title,
        FrameworkRef {
            code: framework.code.clone(),
            version: revision(framework.version),
        },
    );
    insert(db, actor.me.id, framework.id, &package).await
}

impl From<shared::course::edit::EditError> for CourseError {
    fn from(e: shared::course::edit::EditError) -> Self {
        match e {
            shared::course::edit::EditError::NotFound => Self::NotFound,
            shared::course::edit::EditError::WrongKind => Self::field("kind", Problem::OtherKind),
        }
    }
}
