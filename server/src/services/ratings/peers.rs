//! Peer ratings: a learner (for themselves), their supervisor or their lecturer invites a
//! colleague to rate them in a phase; the invitation appears in the colleague's inbox.

use crate::store::Db;
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use shared::Problem;
use shared::evidence::rating::PeerInvitation;
use uuid::Uuid;

use super::{RatingError, invalid, standing};
use crate::entities::{cohort, rating_invitation, user};
use crate::services::actors::Actor;

/// Invites a colleague; inviting the same person again changes nothing.
pub async fn invite(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    invitation: &PeerInvitation,
) -> Result<(), RatingError> {
    let cohort = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(RatingError::NotFound)?;
    let learner = invitation.learner.unwrap_or(actor.me.id);
    let s = standing(db, actor, &cohort, learner, invitation.phase).await?;
    if !s.enrolled || !(s.themselves || s.supervises || s.teaches) {
        return Err(RatingError::NotFound);
    }
    let peer = user::Entity::find()
        .filter(user::Column::Username.eq(invitation.peer.trim()))
        .filter(user::Column::Disabled.eq(false))
        .one(db)
        .await?
        .ok_or_else(|| invalid("peer", Problem::NoActiveAccount))?;
    if peer.id == learner {
        return Err(invalid("peer", Problem::RateYourself));
    }
    rating_invitation::Entity::insert(rating_invitation::ActiveModel {
        id: Set(Uuid::new_v4()),
        cohort_id: Set(cohort.id),
        learner_id: Set(learner),
        peer_id: Set(peer.id),
        phase: Set(invitation.phase.code().into()),
        invited_by: Set(actor.me.id),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([
            rating_invitation::Column::CohortId,
            rating_invitation::Column::LearnerId,
            rating_invitation::Column::PeerId,
            rating_invitation::Column::Phase,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
