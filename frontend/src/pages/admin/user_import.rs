//! `/admin/users/import`: paste CSV, preview what would change, then apply. Each step is
//! a plain form post to `POST /api/v1/users/import`; the pasted text waits in a draft.
//! Applying starts a job (`?job=`): the page follows it, reloading itself every few
//! seconds (no script needed) until it ends, then shows what it did or why it could not.

use leptos::prelude::*;

use crate::text_area::TextArea;
use leptos_router::hooks::use_query_map;
use shared::Locale;
use shared::page::Page;
use shared::user_import::{ImportAction, ImportReport};

use super::{AdminNav, field_label};
use crate::components::ProblemList;
use crate::components::ScrollRegion;
use crate::components::{FormOutcome, job_state, loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{ImportPreview, Ports};

#[component]
pub fn UserImportPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let query = use_query_map().get_untracked();
        let id = |name: &str| query.get(name).and_then(|d| uuid::Uuid::parse_str(&d).ok());
        let draft = id("draft");
        if let Some(job) = id("job") {
            return job_page(locale, job);
        }
        view! {
        <h1>{t(locale, Text::ImportCsv)}</h1>
        <AdminNav/>
        <FormOutcome/>
        <p>{t(locale, Text::ImportIntro)}</p>
        <p><small>{t(locale, Text::ImportColumnsHint)}</small></p>
        {loaded(locale, move |ports: Ports| async move {
            let preview = match draft {
                Some(draft) => Some(ports.admin.import_preview(draft).await?),
                None => None,
            };
            let csv = preview.as_ref().map(|p| p.csv.clone()).unwrap_or_default();
            Ok(view! {
                {preview.map(|p| outcome(locale, p, draft))}
                <form class="stacked" method="post" action="/api/v1/users/import">
                    <FormToken/>
                    <input type="hidden" name="dry_run" value="true"/>
                    <label for="csv">{t(locale, Text::CsvContent)}</label>
                    <TextArea value={csv} {..} id="csv" name="csv" rows="12" required=true spellcheck="false"/>
                    <button type="submit">{t(locale, Text::Preview)}</button>
                </form>
            }
            .into_any())
        })}
    }
    .into_any()
    })
}

/// How an accepted import goes, until it ends.
fn job_page(locale: Locale, job: uuid::Uuid) -> AnyView {
    view! {
        <h1>{t(locale, Text::ImportCsv)}</h1>
        <AdminNav/>
        {loaded(locale, move |ports: Ports| async move {
            let job = ports.jobs.job(job, locale).await?;
            let done = job
                .accounts
                .clone()
                .map(|report| summary(locale, report, None).into_any())
                .unwrap_or_else(|| ().into_any());
            Ok(job_state(locale, job, done, Page::AdminUserImport.path()))
        })}
    }
    .into_any()
}

fn action_label(locale: Locale, action: ImportAction) -> &'static str {
    t(
        locale,
        match action {
            ImportAction::Create => Text::ActionCreate,
            ImportAction::Update => Text::ActionUpdate,
            ImportAction::Unchanged => Text::ActionUnchanged,
        },
    )
}

fn outcome(locale: Locale, preview: ImportPreview, draft: Option<uuid::Uuid>) -> AnyView {
    match preview.outcome {
        Err(problems) => view! {
            <div class="notice error" role="alert">
                <p>{t(locale, Text::ImportProblems)}</p>
                <ProblemList locale problems/>
            </div>
        }
        .into_any(),
        Ok(report) => summary(locale, report, draft).into_any(),
    }
}

fn summary(
    locale: Locale,
    report: ImportReport,
    draft: Option<uuid::Uuid>,
) -> impl IntoView + use<> {
    view! {
        <h2>{t(locale, Text::ImportSummary)}</h2>
        <p data-testid="import-counts">
            {t(locale, Text::ActionCreate)} ": " {report.created} " · "
            {t(locale, Text::ActionUpdate)} ": " {report.updated} " · "
            {t(locale, Text::ActionUnchanged)} ": " {report.unchanged}
        </p>
        <ScrollRegion label=t(locale, Text::ImportSummary)><table>
            <thead><tr>
                <th scope="col">{t(locale, Text::Line)}</th>
                <th scope="col">{t(locale, Text::Username)}</th>
                <th scope="col">{t(locale, Text::Status)}</th>
                <th scope="col">{t(locale, Text::Changes)}</th>
            </tr></thead>
            <tbody>
                {report.rows.into_iter().map(|row| {
                    let changes = row.changes.iter().map(|c| field_label(locale, c)).collect::<Vec<_>>().join(", ");
                    view! {
                        <tr>
                            <td class="num">{row.line}</td>
                            <td>{row.username}</td>
                            <td>{action_label(locale, row.action)}</td>
                            <td>{changes}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></ScrollRegion>
        {draft.map(|draft| view! {
            <form method="post" action="/api/v1/users/import">
                <FormToken/>
                <input type="hidden" name="draft_id" value=draft.to_string()/>
                <input type="hidden" name="dry_run" value="false"/>
                <button type="submit" class="primary">{t(locale, Text::ApplyImport)}</button>
            </form>
        })}
    }
}
