//! `/learn/:cohort`: the course outline with the learner's progress in each activity.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::{Progress, percent, progress};
use crate::i18n::{Text, t};
use crate::layout::{use_locale, use_viewer};
use crate::pages::admin::port_failure;
use crate::pages::author::{kind_label, param, tr};
use crate::ports::{PortError, Ports};

#[component]
pub fn OutlinePage() -> impl IntoView {
    let locale = use_locale();
    let cohort = param("cohort");
    if use_viewer().me.is_none() {
        return view! { <Redirect path=format!("/login?return_to=/learn/{cohort}")/> }.into_any();
    }
    let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    let ports = use_context::<Ports>();
    view! {
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let ports = ports.clone();
                Suspend::new(async move {
                    let Some(ports) = ports else { return port_failure(locale, PortError(shared::ErrorCode::Unavailable)) };
                    let study = match ports.learn.study(id, None).await {
                        Ok(study) => study,
                        Err(e) => return port_failure(locale, e),
                    };
                    let summary = ports.author.markdown(study.package.course.summary.get(locale));
                    view! {
                        <p class="meta"><a href="/learn">{t(locale, Text::Learning)}</a></p>
                        <h1>{tr(locale, &study.package.course.title)}</h1>
                        <p class="meta">{tr(locale, &study.cohort.title)}" · "{format!("{} – {}", study.cohort.starts_on, study.cohort.ends_on)}</p>
                        <div class="prose" inner_html=summary></div>
                        <ol class="outline">
                            {study.package.modules.iter().map(|m| view! {
                                <li><h2>{tr(locale, &m.title)}</h2>
                                    <ol class="activities">
                                        {m.activities.iter().map(|a| {
                                            let status = match progress(&a.body, &a.id, &study.attempts) {
                                                Progress::NotStarted => t(locale, Text::NotStarted).to_owned(),
                                                Progress::Attempted { attempts, best } => format!("{} {attempts} · {} {}", t(locale, Text::AttemptsUsed), t(locale, Text::BestScore), percent(best)),
                                                Progress::Open => String::new(),
                                            };
                                            view! {
                                                <li>
                                                    <a href=format!("/learn/{id}/{}", a.id)>{tr(locale, &a.title)}</a>
                                                    " "<span class="tag">{kind_label(locale, a.body.kind())}</span>
                                                    " "<span class="meta">{status}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                })
            }
        </Suspense>
    }
    .into_any()
}
