//! Backing up a SQLite database while it serves, and restoring a backup.
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so it is the database as it
//! was at one instant — every answer acknowledged before the backup began is in it, none
//! half-written — and, the database being in WAL mode, the server keeps writing meanwhile.
//! A restore checks the file (SQLite's integrity check, a Fieldschool schema this build
//! knows), keeps the database it replaces beside it, and puts the backup in its place; the
//! server is started again afterwards and applies any newer migrations as usual.
//! PostgreSQL is backed up with its own tools (`pg_dump`, `pg_restore`: docs/DEPLOY.md).

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("this database is not SQLite: back PostgreSQL up with pg_dump (docs/DEPLOY.md)")]
    NotSqlite,
    #[error("{0} already exists: choose a new file")]
    Exists(PathBuf),
    #[error("{0} is not a sound Fieldschool database: {1}")]
    NotABackup(PathBuf, String),
    #[error(transparent)]
    Newer(#[from] crate::cluster::MigrateError),
    #[error("database: {0}")]
    Database(#[from] DbErr),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::File {
        path: path.to_owned(),
        source,
    }
}

/// Writes a consistent copy of the database to the new file `to`, while it serves.
pub async fn backup(db: &DatabaseConnection, to: &Path) -> Result<(), BackupError> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(file_error(folder))?;
    }
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [to.to_string_lossy().into_owned().into()],
    ))
    .await?;
    Ok(())
}

/// Checks that `file` is a sound Fieldschool database this build can serve.
async fn check(file: &Path) -> Result<(), BackupError> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    let not = |why: String| BackupError::NotABackup(file.to_owned(), why);
    let db = Database::connect(url.as_str())
        .await
        .map_err(|e| not(e.to_string()))?;
    let verdict = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_default();
    if verdict != "ok" {
        return Err(not(verdict));
    }
    if !migration::SchemaManager::new(&db)
        .has_table("seaql_migrations")
        .await?
    {
        return Err(not("it has no Fieldschool schema".into()));
    }
    crate::cluster::refuse_newer(&db).await?;
    db.close().await?;
    Ok(())
}

/// Puts the backup `from` in the place of the database file `database` (the server
/// stopped). The database it replaces, with its journal, is kept beside it as
/// `<name>.before-restore-<time>`; that name is returned.
pub async fn restore(from: &Path, database: &Path) -> Result<Option<PathBuf>, BackupError> {
    check(from).await?;
    let kept = if database.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let aside = PathBuf::from(format!("{}.before-restore-{stamp}", database.display()));
        for suffix in ["", "-wal", "-shm"] {
            let old = PathBuf::from(format!("{}{suffix}", database.display()));
            if old.exists() {
                let new = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&old, &new).map_err(file_error(&old))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(file_error(folder))?;
    }
    // Copied beside the target, then renamed: the database file is never half there.
    let partial = PathBuf::from(format!("{}.restoring", database.display()));
    std::fs::copy(from, &partial).map_err(file_error(&partial))?;
    std::fs::rename(&partial, database).map_err(file_error(database))?;
    Ok(kept)
}
