//! Editing the parts of a draft: modules, activities, questions (of a quiz or of the item
//! bank), and the nodes and choices of a role-play. Each is one small change saved with
//! the draft's revision check; forms come back to the page they were sent from.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use shared::authoring::{
    ActivityForm, ChoiceForm, MoveForm, NewActivity, NodeForm, QuestionForm, TitleForm,
};
use shared::course::edit::{self as ops, ITEM_BANK};
use shared::course::{ActivityKind, Package};
use shared::roleplay::Choice;
use uuid::Uuid;

use super::courses::{course_error, editor, reject};
use super::parse_id;
use crate::http::authenticate::CurrentUser;
use crate::http::body::Submitted;
use crate::http::error::ApiError;
use crate::services::courses::{self, CourseError, locale_of};
use crate::startup::AppState;

/// Runs `change` on the draft of course `id`, then answers: JSON gets the change's answer,
/// a form goes to `page` (with `anchor`), or back there with the problem.
async fn change<T, R: Serialize>(
    state: &AppState,
    user: &CurrentUser,
    body: &Submitted<T>,
    id: Uuid,
    (page, anchor): (String, String),
    echo: &[&str],
    change: impl FnMut(&mut Package) -> Result<R, CourseError>,
) -> Result<HttpResponse, ApiError> {
    let actor = &user.0.actor;
    match courses::edit(&state.db, actor, id, change).await {
        Ok(answer) => Ok(body.respond(&answer, &format!("{page}?saved=updated{anchor}"))),
        Err(e) => {
            // Back to the form that failed, so the page can open it with what was typed.
            let back = match anchor.strip_prefix('#').filter(|a| !a.is_empty()) {
                Some(item) => format!("{page}?editing={item}"),
                None => page,
            };
            reject(body, course_error(e, locale_of(actor)), &back, echo)
        }
    }
}

fn activity_page(id: Uuid, activity: &str) -> String {
    format!("{}/activities/{activity}", editor(id))
}

fn questions_page(id: Uuid, container: &str) -> String {
    if container == ITEM_BANK {
        format!("{}/bank", editor(id))
    } else {
        activity_page(id, container)
    }
}

const TITLE_FIELDS: &[&str] = &["title_vi", "title_en"];
const QUESTION_FIELDS: &[&str] = &[
    "type",
    "competency",
    "prompt_vi",
    "prompt_en",
    "answers",
    "feedback_vi",
    "feedback_en",
];
const NODE_FIELDS: &[&str] = &[
    "speaker_vi",
    "speaker_en",
    "text_vi",
    "text_en",
    "debrief_vi",
    "debrief_en",
];
const CHOICE_FIELDS: &[&str] = &[
    "text_vi",
    "text_en",
    "feedback_vi",
    "feedback_en",
    "next",
    "effects",
];

#[derive(Serialize)]
struct Created {
    id: String,
}

/// Adds a module at the end.
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules", tag = "course content",
    request_body(content = TitleForm, content_type = "application/json"),
    responses((status = 200, description = "The new module's id"), (status = 400, body = shared::ErrorBody),
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
    responses((status = 200), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
    responses((status = 200, description = "The new activity's id"), (status = 400, body = shared::ErrorBody),
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
            .ok_or_else(|| CourseError::field("kind", "choose a kind of activity"))?;
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
        Err(e) => reject(
            &body,
            course_error(e, locale_of(actor)),
            &editor(id),
            &["title_vi", "title_en", "kind"],
        ),
    }
}

/// Saves an activity's editor: its title and the fields of its kind.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}", tag = "course content",
    request_body(content = ActivityForm, content_type = "application/json"),
    responses((status = 200), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
        (status = 404, body = shared::ErrorBody)))]
pub async fn update_activity(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
    body: Submitted<ActivityForm>,
) -> Result<HttpResponse, ApiError> {
    let (id, activity) = path.into_inner();
    let id = parse_id(&id)?;
    let form = body.value.clone();
    let locale = locale_of(&user.0.actor);
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
        courses::apply_activity_form(&mut found.title, &mut found.body, &form, locale)
    })
    .await;
    match result {
        Ok(None) => Ok(body.respond(&(), &format!("{page}?saved=updated"))),
        // Saved, but one part was kept as it was: say which and why.
        Ok(Some(warning)) => {
            let query =
                serde_urlencoded::to_string([("saved", "updated"), ("detail", warning.as_str())])
                    .unwrap_or_default();
            Ok(body.respond(
                &serde_json::json!({ "warning": warning }),
                &format!("{page}?{query}"),
            ))
        }
        Err(e) => reject(&body, course_error(e, locale), &page, echo),
    }
}

/// Moves an activity one place; past either end of its module it moves to the next module.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/move", tag = "course content",
    request_body(content = MoveForm, content_type = "application/json"),
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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

/// Adds a question to a quiz (`{container}` is its activity id) or to the item bank
/// (`bank`).
#[utoipa::path(post, path = "/api/v1/courses/{id}/questions/{container}", tag = "course content",
    request_body(content = QuestionForm, content_type = "application/json"),
    responses((status = 200, description = "The new question's id"), (status = 400, body = shared::ErrorBody),
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
    responses((status = 200), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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

/// Adds a node (a situation, or an ending with `ending`) to a role-play.
#[utoipa::path(post, path = "/api/v1/courses/{id}/activities/{activity}/nodes", tag = "course content",
    request_body(content = NodeForm, content_type = "application/json"),
    responses((status = 200, description = "The new node's id"), (status = 400, body = shared::ErrorBody),
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
    responses((status = 200), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
    responses((status = 200, description = "The new choice's id"), (status = 400, body = shared::ErrorBody),
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
    responses((status = 200), (status = 400, body = shared::ErrorBody), (status = 403, body = shared::ErrorBody),
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
    responses((status = 200), (status = 403, body = shared::ErrorBody), (status = 404, body = shared::ErrorBody)))]
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
