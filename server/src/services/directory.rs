//! Reading the org tree.

use crate::store::Db;
use sea_orm::{
    ColumnTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, Statement,
};
use shared::directory::{DirectoryOverview, OrgUnitKind, ProvinceSummary};
use uuid::Uuid;

use crate::entities::{org_unit, position};

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error("database error while reading the org tree: {0}")]
    Database(#[from] DbErr),
}

#[derive(Debug, FromQueryResult)]
struct CommuneCount {
    id: Uuid,
    communes: i64,
}

/// Provinces (sorted by name, ignoring diacritics) with the communes anywhere below them,
/// and the number of training institutions.
pub async fn overview(db: &Db) -> Result<DirectoryOverview, DirectoryError> {
    let provinces = org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(OrgUnitKind::Province.code()))
        .all(db)
        .await?;
    // One grouped query over the materialised paths: a commune belongs to a province when
    // its path starts with the province's path, at any depth.
    let counts = CommuneCount::find_by_statement(Statement::from_string(
        db.conn.get_database_backend(),
        "SELECT p.id AS id, COUNT(c.id) AS communes \
         FROM org_units p JOIN org_units c \
           ON c.kind = 'commune' AND c.path LIKE p.path || '%' \
         WHERE p.kind = 'province' GROUP BY p.id",
    ))
    .all(db)
    .await?;
    let institution_count = org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(OrgUnitKind::Institution.code()))
        .count(db)
        .await?;

    let mut summaries: Vec<ProvinceSummary> = provinces
        .into_iter()
        .map(|p| ProvinceSummary {
            commune_count: counts
                .iter()
                .find(|c| c.id == p.id)
                .map_or(0, |c| u64::try_from(c.communes).unwrap_or(0)),
            id: p.id,
            name: p.name,
            region: p.region,
        })
        .collect();
    summaries.sort_by_cached_key(|p| (shared::text::fold(&p.name), p.name.clone()));
    Ok(DirectoryOverview {
        provinces: summaries,
        institution_count,
    })
}

/// The id of the org unit with this code.
pub async fn unit_id_by_code(db: &Db, code: &str) -> Result<Option<Uuid>, DbErr> {
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code.trim()))
        .one(db)
        .await?
        .map(|u| u.id))
}

/// The id of the position with this code.
pub async fn position_id_by_code(db: &Db, code: &str) -> Result<Option<Uuid>, DbErr> {
    Ok(position::Entity::find()
        .filter(position::Column::Code.eq(code.trim()))
        .one(db)
        .await?
        .map(|p| p.id))
}
