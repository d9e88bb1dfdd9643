use async_trait::async_trait;
use frontend::ports::{JobsPort, PortError, PortResult};
use shared::ErrorCode;
use shared::jobs::Job;
use uuid::Uuid;

use super::port;
use crate::services::actors::Actor;
use crate::services::jobs;
use crate::store::Db;

pub struct JobsAdapter {
    pub db: Db,
    pub actor: Option<Actor>,
}

#[async_trait]
impl JobsPort for JobsAdapter {
    async fn job(&self, id: Uuid, locale: shared::Locale) -> PortResult<Job> {
        let actor = self
            .actor
            .as_ref()
            .ok_or(PortError(ErrorCode::Unauthenticated))?;
        jobs::get(&self.db, actor, id, locale).await.map_err(port)
    }
}
