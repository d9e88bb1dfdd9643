//! `/admin/positions/:id`: rename a job position and set the competency levels it
//! requires (national administrators).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::page::Page;

use super::AdminNav;
use crate::components::{FormOutcome, loaded, query, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn PositionEditPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let id = use_params_map()
            .get_untracked()
            .get("id")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok());
        view! {
        <AdminNav/>
        {loaded(locale, move |ports: Ports| async move {
                    let positions = ports.admin.positions().await?;
                    let Some(position) = id.and_then(|id| positions.into_iter().find(|p| p.id == id)) else {
                        return Err(PortError(shared::ErrorCode::NotFound));
                    };
                    Ok(view! {
                        <h1>{position.name_vi.clone()}</h1>
                        <FormOutcome/>
                        <form class="stacked" method="post" action=format!("/api/v1/positions/{}", position.id)>
                            <FormToken/>
                            <label for="code">{t(locale, Text::Code)}</label>
                            <input id="code" name="code" required pattern="[A-Z0-9_]+" value=position.code.clone()/>
                            <label for="name_vi">{t(locale, Text::NameVi)}</label>
                            <input id="name_vi" name="name_vi" required lang="vi" value=position.name_vi.clone()/>
                            <label for="name_en">{t(locale, Text::NameEn)}</label>
                            <input id="name_en" name="name_en" required lang="en" value=position.name_en.clone()/>
                            <button type="submit" class="primary">{t(locale, Text::Save)}</button>
                        </form>
                        <ProfileForm position=position.id/>
                        <p><a href=Page::AdminPositions.path()>{t(locale, Text::BackToList)}</a></p>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}

/// The levels the position requires in the newest framework version (0: not required).
#[component]
fn ProfileForm(position: uuid::Uuid) -> impl IntoView {
    let locale = use_locale();
    loaded(locale, move |ports: Ports| async move {
        let frameworks = ports.admin.frameworks().await?;
        let profile = ports.admin.position_profile(position).await?;
        let chosen = query("framework");
        let others: Vec<(uuid::Uuid, String)> = frameworks
            .iter()
            .map(|f| (f.id, format!("{} v{}", f.code, f.version)))
            .collect();
        let index = frameworks
            .iter()
            .position(|f| f.id.to_string() == chosen)
            .unwrap_or(0);
        let Some(framework) = frameworks.into_iter().nth(index) else {
            return Ok(view! {
                <h2>{t(locale, Text::PositionProfile)}</h2>
                <p class="empty">{t(locale, Text::NoFrameworks)}</p>
            }
            .into_any());
        };
        let top = framework.levels.iter().map(|l| l.level).max().unwrap_or(0);
        let vi = locale == shared::Locale::Vi;
        Ok(view! {
            <h2>{t(locale, Text::PositionProfile)}</h2>
            <p class="meta">{format!("{} v{}", framework.code, framework.version)}
                {(others.len() > 1).then(|| others.into_iter().map(|(id, name)| view! {
                    " · " <a href=format!("?framework={id}")>{name}</a>
                }).collect_view())}
            </p>
            <form class="stacked" method="post" action=format!("/api/v1/positions/{position}/profile")>
                <FormToken/>
                <input type="hidden" name="framework_id" value=framework.id.to_string()/>
                {framework.competencies.into_iter().map(|c| {
                    let current = profile.requirements.iter().find(|r| r.competency_id == c.id).map_or(0, |r| r.required_level);
                    let id = format!("level-{}", c.code);
                    view! {
                        <label for=id.clone()>{format!("{} — {}", c.code, if vi { c.name_vi } else { c.name_en })}</label>
                        <select id=id name=format!("level.{}", c.code)>
                            {(0..=top).map(|l| view! {
                                <option value=l.to_string() selected=l == current>{if l == 0 { t(locale, Text::NotRequired).to_owned() } else { l.to_string() }}</option>
                            }).collect_view()}
                        </select>
                    }
                }).collect_view()}
                <button type="submit">{t(locale, Text::Save)}</button>
            </form>
        }
        .into_any())
    })
}
