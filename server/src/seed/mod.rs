//! `seed-demo`: realistic, bilingual demo data. Idempotent: rows are found by their
//! stable code (or username) and only missing ones are added, so running it again changes
//! nothing. Later capabilities add their own demo data here.

mod org_units;
mod positions;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use shared::{Locale, Role};

use crate::entities::user;
use crate::services::passwords::PasswordHasher;
use crate::services::users::{self, NewUser, UserError};

/// The demo sign-ins, printed after seeding. Demo data only: never seed a real deployment.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[DemoAccount {
    username: "admin",
    password: "truong-chinh-tri-2026",
    full_name: "Trần Thị Quản Trị",
    roles: &[Role::Admin],
    org_unit_code: "VN-LCI-TCT",
}];

pub struct DemoAccount {
    pub username: &'static str,
    pub password: &'static str,
    pub full_name: &'static str,
    pub roles: &'static [Role],
    pub org_unit_code: &'static str,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub org_units_added: usize,
    pub positions_added: usize,
    pub users_added: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database error while seeding: {0}")]
    Database(#[from] DbErr),
    #[error("could not create a demo user: {0}")]
    User(#[from] UserError),
}

pub async fn seed_demo(
    db: &DatabaseConnection,
    hasher: &PasswordHasher,
) -> Result<SeedReport, SeedError> {
    let org_units_added = org_units::seed(db).await?;
    let positions_added = positions::seed(db).await?;
    let mut users_added = 0;
    for account in DEMO_ACCOUNTS {
        let exists = user::Entity::find()
            .filter(user::Column::Username.eq(account.username))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        users::create(
            db,
            hasher,
            NewUser {
                username: account.username.into(),
                full_name: account.full_name.into(),
                password: account.password.into(),
                roles: account.roles.to_vec(),
                org_unit_code: Some(account.org_unit_code.into()),
                locale: Locale::Vi,
            },
        )
        .await?;
        users_added += 1;
    }
    Ok(SeedReport {
        org_units_added,
        positions_added,
        users_added,
    })
}
