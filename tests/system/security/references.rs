//! The authorisation matrix for references carried inside bodies: org unit codes and
//! usernames in a CSV import, units and usernames to enrol, the course a class is opened
//! for. Each is decided by the policy module as a path id is, with exact statuses; a
//! reference outside the actor's reach is answered as one that does not exist.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::evidence::As;
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(
    a_province_administrator_imports_only_inside_the_province,
    enrolling_names_and_units_stays_inside_each_actors_reach,
);

/// A request's status and JSON body (null when it has none).
async fn answer(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

const HEADER: &str = "username,full_name,org_unit_code,roles,password\n";

async fn a_province_administrator_imports_only_inside_the_province(app: TestApp) {
    app.seed_demo().await;
    let daklak = As::sign_in(&app, "admin.daklak", "cao-nguyen-dak-lak").await;
    let import = |csv: String| {
        let daklak = &daklak;
        async move {
            let body = json!({ "csv": csv, "dry_run": false });
            answer(daklak.post("/api/v1/users/import", &body).await).await
        }
    };
    let cases = [
        // A new account placed in no unit: outside every subtree.
        (
            format!("{HEADER}moi.ngoai,Người Ngoài,,learner,mật khẩu người ngoài\n"),
            StatusCode::BAD_REQUEST,
        ),
        // An existing Đắk Lắk learner with the unit left empty: moved out of the tree.
        (
            format!("{HEADER}hv.tuan,Y Tuấn Êban,,learner,\n"),
            StatusCode::BAD_REQUEST,
        ),
        // Into another province.
        (
            format!("{HEADER}moi.lci,Người Lào Cai,VN-LCI-YTY,learner,mật khẩu lào cai mới\n"),
            StatusCode::BAD_REQUEST,
        ),
        // Someone of another province, named by username.
        (
            format!("{HEADER}hv.mai,Giàng Thị Mai,VN-DLK-EAKLY,learner,\n"),
            StatusCode::BAD_REQUEST,
        ),
    ];
    for (csv, expected) in cases {
        let (status, body) = import(csv.clone()).await;
        assert_eq!(status, expected, "{csv}: {body}");
    }
    let tuan = daklak.get_json("/api/v1/users?q=hv.tuan").await;
    assert!(
        tuan["items"][0]["org_unit"].is_object(),
        "hv.tuan stays in his unit: {tuan}"
    );
    let national = As::sign_in(&app, "admin", "truong-chinh-tri-2026").await;
    for name in ["moi.ngoai", "moi.lci"] {
        assert_eq!(
            national.get_json(&format!("/api/v1/users?q={name}")).await["total"],
            0,
            "nothing was created"
        );
    }
    // Inside the province: accepted, and done.
    let (status, body) = import(format!(
        "{HEADER}moi.dlk,Người Đắk Lắk,VN-DLK-EAKLY,learner,mật khẩu đắk lắk mới\n"
    ))
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let location = format!("/api/v1/jobs/{}", body["id"].as_str().unwrap());
    let job = crate::helpers::follow_job(&daklak, &location).await;
    assert_eq!(job["state"], "done", "{job}");
    // A national administrator may place an account in no unit.
    let (status, body) = answer(
        national
            .post(
                "/api/v1/users/import",
                &json!({ "csv": format!("{HEADER}moi.trunguong,Người Trung Ương,,learner,mật khẩu trung ương\n"),
                    "dry_run": true }),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn enrolling_names_and_units_stays_inside_each_actors_reach(app: TestApp) {
    app.seed_demo().await;
    let daklak = As::sign_in(&app, "admin.daklak", "cao-nguyen-dak-lak").await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let courses = lan.get_json("/api/v1/courses").await;
    let course = courses[0]["id"].as_str().unwrap().to_owned();
    let units = lan.get_json("/api/v1/org-units").await;
    let unit = |code: &str| {
        units
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let class = json!({ "course_id": course, "title_vi": "Lớp Đắk Lắk",
        "starts_on": "2027-01-04", "ends_on": "2027-02-26" });
    // Opening a class: administrators (of any subtree) and the course's authors.
    let (status, opened) = answer(daklak.post("/api/v1/cohorts", &class).await).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let dlk_class = opened["id"].as_str().unwrap().to_owned();
    let (status, opened) = answer(lan.post("/api/v1/cohorts", &class).await).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let lci_class = opened["id"].as_str().unwrap().to_owned();
    let hung = As::sign_in(&app, "ql.hung", "quan-ly-bat-xat").await;
    assert_eq!(
        answer(hung.post("/api/v1/cohorts", &class).await).await.0,
        StatusCode::FORBIDDEN
    );

    let enrol = |who: &'static str, class: &str, body: Value| {
        let (actor, path) = (
            if who == "daklak" { &daklak } else { &lan },
            format!("/api/v1/cohorts/{class}/enrolments"),
        );
        async move { answer(actor.post(&path, &body).await).await }
    };
    // The Đắk Lắk administrator: not Lào Cai's people, by unit or by name; answered as a
    // unit or name that does not exist.
    let (status, body) = enrol("daklak", &dlk_class, json!({ "org_unit": unit("VN-LCI") })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, missing_unit) = enrol(
        "daklak",
        &dlk_class,
        json!({ "org_unit": "00000000-0000-4000-8000-000000000000" }),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["error"]["fields"], missing_unit["error"]["fields"],
        "an out-of-reach unit reads as a missing one"
    );
    let (status, body) = enrol("daklak", &dlk_class, json!({ "usernames": "hv.mai" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (_, nobody) = enrol("daklak", &dlk_class, json!({ "usernames": "khong.ai" })).await;
    let message = |v: &Value| {
        v["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .split_once(": ")
            .unwrap()
            .1
            .to_owned()
    };
    assert_eq!(
        message(&body),
        message(&nobody),
        "an out-of-reach name reads as an unknown one"
    );
    // Disabled accounts and non-learners read the same too.
    let (_, lecturer) = enrol("daklak", &dlk_class, json!({ "usernames": "gv.lan" })).await;
    assert_eq!(message(&lecturer), message(&nobody));
    let roster = daklak
        .get_json(&format!("/api/v1/cohorts/{dlk_class}/report"))
        .await;
    assert!(
        !roster.to_string().contains("Giàng Thị Mai"),
        "nobody of Lào Cai reached the class: {roster}"
    );
    // Inside the province: by unit and by name.
    let (status, body) = enrol("daklak", &dlk_class, json!({ "org_unit": unit("VN-DLK") })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["added"], json!(["hv.tuan"]));

    // The Lào Cai school's lecturer: Lào Cai by unit, not Đắk Lắk; anyone by name.
    let (status, body) = enrol("lan", &lci_class, json!({ "org_unit": unit("VN-DLK") })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = enrol(
        "lan",
        &lci_class,
        json!({ "org_unit": unit("VN-LCI-YTY"), "usernames": "hv.tuan" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let added = body["added"].as_array().unwrap();
    assert!(
        added.contains(&json!("hv.mai")) && added.contains(&json!("hv.tuan")),
        "{body}"
    );
}
