//! Published course versions never change, so each is parsed once and shared. The cache
//! is a value of the running server (in `AppState`) and bounded: beyond its capacity the
//! least used versions are let go, one at a time, and parsed again on their next use.

use crate::store::Db;
use std::sync::Arc;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::course::Package;
use uuid::Uuid;

use super::AttemptError;
use crate::entities::{cohort, course_version};

/// Course versions kept at once.
const CAPACITY: u64 = 256;

/// Parsed published course versions, by course and number.
#[derive(Clone)]
pub struct PackageCache(moka::sync::Cache<(Uuid, i32), Arc<Package>>);

impl Default for PackageCache {
    fn default() -> Self {
        Self(moka::sync::Cache::new(CAPACITY))
    }
}

/// The cohort's frozen course version.
pub async fn package_of(db: &Db, cohort: &cohort::Model) -> Result<Arc<Package>, AttemptError> {
    published(db, cohort.course_id, cohort.version).await
}

/// Published version `number` of a course.
pub async fn published(db: &Db, course: Uuid, number: i32) -> Result<Arc<Package>, AttemptError> {
    let key = (course, number);
    let packages = &db.caches.packages.0;
    if let Some(package) = packages.get(&key) {
        return Ok(package);
    }
    let version = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course))
        .filter(course_version::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AttemptError::NoSuchActivity)?;
    let package: Arc<Package> = Arc::new(
        serde_json::from_str(&version.package)
            .map_err(|e| AttemptError::Encoding(e.to_string()))?,
    );
    packages.insert(key, package.clone());
    Ok(package)
}
