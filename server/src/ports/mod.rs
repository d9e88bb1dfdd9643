//! The server's implementations of the `frontend` ports: thin adapters over services,
//! built per request for that request's viewer.

mod admin;
mod author;
mod directory;
mod learn;
mod supervise;

use std::sync::Arc;

use frontend::ports::Ports;
use sea_orm::DatabaseConnection;

use crate::services::actors::Actor;

pub fn build(db: DatabaseConnection, actor: Option<Actor>) -> Ports {
    Ports {
        directory: Arc::new(directory::DirectoryAdapter { db: db.clone() }),
        admin: Arc::new(admin::AdminAdapter {
            db: db.clone(),
            actor: actor.clone(),
        }),
        author: Arc::new(author::AuthorAdapter {
            db: db.clone(),
            actor: actor.clone(),
        }),
        learn: Arc::new(learn::LearnAdapter {
            db: db.clone(),
            actor: actor.clone(),
        }),
        supervise: Arc::new(supervise::SuperviseAdapter { db, actor }),
    }
}
