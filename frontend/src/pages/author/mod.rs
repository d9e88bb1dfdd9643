//! The lecturer's pages: courses, the course editor, an editor per activity kind, the item
//! bank, and a learner-eye preview. Every form posts to the course API and works without
//! scripts; lecturer-written Markdown is rendered by the server.

pub mod activity;
pub mod bank;
pub mod course;
pub mod courses;
pub mod graph;
pub mod preview;
pub mod questions;
pub mod roleplay;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::L10n;
use shared::course::Issue;
use shared::page::Page;

use crate::components::typed_or;
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

/// The course id of the route, if it is a UUID.
pub fn course_param() -> Option<uuid::Uuid> {
    use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| uuid::Uuid::parse_str(&id).ok())
}

/// What publishing would say: every problem with where it is, or that all is well.
#[component]
pub fn IssueList(issues: Vec<Issue>) -> impl IntoView {
    let locale = use_locale();
    if issues.is_empty() {
        return view! { <p class="notice ok">{t(locale, Text::ReadyToPublish)}</p> }.into_any();
    }
    view! {
        <div class="notice error">
            <p>{format!("{} ({})", t(locale, Text::ProblemsToFix), issues.len())}</p>
            <ul class="issues">
                {issues.into_iter().map(|i| view! {
                    <li><code>{i.path.clone()}</code>" "{i.kind.describe(locale)}</li>
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// Moves an item up or down (two small forms).
#[component]
pub fn MoveButtons(action: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <span class="moves">
            <form method="post" action=action.clone()>
                <FormToken/>
                <button type="submit" name="direction" value="up" title=t(locale, Text::MoveUp)>"↑"<span class="visually-hidden">{t(locale, Text::MoveUp)}</span></button>
            </form>
            <form method="post" action=action>
                <FormToken/>
                <button type="submit" name="direction" value="down" title=t(locale, Text::MoveDown)>"↓"<span class="visually-hidden">{t(locale, Text::MoveDown)}</span></button>
            </form>
        </span>
    }
}

/// Title fields in both languages.
#[component]
pub fn TitleFields(title: L10n) -> impl IntoView {
    let locale = use_locale();
    view! {
        <label for="title_vi">{t(locale, Text::TitleVi)}</label>
        <input id="title_vi" name="title_vi" required lang="vi" value=typed_or("title_vi", title.vi)/>
        <label for="title_en">{t(locale, Text::TitleEn)}</label>
        <input id="title_en" name="title_en" lang="en" value=typed_or("title_en", title.en)/>
    }
}

#[component]
pub fn AuthorNav(course: uuid::Uuid) -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="admin-nav" aria-label=t(locale, Text::CourseEditor)>
            <a href=Page::Author.path()>{t(locale, Text::MyCourses)}</a>
            <a href=Page::AuthorCourse(course).path()>{t(locale, Text::CourseEditor)}</a>
            <a href=Page::AuthorBank(course).path()>{t(locale, Text::ItemBank)}</a>
            <a href=Page::AuthorPreview(course).path()>{t(locale, Text::PreviewAsLearner)}</a>
        </nav>
    }
}
