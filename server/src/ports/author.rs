use super::port;
use crate::store::Db;
use async_trait::async_trait;
use frontend::ports::{AuthorPort, PortError, PortResult};
use shared::ErrorCode;
use shared::authoring::{CourseDetail, CourseSummary};
use shared::competency::Competency;
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::courses::{self};
use crate::services::{competencies, markdown};

/// Acts for the request's viewer; without one, every answer is `Unauthenticated`.
pub struct AuthorAdapter {
    pub db: Db,
    pub actor: Option<Actor>,
}

impl AuthorAdapter {
    fn actor(&self) -> PortResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or(PortError(ErrorCode::Unauthenticated))
    }
}

#[async_trait]
impl AuthorPort for AuthorAdapter {
    async fn courses(&self) -> PortResult<Vec<CourseSummary>> {
        courses::list(&self.db, self.actor()?).await.map_err(port)
    }

    async fn course(&self, id: Uuid) -> PortResult<CourseDetail> {
        courses::detail(&self.db, self.actor()?, id)
            .await
            .map_err(port)
    }

    async fn competencies(&self, framework: Uuid) -> PortResult<Vec<Competency>> {
        self.actor()?;
        let all = competencies::frameworks(&self.db).await.map_err(port)?;
        Ok(all
            .into_iter()
            .find(|f| f.id == framework)
            .map(|f| f.competencies)
            .unwrap_or_default())
    }

    fn markdown(&self, text: &str) -> String {
        markdown::render(text)
    }
}
