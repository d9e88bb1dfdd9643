//! `/admin/users/import`: paste CSV, preview what would change, then apply. Each step is
//! a plain form post to `POST /api/v1/users/import`; the pasted text waits in a draft.

use leptos::prelude::*;

use crate::text_area::TextArea;
use leptos_router::hooks::use_query_map;
use shared::Locale;
use shared::user_import::{ImportAction, ImportReport};

use super::{AdminNav, field_label};
use crate::components::ProblemList;
use crate::components::{FormOutcome, port_failure};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, SignInFirst, use_locale, use_viewer};
use crate::ports::{ImportPreview, Ports};

#[component]
pub fn UserImportPage() -> impl IntoView {
    let locale = use_locale();
    if use_viewer().me.is_none() {
        return view! { <SignInFirst/> }.into_any();
    }
    let draft = use_query_map()
        .get_untracked()
        .get("draft")
        .and_then(|d| uuid::Uuid::parse_str(&d).ok());
    let ports = use_context::<Ports>();
    view! {
        <h1>{t(locale, Text::ImportCsv)}</h1>
        <AdminNav/>
        <FormOutcome/>
        <p>{t(locale, Text::ImportIntro)}</p>
        <p><small>{t(locale, Text::ImportColumnsHint)}</small></p>
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let ports = ports.clone();
                Suspend::new(async move {
                    let preview = match (draft, ports) {
                        (Some(draft), Some(ports)) => match ports.admin.import_preview(draft).await {
                            Ok(preview) => Some(preview),
                            Err(e) => return port_failure(locale, e),
                        },
                        _ => None,
                    };
                    let csv = preview.as_ref().map(|p| p.csv.clone()).unwrap_or_default();
                    view! {
                        {preview.map(|p| outcome(locale, p, draft))}
                        <form class="stacked" method="post" action="/api/v1/users/import">
                            <FormToken/>
                            <input type="hidden" name="dry_run" value="true"/>
                            <label for="csv">{t(locale, Text::CsvContent)}</label>
                            <TextArea value={csv} {..} id="csv" name="csv" rows="12" required=true spellcheck="false"/>
                            <button type="submit">{t(locale, Text::Preview)}</button>
                        </form>
                    }
                    .into_any()
                })
            }
        </Suspense>
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
        <table>
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
        </table>
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
