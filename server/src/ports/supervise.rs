use super::port;
use crate::store::Db;
use async_trait::async_trait;
use frontend::ports::{EvidencePreview, PortError, PortResult, SupervisePort};
use shared::ErrorCode;
use shared::evidence::Phase;
use shared::evidence::kirkpatrick::KirkpatrickSummary;
use shared::evidence::rating::{Inbox, RatingForm};
use shared::evidence::report::{
    Comparison, FilterOptions, GainReport, LearnerChange, LearnerRecord, NeedsReport, ReportFilter,
};
use shared::learning::CohortSummary;
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::cohorts;
use crate::services::evidence::{self, EvidenceError};
use crate::services::ratings::{self, inbox};
use crate::services::supervision::{gains, kirkpatrick, learner, needs, options};
use crate::services::users::import_drafts;

/// Acts for the request's viewer; without one, every answer is `Unauthenticated`.
pub struct SuperviseAdapter {
    pub db: Db,
    pub actor: Option<Actor>,
}

impl SuperviseAdapter {
    fn actor(&self) -> PortResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or(PortError(ErrorCode::Unauthenticated))
    }
}

#[async_trait]
impl SupervisePort for SuperviseAdapter {
    async fn filter_options(&self) -> PortResult<FilterOptions> {
        options::options(&self.db, self.actor()?)
            .await
            .map_err(port)
    }

    async fn gains(&self, filter: ReportFilter) -> PortResult<GainReport> {
        gains::report(&self.db, self.actor()?, &filter)
            .await
            .map_err(port)
    }

    async fn learners(
        &self,
        filter: ReportFilter,
        competency: Uuid,
        comparison: Comparison,
    ) -> PortResult<Vec<LearnerChange>> {
        gains::learners(&self.db, self.actor()?, &filter, competency, comparison)
            .await
            .map_err(port)
    }

    async fn needs(&self, filter: ReportFilter) -> PortResult<NeedsReport> {
        needs::of_unit(&self.db, self.actor()?, &filter)
            .await
            .map_err(port)
    }

    async fn learner(&self, id: Uuid) -> PortResult<LearnerRecord> {
        learner::record(&self.db, self.actor()?, id)
            .await
            .map_err(port)
    }

    async fn inbox(&self) -> PortResult<Inbox> {
        inbox::inbox(&self.db, self.actor()?).await.map_err(port)
    }

    async fn rating_form(
        &self,
        cohort: Uuid,
        learner: Uuid,
        phase: Phase,
    ) -> PortResult<RatingForm> {
        ratings::form(&self.db, self.actor()?, cohort, learner, phase, None)
            .await
            .map_err(port)
    }

    async fn import_preview(&self, draft: Uuid) -> PortResult<EvidencePreview> {
        let actor = self.actor()?;
        let csv = import_drafts::load(&self.db, actor.me.id, draft)
            .await
            .map_err(port)?
            .ok_or(PortError(ErrorCode::NotFound))?;
        let outcome = match evidence::import::preview(&self.db, actor, &csv).await {
            Ok(report) => Ok(report),
            Err(EvidenceError::Invalid(problems)) => Err(problems),
            Err(EvidenceError::Forbidden) => return Err(PortError(ErrorCode::Forbidden)),
            Err(other) => return Err(port(other)),
        };
        Ok(EvidencePreview { csv, outcome })
    }

    async fn kirkpatrick(&self, cohort: Uuid) -> PortResult<KirkpatrickSummary> {
        kirkpatrick::summary(&self.db, self.actor()?, cohort)
            .await
            .map_err(port)
    }

    async fn my_cohorts(&self) -> PortResult<Vec<CohortSummary>> {
        cohorts::studying(&self.db, self.actor()?)
            .await
            .map_err(port)
    }
}
