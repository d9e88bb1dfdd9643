//! `/supervise/evidence/import`: paste results from paper tests or an earlier system as CSV,
//! see what would be added (or every problem by line), then confirm. Each step is a plain
//! form post to `POST /api/v1/evidence/import`; the pasted text waits in a draft.
//! Confirming starts a job (`?job=`), which the page follows until it ends.

use crate::components::{ProblemList, job_state, loaded, signed_in};
use leptos::prelude::*;

use crate::text_area::TextArea;
use leptos_router::hooks::use_query_map;
use shared::Locale;
use shared::page::Page;

use super::{ErrorNotice, Outcome, SuperviseNav};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{EvidencePreview, Ports};

#[component]
pub fn EvidenceImportPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let query = use_query_map().get_untracked();
        let id = |name: &str| query.get(name).and_then(|d| uuid::Uuid::parse_str(&d).ok());
        let draft = id("draft");
        if let Some(job) = id("job") {
            return job_page(locale, job);
        }
        view! {
        <h1>{t(locale, Text::ImportEvidence)}</h1>
        <SuperviseNav/>
        <Outcome/>
        <ErrorNotice/>
        <p>{t(locale, Text::EvidenceImportIntro)}</p>
        <pre class="sample">"username,competency,source,phase,level,date,cohort\nhv.mai,CONF,pre_test,before,2,2026-03-02,\nhv.mai,CONF,supervisor,follow_up_90,4,2026-08-01,"</pre>
        <p><small>{t(locale, Text::ImportCodes)}</small></p>
        {loaded(locale, move |ports: Ports| async move {
            let preview = match draft {
                Some(draft) => Some(ports.supervise.import_preview(draft).await?),
                None => None,
            };
            let csv = preview.as_ref().map(|p| p.csv.clone()).unwrap_or_default();
            Ok(view! {
                {preview.map(|p| outcome(locale, p, draft))}
                <form class="stacked" method="post" action="/api/v1/evidence/import">
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
        <h1>{t(locale, Text::ImportEvidence)}</h1>
        <SuperviseNav/>
        {loaded(locale, move |ports: Ports| async move {
            let job = ports.jobs.job(job, locale).await?;
            let done = match job.evidence.clone() {
                Some(report) => view! {
                    <p data-testid="import-counts">
                        {t(locale, Text::Rows)} ": " {report.rows} " · "
                        {t(locale, Text::Added)} ": " {report.added} " · "
                        {t(locale, Text::AlreadyPresent)} ": " {report.already_present}
                    </p>
                }
                .into_any(),
                None => ().into_any(),
            };
            Ok(job_state(locale, job, done, Page::SuperviseEvidenceImport.path()))
        })}
    }
    .into_any()
}

fn outcome(locale: Locale, preview: EvidencePreview, draft: Option<uuid::Uuid>) -> AnyView {
    match preview.outcome {
        Err(problems) => view! {
            <div class="notice error" role="alert">
                <p>{t(locale, Text::EvidenceImportProblems)}</p>
                <ProblemList locale problems/>
            </div>
        }
        .into_any(),
        Ok(report) => view! {
            <p data-testid="import-counts">
                {t(locale, Text::Rows)} ": " {report.rows} " · "
                {t(locale, Text::WouldAdd)} ": " {report.added} " · "
                {t(locale, Text::AlreadyPresent)} ": " {report.already_present}
            </p>
            {draft.map(|draft| view! {
                <form method="post" action="/api/v1/evidence/import">
                    <FormToken/>
                    <input type="hidden" name="draft_id" value=draft.to_string()/>
                    <input type="hidden" name="csv" value=""/>
                    <button type="submit">{t(locale, Text::ConfirmImport)}</button>
                </form>
            })}
        }
        .into_any(),
    }
}
