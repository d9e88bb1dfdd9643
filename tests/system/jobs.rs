//! Long imports run as jobs: a job whose server stopped half-way is resumed (what it had
//! done is not done again), the job acts with the rights its owner has when it runs, and
//! sign-ins go on while an import prepares hundreds of passwords.

use chrono::{Duration as Span, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::{job, user};
use server::services::passwords::PasswordHasher;
use uuid::Uuid;

use crate::helpers::{As, TestApp, follow_job, imported, on_both_databases};

on_both_databases!(
    a_job_whose_server_stopped_is_resumed_without_redoing_its_work,
    a_job_acts_with_the_rights_its_owner_has_when_it_runs,
    sign_ins_go_on_while_an_import_prepares_passwords,
);

const HEADER: &str = "username,full_name,org_unit_code,roles,password\n";

async fn user_id(app: &TestApp, username: &str) -> Uuid {
    user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{username} exists"))
        .id
}

/// A job row as a server leaves it: `state`, claimed by a server that is gone, with
/// `work` done.
async fn left_job(app: &TestApp, owner: Uuid, csv: &str, state: &str, work: String) -> Uuid {
    let id = Uuid::new_v4();
    let now = Utc::now();
    job::ActiveModel {
        id: Set(id),
        kind: Set("user_import".into()),
        owner_id: Set(owner),
        state: Set(state.into()),
        input: Set(csv.into()),
        work: Set(work),
        total: Set(2),
        done: Set(1),
        problems: Set(None),
        result: Set(None),
        claimed_by: Set((state == "running").then(Uuid::new_v4)),
        lease_until: Set((state == "running").then(|| now - Span::seconds(1))),
        runs: Set(i32::from(state == "running")),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    id
}

async fn a_job_whose_server_stopped_is_resumed_without_redoing_its_work(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, "admin", "truong-chinh-tri-2026").await;
    let csv = format!(
        "{HEADER}da.hash,Đã Băm,VN-LCI-YTY,learner,mật khẩu đã băm rồi\n\
         chua.hash,Chưa Băm,VN-LCI-YTY,learner,mật khẩu chưa băm\n"
    );
    // The server that ran it had prepared the first password when it stopped.
    let prepared = PasswordHasher::new(1)
        .hash("mật khẩu đã băm rồi".into())
        .await
        .unwrap();
    let work = serde_json::json!({ "da.hash": prepared }).to_string();
    let owner = user_id(&app, "admin").await;
    let id = left_job(&app, owner, &csv, "running", work).await;

    // Its lease has run out: this server takes it up and finishes it.
    let job = follow_job(&admin, &format!("/api/v1/jobs/{id}")).await;
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(job["accounts"]["created"], 2);
    let resumed = user::Entity::find()
        .filter(user::Column::Username.eq("da.hash"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        resumed.password_hash, prepared,
        "the password prepared before the stop was used, not prepared again"
    );
    app.sign_in_json("da.hash", "mật khẩu đã băm rồi").await;
    app.sign_in_json("chua.hash", "mật khẩu chưa băm").await;
    let stored = job::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.runs, 2, "claimed a second time");
    assert!(
        stored.input.is_empty() && stored.work.is_empty(),
        "an ended job keeps neither the file's passwords nor their hashes"
    );
}

async fn a_job_acts_with_the_rights_its_owner_has_when_it_runs(app: TestApp) {
    app.seed_demo().await;
    // Accepted from an administrator who is a learner by the time it runs.
    let mai = user_id(&app, "hv.mai").await;
    let csv = format!("{HEADER}khong.quyen,Không Quyền,VN-LCI-YTY,learner,mật khẩu không quyền\n");
    let id = left_job(&app, mai, &csv, "queued", String::new()).await;
    let (token, _) = crate::helpers::learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    let me = As::new(&app, &token);
    let job = follow_job(&me, &format!("/api/v1/jobs/{id}")).await;
    assert_eq!(job["state"], "failed", "{job}");
    assert_eq!(job["problems"][0]["code"], "no_longer_allowed", "{job}");
    assert!(
        job["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("không còn quyền"),
        "worded in the reader's language: {job}"
    );
    let none = user::Entity::find()
        .filter(user::Column::Username.eq("khong.quyen"))
        .one(&app.db)
        .await
        .unwrap();
    assert!(none.is_none(), "nothing was created");
    // The same job in English for a reader who asks for it.
    let english = app
        .cookieless
        .get(app.url(&format!("/api/v1/jobs/{id}")))
        .bearer_auth(&token)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let english: serde_json::Value = english.json().await.unwrap();
    assert!(
        english["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("may no longer"),
        "{english}"
    );
}

async fn sign_ins_go_on_while_an_import_prepares_passwords(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, "admin", "truong-chinh-tri-2026").await;
    let mut csv = HEADER.to_owned();
    for n in 0..40 {
        csv.push_str(&format!(
            "nhap.{n},Cán Bộ {n},VN-LCI-YTY,learner,mật khẩu cán bộ số {n}\n"
        ));
    }
    let importing = imported(&app, &admin.token, &csv);
    let signing_in = async {
        let mut statuses = Vec::new();
        for _ in 0..8 {
            let response = app
                .cookieless
                .post(app.url("/api/v1/auth/sign-in"))
                .json(&serde_json::json!({ "username": "hv.mai", "password": "hoc-vien-y-ty" }))
                .send()
                .await
                .unwrap();
            statuses.push(response.status());
        }
        statuses
    };
    let (job, statuses) = tokio::join!(importing, signing_in);
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "every sign-in during the import got in: {statuses:?}"
    );
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(job["accounts"]["created"], 40);
    assert_eq!(job["done"], 40);
    let listed = admin.get_json("/api/v1/jobs").await;
    assert_eq!(listed[0]["id"], job["id"], "newest first in the list");
}
