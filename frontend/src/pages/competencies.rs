//! `/competencies`: the competency framework (scale and competencies by group), for every
//! signed-in user, in the page's language.

use leptos::prelude::*;

use crate::text_area::TextArea;
use shared::Locale;
use shared::competency::{CompetencyKind, Framework};

use crate::components::ScrollRegion;
use crate::components::loaded;
use crate::components::{DeleteButton, FormOutcome, query, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale, use_viewer};

use crate::ports::Ports;
use leptos_router::hooks::use_query_map;

fn kind_label(locale: Locale, kind: CompetencyKind) -> &'static str {
    t(
        locale,
        match kind {
            CompetencyKind::Knowledge => Text::KindKnowledge,
            CompetencyKind::Skill => Text::KindSkill,
            CompetencyKind::Attitude => Text::KindAttitude,
            CompetencyKind::Digital => Text::KindDigital,
        },
    )
}

/// Picks the wording of `locale` from a Vietnamese/English pair.
fn pick(locale: Locale, vi: &str, en: &str) -> String {
    if locale == Locale::En {
        en.to_owned()
    } else {
        vi.to_owned()
    }
}

#[component]
pub fn CompetenciesPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let national_admin = use_viewer().me.is_some_and(|me| {
            me.roles
                .iter()
                .any(|g| g.role == shared::Role::Admin && g.scope_org_unit_id.is_none())
        });
        let detail = use_query_map()
            .get_untracked()
            .get("detail")
            .unwrap_or_default();
        view! {
        <FormOutcome/>
        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}
        {loaded(locale, move |ports: Ports| async move {
                    Ok(match ports.admin.frameworks().await? {
                        frameworks if frameworks.is_empty() => view! {
                            <h1>{t(locale, Text::Competencies)}</h1>
                            <p class="empty">{t(locale, Text::NoFrameworks)}</p>
                        }
                        .into_any(),
                        frameworks => frameworks.into_iter().map(|f| framework(locale, f, national_admin)).collect_view().into_any(),
                    })
        })}
        {national_admin.then(|| view! {
            <h2>{t(locale, Text::NewFrameworkVersion)}</h2>
            <form class="stacked" method="post" action="/api/v1/competency-frameworks/import">
                <FormToken/>
                <label for="code">{t(locale, Text::Code)}</label>
                <input id="code" name="code" required value=query("code")/>
                <label for="name_vi">{t(locale, Text::NameVi)}</label>
                <input id="name_vi" name="name_vi" required lang="vi" value=query("name_vi")/>
                <label for="name_en">{t(locale, Text::NameEn)}</label>
                <input id="name_en" name="name_en" lang="en" value=query("name_en")/>
                <label for="csv">{t(locale, Text::FrameworkCsv)}</label>
                <TextArea value={query("csv")} {..} id="csv" name="csv" rows="10" class="mono" required=true/>
                <small>{t(locale, Text::FrameworkCsvHint)}</small>
                <button type="submit" class="primary">{t(locale, Text::NewFrameworkVersion)}</button>
            </form>
        })}
    }
    .into_any()
    })
}

fn framework(locale: Locale, f: Framework, national_admin: bool) -> impl IntoView + use<> {
    let id = f.id;
    let mut groups: Vec<(String, Vec<_>)> = Vec::new();
    for c in f.competencies {
        let group = pick(locale, &c.group_vi, &c.group_en);
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, list)) => list.push(c),
            None => groups.push((group, vec![c])),
        }
    }
    view! {
        <h1>{pick(locale, &f.name_vi, &f.name_en)}</h1>
        <p>{t(locale, Text::VersionLabel)} " " {f.version} " · " <code>{f.code.clone()}</code>
            " · " <a href=format!("/api/v1/competency-frameworks/{id}/export.csv") download="">{t(locale, Text::ExportCsv)}</a></p>
        {national_admin.then(|| view! {
            <DeleteButton action=format!("/api/v1/competency-frameworks/{id}/delete") what=format!("{} v{}", f.code, f.version)/>
        })}
        {groups.into_iter().map(|(group, list)| view! {
            <h2>{group}</h2>
            <ul class="competencies">
                {list.into_iter().map(|c| view! {
                    <li>
                        <code>{c.code}</code> " " <strong>{pick(locale, &c.name_vi, &c.name_en)}</strong>
                        " · " {kind_label(locale, c.kind)}
                    </li>
                }).collect_view()}
            </ul>
        }).collect_view()}
        <h2>{t(locale, Text::ProficiencyScale)}</h2>
        <ScrollRegion label=t(locale, Text::ProficiencyScale)><table>
            <thead><tr>
                <th scope="col" class="num">{t(locale, Text::LevelColumn)}</th>
                <th scope="col">{t(locale, Text::Name)}</th>
                <th scope="col">{t(locale, Text::DescriptorColumn)}</th>
                <th scope="col">{t(locale, Text::ProficientColumn)}</th>
            </tr></thead>
            <tbody>
                {f.levels.into_iter().map(|l| {
                    view! {
                        <tr>
                            <td class="num">{l.level}</td>
                            <td>{pick(locale, &l.name_vi, &l.name_en)}</td>
                            <td>{pick(locale, &l.descriptor_vi, &l.descriptor_en)}</td>
                            <td>{l.proficient.then_some("✓")}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></ScrollRegion>
    }
}
