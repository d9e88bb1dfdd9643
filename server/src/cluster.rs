//! Several servers on one PostgreSQL database behave as one.
//!
//! - **Changes reach every server at once.** A change that can alter a signed-in user
//!   (`Db::changed`) is applied to this server's kept actors and announced with
//!   `pg_notify`; every server hears the channel on a connection of its own and applies the
//!   others' changes. While a server cannot hear (the connection is down), its kept actors
//!   live at most `actors::FRESH_FOR`, and once it hears again it starts afresh, since it
//!   may have missed changes. SQLite has one server, so there is nothing to hear.
//! - **Migrations run once** when several servers start together: each takes a
//!   PostgreSQL advisory lock around them, so the others wait and then find nothing to do.
//! - **A server never serves a schema newer than it knows**: a database migrated by a newer
//!   release is refused at start with the migrations this build lacks.

use std::collections::BTreeSet;
use std::time::Duration;

use migration::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, TransactionTrait};
use uuid::Uuid;

use crate::services::actors::Change;
use crate::store::Db;

/// The channel every server hears.
const CHANNEL: &str = "fieldschool_changes";
/// How long a server waits before it tries to hear again.
const RETRY: Duration = Duration::from_secs(1);
/// The advisory lock held while migrating ("FSMIGR" in ASCII).
const MIGRATION_LOCK: i64 = 0x4653_4D49_4752;

/// A change as it travels between servers: `sender:kind:id`.
fn encode(sender: Uuid, change: Change) -> String {
    match change {
        Change::User(id) => format!("{sender}:user:{id}"),
        Change::Session(id) => format!("{sender}:session:{id}"),
        Change::Everyone => format!("{sender}:everyone:"),
    }
}

fn decode(payload: &str) -> Option<(Uuid, Change)> {
    let mut parts = payload.splitn(3, ':');
    let sender = Uuid::parse_str(parts.next()?).ok()?;
    let kind = parts.next()?;
    let id = parts.next()?;
    let change = match kind {
        "user" => Change::User(Uuid::parse_str(id).ok()?),
        "session" => Change::Session(Uuid::parse_str(id).ok()?),
        "everyone" => Change::Everyone,
        _ => return None,
    };
    Some((sender, change))
}

/// Tells the other servers of `change`. A notification that cannot be sent is logged: the
/// change is committed, and a server that missed it sees it within `actors::FRESH_FOR` at
/// the latest only if its own channel is down too; so the failure is worth an alert.
pub async fn announce(db: &Db, change: Change) {
    if db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    let statement = Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), encode(db.caches.instance, change).into()],
    );
    if let Err(e) = db.conn.query_one_raw(statement).await {
        tracing::error!(error = %e, ?change, "could not tell the other servers of a change");
    }
}

/// Hears the other servers' changes for as long as the server runs (PostgreSQL only).
pub fn hear(db: Db, url: String) -> Option<tokio::task::JoinHandle<()>> {
    if db.get_database_backend() != DbBackend::Postgres {
        return None;
    }
    Some(tokio::spawn(async move {
        loop {
            if let Err(e) = listen(&db, &url).await {
                tracing::warn!(error = %e, "not hearing the other servers' changes; retrying");
            }
            db.caches.actors.set_hearing(false);
            tokio::time::sleep(RETRY).await;
        }
    }))
}

async fn listen(db: &Db, url: &str) -> Result<(), sea_orm::sqlx::Error> {
    let actors = &db.caches.actors;
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    // Whatever changed while this server was not hearing is unknown: start afresh.
    actors.changed(Change::Everyone);
    actors.set_hearing(true);
    loop {
        match listener.try_recv().await? {
            Some(notification) => {
                if let Some((sender, change)) = decode(notification.payload())
                    && sender != db.caches.instance
                {
                    actors.changed(change);
                }
            }
            // The connection was lost and made again: what was sent meanwhile is lost.
            None => actors.changed(Change::Everyone),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("the database was migrated by a newer Fieldschool ({0}); run that release or newer")]
    NewerSchema(String),
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Applies pending migrations, once however many servers start together.
pub async fn migrate(conn: &DatabaseConnection) -> Result<(), MigrateError> {
    if conn.get_database_backend() != DbBackend::Postgres {
        refuse_newer(conn).await?;
        return Ok(Migrator::up(conn, None).await?);
    }
    // A transaction's advisory lock is held until it ends; the migrations run beside it
    // on other connections while the other servers wait for the lock.
    let lock = conn.begin().await?;
    lock.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock($1)",
        [MIGRATION_LOCK.into()],
    ))
    .await?;
    let migrated = match refuse_newer(conn).await {
        Ok(()) => Migrator::up(conn, None).await.map_err(MigrateError::from),
        Err(e) => Err(e),
    };
    lock.commit().await?;
    migrated
}

/// Refuses a database with migrations this build does not have.
pub(crate) async fn refuse_newer(conn: &DatabaseConnection) -> Result<(), MigrateError> {
    if !SchemaManager::new(conn)
        .has_table("seaql_migrations")
        .await?
    {
        return Ok(());
    }
    let known: BTreeSet<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let backend = conn.get_database_backend();
    let rows = conn
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT version FROM seaql_migrations",
        ))
        .await?;
    let mut unknown = Vec::new();
    for row in rows {
        let version: String = row.try_get("", "version")?;
        if !known.contains(&version) {
            unknown.push(version);
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(MigrateError::NewerSchema(unknown.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_travels_and_comes_back_the_same() {
        let sender = Uuid::new_v4();
        for change in [
            Change::User(Uuid::new_v4()),
            Change::Session(Uuid::new_v4()),
            Change::Everyone,
        ] {
            assert_eq!(decode(&encode(sender, change)), Some((sender, change)));
        }
        assert_eq!(decode("not a change"), None);
        assert_eq!(decode(&format!("{sender}:user:nobody")), None);
    }
}
