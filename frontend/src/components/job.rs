//! How an accepted import goes: waiting, then how far (`done` of `total`, as a
//! `<progress>`), reloading the page every three seconds without any script until the job
//! ends; then what it did (the caller's `done` view) or why nothing was changed.

use leptos::prelude::*;
use leptos_meta::Meta;
use shared::Locale;
use shared::jobs::{Job, JobKind, JobState};

use super::place;
use crate::i18n::{Text, t};

/// What a job of `kind` says while it runs, beside its progress, and once done.
fn words(kind: JobKind) -> (Text, Text, Text) {
    match kind {
        JobKind::UserImport => (
            Text::ImportJobRunning,
            Text::ImportJobProgress,
            Text::ImportJobDone,
        ),
        JobKind::EvidenceImport => (
            Text::EvidenceJobRunning,
            Text::EvidenceJobProgress,
            Text::ImportJobDone,
        ),
        JobKind::PackageImport => (
            Text::PackageJobRunning,
            Text::PackageJobProgress,
            Text::PackageJobDone,
        ),
    }
}

/// The job's state; `done` says what it did once done; `again` is the page to import
/// another file from.
pub fn job_state(locale: Locale, job: Job, done: AnyView, again: String) -> AnyView {
    let another = view! { <p><a href=again>{t(locale, Text::ImportAnother)}</a></p> };
    let (running, progress, finished) = words(job.kind);
    match job.state {
        JobState::Queued | JobState::Running => {
            let (said, done) = match job.state {
                JobState::Queued => (Text::ImportJobQueued, 0),
                _ => (running, job.done),
            };
            let total = job.total;
            view! {
                <Meta http_equiv="refresh" content="3"/>
                <div class="notice" role="status" data-testid="job-state" data-state=job.state.code()>
                    <p>{t(locale, said)}</p>
                    <p>
                        <label for="job-progress">{t(locale, progress)}": "</label>
                        <progress id="job-progress" value=done max=total.max(1)>{done}" / "{total}</progress>
                        " " {done} " / " {total}
                    </p>
                    <p><small>{t(locale, Text::ImportJobMayLeave)}</small></p>
                </div>
            }
            .into_any()
        }
        JobState::Done => view! {
            <div class="notice success" role="status" data-testid="job-state" data-state="done">
                <p>{t(locale, finished)}</p>
            </div>
            {done}
            {another}
        }
        .into_any(),
        JobState::Failed => view! {
            <div class="notice error" role="alert" data-testid="job-state" data-state="failed">
                <p>{t(locale, Text::ImportJobFailed)}</p>
                <ul data-testid="import-problems">
                    {job.problems.into_iter().map(|p| view! {
                        <li><strong>{place(locale, p.line, &p.field)}</strong>": " {p.message}</li>
                    }).collect_view()}
                </ul>
            </div>
            {another}
        }
        .into_any(),
    }
}
