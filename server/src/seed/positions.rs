//! Commune positions (vị trí việc làm), in both languages.

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::position;

const POSITIONS: &[(&str, &str, &str)] = &[
    (
        "PARTY_SECRETARY",
        "Bí thư Đảng ủy xã",
        "Secretary of the commune Party Committee",
    ),
    (
        "PARTY_DEPUTY_SECRETARY",
        "Phó Bí thư Đảng ủy xã",
        "Deputy Secretary of the commune Party Committee",
    ),
    (
        "COUNCIL_CHAIR",
        "Chủ tịch Hội đồng nhân dân xã",
        "Chair of the commune People's Council",
    ),
    (
        "COMMITTEE_CHAIR",
        "Chủ tịch Ủy ban nhân dân xã",
        "Chair of the commune People's Committee",
    ),
    (
        "COMMITTEE_VICE_CHAIR",
        "Phó Chủ tịch Ủy ban nhân dân xã",
        "Vice-chair of the commune People's Committee",
    ),
    (
        "FRONT_CHAIR",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc xã",
        "Chair of the commune Fatherland Front Committee",
    ),
    (
        "YOUTH_SECRETARY",
        "Bí thư Đoàn Thanh niên xã",
        "Secretary of the commune Youth Union",
    ),
    (
        "WOMEN_CHAIR",
        "Chủ tịch Hội Liên hiệp Phụ nữ xã",
        "Chair of the commune Women's Union",
    ),
    (
        "FARMERS_CHAIR",
        "Chủ tịch Hội Nông dân xã",
        "Chair of the commune Farmers' Association",
    ),
    (
        "VETERANS_CHAIR",
        "Chủ tịch Hội Cựu chiến binh xã",
        "Chair of the commune Veterans' Association",
    ),
    (
        "CS_OFFICE",
        "Công chức Văn phòng – Thống kê",
        "Civil servant, Office and Statistics",
    ),
    (
        "CS_LAND",
        "Công chức Địa chính – Xây dựng",
        "Civil servant, Land Administration and Construction",
    ),
    (
        "CS_FINANCE",
        "Công chức Tài chính – Kế toán",
        "Civil servant, Finance and Accounting",
    ),
    (
        "CS_JUSTICE",
        "Công chức Tư pháp – Hộ tịch",
        "Civil servant, Justice and Civil Status",
    ),
    (
        "CS_CULTURE",
        "Công chức Văn hóa – Xã hội",
        "Civil servant, Culture and Social Affairs",
    ),
];

pub async fn seed(db: &Db) -> Result<usize, DbErr> {
    let mut added = 0;
    for &(code, name_vi, name_en) in POSITIONS {
        let exists = position::Entity::find()
            .filter(position::Column::Code.eq(code))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        position::ActiveModel {
            id: Set(Uuid::new_v4()),
            code: Set(code.into()),
            name_vi: Set(name_vi.into()),
            name_en: Set(name_en.into()),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await?;
        added += 1;
    }
    Ok(added)
}
