//! [`Db`]: the database as services see it — the connection pool, and what the running
//! server keeps in memory from it (actors, parsed course versions). One value per server,
//! held in `AppState` and cloned cheaply; two servers in one process (the tests) share
//! nothing. It is a connection like any other for sea-orm (queries, transactions), so a
//! service takes `db: &Db` and reaches a cache only where it needs one.

use std::future::Future;
use std::pin::Pin;

use sea_orm::{
    AccessMode, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    ExecResult, IsolationLevel, QueryResult, Statement, TransactionError, TransactionOptions,
    TransactionTrait,
};

use uuid::Uuid;

use crate::services::actors::{ActorCache, Change};
use crate::services::attempts::{GroupCommit, PackageCache};

/// What one server keeps in memory beside its connection: caches, each bounded, and the
/// attempts waiting to be written together.
#[derive(Clone)]
pub struct Caches {
    pub actors: ActorCache,
    pub packages: PackageCache,
    pub attempt_writes: GroupCommit,
    /// This server among the others of the same database (`crate::cluster`).
    pub instance: Uuid,
    /// Wakes this server's job runner when a job is accepted here.
    pub jobs_waiting: std::sync::Arc<tokio::sync::Notify>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            actors: ActorCache::default(),
            packages: PackageCache::default(),
            attempt_writes: GroupCommit::default(),
            instance: Uuid::new_v4(),
            jobs_waiting: std::sync::Arc::default(),
        }
    }
}

/// The database pool's connections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolUse {
    pub in_use: u32,
    pub idle: u32,
    pub max: u32,
}

/// The connection and the caches beside it.
#[derive(Clone)]
pub struct Db {
    pub conn: DatabaseConnection,
    pub caches: Caches,
    /// The group writer's connection, outside the pool (`crate::db::connect_writer`).
    writer: Option<DatabaseConnection>,
}

impl Db {
    /// A connection with empty caches.
    pub fn new(conn: DatabaseConnection) -> Self {
        Self {
            conn,
            caches: Caches::default(),
            writer: None,
        }
    }

    /// The same, with a connection of its own for the group writes of attempts.
    pub fn with_writer(self, writer: Option<DatabaseConnection>) -> Self {
        Self { writer, ..self }
    }

    /// Where the group writes of attempts go: the writer's connection, or the pool.
    pub fn writer(&self) -> &DatabaseConnection {
        self.writer.as_ref().unwrap_or(&self.conn)
    }

    /// Whether there are other servers to hear (PostgreSQL; see `crate::cluster`).
    pub fn hears(&self) -> bool {
        self.conn.get_database_backend() == DbBackend::Postgres
    }

    /// How many of the pool's connections are open, in use and allowed.
    pub fn pool_use(&self) -> PoolUse {
        fn of<D: sea_orm::sqlx::Database>(pool: &sea_orm::sqlx::Pool<D>) -> PoolUse {
            let open = pool.size();
            let idle = u32::try_from(pool.num_idle()).unwrap_or(open);
            PoolUse {
                in_use: open.saturating_sub(idle),
                idle,
                max: pool.options().get_max_connections(),
            }
        }
        match self.conn.get_database_backend() {
            DbBackend::Postgres => of(self.conn.get_postgres_connection_pool()),
            DbBackend::Sqlite => of(self.conn.get_sqlite_connection_pool()),
            _ => PoolUse::default(),
        }
    }

    /// Something a signed-in user is made of changed (call it after the change is
    /// committed): this server and every other server of the database load the actors it
    /// touches again on their next request.
    pub async fn changed(&self, change: Change) {
        self.caches.actors.changed(change);
        crate::cluster::announce(self, change).await;
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Db {
    fn get_database_backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.conn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.conn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.conn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.conn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.conn.support_returning()
    }
}

type Callback<'c, T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>;

#[async_trait::async_trait]
impl TransactionTrait for Db {
    type Transaction = DatabaseTransaction;

    async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        self.conn.begin().await
    }

    async fn begin_with_config(
        &self,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<DatabaseTransaction, DbErr> {
        self.conn
            .begin_with_config(isolation_level, access_mode)
            .await
    }

    async fn begin_with_options(
        &self,
        options: TransactionOptions,
    ) -> Result<DatabaseTransaction, DbErr> {
        self.conn.begin_with_options(options).await
    }

    async fn transaction<F, T, E>(&self, callback: F) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Callback<'c, T, E> + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        self.conn.transaction(callback).await
    }

    async fn transaction_with_config<F, T, E>(
        &self,
        callback: F,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Callback<'c, T, E> + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        self.conn
            .transaction_with_config(callback, isolation_level, access_mode)
            .await
    }
}
