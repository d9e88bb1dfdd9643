//! `/author/courses/:id`: the course editor — what publishing would say, the modules and
//! their activities in order, the course's title and summary, co-authors and versions.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::L10n;
use shared::authoring::{Author, CourseDetail, Part, VersionSummary};
use shared::course::{ActivityKind, Module};

use super::{AuthorNav, IssueList, MoveButtons, TitleFields, course_param};
use crate::components::ScrollRegion;
use crate::components::{
    DeleteButton, FormOutcome, activity_kind, loaded, port_failure, query, signed_in, tr, typed_or,
};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn CoursePage() -> impl IntoView {
    let locale = use_locale();
    let Some(id) = course_param() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    signed_in(move |_| {
        view! {
            {loaded(locale, move |ports: Ports| async move {
                let course = ports.author.course(id).await?;
                Ok(view! { <Editor course/> }.into_any())
            })}
        }
        .into_any()
    })
}

#[component]
fn Editor(course: CourseDetail) -> impl IntoView {
    let locale = use_locale();
    let id = course.summary.id;
    let base = format!("/api/v1/courses/{id}");
    let editable = course.summary.part != Part::Reader;
    let owner = course.summary.part == Part::Owner;
    let detail = query("detail");
    let draft = course.draft;
    let status = if course.summary.latest_version == 0 {
        t(locale, Text::NotPublished).to_owned()
    } else {
        format!(
            "{} v{}",
            t(locale, Text::PublishedVersion),
            course.summary.latest_version
        )
    };
    view! {
        <h1>{tr(locale, &draft.course.title)}</h1>
        <p class="meta">
            <code>{draft.course.code.clone()}</code>" · "
            {format!("{} {} v{}", t(locale, Text::Competencies), draft.course.framework.code, draft.course.framework.version)}" · "
            {format!("{} {}", t(locale, Text::DraftRevision), course.summary.draft_revision)}" · "{status}
        </p>
        <AuthorNav course=id/>
        <FormOutcome/>
        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}

        <section id="report">
            <h2>{t(locale, Text::PublishCheck)}</h2>
            <IssueList issues=course.issues.clone()/>
            {editable.then(|| view! {
                <form method="post" action=format!("{base}/publish")>
                    <FormToken/>
                    <p><small>{t(locale, Text::PublishHint)}</small></p>
                    <button type="submit" class="primary">{t(locale, Text::Publish)}</button>
                </form>
            })}
        </section>

        <ModulesSection course=id modules=draft.modules.clone() editable/>

        {editable.then(|| view! { <InfoSection course=id title=draft.course.title.clone() summary=draft.course.summary.clone()/> })}

        <AuthorsSection course=id authors=course.authors owner/>

        <VersionsSection course=id versions=course.versions/>
    }
}

/// The modules in order, each with its activities, and the forms to add either.
#[component]
fn ModulesSection(course: uuid::Uuid, modules: Vec<Module>, editable: bool) -> impl IntoView {
    let locale = use_locale();
    let id = course;
    let base = format!("/api/v1/courses/{id}");
    let module_choices: Vec<(String, String)> = modules
        .iter()
        .map(|m| (m.id.clone(), tr(locale, &m.title)))
        .collect();
    view! {
        <section id="modules">
            <h2>{t(locale, Text::Modules)}</h2>
            {modules.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NoModulesYet)}</p> })}
            {modules.into_iter().enumerate().map(|(i, m)| {
                let module_base = format!("{base}/modules/{}", m.id);
                let title = tr(locale, &m.title);
                view! {
                    <article class="module" id=m.id.clone()>
                        <h3>{format!("{}. {title}", i + 1)}</h3>
                        {editable.then(|| view! {
                            <div class="row-tools">
                                <MoveButtons action=format!("{module_base}/move")/>
                                <details>
                                    <summary>{t(locale, Text::Rename)}</summary>
                                    <form class="stacked" method="post" action=module_base.clone()>
                                        <FormToken/>
                                        <TitleFields title=m.title.clone()/>
                                        <button type="submit">{t(locale, Text::Save)}</button>
                                    </form>
                                </details>
                                <DeleteButton action=format!("{module_base}/delete") what=format!("{title} ({} {})", m.activities.len(), t(locale, Text::ActivitiesCount))/>
                            </div>
                        })}
                        {m.activities.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NoActivitiesYet)}</p> })}
                        <ol class="activities">
                            {m.activities.into_iter().map(|a| {
                                let a_title = tr(locale, &a.title);
                                let page = Page::AuthorActivity(id, a.id.clone()).path();
                                let activity_base = format!("{base}/activities/{}", a.id);
                                view! {
                                    <li id=a.id.clone()>
                                        <a href=page>{a_title.clone()}</a>
                                        " "<span class="tag">{activity_kind(locale, a.body.kind())}</span>
                                        {editable.then(|| view! {
                                            <MoveButtons action=format!("{activity_base}/move")/>
                                            <DeleteButton action=format!("{activity_base}/delete") what=a_title.clone()/>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </article>
                }
            }).collect_view()}
            {editable.then(|| view! {
                {(!module_choices.is_empty()).then(|| view! {
                    <h3>{t(locale, Text::AddActivity)}</h3>
                    <form class="stacked" method="post" action=format!("{base}/activities")>
                        <FormToken/>
                        <label for="module">{t(locale, Text::Module)}</label>
                        <select id="module" name="module">
                            {module_choices.into_iter().map(|(mid, title)| view! { <option value=mid>{title}</option> }).collect_view()}
                        </select>
                        <label for="kind">{t(locale, Text::ActivityKindLabel)}</label>
                        <select id="kind" name="kind">
                            {ActivityKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{activity_kind(locale, k)}</option> }).collect_view()}
                        </select>
                        <label for="activity_title_vi">{t(locale, Text::TitleVi)}</label>
                        <input id="activity_title_vi" name="title_vi" required lang="vi" value=typed_or("title_vi", String::new())/>
                        <label for="activity_title_en">{t(locale, Text::TitleEn)}</label>
                        <input id="activity_title_en" name="title_en" lang="en"/>
                        <button type="submit">{t(locale, Text::AddActivity)}</button>
                    </form>
                })}
                <h3>{t(locale, Text::AddModule)}</h3>
                <form class="stacked" method="post" action=format!("{base}/modules")>
                    <FormToken/>
                    <label for="module_title_vi">{t(locale, Text::TitleVi)}</label>
                    <input id="module_title_vi" name="title_vi" required lang="vi"/>
                    <label for="module_title_en">{t(locale, Text::TitleEn)}</label>
                    <input id="module_title_en" name="title_en" lang="en"/>
                    <button type="submit">{t(locale, Text::AddModule)}</button>
                </form>
            })}
        </section>
    }
}

