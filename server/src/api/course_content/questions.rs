//! The questions of a quiz or of the item bank.

use actix_web::{HttpResponse, web};
use shared::authoring::{MoveForm, QuestionForm};
use shared::course::edit as ops;

use super::{Created, QUESTION_FIELDS, change, questions_page};
use crate::api::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::{self, locale_of};
use crate::startup::AppState;

/// Adds a question to a quiz (`{container}` is its activity id) or to the item bank
/// (`bank`).
#[utoipa::path(post, path = "/api/v1/courses/{id}/questions/{container}", tag = "course content",
    request_body(content = QuestionForm, content_type = "application/json"),
    responses((status = 200, description = "The new question's id", body = shared::answers::NewPart), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<QuestionForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, container) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let locale = locale_of(&user.0.actor);
    let page = questions_page(id, &container);
    change(
        &state,
        &user,
        &body,
        id,
        (page, "#questions".into()),
        QUESTION_FIELDS,
        |p| {
            let question = courses::question_from_form(&form, locale)?;
            Ok(Created {
                id: ops::add_question(p.questions_mut(&container)?, &container, question),
            })
        },
    )
    .await
}

/// Replaces a question (its id stays).
#[utoipa::path(post, path = "/api/v1/courses/{id}/questions/{container}/{question}", tag = "course content",
    request_body(content = QuestionForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn update_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<QuestionForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, container, question) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let locale = locale_of(&user.0.actor);
    let page = questions_page(id, &container);
    let anchor = format!("#{question}");
    change(
        &state,
        &user,
        &body,
        id,
        (page, anchor),
        QUESTION_FIELDS,
        |p| {
            let list = p.questions_mut(&container)?;
            let index = ops::question_index(list, &question)?;
            let mut updated = courses::question_from_form(&form, locale)?;
            updated.id = question.clone();
            list[index] = updated;
            Ok(())
        },
    )
    .await
}

/// Moves a question one place up or down.
#[utoipa::path(post, path = "/api/v1/courses/{id}/questions/{container}/{question}/move", tag = "course content",
    request_body(content = MoveForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn move_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<MoveForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, container, question) = path.into_inner();
    let id = parse_id(&id)?;
    let direction = body.value.direction;
    let page = questions_page(id, &container);
    change(
        &state,
        &user,
        &body,
        id,
        (page, format!("#{question}")),
        &[],
        |p| {
            let list = p.questions_mut(&container)?;
            let index = ops::question_index(list, &question)?;
            ops::shift(list, index, direction);
            Ok(())
        },
    )
    .await
}

/// Deletes a question.
#[utoipa::path(post, path = "/api/v1/courses/{id}/questions/{container}/{question}/delete", tag = "course content",
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn delete_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let (id, container, question) = path.into_inner();
    let id = parse_id(&id)?;
    let page = questions_page(id, &container);
    change(
        &state,
        &user,
        &body,
        id,
        (page, "#questions".into()),
        &[],
        |p| {
            let list = p.questions_mut(&container)?;
            let index = ops::question_index(list, &question)?;
            list.remove(index);
            Ok(())
        },
    )
    .await
}
