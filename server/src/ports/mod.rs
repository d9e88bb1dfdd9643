//! The server's implementations of the `frontend` ports: thin adapters over services,
//! built per request for that request's viewer.

mod admin;
mod author;
mod directory;
mod jobs;
mod learn;
mod supervise;

use crate::store::Db;
use std::sync::Arc;

use frontend::ports::Ports;

use crate::services::actors::Actor;

pub fn build(db: Db, actor: Option<Actor>) -> Ports {
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
        supervise: Arc::new(supervise::SuperviseAdapter {
            db: db.clone(),
            actor: actor.clone(),
        }),
        jobs: Arc::new(jobs::JobsAdapter { db, actor }),
    }
}

/// A service's failure as a page sees it: the code of the API error it would be (the
/// cause of a fault or an outage is logged on the way, as for the API).
pub(crate) fn port<E: Into<crate::http::error::ApiError>>(e: E) -> frontend::ports::PortError {
    frontend::ports::PortError(e.into().code())
}
