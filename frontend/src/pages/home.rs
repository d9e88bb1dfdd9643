//! The home page: what Fieldschool is for, the org units it serves, and a connection check.

use leptos::prelude::*;
use shared::Locale;
use shared::directory::DirectoryOverview;

use crate::components::loaded;
use crate::i18n::{Text, t};
use crate::islands::ConnectionCheck;
use crate::layout::{IslandScripts, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let audiences = [
        (Text::ForLearnersTitle, Text::ForLearnersBody),
        (Text::ForLecturersTitle, Text::ForLecturersBody),
        (Text::ForSupervisorsTitle, Text::ForSupervisorsBody),
    ];
    view! {
        <section class="hero">
            <h1>{t(locale, Text::HomeTitle)}</h1>
            <p>{t(locale, Text::HomeIntro)}</p>
        </section>
        <section class="audiences">
            {audiences
                .into_iter()
                .map(|(title, body)| {
                    view! {
                        <article>
                            <h2>{t(locale, title)}</h2>
                            <p>{t(locale, body)}</p>
                        </article>
                    }
                })
                .collect_view()}
        </section>
        <section class="network" aria-labelledby="network-title">
            <h2 id="network-title">{t(locale, Text::NetworkTitle)}</h2>
            // The network's figures are one section: when they cannot be had, the section
            // says so and the rest of the page stands.
            {loaded(locale, move |ports: Ports| async move {
                Ok(network_view(locale, ports.directory.overview().await))
            })}
        </section>
        <section class="connection" aria-labelledby="connection-title">
            <h2 id="connection-title">{t(locale, Text::ConnectionTitle)}</h2>
            <ConnectionCheck locale/>
            <IslandScripts/>
        </section>
    }
}

fn network_view(locale: Locale, result: Result<DirectoryOverview, PortError>) -> AnyView {
    let overview = match result {
        Ok(overview) => overview,
        Err(_) => {
            return view! { <p class="notice">{t(locale, Text::NetworkUnavailable)}</p> }
                .into_any();
        }
    };
    if overview.provinces.is_empty() {
        return view! { <p class="empty">{t(locale, Text::NetworkEmpty)}</p> }.into_any();
    }
    let rows = overview
        .provinces
        .into_iter()
        .map(|province| {
            view! {
                <tr>
                    <td>{province.name}</td>
                    <td>{province.region.unwrap_or_default()}</td>
                    <td class="num">{province.commune_count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">{t(locale, Text::ProvinceColumn)}</th>
                    <th scope="col">{t(locale, Text::RegionColumn)}</th>
                    <th scope="col" class="num">{t(locale, Text::CommuneCountColumn)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p>
            {t(locale, Text::InstitutionCount)}": "
            <strong data-testid="institution-count">{overview.institution_count}</strong>
        </p>
    }
    .into_any()
}
