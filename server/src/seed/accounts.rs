//! Demo accounts of every role, in the demo org tree. Demo data only: never seed a real
//! deployment.

use crate::store::Db;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::auth::RoleGrant;
use shared::{Locale, Role};

use super::SeedError;
use crate::entities::user;
use crate::services::directory::{position_id_by_code, unit_id_by_code};
use crate::services::passwords::PasswordHasher;
use crate::services::users::{self, NewUser};

pub struct DemoAccount {
    pub username: &'static str,
    pub password: &'static str,
    pub full_name: &'static str,
    /// Each role with the code of the org unit it is limited to (`None`: everywhere).
    pub roles: &'static [(Role, Option<&'static str>)],
    pub org_unit_code: &'static str,
    pub position_code: Option<&'static str>,
}

/// The demo sign-ins, printed after seeding.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "admin",
        password: "truong-chinh-tri-2026",
        full_name: "Trần Thị Quản Trị",
        roles: &[(Role::Admin, None)],
        org_unit_code: "VN-LCI-TCT",
        position_code: None,
    },
    DemoAccount {
        username: "admin.daklak",
        password: "cao-nguyen-dak-lak",
        full_name: "H'Linh Niê",
        roles: &[(Role::Admin, Some("VN-DLK"))],
        org_unit_code: "VN-DLK-TCT",
        position_code: None,
    },
    DemoAccount {
        username: "gv.lan",
        password: "giang-vien-lao-cai",
        full_name: "Nguyễn Thị Lan",
        roles: &[(Role::Lecturer, None)],
        org_unit_code: "VN-LCI-TCT",
        position_code: None,
    },
    DemoAccount {
        username: "ql.hung",
        password: "quan-ly-bat-xat",
        full_name: "Lò Văn Hùng",
        roles: &[(Role::Supervisor, Some("VN-LCI")), (Role::Learner, None)],
        org_unit_code: "VN-LCI-BATXAT",
        position_code: Some("PARTY_SECRETARY"),
    },
    DemoAccount {
        username: "hv.mai",
        password: "hoc-vien-y-ty",
        full_name: "Giàng Thị Mai",
        roles: &[(Role::Learner, None)],
        org_unit_code: "VN-LCI-YTY",
        position_code: Some("CS_JUSTICE"),
    },
    DemoAccount {
        username: "hv.tuan",
        password: "hoc-vien-ea-kly",
        full_name: "Y Tuấn Êban",
        roles: &[(Role::Learner, None)],
        org_unit_code: "VN-DLK-EAKLY",
        position_code: Some("CS_LAND"),
    },
    DemoAccount {
        username: "hv.thao",
        password: "hoc-vien-phong-dien",
        full_name: "Trần Thị Thảo",
        roles: &[(Role::Learner, None)],
        org_unit_code: "VN-CTO-PHONGDIEN",
        position_code: Some("COMMITTEE_CHAIR"),
    },
];

pub async fn seed(db: &Db, hasher: &PasswordHasher) -> Result<usize, SeedError> {
    let mut added = 0;
    for account in DEMO_ACCOUNTS {
        let exists = user::Entity::find()
            .filter(user::Column::Username.eq(account.username))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        let unit = |code: &'static str| async move {
            unit_id_by_code(db, code)
                .await?
                .ok_or_else(|| SeedError::Missing(format!("org unit {code}")))
        };
        let mut grants = Vec::new();
        for &(role, scope) in account.roles {
            let scope_org_unit_id = match scope {
                Some(code) => Some(unit(code).await?),
                None => None,
            };
            grants.push(RoleGrant {
                role,
                scope_org_unit_id,
            });
        }
        let position_id = match account.position_code {
            Some(code) => Some(
                position_id_by_code(db, code)
                    .await?
                    .ok_or_else(|| SeedError::Missing(format!("position {code}")))?,
            ),
            None => None,
        };
        users::create(
            db,
            hasher,
            NewUser {
                username: account.username.into(),
                full_name: account.full_name.into(),
                password: account.password.into(),
                email: None,
                phone: None,
                org_unit_id: Some(unit(account.org_unit_code).await?),
                position_id,
                grants,
                locale: Locale::Vi,
            },
        )
        .await?;
        added += 1;
    }
    Ok(added)
}
