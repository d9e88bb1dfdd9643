//! Published course versions never change, so each is parsed once per process and shared.
//! The cache is small and bounded: when full it starts again (a cohort's version is parsed
//! again on its next use, which is cheap next to a database round trip per submission).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use shared::course::Package;
use uuid::Uuid;

use super::AttemptError;
use crate::entities::{cohort, course_version};

const CAPACITY: usize = 256;

type Cache = Mutex<HashMap<(Uuid, i32), Arc<Package>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn cached(key: (Uuid, i32)) -> Option<Arc<Package>> {
    cache().lock().ok()?.get(&key).cloned()
}

fn keep(key: (Uuid, i32), package: Arc<Package>) {
    if let Ok(mut map) = cache().lock() {
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(key, package);
    }
}

/// The cohort's frozen course version.
pub async fn package_of(
    db: &DatabaseConnection,
    cohort: &cohort::Model,
) -> Result<Arc<Package>, AttemptError> {
    published(db, cohort.course_id, cohort.version).await
}

/// Published version `number` of a course.
pub async fn published(
    db: &DatabaseConnection,
    course: Uuid,
    number: i32,
) -> Result<Arc<Package>, AttemptError> {
    let key = (course, number);
    if let Some(package) = cached(key) {
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
    keep(key, package.clone());
    Ok(package)
}
