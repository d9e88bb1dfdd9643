//! Saving changes to a draft. Each save is conditional on the revision it started from, so
//! two co-authors editing at once never overwrite each other silently: a small edit is
//! retried on the newer draft; a whole-draft replacement is refused as stale.

use crate::store::Db;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::authoring::DraftReplace;
use shared::course::Package;
use uuid::Uuid;

use super::{CourseError, decode, encode, load};
use crate::entities::course as course_row;
use crate::services::actors::Actor;
use crate::services::policy::CourseAction;

/// How often a small edit is retried when another save got in first.
const ATTEMPTS: usize = 5;

/// Largest draft kept (JSON bytes): far above any real course, well below trouble.
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;

/// Saves `package` if the draft is still at `revision`; false when it is not.
async fn save_if(db: &Db, id: Uuid, revision: i32, package: &Package) -> Result<bool, CourseError> {
    let json = encode(package)?;
    if json.len() > MAX_DRAFT_BYTES {
        return Err(CourseError::field(
            "package",
            shared::Problem::CourseTooLarge,
        ));
    }
    let result = course_row::Entity::update_many()
        .col_expr(course_row::Column::Draft, Expr::value(json))
        .col_expr(course_row::Column::DraftRevision, Expr::value(revision + 1))
        .col_expr(
            course_row::Column::TitleVi,
            Expr::value(package.course.title.vi.clone()),
        )
        .col_expr(
            course_row::Column::TitleEn,
            Expr::value(package.course.title.en.clone()),
        )
        .col_expr(course_row::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(course_row::Column::Id.eq(id))
        .filter(course_row::Column::DraftRevision.eq(revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Applies `change` to the draft of course `id` and saves it; `change` may refuse with an
/// error, and then nothing is saved.
pub async fn edit<T>(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    mut change: impl FnMut(&mut Package) -> Result<T, CourseError>,
) -> Result<T, CourseError> {
    for _ in 0..ATTEMPTS {
        let (course, _) = load(db, actor, id, CourseAction::Edit).await?;
        let mut package = decode(&course)?;
        let answer = change(&mut package)?;
        if save_if(db, id, course.draft_revision, &package).await? {
            return Ok(answer);
        }
    }
    Err(CourseError::Stale(0))
}

/// Replaces the whole draft (an API client's editor, or a re-import), refusing when the
/// draft moved on since `input.revision`. The course code and framework stay as they are.
pub async fn replace_draft(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    input: DraftReplace,
) -> Result<u32, CourseError> {
    let (course, _) = load(db, actor, id, CourseAction::Edit).await?;
    let current = decode(&course)?;
    let mut package = input.package;
    package.course.code = current.course.code;
    package.course.framework = current.course.framework;
    super::import::check_structure(&package)?;
    let revision = i32::try_from(input.revision).unwrap_or(-1);
    if revision != course.draft_revision || !save_if(db, id, revision, &package).await? {
        return Err(CourseError::Stale(
            u32::try_from(course.draft_revision).unwrap_or(0),
        ));
    }
    Ok(input.revision + 1)
}
