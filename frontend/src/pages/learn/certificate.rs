//! Certificates: the learner's printable page (`/learn/:cohort/certificate`) and the public
//! verification page (`/verify/:code`) anyone can open with the code printed on it.

use leptos::prelude::*;
use shared::learning::Certificate;
use shared::page::Page;

use super::percent;
use crate::components::{loaded, param, port_failure, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

use crate::ports::{PortError, Ports, ResponseStatus};

#[component]
fn CertificateBody(certificate: Certificate) -> impl IntoView {
    let locale = use_locale();
    view! {
        <article class="certificate">
            <p class="issuer">{t(locale, Text::CertificateIssuer)}</p>
            <h1>{t(locale, Text::CertificateTitle)}</h1>
            <p>{t(locale, Text::CertifiesThat)}</p>
            <p class="name">{certificate.learner_name.clone()}</p>
            <p>{t(locale, Text::HasCompleted)}</p>
            <p class="course">{tr(locale, &certificate.course_title)}</p>
            <p class="meta">{tr(locale, &certificate.cohort_title)}" · "{format!("{} – {}", certificate.starts_on, certificate.ends_on)}</p>
            {(!certificate.competencies.is_empty()).then(|| view! {
                <h2>{t(locale, Text::CompetenciesAchieved)}</h2>
                <ul>
                    {certificate.competencies.iter().map(|c| view! {
                        <li>{format!("{} — {} ({})", c.code, tr(locale, &c.name), percent(c.share))}</li>
                    }).collect_view()}
                </ul>
            })}
            <p class="meta">{format!("{}: {}", t(locale, Text::IssuedOn), certificate.issued_on)}</p>
            <p class="meta">{t(locale, Text::VerifyAt)}" "<code>{Page::Verify(certificate.code.clone()).path()}</code></p>
        </article>
    }
}

#[component]
pub fn CertificatePage() -> impl IntoView {
    let locale = use_locale();
    let cohort = param("cohort");
    signed_in(move |_| {
        let Ok(id) = uuid::Uuid::parse_str(&cohort) else {
            return port_failure(locale, PortError(shared::ErrorCode::NotFound));
        };
        view! {
        {loaded(locale, move |ports: Ports| async move {
            let certificate = ports.learn.certificate(id).await?;
            Ok(view! {
                <p class="meta no-print"><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
                <CertificateBody certificate/>
            }
            .into_any())
        })}
    }
    .into_any()
    })
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let locale = use_locale();
    let code = param("code");
    loaded(locale, move |ports: Ports| async move {
        Ok(match ports.learn.verify(&code).await {
            Ok(certificate) => view! {
                <p class="notice ok no-print" role="status">{t(locale, Text::CertificateValid)}</p>
                <CertificateBody certificate/>
            }
            .into_any(),
            // A code nobody issued gets its own words, not the general "page not found".
            Err(PortError(shared::ErrorCode::NotFound)) => {
                if let Some(ResponseStatus(set)) = use_context::<ResponseStatus>() {
                    set(404);
                }
                view! {
                    <h1>{t(locale, Text::CertificateNotFoundTitle)}</h1>
                    <p class="notice error" role="alert">{t(locale, Text::CertificateNotFound)}</p>
                }
                .into_any()
            }
            Err(e) => return Err(e),
        })
    })
}
