//! `/admin/users/:id`: one account; for those who manage it, edit, disable or enable
//! (after a confirmation step) and password reset.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::page::Page;
use shared::users::UserSummary;
use shared::{Locale, Role};

use super::AdminNav;
use super::user_new::{position_options, role_boxes, unit_options};
use crate::components::{FormOutcome, loaded, role_name, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |me| {
        let id = use_params_map()
            .get_untracked()
            .get("id")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok());
        let confirm_disable =
            use_query_map().get_untracked().get("confirm").as_deref() == Some("disable");
        let can_manage = me.has_role(Role::Admin);
        view! {
        <AdminNav/>
        {loaded(locale, move |ports: Ports| async move {
                    let id = id.ok_or(PortError(shared::ErrorCode::NotFound))?;
                    let user = ports.admin.user(id).await?;
                    if !can_manage {
                        return Ok(details(locale, &user).into_any());
                    }
                    let units = ports.admin.org_units().await?;
                    let positions = ports.admin.positions().await?;
                    let action = format!("/api/v1/users/{}", user.id);
                    let unit = user.org_unit.as_ref().map(|u| u.id.to_string()).unwrap_or_default();
                    let position = user.position.as_ref().map(|p| p.id.to_string()).unwrap_or_default();
                    let roles: Vec<Role> = user.roles.iter().map(|g| g.role).collect();
                    Ok(view! {
                        {details(locale, &user)}
                        <h2>{t(locale, Text::EditAccount)}</h2>
                        <form class="stacked" method="post" action=action.clone()>
                            <FormToken/>
                            <label for="full_name">{t(locale, Text::FullName)}</label>
                            <input id="full_name" name="full_name" required value=user.full_name.clone()/>
                            <label for="email">{t(locale, Text::Email)}</label>
                            <input id="email" name="email" type="email" value=user.email.clone().unwrap_or_default()/>
                            <label for="phone">{t(locale, Text::Phone)}</label>
                            <input id="phone" name="phone" type="tel" value=user.phone.clone().unwrap_or_default()/>
                            <label for="org_unit_id">{t(locale, Text::OrgUnit)}</label>
                            <select id="org_unit_id" name="org_unit_id">
                                <option value="">{t(locale, Text::NoneChoice)}</option>
                                {unit_options(&units, &unit)}
                            </select>
                            <label for="position_id">{t(locale, Text::Position)}</label>
                            <select id="position_id" name="position_id">
                                <option value="">{t(locale, Text::NoneChoice)}</option>
                                {position_options(locale, &positions, &position)}
                            </select>
                            <fieldset>
                                <legend>{t(locale, Text::Roles)}</legend>
                                {role_boxes(locale, &roles)}
                            </fieldset>
                            <button type="submit" class="primary">{t(locale, Text::Save)}</button>
                        </form>
                        {status_controls(locale, &user, confirm_disable)}
                        <h2>{t(locale, Text::ResetPasswordTitle)}</h2>
                        <form class="stacked" method="post" action=format!("{action}/password")>
                            <FormToken/>
                            <p>{t(locale, Text::ResetPasswordHint)}</p>
                            <label for="new_password">{t(locale, Text::NewPassword)}</label>
                            <input id="new_password" name="new_password" type="password" required minlength="8"
                                maxlength="128" autocomplete="new-password"/>
                            <button type="submit">{t(locale, Text::ResetPasswordTitle)}</button>
                        </form>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}

fn details(locale: Locale, user: &UserSummary) -> impl IntoView + use<> {
    let roles = user
        .roles
        .iter()
        .map(|g| role_name(locale, g.role))
        .collect::<Vec<_>>()
        .join(", ");
    let status = if user.disabled {
        t(locale, Text::Disabled)
    } else {
        t(locale, Text::Active)
    };
    view! {
        <h1>{user.full_name.clone()}</h1>
        <FormOutcome/>
        <dl class="facts">
            <dt>{t(locale, Text::Username)}</dt><dd>{user.username.clone()}</dd>
            <dt>{t(locale, Text::OrgUnit)}</dt><dd>{user.org_unit.as_ref().map(|o| o.name.clone()).unwrap_or_default()}</dd>
            <dt>{t(locale, Text::Position)}</dt><dd>{user.position.as_ref().map(|p| p.name.clone()).unwrap_or_default()}</dd>
            <dt>{t(locale, Text::Roles)}</dt><dd>{roles}</dd>
            <dt>{t(locale, Text::Status)}</dt><dd data-testid="status">{status}</dd>
        </dl>
        <p><a href=Page::AdminUsers.path()>{t(locale, Text::BackToList)}</a></p>
    }
}

/// Disabling asks first (a page step, so it works without scripts); enabling does not.
fn status_controls(locale: Locale, user: &UserSummary, confirming: bool) -> AnyView {
    let base = format!("/api/v1/users/{}", user.id);
    if user.disabled {
        return view! {
            <form method="post" action=format!("{base}/enable")>
                <FormToken/>
                <button type="submit">{t(locale, Text::EnableAccount)}</button>
            </form>
        }
        .into_any();
    }
    if !confirming {
        return view! {
            <p><a class="danger" href=Page::AdminUser(user.id).address().with("confirm", "disable").to_string()>{t(locale, Text::DisableAccount)}</a></p>
        }
        .into_any();
    }
    view! {
        <div class="notice error" role="alert">
            <p>{t(locale, Text::DisableWarning)}</p>
            <form method="post" action=format!("{base}/disable")>
                <FormToken/>
                <button type="submit" class="danger">{t(locale, Text::ConfirmDisable)}</button>
                " "
                <a href=Page::AdminUser(user.id).path()>{t(locale, Text::Cancel)}</a>
            </form>
        </div>
    }
    .into_any()
}
