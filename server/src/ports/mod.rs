//! The server's implementations of the `frontend` ports: thin adapters over services.

mod directory;

use std::sync::Arc;

use frontend::ports::Ports;
use sea_orm::DatabaseConnection;

pub fn build(db: DatabaseConnection) -> Ports {
    Ports {
        directory: Arc::new(directory::DirectoryAdapter { db }),
    }
}
