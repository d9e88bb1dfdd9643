//! Every migration applies and reverts on both databases.

use migration::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::Database;

use crate::helpers::{Backend, TestDatabase};

const TABLES: [&str; 11] = [
    "competency_frameworks",
    "competency_levels",
    "competencies",
    "position_profiles",
    "import_drafts",
    "org_units",
    "positions",
    "users",
    "user_roles",
    "sessions",
    "sign_in_throttle",
];

async fn up_down_up(backend: Backend) {
    let Some(database) = TestDatabase::create(backend).await else {
        return;
    };
    let db = Database::connect(database.url.as_str()).await.unwrap();
    let manager = SchemaManager::new(&db);
    let total = Migrator::migrations().len();

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(
        Migrator::get_applied_migrations(&db).await.unwrap().len(),
        total
    );
    for table in TABLES {
        assert!(manager.has_table(table).await.unwrap(), "{table} after up");
    }

    // Revert one at a time, so each `down` is exercised on its own.
    for remaining in (0..total).rev() {
        Migrator::down(&db, Some(1)).await.unwrap();
        assert_eq!(
            Migrator::get_applied_migrations(&db).await.unwrap().len(),
            remaining
        );
    }
    for table in TABLES {
        assert!(
            !manager.has_table(table).await.unwrap(),
            "{table} after down"
        );
    }

    Migrator::up(&db, None).await.unwrap();
    assert!(
        Migrator::get_pending_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );
    db.close().await.unwrap();
}

#[tokio::test]
async fn migrations_apply_and_revert_on_sqlite() {
    up_down_up(Backend::Sqlite).await;
}

#[tokio::test]
async fn migrations_apply_and_revert_on_postgres() {
    up_down_up(Backend::Postgres).await;
}
