use super::port;
use crate::store::Db;
use async_trait::async_trait;
use frontend::ports::{LearnPort, PortError, PortResult, Study};
use shared::ErrorCode;
use shared::course::{ActivityBody, Package};
use shared::learning::{Certificate, CohortReport, CohortSummary};
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::attempts::{self};
use crate::services::certificates::{self};
use crate::services::cohorts::{self};
use crate::services::policy::CohortAction;
use crate::services::{cohort_report, drafts, plays, progress};

/// Acts for the request's viewer; without one, every answer is `Unauthenticated`.
pub struct LearnAdapter {
    pub db: Db,
    pub actor: Option<Actor>,
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
            .map_err(port)
    }

    async fn teaching(&self) -> PortResult<Vec<CohortSummary>> {
        cohorts::teaching(&self.db, self.actor()?)
            .await
            .map_err(port)
    }

    async fn study(&self, cohort: Uuid, activity: Option<String>) -> PortResult<Study> {
        let actor = self.actor()?;
        let (row, package, attempts) = attempts::study(&self.db, actor, cohort)
            .await
            .map_err(port)?;
        let questions = activity
            .as_deref()
            .and_then(|a| attempts::questions_for(&package, a, actor.me.id, row.id));
        let draft = match activity.as_deref() {
            Some(a) => drafts::get(&self.db, row.id, actor.me.id, a)
                .await
                .map_err(port)?,
            None => None,
        };
        let play_path = drafts::strings(draft.as_ref(), "path");
        if let Some(a) = activity
            .as_deref()
            .filter(|a| package.activity(a).is_some())
        {
            // Opening an activity is a progress event: it moves the resume point and counts
            // towards time spent.
            let position = match package.activity(a).map(|x| &x.body) {
                Some(ActivityBody::RolePlay(play)) => {
                    plays::current(&play.scenario, &play_path).map(|p| p.node)
                }
                _ => None,
            };
            progress::opened(&self.db, actor, row.id, a, position)
                .await
                .map_err(port)?;
        }
        let progress = progress::of_learner(&self.db, &row, &package, actor.me.id)
            .await
            .map_err(port)?;
        let lecturers = cohorts::lecturers(&self.db, row.id).await.map_err(port)?;
        let certificate = certificates::code_of(&self.db, row.id, actor.me.id)
            .await
            .map_err(port)?;
        let summary = cohorts::summaries(&self.db, vec![row])
            .await
            .map_err(port)?
            .pop()
            .ok_or(PortError(ErrorCode::NotFound))?;
        let fresh_attempt_id = attempts::next_attempt_id(
            actor.session,
            cohort,
            activity.as_deref().unwrap_or_default(),
            attempts
                .iter()
                .filter(|a| Some(&a.activity) == activity.as_ref())
                .count(),
        );
        Ok(Study {
            cohort: summary,
            package,
            attempts,
            questions,
            progress,
            draft_answers: drafts::strings(draft.as_ref(), "answers"),
            play_path,
            lecturers,
            certificate,
            fresh_attempt_id,
            step_id: Uuid::new_v4(),
        })
    }

    async fn report(&self, cohort: Uuid) -> PortResult<CohortReport> {
        cohort_report::report(&self.db, self.actor()?, cohort)
            .await
            .map_err(port)
    }

    async fn package_of(&self, cohort: Uuid) -> PortResult<std::sync::Arc<Package>> {
        let row = cohorts::load(&self.db, self.actor()?, cohort, CohortAction::Manage)
            .await
            .map_err(port)?;
        attempts::package_of(&self.db, &row).await.map_err(port)
    }

    async fn certificate(&self, cohort: Uuid) -> PortResult<Certificate> {
        let actor = self.actor()?;
        let code = certificates::code_of(&self.db, cohort, actor.me.id)
            .await
            .map_err(port)?
            .ok_or(PortError(ErrorCode::NotFound))?;
        certificates::verify(&self.db, &code).await.map_err(port)
    }

    async fn verify(&self, code: &str) -> PortResult<Certificate> {
        certificates::verify(&self.db, code).await.map_err(port)
    }
}
