//! Certificates: the learner's printable page (`/learn/:cohort/certificate`) and the public
//! verification page (`/verify/:code`) anyone can open with the code printed on it.

use leptos::prelude::*;
use shared::learning::{AchievedCompetency, Certificate};
use shared::page::Page;

use super::percent;
use crate::components::{QrCode, loaded, param, port_failure, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::use_locale;

use crate::ports::{PortError, Ports, ResponseStatus, SiteOrigin};

/// The level reached on a competency: "Mức 3/5 — Vận dụng (đạt chuẩn)"; the share of
/// marks on certificates issued before levels were printed.
fn level_text(locale: shared::Locale, c: &AchievedCompetency) -> String {
    match &c.level {
        Some(l) => {
            let mark = if l.proficient {
                format!(" ({})", t(locale, Text::ProficientMark))
            } else {
                String::new()
            };
            format!(
                "{} {}/{} — {}{mark}",
                t(locale, Text::LevelOf),
                l.level,
                l.of,
                tr(locale, &l.name)
            )
        }
        None => percent(c.share),
    }
}

/// The certificate as it is shown and printed (one A4 page in landscape): the institution,
/// the learner, the course and its dates, the level reached on each competency the
/// post-test assessed, a place for signature and seal, and the verification address with
/// its QR code.
#[component]
fn CertificateBody(certificate: Certificate) -> impl IntoView {
    let locale = use_locale();
    let origin = use_context::<SiteOrigin>().unwrap_or_default().0;
    let address = format!("{origin}{}", Page::Verify(certificate.code.clone()).path());
    view! {
        <article class="certificate">
            <p class="issuer">{certificate.issuer.clone().unwrap_or_else(|| t(locale, Text::CertificateIssuer).to_owned())}</p>
            <h1>{t(locale, Text::CertificateTitle)}</h1>
            <p>{t(locale, Text::CertifiesThat)}</p>
            <p class="name">{certificate.learner_name.clone()}</p>
            <p>{t(locale, Text::HasCompleted)}</p>
            <p class="course">{tr(locale, &certificate.course_title)}</p>
            <p class="meta">{tr(locale, &certificate.cohort_title)}" · "{format!("{} – {}", certificate.starts_on, certificate.ends_on)}</p>
            {(!certificate.competencies.is_empty()).then(|| view! {
                <table class="levels" data-testid="levels">
                    <caption>{t(locale, Text::CompetenciesAchieved)}</caption>
                    <thead><tr>
                        <th scope="col">{t(locale, Text::Competency)}</th>
                        <th scope="col">{t(locale, Text::LevelReached)}</th>
                    </tr></thead>
                    <tbody>
                    {certificate.competencies.iter().map(|c| view! {
                        <tr>
                            <th scope="row">{format!("{} — {}", c.code, tr(locale, &c.name))}</th>
                            <td>{level_text(locale, c)}</td>
                        </tr>
                    }).collect_view()}
                    </tbody>
                </table>
            })}
            <div class="closing">
                <div class="verify">
                    <QrCode text=address.clone() label=t(locale, Text::CertificateQr)/>
                    <p class="meta">{t(locale, Text::VerifyAt)}<br/><span class="address">{address}</span></p>
                    <p class="meta">{t(locale, Text::CertificateNumber)}": "<code>{certificate.code.clone()}</code></p>
                </div>
                <div class="signature">
                    <p class="meta">{format!("{}: {}", t(locale, Text::IssuedOn), certificate.issued_on)}</p>
                    <p class="title">{t(locale, Text::SignatureTitle)}</p>
                    <p class="meta">{t(locale, Text::SignatureNote)}</p>
                </div>
            </div>
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
