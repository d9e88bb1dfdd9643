//! `/teach/:cohort`: a cohort as its lecturers see it — each learner's place in the course,
//! the case-study answers to review with the rubric, and how each quiz and test item did.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::course::{ActivityBody, Package, QuizQuestion};
use shared::learning::Reflection;
use shared::progress::Status;

use super::{minutes, percent};
use crate::components::scroll_region;
use crate::components::{FormOutcome, loaded, param, port_failure, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::{PortError, Ports};

fn glyph(status: Status, locked: bool) -> &'static str {
    match (status, locked) {
        (_, true) => "·",
        (Status::Completed, _) => "✓",
        (Status::Failed, _) => "✗",
        (Status::InProgress, _) => "…",
        (Status::NotStarted, _) => "–",
    }
}

fn question<'a>(package: &'a Package, id: &str) -> Option<&'a QuizQuestion> {
    package
        .item_bank
        .iter()
        .chain(package.activities().flat_map(|a| match &a.body {
            ActivityBody::Quiz(q) => q.questions.as_slice(),
            _ => &[],
        }))
        .find(|q| q.id == id)
}

#[component]
fn ReviewBox(reflection: Reflection, package: std::sync::Arc<Package>) -> impl IntoView {
    let locale = use_locale();
    let Some(ActivityBody::CaseStudy(case)) = package
        .activity(&reflection.activity)
        .map(|a| a.body.clone())
    else {
        return ().into_any();
    };
    let title = package
        .activity(&reflection.activity)
        .map(|a| tr(locale, &a.title))
        .unwrap_or_default();
    let given = reflection.review.clone().unwrap_or_default();
    view! {
        <article class="module" id=format!("review-{}", reflection.attempt)>
            <h3>{reflection.learner.clone()}" · "{title}</h3>
            <p class="meta">{reflection.submitted_at.clone()}</p>
            <ol class="answers">
                {case.prompts.iter().enumerate().map(|(i, p)| view! {
                    <li><p><strong>{tr(locale, p)}</strong></p><p class="answer">{reflection.answers.get(i).cloned().unwrap_or_default()}</p></li>
                }).collect_view()}
            </ol>
            <form class="stacked" method="post" action=format!("/api/v1/attempts/{}/review", reflection.attempt)>
                <FormToken/>
                {case.rubric.iter().enumerate().map(|(i, c)| {
                    let current = given.points.get(i).copied();
                    view! {
                        <label for=format!("points-{}-{i}", reflection.attempt)>{format!("{} ({} {})", tr(locale, &c.text), c.points, t(locale, Text::PointsMax))}</label>
                        <select id=format!("points-{}-{i}", reflection.attempt) name="points">
                            {(0..=c.points).map(|n| view! { <option value=n.to_string() selected=current == Some(n)>{n.to_string()}</option> }).collect_view()}
                        </select>
                    }
                }).collect_view()}
                <label for=format!("comment-{}", reflection.attempt)>{t(locale, Text::ReviewComment)}</label>
                <TextArea value={given.comment.clone()} {..} id=format!("comment-{}", reflection.attempt) name="comment" rows="3" maxlength="4000"/>
                <button type="submit">{t(locale, if reflection.review.is_some() { Text::UpdateReview } else { Text::SaveReview })}</button>
            </form>
        </article>
    }
    .into_any()
}

#[component]
pub fn CohortViewPage() -> impl IntoView {
    let locale = use_locale();
    let cohort = param("cohort");
    signed_in(move |_| {
        let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
            return port_failure(locale, PortError(shared::ErrorCode::NotFound));
        };
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let report = ports.learn.report(id).await?;
                    let package = ports.learn.package_of(id).await?;
                    let activities: Vec<(String, String)> = package.activities().map(|a| (a.id.clone(), tr(locale, &a.title))).collect();
                    let title_of = |id: &str| activities.iter().find(|(a, _)| a == id).map(|(_, t)| t.clone()).unwrap_or_default();
                    Ok(view! {
                        <p class="meta"><a href=Page::Teach.path()>{t(locale, Text::Classes)}</a></p>
                        <h1>{tr(locale, &report.cohort.title)}</h1>
                        <p class="meta">{tr(locale, &report.cohort.course_title)}{format!(" · v{} · {} – {}", report.cohort.version, report.cohort.starts_on, report.cohort.ends_on)}</p>
                        <FormOutcome/>
                        <h2>{t(locale, Text::WhoIsWhere)}</h2>
                        {if report.learners.is_empty() {
                            view! { <p class="empty">{t(locale, Text::NoLearnersYet)}</p> }.into_any()
                        } else {
                            view! {
                                {scroll_region(t(locale, Text::WhoIsWhere).to_owned(), view! { <table>
                                    <thead><tr>
                                        <th>{t(locale, Text::Learner)}</th>
                                        {activities.iter().map(|(a, title)| view! { <th title=title.clone()>{a.clone()}</th> }).collect_view()}
                                        <th>{t(locale, Text::NowAt)}</th>
                                        <th>{t(locale, Text::TimeSpent)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {report.learners.iter().map(|l| view! {
                                            <tr>
                                                <td>{l.full_name.clone()}{l.certificate.then_some(" 🎓")}<br/><small class="mono">{l.username.clone()}</small></td>
                                                {l.progress.activities.iter().map(|a| view! {
                                                    <td class="center" title=super::status_line(locale, a)>{glyph(a.status, a.locked)}</td>
                                                }).collect_view()}
                                                <td>{l.progress.resume.as_deref().map_or_else(|| t(locale, Text::Completed).to_owned(), title_of)}</td>
                                                <td>{minutes(locale, l.progress.seconds)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table> })}
                                <p class="meta">{t(locale, Text::StatusLegend)}</p>
                            }.into_any()
                        }}
                        <h2>{t(locale, Text::ReflectionsToReview)}</h2>
                        {report.reflections.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NoReflectionsYet)}</p> })}
                        {report.reflections.iter().cloned().map(|r| view! { <ReviewBox reflection=r package=package.clone()/> }).collect_view()}
                        <h2>{t(locale, Text::ItemStatistics)}</h2>
                        <p class="meta">{t(locale, Text::ItemStatisticsHint)}</p>
                        {if report.items.is_empty() {
                            view! { <p class="empty">{t(locale, Text::NoAttemptsYet)}</p> }.into_any()
                        } else {
                            view! {
                                {scroll_region(t(locale, Text::ItemStatistics).to_owned(), view! { <table>
                                    <thead><tr>
                                        <th>{t(locale, Text::Question)}</th><th>{t(locale, Text::Competency)}</th><th>"n"</th>
                                        <th>{t(locale, Text::Facility)}</th><th>{t(locale, Text::Discrimination)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {report.items.iter().map(|s| {
                                            let q = question(&package, &s.item);
                                            let flagged = s.facility < 0.2 || s.facility > 0.9 || s.discrimination.is_some_and(|d| d < 0.2);
                                            view! {
                                                <tr class=flagged.then_some("flag")>
                                                    <td><span class="mono">{s.item.clone()}</span>" "{q.map(|q| tr(locale, &q.prompt)).unwrap_or_default()}</td>
                                                    <td>{q.map(|q| q.competency.clone()).unwrap_or_default()}</td>
                                                    <td>{s.n.to_string()}</td>
                                                    <td>{percent(s.facility)}</td>
                                                    <td>{s.discrimination.map_or_else(|| "—".to_owned(), |d| format!("{d:.2}"))}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table> })}
                            }.into_any()
                        }}
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
