//! The database connection: SQLite (default, one file, WAL) or PostgreSQL.

use std::path::Path;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

use crate::config::DatabaseSettings;

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("could not create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("could not connect to the database: {0}")]
    Connect(#[source] DbErr),
}

/// The file a `sqlite://` URL names, if it names one.
pub fn sqlite_file(url: &str) -> Option<&Path> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next()?;
    if file.is_empty() || file.contains(":memory:") {
        return None;
    }
    Some(Path::new(file))
}

/// The folder of a `sqlite://` file URL, if it names a file.
fn sqlite_folder(url: &str) -> Option<&Path> {
    sqlite_file(url)?
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
}

/// The pool of connections the server's requests share.
pub async fn connect(settings: &DatabaseSettings) -> Result<DatabaseConnection, DbSetupError> {
    open(settings, settings.pool_size()).await
}

/// A connection of its own for the group writes of attempts (`services::attempts`), none
/// for an in-memory SQLite database (which exists per connection). Taking one from the
/// shared pool, the writer queued behind a request's reads, and every submission of the
/// group waited with it.
pub async fn connect_writer(
    settings: &DatabaseSettings,
) -> Result<Option<DatabaseConnection>, DbSetupError> {
    if settings.url.expose().contains(":memory:") {
        return Ok(None);
    }
    open(settings, 1).await.map(Some)
}

async fn open(settings: &DatabaseSettings, size: u32) -> Result<DatabaseConnection, DbSetupError> {
    let url = settings.url.expose();
    let mut options = ConnectOptions::new(url.clone());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        if let Some(folder) = sqlite_folder(url) {
            std::fs::create_dir_all(folder).map_err(|source| DbSetupError::Folder {
                path: folder.display().to_string(),
                source,
            })?;
        }
        // An in-memory database exists per connection: keep exactly one.
        let max = if url.contains(":memory:") { 1 } else { size };
        // A file on this machine does not go away between statements: no ping before use,
        // which would cost each statement a second trip to the connection's thread.
        options.test_before_acquire(false);
        options.max_connections(max).map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
                // Pages cached per connection: 1 MiB rather than SQLite's 2 MiB. What is
                // read often (users, classes, enrolments) fits many times over; a write of
                // attempts touches index pages all over a large table, which no cache of
                // this size would hold, and the operating system's cache answers those.
                .pragma("cache_size", "-1024")
                // The server copies the log back on a connection of its own
                // (`crate::checkpoint`); a commit does it only past this many pages.
                .pragma(
                    "wal_autocheckpoint",
                    crate::checkpoint::BACKSTOP_PAGES.to_string(),
                )
        });
    } else {
        // A connection idle long enough for the server, a proxy or a firewall to have dropped
        // it is checked before use; a busy one is not (a round trip to the server each time).
        options
            .max_connections(size)
            .test_before_acquire_if_idle_for(Duration::from_secs(30));
    }
    Database::connect(options)
        .await
        .map_err(DbSetupError::Connect)
}

#[cfg(test)]
mod tests {
    use super::sqlite_folder;
    use std::path::Path;

    #[test]
    fn finds_the_folder_of_a_sqlite_file() {
        assert_eq!(
            sqlite_folder("sqlite://data/fieldschool.db"),
            Some(Path::new("data"))
        );
        assert_eq!(
            sqlite_folder("sqlite:///tmp/x/a.db?mode=rwc"),
            Some(Path::new("/tmp/x"))
        );
        assert_eq!(sqlite_folder("sqlite::memory:"), None);
        assert_eq!(sqlite_folder("sqlite://a.db"), None);
        assert_eq!(sqlite_folder("postgres://localhost/test"), None);
    }
}
