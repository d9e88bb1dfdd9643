//! The chrome around every page: header with the language switch and the account links,
//! and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use shared::Locale;
use shared::auth::CSRF_FIELD;
use shared::page::Page;

use crate::i18n::{Text, t};
use crate::ports::Viewer;

/// The language of this request (set by the server from the `fs_lang` cookie).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Who is looking at the page (anonymous when the server provided nothing).
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().unwrap_or_default()
}

/// Loads and starts the islands bundle. Only pages that have islands render it, so every
/// other page costs its HTML and the stylesheet and nothing more. The script is a module
/// (deferred): the page is readable before the bundle arrives.
#[component]
pub fn IslandScripts() -> impl IntoView {
    let built = use_context::<crate::ports::Assets>().is_some_and(|a| a.scripts);
    use_context::<LeptosOptions>()
        .filter(|_| built)
        .map(|options| view! { <HydrationScripts options islands=true/> })
}

/// Sends an anonymous visitor to the sign-in page, to come back to this page after. The
/// return path comes from the address bar and ends in a `Location` header, so it is
/// percent-encoded whole: no path can break the header or add to the query.
#[component]
pub fn SignInFirst() -> impl IntoView {
    let here = use_location().pathname.get_untracked();
    let path = shared::page::Page::Login
        .address()
        .with("return_to", &here)
        .to_string();
    view! { <leptos_router::components::Redirect path/> }
}

/// The hidden form-token field every form of a signed-in user carries.
#[component]
pub fn FormToken() -> impl IntoView {
    use_viewer()
        .form_token
        .map(|token| view! { <input type="hidden" name=CSRF_FIELD value=token/> })
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let locale = use_locale();
    let viewer = use_viewer();
    let location = use_location();
    let here = location.pathname.get_untracked();
    let account = match viewer.me {
        Some(me) => view! {
            <nav class="account" aria-label=t(locale, Text::MainNav)>
                {(me.has_role(shared::Role::Admin) || me.has_role(shared::Role::Supervisor)).then(|| view! {
                    <a href=Page::Supervise.path()>{t(locale, Text::SupervisionNav)}</a>
                    <a href=Page::AdminUsers.path()>{t(locale, Text::Administration)}</a>
                })}
                <a href=Page::Inbox.path()>{t(locale, Text::Inbox)}</a>
                {me.has_role(shared::Role::Learner).then(|| view! {
                    <a href=Page::Learning.path()>{t(locale, Text::Learning)}</a>
                })}
                {(me.has_role(shared::Role::Lecturer) || me.has_role(shared::Role::Admin)).then(|| view! {
                    <a href=Page::Author.path()>{t(locale, Text::Authoring)}</a>
                    <a href=Page::Teach.path()>{t(locale, Text::Classes)}</a>
                })}
                <a href=Page::Competencies.path()>{t(locale, Text::Competencies)}</a>
                <a href=Page::Profile.path()>{me.full_name}</a>
                <form method="post" action="/api/v1/auth/sign-out">
                    <FormToken/>
                    <button type="submit">{t(locale, Text::SignOut)}</button>
                </form>
            </nav>
        }
        .into_any(),
        None => view! {
            <nav class="account" aria-label=t(locale, Text::MainNav)>
                <a href=Page::Login.path()>{t(locale, Text::SignIn)}</a>
            </nav>
        }
        .into_any(),
    };
    view! {
        <a class="skip" href="#main">{t(locale, Text::SkipToContent)}</a>
        <header class="site">
            <a class="brand" href=Page::Home.path()>
                <strong>{t(locale, Text::AppName)}</strong>
                <span>{t(locale, Text::AppTagline)}</span>
            </a>
            <div class="tools">
                {account}
                <crate::components::SyncIndicator/>
                <form class="lang" method="post" action="/api/v1/preferences/locale">
                    <FormToken/>
                    <input type="hidden" name="return_to" value=here/>
                    <span class="visually-hidden">{t(locale, Text::LanguageLabel)}</span>
                    {Locale::ALL
                        .into_iter()
                        .map(|option| {
                            view! {
                                <button
                                    type="submit"
                                    name="locale"
                                    value=option.code()
                                    lang=option.code()
                                    aria-pressed=if option == locale { "true" } else { "false" }
                                >
                                    {option.native_name()}
                                </button>
                            }
                        })
                        .collect_view()}
                </form>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let locale = use_locale();
    view! {
        <footer class="site">
            <p>{t(locale, Text::FooterNote)}</p>
        </footer>
    }
}
