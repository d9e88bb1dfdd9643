use super::port;
use crate::store::Db;
use async_trait::async_trait;
use frontend::ports::{AdminPort, ImportPreview, PortError, PortResult};
use shared::ErrorCode;
use shared::competency::PositionProfile;
use shared::directory::{OrgUnit, Position};
use shared::users::{UserPage, UserQuery, UserSummary};
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::users::{self, UserError, import_drafts};
use crate::services::{competencies, org_units, positions};

/// Acts for the request's viewer; without one, every answer is `Unauthenticated`.
pub struct AdminAdapter {
    pub db: Db,
    pub actor: Option<Actor>,
}

impl AdminAdapter {
    fn actor(&self) -> PortResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or(PortError(ErrorCode::Unauthenticated))
    }
}

#[async_trait]
impl AdminPort for AdminAdapter {
    async fn users(&self, query: UserQuery) -> PortResult<UserPage> {
        users::list(&self.db, self.actor()?, &query)
            .await
            .map_err(port)
    }

    async fn user(&self, id: Uuid) -> PortResult<UserSummary> {
        users::get(&self.db, self.actor()?, id).await.map_err(port)
    }

    async fn org_units(&self) -> PortResult<Vec<OrgUnit>> {
        self.actor()?;
        org_units::list(&self.db).await.map_err(port)
    }

    async fn position_profile(&self, position: Uuid) -> PortResult<PositionProfile> {
        self.actor()?;
        competencies::position_profile(&self.db, position)
            .await
            .map_err(port)
    }

    async fn import_preview(&self, draft: Uuid) -> PortResult<ImportPreview> {
        let actor = self.actor()?;
        let csv = import_drafts::load(&self.db, actor.me.id, draft)
            .await
            .map_err(port)?
            .ok_or(PortError(ErrorCode::NotFound))?;
        let outcome = match users::preview_import(&self.db, actor, &csv).await {
            Ok(report) => Ok(report),
            Err(UserError::Invalid(problems)) => Err(problems),
            Err(e) => return Err(port(e)),
        };
        Ok(ImportPreview { csv, outcome })
    }

    async fn frameworks(&self) -> PortResult<Vec<shared::competency::Framework>> {
        self.actor()?;
        crate::services::competencies::frameworks(&self.db)
            .await
            .map_err(port)
    }

    async fn positions(&self) -> PortResult<Vec<Position>> {
        self.actor()?;
        positions::list(&self.db).await.map_err(port)
    }
}
