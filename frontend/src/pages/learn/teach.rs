//! `/teach`: the cohorts a lecturer teaches, with enrolment, and a form to open a cohort of
//! a published course they author.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;

use crate::components::{FormOutcome, loaded, query, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::Ports;

#[component]
pub fn TeachPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let detail = query("detail");
        view! {
        <h1>{t(locale, Text::Classes)}</h1>
        <FormOutcome/>
        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}
        {loaded(locale, move |ports: Ports| async move {
                    let cohorts = ports.learn.teaching().await?;
                    let units = ports.admin.org_units().await?;
                    let positions = ports.admin.positions().await?;
                    let courses: Vec<_> = ports.author.courses().await?.into_iter().filter(|c| c.latest_version > 0).collect();
                    Ok(view! {
                        {cohorts.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NoClassesYet)}</p> })}
                        {cohorts.into_iter().map(|c| view! {
                            <article class="module" id=c.id.to_string()>
                                <h2>{tr(locale, &c.title)}</h2>
                                <p class="meta">{tr(locale, &c.course_title)}{format!(" · v{} · {} – {} · {} {}", c.version, c.starts_on, c.ends_on, c.learners, t(locale, Text::LearnersCount))}</p>
                                <p><a href=Page::TeachCohort(c.id).path()>{t(locale, Text::OpenCohort)}</a></p>
                                {(c.latest_version > c.version).then(|| view! {
                                    <form class="notice" method="post" action=format!("/api/v1/cohorts/{}/version", c.id)>
                                        <FormToken/>
                                        <input type="hidden" name="version" value=c.latest_version.to_string()/>
                                        <p>{t(locale, Text::VersionNewer).replace("{n}", &c.latest_version.to_string())}</p>
                                        <label><input type="checkbox" name="confirm" required/>" "{t(locale, Text::VersionConfirm)}</label>
                                        <button type="submit">{t(locale, Text::VersionMove).replace("{n}", &c.latest_version.to_string())}</button>
                                    </form>
                                })}
                                <form class="stacked" method="post" action=format!("/api/v1/cohorts/{}/enrolments", c.id)>
                                    <FormToken/>
                                    <label for=format!("usernames-{}", c.id)>{t(locale, Text::EnrolLearners)}</label>
                                    <TextArea {..} id=format!("usernames-{}", c.id) name="usernames" rows="3" class="mono" placeholder="hv.mai, hv.tuan"/>
                                    <small>{t(locale, Text::EnrolHint)}</small>
                                    <details>
                                        <summary>{t(locale, Text::EnrolMore)}</summary>
                                        <label for=format!("org-unit-{}", c.id)>{t(locale, Text::EnrolByUnit)}</label>
                                        <select id=format!("org-unit-{}", c.id) name="org_unit">
                                            <option value="">"—"</option>
                                            {units.iter().map(|u| view! { <option value=u.id.to_string()>{format!("{}{}", "· ".repeat(u.depth as usize), u.name)}</option> }).collect_view()}
                                        </select>
                                        <label for=format!("position-{}", c.id)>{t(locale, Text::EnrolByPosition)}</label>
                                        <select id=format!("position-{}", c.id) name="position">
                                            <option value="">{t(locale, Text::AnyPosition)}</option>
                                            {positions.iter().map(|p| view! { <option value=p.id.to_string()>{if locale == shared::Locale::En { p.name_en.clone() } else { p.name_vi.clone() }}</option> }).collect_view()}
                                        </select>
                                        <label for=format!("csv-{}", c.id)>{t(locale, Text::EnrolCsv)}</label>
                                        <TextArea {..} id=format!("csv-{}", c.id) name="csv" rows="4" class="mono" placeholder="username,full_name"/>
                                    </details>
                                    <button type="submit">{t(locale, Text::EnrolLearners)}</button>
                                </form>
                            </article>
                        }).collect_view()}
                        {(!courses.is_empty()).then(|| view! {
                            <h2>{t(locale, Text::OpenClass)}</h2>
                            <form class="stacked" method="post" action="/api/v1/cohorts">
                                <FormToken/>
                                <label for="course_id">{t(locale, Text::CourseTitle)}</label>
                                <select id="course_id" name="course_id">
                                    {courses.into_iter().map(|c| view! {
                                        <option value=c.id.to_string()>{format!("{} (v{})", tr(locale, &c.title), c.latest_version)}</option>
                                    }).collect_view()}
                                </select>
                                <label for="title_vi">{t(locale, Text::TitleVi)}</label>
                                <input id="title_vi" name="title_vi" required lang="vi" value=query("title_vi")/>
                                <label for="title_en">{t(locale, Text::TitleEn)}</label>
                                <input id="title_en" name="title_en" lang="en" value=query("title_en")/>
                                <label for="starts_on">{t(locale, Text::StartsOn)}</label>
                                <input id="starts_on" name="starts_on" type="date" required value=query("starts_on")/>
                                <label for="ends_on">{t(locale, Text::EndsOn)}</label>
                                <input id="ends_on" name="ends_on" type="date" required value=query("ends_on")/>
                                <label for="gate_pre">{t(locale, Text::GatePre)}</label>
                                <select id="gate_pre" name="gate_pre">
                                    <option value="true">{t(locale, Text::Yes)}</option>
                                    <option value="false">{t(locale, Text::No)}</option>
                                </select>
                                <label for="gate_post">{t(locale, Text::GatePost)}</label>
                                <select id="gate_post" name="gate_post">
                                    <option value="true">{t(locale, Text::Yes)}</option>
                                    <option value="false">{t(locale, Text::No)}</option>
                                </select>
                                <button type="submit" class="primary">{t(locale, Text::OpenClass)}</button>
                            </form>
                        })}
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
