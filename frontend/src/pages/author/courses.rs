//! `/author`: the courses the lecturer authors, a form to start one, and package import.
//! An accepted package import is a job (`?job=`), which the page follows until it ends.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::Role;
use shared::authoring::Part;

use crate::components::ScrollRegion;
use crate::components::{
    FormOutcome, job_state, loaded, port_failure, query, signed_in, tr, typed_or,
};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn CoursesPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let lecturer = me.has_role(Role::Lecturer);
        if !lecturer && !me.has_role(Role::Admin) {
            return port_failure(locale, PortError(shared::ErrorCode::Forbidden));
        }
        if let Ok(job) = uuid::Uuid::parse_str(&query("job")) {
            return job_page(locale, job);
        }
        let detail = query("detail");
        view! {
        <h1>{t(locale, Text::MyCourses)}</h1>
        <FormOutcome/>
        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}
        {loaded(locale, move |ports: Ports| async move {
                    Ok(match ports.author.courses().await? {
                        courses if courses.is_empty() => view! { <p class="empty">{t(locale, Text::NoCoursesYet)}</p> }.into_any(),
                        courses => view! {
                            <ScrollRegion label=t(locale, Text::MyCourses)><table>
                                <thead><tr>
                                    <th scope="col">{t(locale, Text::CourseTitle)}</th>
                                    <th scope="col">{t(locale, Text::Code)}</th>
                                    <th scope="col">{t(locale, Text::YourPart)}</th>
                                    <th scope="col">{t(locale, Text::PublishedVersion)}</th>
                                </tr></thead>
                                <tbody>
                                    {courses.into_iter().map(|c| {
                                        let part = t(locale, match c.part {
                                            Part::Owner => Text::PartOwner,
                                            Part::CoAuthor => Text::PartCoAuthor,
                                            Part::Reader => Text::PartReader,
                                        });
                                        let version = if c.latest_version == 0 {
                                            t(locale, Text::NotPublished).to_owned()
                                        } else {
                                            format!("v{}", c.latest_version)
                                        };
                                        view! {
                                            <tr>
                                                <td><a href=Page::AuthorCourse(c.id).path()>{tr(locale, &c.title)}</a></td>
                                                <td><code>{c.code}</code></td>
                                                <td>{part}</td>
                                                <td>{version}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table></ScrollRegion>
                        }
                        .into_any(),
                    })
        })}
        {lecturer.then(|| view! {
            <h2>{t(locale, Text::NewCourse)}</h2>
            <form class="stacked" method="post" action="/api/v1/courses">
                <FormToken/>
                <label for="code">{t(locale, Text::Code)}</label>
                <input id="code" name="code" required pattern="[A-Za-z0-9._\\-]+" maxlength="64" value=typed_or("code", String::new())/>
                <small>{t(locale, Text::CourseCodeHint)}</small>
                <label for="title_vi">{t(locale, Text::TitleVi)}</label>
                <input id="title_vi" name="title_vi" required lang="vi" value=typed_or("title_vi", String::new())/>
                <label for="title_en">{t(locale, Text::TitleEn)}</label>
                <input id="title_en" name="title_en" lang="en" value=typed_or("title_en", String::new())/>
                <button type="submit" class="primary">{t(locale, Text::NewCourse)}</button>
            </form>
            <h2>{t(locale, Text::ImportPackage)}</h2>
            <form class="stacked" method="post" action="/api/v1/courses/import">
                <FormToken/>
                <label for="package">{t(locale, Text::PackageJson)}</label>
                <TextArea {..} id="package" name="package" rows="8" required=true/>
                <label for="import_code">{t(locale, Text::NewCodeOptional)}</label>
                <input id="import_code" name="code" pattern="[A-Za-z0-9._\\-]*" maxlength="64"/>
                <small>{t(locale, Text::ImportPackageHint)}</small>
                <button type="submit">{t(locale, Text::ImportPackage)}</button>
            </form>
        })}
    }
    .into_any()
    })
}

/// How an accepted package import goes, until it ends; then the new draft, and what to fix
/// before publishing it.
fn job_page(locale: shared::Locale, job: uuid::Uuid) -> AnyView {
    view! {
        <h1>{t(locale, Text::ImportPackage)}</h1>
        {loaded(locale, move |ports: Ports| async move {
            let job = ports.jobs.job(job, locale).await?;
            let done = match job.course.clone() {
                Some(course) => view! {
                    <p><a href=Page::AuthorCourse(course.id).path() data-testid="imported-course">{t(locale, Text::OpenDraft)}</a></p>
                    {(!course.issues.is_empty()).then(|| view! {
                        <h2>{t(locale, Text::ProblemsToFix)}</h2>
                        <ul data-testid="package-issues">
                            {course.issues.into_iter().map(|i| view! {
                                <li><code>{i.path}</code>": " {i.message}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
                .into_any(),
                None => ().into_any(),
            };
            Ok(job_state(locale, job, done, Page::Author.path()))
        })}
    }
    .into_any()
}
