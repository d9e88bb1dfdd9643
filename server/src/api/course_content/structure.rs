//! Modules and activities: add, rename or save, move, delete.

use actix_web::{HttpResponse, web};
use shared::answers::ActivitySaved;
use shared::authoring::{ActivityForm, MoveForm, NewActivity, TitleForm};
use shared::course::ActivityKind;
use shared::outcome::Outcome;
use shared::page::Address;

use super::{Created, TITLE_FIELDS, activity_page, change};
use crate::api::courses::editor;
use crate::api::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::{self, CourseError};
use crate::startup::AppState;

/// Adds a module at the end.
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules", tag = "course content",
    request_body(content = TitleForm, content_type = "application/json"),
    responses((status = 200, description = "The new module's id", body = shared::answers::NewPart), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_module(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<TitleForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let form = body.value.clone();
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), "#modules".into()),
        TITLE_FIELDS,
        |p| {
            let title = courses::check_title(&form.title_vi, &form.title_en, "title_vi")?;
            Ok(Created {
                id: p.add_module(title),
            })
        },
    )
    .await
}

/// Renames a module.
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules/{module}", tag = "course content",
    request_body(content = TitleForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn rename_module(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<TitleForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, module) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), format!("#{module}")),
        &[],
        |p| {
            p.module_mut(&module)?.title =
                courses::check_title(&form.title_vi, &form.title_en, "title_vi")?;
            Ok(())
        },
    )
    .await
}

/// Moves a module one place up or down.
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules/{module}/move", tag = "course content",
    request_body(content = MoveForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn move_module(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<MoveForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, module) = path.into_inner();
    let id = parse_id(&id)?;
    let direction = body.value.direction;
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), format!("#{module}")),
        &[],
        |p| Ok(p.move_module(&module, direction)?),
    )
    .await
}

/// Deletes a module and its activities (from the draft; published versions keep them).
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules/{module}/delete", tag = "course content",
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn delete_module(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let (id, module) = path.into_inner();
    let id = parse_id(&id)?;
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), "#modules".into()),
        &[],
        |p| {
            p.remove_module(&module)?;
            Ok(())
        },
    )
    .await
}

/// Adds an activity of a kind at the end of a module.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities", tag = "course content",
    request_body(content = NewActivity, content_type = "application/json"),
    responses((status = 200, description = "The new activity's id", body = shared::answers::NewPart), (status = 400, body = shared::ErrorBody),
        (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn add_activity(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: Submitted<NewActivity>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let actor = &user.0.actor;
    let result = courses::edit(&state.db, actor, id, |p| {
        let kind = ActivityKind::from_code(form.kind.trim())
            .ok_or_else(|| CourseError::field("kind", shared::Problem::ChooseKind))?;
        let title = courses::check_title(&form.title_vi, &form.title_en, "title_vi")?;
        Ok(p.add_activity(&form.module, kind, title)?)
    })
    .await;
    match result {
        // A form goes straight to the new activity's editor.
        Ok(activity) => Ok(body.respond(
            &Created {
                id: activity.clone(),
            },
            &activity_page(id, &activity),
        )),
        Err(e) => body.reject_with_detail(
            ApiError::from(e),
            &editor(id),
            &["title_vi", "title_en", "kind"],
        ),
    }
}

/// Saves an activity's editor: its title and the fields of its kind.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}", tag = "course content",
    request_body(content = ActivityForm, content_type = "application/json"),
    responses((status = 200, body = shared::answers::ActivitySaved), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn update_activity(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<ActivityForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let echo = &[
        "title_vi",
        "title_en",
        "body_vi",
        "body_en",
        "outcome_vi",
        "outcome_en",
        "prompts",
        "rubric",
        "briefing_vi",
        "briefing_en",
        "blueprint",
        "items",
    ];
    let page = activity_page(id, &activity);
    let result = courses::edit(&state.db, &user.0.actor, id, |p| {
        let found = p.activity_mut(&activity).ok_or(CourseError::NotFound)?;
        courses::apply_activity_form(&mut found.title, &mut found.body, &form)
    })
    .await;
    match result {
        Ok(None) => Ok(body.respond(
            &ActivitySaved::default(),
            &Address::new(page).outcome(Outcome::Updated).to_string(),
        )),
        // Saved, but one part was kept as it was: say which and why, in the reader's words.
        Ok(Some(warning)) => {
            let back = Address::new(page)
                .outcome(Outcome::Updated)
                .with("detail", warning.word(body.locale));
            let worded = warning.word(crate::http::locale::of_request(&req));
            Ok(body.respond(
                &ActivitySaved {
                    warning: Some(worded),
                },
                &back.to_string(),
            ))
        }
        Err(e) => body.reject_with_detail(ApiError::from(e), &page, echo),
    }
}

/// Moves an activity one place; past either end of its module it moves to the next module.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/move", tag = "course content",
    request_body(content = MoveForm, content_type = "application/json"),
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn move_activity(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<MoveForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let id = parse_id(&id)?;
    let direction = body.value.direction;
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), format!("#{activity}")),
        &[],
        |p| Ok(p.move_activity(&activity, direction)?),
    )
    .await
}

/// Deletes an activity from the draft.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/delete", tag = "course content",
    responses((status = 204, description = "Changed; a form post is sent back to the editor."), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
pub async fn delete_activity(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let id = parse_id(&id)?;
    change(
        &state,
        &user,
        &body,
        id,
        (editor(id), "#modules".into()),
        &[],
        |p| {
            p.remove_activity(&activity)?;
            Ok(())
        },
    )
    .await
}
