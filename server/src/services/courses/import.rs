//! Importing a content package: read it with the exact path of any mistake, resolve its
//! competency framework, refuse what would make an unusable draft, and accept it as a job
//! that starts the course (`services::jobs`). Problems that only stop publishing (a
//! missing text, say) are kept for the author to fix.

use crate::store::Db;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use shared::course::{self, Issue, IssueKind, Package};
use shared::jobs::{Job, JobKind};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

use super::{CourseError, check_code, code_is_free, encode, framework_codes, insert};
use crate::entities::competency_framework;
use crate::services::actors::Actor;
use crate::services::jobs::{self, Claim, MadeCourse, Refusal};
use crate::services::policy::{self, Authorship, CourseAction};

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

/// A package ready to become a course: its framework and the problems left to fix before
/// publishing.
struct Checked {
    package: Package,
    framework: Uuid,
    issues: Vec<Issue>,
}

/// Reads and checks `json` as `actor` would import it, `code` replacing the package's
/// course code (to import a second copy).
async fn check(
    db: &Db,
    actor: &Actor,
    json: &str,
    code: Option<&str>,
) -> Result<Checked, CourseError> {
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
    if !code_is_free(db, &package.course.code).await? {
        return Err(CourseError::CodeTaken);
    }
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
    let (structural, issues): (Vec<Issue>, Vec<Issue>) =
        issues.into_iter().partition(|i| i.kind.is_structural());
    if !structural.is_empty() {
        return Err(CourseError::BadPackage(structural));
    }
    Ok(Checked {
        package,
        framework: framework.id,
        issues,
    })
}

/// Checks the package now and, when it can become a course, accepts it as a job that makes
/// the course (`JobKind::PackageImport`); every problem otherwise, by path.
pub async fn accept(
    db: &Db,
    actor: &Actor,
    json: &str,
    code: Option<&str>,
) -> Result<Job, CourseError> {
    let checked = check(db, actor, json, code).await?;
    // The job keeps the package as it will be stored (with its new code).
    let input = encode(&checked.package)?;
    jobs::create(db, actor.me.id, JobKind::PackageImport, input, 1)
        .await
        .map_err(Into::into)
}

/// Carries out an accepted import: checked again with its sender's rights now (the code
/// may have been taken meanwhile, the framework removed), then the course made in the
/// transaction that ends the job.
pub async fn run_job(db: &Db, claim: &Claim) -> Result<(), CourseError> {
    let checked = claim
        .recheck(db, async |actor| check(db, actor, &claim.input, None).await)
        .await?;
    let Some(checked) = checked else {
        return Ok(());
    };
    let txn = db.begin().await?;
    let made = insert(&txn, claim.owner, checked.framework, &checked.package).await;
    let id = match made {
        Ok(id) => id,
        Err(e) => {
            txn.rollback().await?;
            if let Some(problems) = e.refusal() {
                claim.fail(db, &problems).await?;
                return Ok(());
            }
            return Err(e);
        }
    };
    let result = MadeCourse {
        id,
        issues: checked.issues,
    };
    let result =
        serde_json::to_string(&result).map_err(|e| CourseError::Encoding(e.to_string()))?;
    if claim.finish(&txn, 1, result).await? {
        txn.commit().await?;
    }
    Ok(())
}

impl Refusal for CourseError {
    fn refusal(&self) -> Option<Vec<FieldProblem>> {
        match self {
            Self::Invalid(problems) => Some(problems.clone()),
            Self::BadPackage(issues) => Some(by_path(issues.clone())),
            Self::CodeTaken => Some(vec![FieldProblem::new("course.code", Problem::Taken)]),
            Self::Forbidden => Some(jobs::no_longer_allowed()),
            _ => None,
        }
    }
}

/// Package issues as problems of the fields at their paths.
pub fn by_path(issues: Vec<Issue>) -> Vec<FieldProblem> {
    issues
        .into_iter()
        .map(|i| {
            FieldProblem::new(
                i.path,
                Problem::Course {
                    issue: Box::new(i.kind),
                },
            )
        })
        .collect()
}