/// The course's title and summary.
#[component]
fn InfoSection(course: uuid::Uuid, title: L10n, summary: L10n) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/api/v1/courses/{course}");
    view! {
        <section id="info">
            <h2>{t(locale, Text::CourseInfo)}</h2>
            <form class="stacked" method="post" action=format!("{base}/info")>
                <FormToken/>
                <TitleFields title=title/>
                <label for="summary_vi">{t(locale, Text::SummaryVi)}</label>
                <TextArea value={summary.vi.clone()} {..} id="summary_vi" name="summary_vi" rows="4" lang="vi"/>
                <label for="summary_en">{t(locale, Text::SummaryEn)}</label>
                <TextArea value={summary.en.clone()} {..} id="summary_en" name="summary_en" rows="4" lang="en"/>
                <small>{t(locale, Text::MarkdownHint)}</small>
                <button type="submit">{t(locale, Text::Save)}</button>
            </form>
        </section>
    }
}

/// Who authors the course; the owner adds and removes co-authors.
#[component]
fn AuthorsSection(course: uuid::Uuid, authors: Vec<Author>, owner: bool) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/api/v1/courses/{course}");
    view! {
        <section id="authors">
            <h2>{t(locale, Text::Authors)}</h2>
            <ul>
                {authors.into_iter().map(|a| {
                    let remove = (owner && !a.owner).then(|| view! {
                        <DeleteButton action=format!("{base}/authors/{}/remove", a.user_id) what=a.full_name.clone()/>
                    });
                    view! {
                        <li>
                            {a.full_name.clone()}" (" <code>{a.username.clone()}</code> ")"
                            {a.owner.then(|| view! { " " <span class="tag">{t(locale, Text::PartOwner)}</span> })}
                            {remove}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {owner.then(|| view! {
                <form class="stacked" method="post" action=format!("{base}/authors")>
                    <FormToken/>
                    <label for="username">{t(locale, Text::AddCoAuthor)}</label>
                    <input id="username" name="username" required placeholder="gv.ten"/>
                    <small>{t(locale, Text::CoAuthorHint)}</small>
                    <button type="submit">{t(locale, Text::AddCoAuthor)}</button>
                </form>
            })}
        </section>
    }
}

/// The published versions, each package downloadable, and the draft's.
#[component]
fn VersionsSection(course: uuid::Uuid, versions: Vec<VersionSummary>) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/api/v1/courses/{course}");
    view! {
        <section id="versions">
            <h2>{t(locale, Text::Versions)}</h2>
            <p><a href=format!("{base}/draft/package.json") download="">{t(locale, Text::DownloadDraft)}</a></p>
            {versions.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NotPublished)}</p> })}
            {(!versions.is_empty()).then(|| view! {
                <ScrollRegion label=t(locale, Text::Versions)><table>
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Version)}</th>
                        <th scope="col">{t(locale, Text::PublishedAt)}</th>
                        <th scope="col">{t(locale, Text::PublishedBy)}</th>
                        <th scope="col">{t(locale, Text::PackageSize)}</th>
                    </tr></thead>
                    <tbody>
                        {versions.clone().into_iter().map(|v| view! {
                            <tr>
                                <td><a href=format!("{base}/versions/{}/package.json", v.number) download="">{format!("v{}", v.number)}</a></td>
                                <td><time datetime=v.published_at.clone()>{v.published_at.replace('T', " ").replace('Z', " UTC")}</time></td>
                                <td>{v.published_by.clone()}</td>
                                <td>{format!("{:.1} kB", f64::from(v.package_bytes) / 1000.0)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></ScrollRegion>
            })}
        </section>
    }
}
