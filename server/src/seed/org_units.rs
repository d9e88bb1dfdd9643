//! A demo org tree: three provinces in three regions. Lào Cai and Cần Thơ use the 2025
//! two-tier shape (province > commune); Đắk Lắk keeps a district level, to show that the
//! tree's depth is free.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use shared::directory::OrgUnitKind::{self, Commune, District, Institution, National, Province};
use uuid::Uuid;

use crate::entities::org_unit;

/// (code, parent code, name, kind, region).
pub(super) type Unit = (
    &'static str,
    Option<&'static str>,
    &'static str,
    OrgUnitKind,
    Option<&'static str>,
);

/// Parents come before their children.
const UNITS: &[Unit] = &[
    ("VN", None, "Việt Nam", National, None),
    (
        "VN-LCI",
        Some("VN"),
        "Tỉnh Lào Cai",
        Province,
        Some("Tây Bắc"),
    ),
    (
        "VN-LCI-TCT",
        Some("VN-LCI"),
        "Trường Chính trị tỉnh Lào Cai",
        Institution,
        None,
    ),
    ("VN-LCI-BATXAT", Some("VN-LCI"), "Xã Bát Xát", Commune, None),
    ("VN-LCI-YTY", Some("VN-LCI"), "Xã Y Tý", Commune, None),
    ("VN-LCI-SAPA", Some("VN-LCI"), "Phường Sa Pa", Commune, None),
    ("VN-LCI-BACHA", Some("VN-LCI"), "Xã Bắc Hà", Commune, None),
    (
        "VN-DLK",
        Some("VN"),
        "Tỉnh Đắk Lắk",
        Province,
        Some("Tây Nguyên"),
    ),
    (
        "VN-DLK-TCT",
        Some("VN-DLK"),
        "Trường Chính trị tỉnh Đắk Lắk",
        Institution,
        None,
    ),
    (
        "VN-DLK-KRONGPAC",
        Some("VN-DLK"),
        "Huyện Krông Pắc",
        District,
        None,
    ),
    (
        "VN-DLK-EAKLY",
        Some("VN-DLK-KRONGPAC"),
        "Xã Ea Kly",
        Commune,
        None,
    ),
    (
        "VN-DLK-EAPHE",
        Some("VN-DLK-KRONGPAC"),
        "Xã Ea Phê",
        Commune,
        None,
    ),
    (
        "VN-DLK-BUONDON",
        Some("VN-DLK"),
        "Xã Buôn Đôn",
        Commune,
        None,
    ),
    (
        "VN-CTO",
        Some("VN"),
        "Thành phố Cần Thơ",
        Province,
        Some("Đồng bằng sông Cửu Long"),
    ),
    (
        "VN-CTO-TTBD",
        Some("VN-CTO"),
        "Trung tâm Bồi dưỡng cán bộ Cần Thơ",
        Institution,
        None,
    ),
    (
        "VN-CTO-NINHKIEU",
        Some("VN-CTO"),
        "Phường Ninh Kiều",
        Commune,
        None,
    ),
    (
        "VN-CTO-PHONGDIEN",
        Some("VN-CTO"),
        "Xã Phong Điền",
        Commune,
        None,
    ),
    (
        "VN-CTO-THOILAI",
        Some("VN-CTO"),
        "Xã Thới Lai",
        Commune,
        None,
    ),
];

/// Adds the units that are missing; returns how many were added.
pub async fn seed(db: &Db) -> Result<usize, DbErr> {
    add_missing(db, UNITS).await
}

/// Adds those of `units` (code, parent code, name, kind, region; parents first) that are
/// missing; how many were added.
pub(super) async fn add_missing(db: &Db, units: &[Unit]) -> Result<usize, DbErr> {
    let mut added = 0;
    for &(code, parent_code, name, kind, region) in units {
        let existing = org_unit::Entity::find()
            .filter(org_unit::Column::Code.eq(code))
            .one(db)
            .await?;
        if existing.is_some() {
            continue;
        }
        let parent = match parent_code {
            Some(parent_code) => {
                org_unit::Entity::find()
                    .filter(org_unit::Column::Code.eq(parent_code))
                    .one(db)
                    .await?
            }
            None => None,
        };
        let id = Uuid::new_v4();
        let path = format!("{}{id}/", parent.as_ref().map_or("/", |p| p.path.as_str()));
        org_unit::ActiveModel {
            id: Set(id),
            parent_id: Set(parent.map(|p| p.id)),
            code: Set(code.into()),
            name: Set(name.into()),
            kind: Set(kind.code().into()),
            region: Set(region.map(Into::into)),
            path: Set(path),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await?;
        added += 1;
    }
    Ok(added)
}
