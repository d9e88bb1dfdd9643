use async_trait::async_trait;
use frontend::ports::{LearnPort, PortError, PortResult, Study};
use sea_orm::DatabaseConnection;
use shared::ErrorCode;
use shared::learning::CohortSummary;
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError};
use crate::services::cohorts::{self, CohortError};

/// Acts for the request's viewer; without one, every answer is `Unauthenticated`.
pub struct LearnAdapter {
    pub db: DatabaseConnection,
    pub actor: Option<Actor>,
}

fn cohort_error(e: CohortError) -> PortError {
    PortError(match e {
        CohortError::NotFound => ErrorCode::NotFound,
        CohortError::Forbidden => ErrorCode::Forbidden,
        other => {
            tracing::error!(error = %other, "learning page data failed");
            ErrorCode::Unavailable
        }
    })
}

impl LearnAdapter {
    fn actor(&self) -> PortResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or(PortError(ErrorCode::Unauthenticated))
    }
}

#[async_trait]
impl LearnPort for LearnAdapter {
    async fn cohorts(&self) -> PortResult<Vec<CohortSummary>> {
        cohorts::studying(&self.db, self.actor()?)
            .await
            .map_err(cohort_error)
    }

    async fn teaching(&self) -> PortResult<Vec<CohortSummary>> {
        cohorts::teaching(&self.db, self.actor()?)
            .await
            .map_err(cohort_error)
    }

    async fn study(&self, cohort: Uuid, activity: Option<String>) -> PortResult<Study> {
        let actor = self.actor()?;
        let (row, package, attempts) =
            attempts::study(&self.db, actor, cohort)
                .await
                .map_err(|e| match e {
                    AttemptError::Cohort(e) => cohort_error(e),
                    other => {
                        tracing::error!(error = %other, "learning page data failed");
                        PortError(ErrorCode::Unavailable)
                    }
                })?;
        let questions = activity
            .as_deref()
            .and_then(|a| attempts::questions_for(&package, a, actor.me.id, row.id));
        let summary = cohorts::summaries(&self.db, vec![row])
            .await
            .map_err(|e| cohort_error(e.into()))?
            .pop()
            .ok_or(PortError(ErrorCode::NotFound))?;
        Ok(Study {
            cohort: summary,
            package,
            attempts,
            questions,
            fresh_attempt_id: Uuid::new_v4(),
        })
    }
}
