//! `/learn/:cohort`: the course outline with the learner's progress in each activity, where
//! to continue, and the certificate once the course is complete.

use leptos::prelude::*;
use shared::page::Page;

use super::{minutes, status_line};
use crate::components::{activity_kind, loaded, param, port_failure, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::{PortError, Ports};

#[component]
pub fn OutlinePage() -> impl IntoView {
    let locale = use_locale();
    let cohort = param("cohort");
    signed_in(move |_| {
        let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
            return port_failure(locale, PortError(shared::ErrorCode::NotFound));
        };
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let study = ports.learn.study(id, None).await?;
                    let summary = ports.author.markdown(study.package.course.summary.get(locale));
                    let progress = study.progress.clone();
                    let (done, total) = progress.done();
                    let resume = progress.resume.as_ref().and_then(|a| study.package.activity(a)).map(|a| view! {
                        <p class="resume"><a class="button primary" href=Page::LearnActivity(id, a.id.clone()).path()>
                            {format!("{} {}", t(locale, if done == 0 { Text::StartWith } else { Text::ContinueWith }), tr(locale, &a.title))}
                        </a></p>
                    });
                    let certificate = if study.certificate.is_some() {
                        Some(view! { <p class="notice ok"><a href=Page::Certificate(id).path()>{t(locale, Text::ViewCertificate)}</a></p> }.into_any())
                    } else if progress.complete {
                        Some(view! {
                            <form method="post" action=format!("/api/v1/cohorts/{id}/certificate") class="notice ok">
                                <FormToken/>
                                <p>{t(locale, Text::CourseComplete)}</p>
                                <button type="submit" class="primary">{t(locale, Text::GetCertificate)}</button>
                            </form>
                        }.into_any())
                    } else {
                        None
                    };
                    Ok(view! {
                        <p class="meta"><a href=Page::Learning.path()>{t(locale, Text::Learning)}</a></p>
                        <h1>{tr(locale, &study.package.course.title)}</h1>
                        <p class="meta">{tr(locale, &study.cohort.title)}" · "{format!("{} – {}", study.cohort.starts_on, study.cohort.ends_on)}</p>
                        <p>
                            <progress max=total.to_string() value=done.to_string()></progress>
                            " "{format!("{done}/{total} {}", t(locale, Text::ActivitiesDone))}
                            {(progress.seconds >= 60).then(|| format!(" · {}", minutes(locale, progress.seconds)))}
                        </p>
                        {certificate}
                        {resume}
                        <super::offline::OfflinePanel cohort=id/>
                        <div class="prose" inner_html=summary></div>
                        <ol class="outline">
                            {study.package.modules.iter().map(|m| view! {
                                <li><h2>{tr(locale, &m.title)}</h2>
                                    <ol class="activities">
                                        {m.activities.iter().map(|a| {
                                            let p = progress.of(&a.id).cloned();
                                            let status = p.as_ref().map(|p| status_line(locale, p)).unwrap_or_default();
                                            let locked = p.as_ref().is_some_and(|p| p.locked);
                                            let class = p.as_ref().map_or("", |p| match p.status {
                                                shared::progress::Status::Completed => "done",
                                                shared::progress::Status::InProgress => "begun",
                                                _ => "",
                                            });
                                            view! {
                                                <li class=class>
                                                    {if locked {
                                                        view! { <span>{tr(locale, &a.title)}</span> }.into_any()
                                                    } else {
                                                        view! { <a href=Page::LearnActivity(id, a.id.clone()).path()>{tr(locale, &a.title)}</a> }.into_any()
                                                    }}
                                                    " "<span class="tag">{activity_kind(locale, a.body.kind())}</span>
                                                    " "<span class="meta">{status}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
