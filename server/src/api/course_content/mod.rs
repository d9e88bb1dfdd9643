//! Editing the parts of a draft: modules, activities, questions (of a quiz or of the item
//! bank), and the nodes and choices of a role-play. Each is one small change saved with
//! the draft's revision check; forms come back to the page they were sent from. A quiz's
//! questions or the bank also go out as Moodle XML or GIFT.

mod exchange;
mod questions;
mod scenario;
mod structure;

pub use exchange::*;
pub use questions::*;
pub use scenario::*;
pub use structure::*;

use actix_web::HttpResponse;
use shared::course::Package;
use shared::course::edit::ITEM_BANK;
use shared::outcome::Outcome;
use shared::page::Address;
use shared::page::Page;
use uuid::Uuid;

use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::{self, CourseError};
use crate::startup::AppState;

/// What a change to a draft answers a JSON client: a change that made something names it
/// (`200` with the new part's id); one that only altered or removed has nothing to say
/// (`204 No Content`, not a `null` body).
pub(super) trait Changed {
    fn answer<T>(&self, body: &Submitted<T>, redirect_to: &str) -> HttpResponse;
}

impl Changed for () {
    fn answer<T>(&self, body: &Submitted<T>, redirect_to: &str) -> HttpResponse {
        body.respond_done(redirect_to)
    }
}

impl Changed for Created {
    fn answer<T>(&self, body: &Submitted<T>, redirect_to: &str) -> HttpResponse {
        body.respond(self, redirect_to)
    }
}

/// Runs `change` on the draft of course `id`, then answers: JSON gets the change's answer,
/// a form goes to `page` (with `anchor`), or back there with the problem.
pub(super) async fn change<T, R: Changed>(
    state: &AppState,
    user: &CurrentUser,
    body: &Submitted<T>,
    id: Uuid,
    (page, anchor): (String, String),
    echo: &[&str],
    change: impl FnMut(&mut Package) -> Result<R, CourseError>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    let item = anchor.strip_prefix('#').filter(|a| !a.is_empty());
    match courses::edit(&state.db, actor, id, change).await {
        Ok(answer) => {
            let mut done = Address::new(page).outcome(Outcome::Updated);
            if let Some(item) = item {
                done = done.at(item);
            }
            Ok(answer.answer(body, &done.to_string()))
        }
        Err(e) => {
            // Back to the form that failed, so the page can open it with what was typed.
            let back = match item {
                Some(item) => Address::new(page).with("editing", item),
                None => Address::new(page),
            };
            body.reject_with_detail(ApiError::from(e), &back.to_string(), echo)
        }
    }
}

pub(super) fn activity_page(id: Uuid, activity: &str) -> String {
    Page::AuthorActivity(id, activity.to_owned()).path()
}

pub(super) fn questions_page(id: Uuid, container: &str) -> String {
    if container == ITEM_BANK {
        Page::AuthorBank(id).path()
    } else {
        activity_page(id, container)
    }
}

pub(super) const TITLE_FIELDS: &[&str] = &["title_vi", "title_en"];
pub(super) const QUESTION_FIELDS: &[&str] = &[
    "type",
    "competency",
    "prompt_vi",
    "prompt_en",
    "answers",
    "feedback_vi",
    "feedback_en",
];
pub(super) const NODE_FIELDS: &[&str] = &[
    "speaker_vi",
    "speaker_en",
    "text_vi",
    "text_en",
    "debrief_vi",
    "debrief_en",
];
pub(super) const CHOICE_FIELDS: &[&str] = &[
    "text_vi",
    "text_en",
    "feedback_vi",
    "feedback_en",
    "next",
    "effects",
];

/// A new part of the draft, by its id.
pub(super) use shared::answers::NewPart as Created;
