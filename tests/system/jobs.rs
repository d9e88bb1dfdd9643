//! Long imports run as jobs: a job whose server stopped half-way is resumed (what it had
//! done is not done again), the job acts with the rights its owner has when it runs and
//! on the data as it is then (two packages accepted under one code make one course), and
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
    two_packages_accepted_under_one_code_make_one_course,
    ended_jobs_are_kept_thirty_days,
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

/// An account import as a server leaves it: `state`, claimed by a server that is gone,
/// with `work` done.
async fn left_job(app: &TestApp, owner: Uuid, csv: &str, state: &str, work: String) -> Uuid {
    stored_job(app, "user_import", owner, csv, state, work).await
}

/// A job of `kind` stored as a server leaves it.
async fn stored_job(
    app: &TestApp,
    kind: &str,
    owner: Uuid,
    input: &str,
    state: &str,
    work: String,
) -> Uuid {
    let id = Uuid::new_v4();
    let now = Utc::now();
    job::ActiveModel {
        id: Set(id),
        kind: Set(kind.into()),
        owner_id: Set(owner),
        state: Set(state.into()),
        input: Set(input.into()),
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

async fn two_packages_accepted_under_one_code_make_one_course(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let owner = user_id(&app, "gv.lan").await;
    let mut package: serde_json::Value = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    package["course"]["code"] = serde_json::json!("HAI-LAN");
    let package = package.to_string();
    // Both were accepted while the code was free; neither has run yet.
    let first = stored_job(
        &app,
        "package_import",
        owner,
        &package,
        "queued",
        String::new(),
    )
    .await;
    let second = stored_job(
        &app,
        "package_import",
        owner,
        &package,
        "queued",
        String::new(),
    )
    .await;
    let first = follow_job(&lan, &format!("/api/v1/jobs/{first}")).await;
    let second = follow_job(&lan, &format!("/api/v1/jobs/{second}")).await;
    let (done, failed) = if first["state"] == "done" {
        (first, second)
    } else {
        (second, first)
    };
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!(failed["state"], "failed", "{failed}");
    assert_eq!(failed["problems"][0]["field"], "course.code", "{failed}");
    assert_eq!(failed["problems"][0]["code"], "taken", "{failed}");
    assert!(failed.get("course").is_none(), "{failed}");
    let courses = lan.get_json("/api/v1/courses").await;
    let made: Vec<&serde_json::Value> = courses
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "HAI-LAN")
        .collect();
    assert_eq!(made.len(), 1, "one course: {courses}");
    assert_eq!(made[0]["id"], done["course"]["id"]);
    // Someone else's job is not theirs to follow.
    let mai = As::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let stranger = mai
        .get(&format!("/api/v1/jobs/{}", done["id"].as_str().unwrap()))
        .await;
    assert_eq!(stranger.status(), StatusCode::NOT_FOUND);
}

async fn ended_jobs_are_kept_thirty_days(app: TestApp) {
    app.seed_demo().await;
    let owner = user_id(&app, "admin").await;
    let now = Utc::now();
    let mut ids = Vec::new();
    for (state, ended_days_ago) in [("done", 31), ("failed", 31), ("done", 29), ("queued", 40)] {
        let id = stored_job(&app, "user_import", owner, "", state, String::new()).await;
        let mut stored: job::ActiveModel = job::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        let at = now - Span::days(ended_days_ago);
        stored.created_at = Set(at);
        stored.finished_at = Set((state != "queued").then_some(at));
        stored.update(&app.db).await.unwrap();
        ids.push(id);
    }
    let deleted = server::services::jobs::prune(&app.db, now).await.unwrap();
    assert_eq!(deleted, 2);
    let left: Vec<Uuid> = job::Entity::find()
        .filter(job::Column::Id.is_in(ids.clone()))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.id)
        .collect();
    assert!(
        !left.contains(&ids[0]) && !left.contains(&ids[1]),
        "ended 31 days ago"
    );
    assert!(left.contains(&ids[2]), "ended 29 days ago: kept");
    assert!(left.contains(&ids[3]), "never ended: kept whatever its age");
}
