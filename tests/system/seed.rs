use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{user, user_role};
use server::seed::{DEMO_ACCOUNTS, SeedReport, seed_demo};
use server::services::passwords::PasswordHasher;

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(seeding_twice_changes_nothing_the_second_time);

async fn seeding_twice_changes_nothing_the_second_time(app: TestApp) {
    let hasher = PasswordHasher::new(2);
    let first = seed_demo(&app.store, &hasher).await.unwrap();
    assert_eq!(first.org_units_added, 18);
    assert_eq!(first.positions_added, 15);
    assert_eq!(first.users_added, DEMO_ACCOUNTS.len());
    assert_eq!(first.competencies_added, 9);
    assert_eq!(first.courses_added, 1);
    assert_eq!(first.cohorts_added, 1);
    assert_eq!(first.learners_progressed, 2);
    // A finished class of 24 cadres, 6 competencies, 8 levels each.
    assert_eq!(first.evidence_added, 24 * 6 * 8);
    let second = seed_demo(&app.store, &hasher).await.unwrap();
    assert_eq!(second, SeedReport::default());

    // The demo admin signs in with the printed password and holds the admin role.
    let account = &DEMO_ACCOUNTS[0];
    let admin = user::Entity::find()
        .filter(user::Column::Username.eq(account.username))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the demo admin exists");
    assert!(admin.password_hash.starts_with("$argon2id$"));
    assert!(
        hasher
            .verify(account.password.into(), admin.password_hash)
            .await
            .unwrap()
    );
    let roles = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(admin.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].role, "admin");
    assert_eq!(
        roles[0].scope_org_unit_id, None,
        "the first demo admin is national"
    );

    // Every role is shown in the demo.
    let all_roles = user_role::Entity::find().all(&app.db).await.unwrap();
    for role in ["admin", "lecturer", "supervisor", "learner"] {
        assert!(all_roles.iter().any(|r| r.role == role), "no demo {role}");
    }
    assert!(
        all_roles
            .iter()
            .any(|r| r.role == "admin" && r.scope_org_unit_id.is_some()),
        "a scoped admin"
    );
}
