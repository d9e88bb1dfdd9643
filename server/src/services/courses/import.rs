//! Importing a content package: read it with the exact path of any mistake, resolve its
//! competency framework, refuse what would make an unusable draft, and start a course.
//! Problems that only stop publishing (a missing text, say) are kept for the author to fix.

use crate::store::Db;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::course::{self, Issue, IssueKind, Package};
use uuid::Uuid;

use super::{CourseError, check_code, framework_codes, insert};
use crate::entities::competency_framework;
use crate::services::actors::Actor;
use crate::services::policy::{self, Authorship, CourseAction};

/// Largest package accepted (bytes of JSON).
/// The largest package accepted; the API's body limit for packages is the same.
pub const MAX_PACKAGE_BYTES: usize = 4 * 1024 * 1024;

/// Reads a package, naming where it goes wrong, e.g. `modules[0].activities[2].kind`.
pub fn parse_package(json: &str) -> Result<Package, Vec<Issue>> {
    let mut reader = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize::<_, Package>(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        vec![Issue {
            path: if path == "." { String::new() } else { path },
            kind: IssueKind::Unreadable { message },
        }]
    })
}

/// The format, version and ids a draft needs to be edited at all.
pub(crate) fn check_structure(package: &Package) -> Result<(), CourseError> {
    let issues: Vec<Issue> = course::validate(package, None)
        .into_iter()
        .filter(|i| i.kind.is_structural())
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(CourseError::BadPackage(issues))
    }
}

/// A new course from `json`, owned by `actor`; `code` replaces the package's course code
/// (to import a second copy). Returns the course id and the problems left to fix before
/// publishing.
pub async fn import(
    db: &Db,
    actor: &Actor,
    json: &str,
    code: Option<&str>,
) -> Result<(Uuid, Vec<Issue>), CourseError> {
    if !policy::course_allows(actor, CourseAction::Create, Authorship::default()) {
        return Err(CourseError::Forbidden);
    }
    if json.len() > MAX_PACKAGE_BYTES {
        return Err(CourseError::field(
            "package",
            shared::Problem::PackageTooLarge {
                megabytes: MAX_PACKAGE_BYTES / 1_000_000,
            },
        ));
    }
    let mut package = parse_package(json).map_err(CourseError::BadPackage)?;
    if let Some(code) = code.filter(|c| !c.trim().is_empty()) {
        package.course.code = code.trim().to_owned();
    }
    check_code(&package.course.code).map_err(|_| {
        CourseError::BadPackage(vec![Issue {
            path: "course.code".into(),
            kind: IssueKind::Blank,
        }])
    })?;
    let reference = &package.course.framework;
    let framework = competency_framework::Entity::find()
        .filter(competency_framework::Column::Code.eq(reference.code.as_str()))
        .filter(
            competency_framework::Column::Version
                .eq(i32::try_from(reference.version).unwrap_or(-1)),
        )
        .one(db)
        .await?
        .ok_or_else(|| {
            CourseError::BadPackage(vec![Issue {
                path: "course.framework".into(),
                kind: IssueKind::UnknownFramework {
                    framework: reference.code.clone(),
                    version: reference.version,
                },
            }])
        })?;
    let known = framework_codes(db, framework.id).await?;
    let issues = course::validate(&package, Some(&known));
    let (structural, remaining): (Vec<Issue>, Vec<Issue>) =
        issues.into_iter().partition(|i| i.kind.is_structural());
    if !structural.is_empty() {
        return Err(CourseError::BadPackage(structural));
    }
    let id = insert(db, actor, framework.id, &package).await?;
    Ok((id, remaining))
}
