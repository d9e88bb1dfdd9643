//! The nodes and choices of a role-play.

use actix_web::{HttpResponse, web};
use shared::authoring::{ChoiceForm, NodeForm};
use shared::roleplay::Choice;

use super::{CHOICE_FIELDS, Created, NODE_FIELDS, activity_page, change};
use crate::api::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::{self, CourseError, locale_of};
use crate::startup::AppState;

/// Adds a node (a situation, or an ending with `ending`) to a role-play.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes", tag = "course content",
    request_body(content = NodeForm, content_type = "application/json"),
    responses((status = 200, description = "The new node's id", body = shared::answers::NewPart), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_node(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<NodeForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, "#nodes".into()),
        NODE_FIELDS,
        |p| {
            let play = p.role_play_mut(&activity)?;
            let node = play.add_node(form.ending, form.text_vi.as_str().into());
            courses::apply_node_form(play.node_mut(&node)?, &form)?;
            Ok(Created { id: node })
        },
    )
    .await
}

/// Saves a node.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes/{node}", tag = "course content",
    request_body(content = NodeForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn update_node(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<NodeForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity, node) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, format!("#node-{node}")),
        NODE_FIELDS,
        |p| courses::apply_node_form(p.role_play_mut(&activity)?.node_mut(&node)?, &form),
    )
    .await
}

/// Deletes a node (choices leading to it then show as dangling in the report).
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/delete", tag = "course content",
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn delete_node(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity, node) = path.into_inner();
    let id = parse_id(&id)?;
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, "#nodes".into()),
        &[],
        |p| Ok(p.role_play_mut(&activity)?.remove_node(&node)?),
    )
    .await
}

/// Adds a choice to a situation.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices", tag = "course content",
    request_body(content = ChoiceForm, content_type = "application/json"),
    responses((status = 200, description = "The new choice's id", body = shared::answers::NewPart), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_choice(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String)>,
    body: Submitted<ChoiceForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity, node) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let locale = locale_of(&user.0.actor);
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, format!("#node-{node}")),
        CHOICE_FIELDS,
        |p| {
            let mut choice = Choice {
                id: String::new(),
                text: shared::L10n::default(),
                feedback: shared::L10n::default(),
                next: String::new(),
                effects: Vec::new(),
            };
            courses::apply_choice_form(&mut choice, &form, locale)?;
            Ok(Created {
                id: p.role_play_mut(&activity)?.add_choice(&node, choice)?,
            })
        },
    )
    .await
}

/// Saves a choice.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}", tag = "course content",
    request_body(content = ChoiceForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn update_choice(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String, String)>,
    body: Submitted<ChoiceForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity, node, choice) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let locale = locale_of(&user.0.actor);
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, format!("#node-{node}")),
        CHOICE_FIELDS,
        |p| {
            let choices = p.role_play_mut(&activity)?.choices_mut(&node)?;
            let found = choices
                .iter_mut()
                .find(|c| c.id == choice)
                .ok_or(CourseError::NotFound)?;
            courses::apply_choice_form(found, &form, locale)
        },
    )
    .await
}

/// Deletes a choice.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}/delete", tag = "course content",
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn delete_choice(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String, String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity, node, choice) = path.into_inner();
    let id = parse_id(&id)?;
    let page = activity_page(id, &activity);
    change(
        &state,
        &user,
        &body,
        id,
        (page, format!("#node-{node}")),
        &[],
        |p| {
            let choices = p.role_play_mut(&activity)?.choices_mut(&node)?;
            let before = choices.len();
            choices.retain(|c| c.id != choice);
            if choices.len() == before {
                return Err(CourseError::NotFound);
            }
            Ok(())
        },
    )
    .await
}
