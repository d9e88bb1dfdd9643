//! CSV export of the accounts an actor may see, in the import format (without passwords),
//! so an exported file can be edited and imported back.

use crate::store::Db;
use std::collections::HashMap;

use sea_orm::{EntityTrait, QueryOrder};
use shared::user_import::COLUMNS;
use uuid::Uuid;

use super::UserError;
use super::search::{summaries, visible_to};
use crate::entities::{org_unit, position, user};
use crate::services::actors::Actor;
use crate::spreadsheet::CsvWriter;

pub async fn export_csv(db: &Db, actor: &Actor) -> Result<String, UserError> {
    let users = visible_to(actor)?
        .order_by_asc(user::Column::SearchKey)
        .all(db)
        .await?;
    let unit_codes: HashMap<Uuid, String> = org_unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.code))
        .collect();
    let position_codes: HashMap<Uuid, String> = position::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.code))
        .collect();
    let code = |map: &HashMap<Uuid, String>, id: Option<Uuid>| {
        id.and_then(|id| map.get(&id).cloned()).unwrap_or_default()
    };

    let write_error = |e: csv::Error| UserError::Database(sea_orm::DbErr::Custom(e.to_string()));
    let mut writer = CsvWriter::new(COLUMNS).map_err(write_error)?;
    for summary in summaries(db, users).await? {
        let roles = summary
            .roles
            .iter()
            .map(|g| match g.scope_org_unit_id {
                Some(scope) => format!("{}@{}", g.role.code(), code(&unit_codes, Some(scope))),
                None => g.role.code().to_owned(),
            })
            .collect::<Vec<_>>()
            .join(";");
        writer
            .row([
                summary.username.as_str(),
                summary.full_name.as_str(),
                summary.email.as_deref().unwrap_or_default(),
                summary.phone.as_deref().unwrap_or_default(),
                code(&unit_codes, summary.org_unit.map(|u| u.id)).as_str(),
                code(&position_codes, summary.position.map(|p| p.id)).as_str(),
                roles.as_str(),
                "",
            ])
            .map_err(write_error)?;
    }
    let bytes = writer.finish().map_err(write_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
