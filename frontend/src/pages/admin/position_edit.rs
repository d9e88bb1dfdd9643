//! `/admin/positions/:id`: rename a job position (national administrators).

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;

use super::{AdminNav, FormOutcome, port_failure};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale, use_viewer};
use crate::ports::{PortError, Ports};

#[component]
pub fn PositionEditPage() -> impl IntoView {
    let locale = use_locale();
    if use_viewer().me.is_none() {
        return view! { <Redirect path="/login?return_to=/admin/positions"/> }.into_any();
    }
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| uuid::Uuid::parse_str(&id).ok());
    let ports = use_context::<Ports>();
    view! {
        <AdminNav/>
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let ports = ports.clone();
                Suspend::new(async move {
                    let Some(ports) = ports else { return port_failure(locale, PortError(shared::ErrorCode::Unavailable)) };
                    let positions = match ports.admin.positions().await {
                        Ok(positions) => positions,
                        Err(e) => return port_failure(locale, e),
                    };
                    let Some(position) = id.and_then(|id| positions.into_iter().find(|p| p.id == id)) else {
                        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
                    };
                    view! {
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
                        <p><a href="/admin/positions">{t(locale, Text::BackToList)}</a></p>
                    }
                    .into_any()
                })
            }
        </Suspense>
    }
    .into_any()
}
