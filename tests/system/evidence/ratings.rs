//! Rating rounds: a follow-up falls due in the supervisor's inbox, the form lists the
//! course's competencies, a resent form counts once, a new rating replaces the rater's
//! earlier one, and only the right people rate in the right phases.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{ADMIN, As, LECTURER, MAI, SUPERVISOR, row, user_id};
use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(a_follow_up_falls_due_and_its_rating_counts_once);

/// Opens a cohort of the demo course that ended `days_ago` and enrols `usernames`.
pub async fn past_cohort(app: &TestApp, days_ago: i64, usernames: &str) -> String {
    let lecturer = As::sign_in(app, LECTURER.0, LECTURER.1).await;
    let courses = lecturer.get_json("/api/v1/courses").await;
    let course = courses
        .as_array()
        .and_then(|all| all.iter().find(|c| c["code"] == "KNTC-DAT-DAI-XA"))
        .and_then(|c| c["id"].as_str())
        .unwrap()
        .to_owned();
    let end = Utc::now().date_naive() - Duration::days(days_ago);
    let start = end - Duration::days(30);
    let opened = lecturer
        .post(
            "/api/v1/cohorts",
            &json!({ "course_id": course, "title_vi": format!("Lớp đã kết thúc {days_ago} ngày"),
                "starts_on": start.to_string(), "ends_on": end.to_string() }),
        )
        .await;
    assert_eq!(opened.status(), StatusCode::CREATED);
    let cohort = json(opened).await["id"].as_str().unwrap().to_owned();
    let enrolled = lecturer
        .post(
            &format!("/api/v1/cohorts/{cohort}/enrolments"),
            &json!({ "usernames": usernames }),
        )
        .await;
    assert_eq!(enrolled.status(), StatusCode::OK);
    cohort
}

fn tasks<'a>(inbox: &'a Value, cohort: &str, learner: &str, phase: &str) -> Vec<&'a Value> {
    inbox["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["cohort_id"] == cohort && t["learner_id"] == learner && t["phase"] == phase)
        .collect()
}

async fn a_follow_up_falls_due_and_its_rating_counts_once(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mai = user_id(&admin, MAI.0).await;
    let cohort = past_cohort(&app, 40, "hv.mai").await;

    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let inbox = supervisor.get_json("/api/v1/inbox").await;
    let due = tasks(&inbox, &cohort, &mai, "follow_up_30");
    assert_eq!(due.len(), 1, "the 30-day follow-up is due: {inbox}");
    assert_eq!(due[0]["source"], "supervisor");
    assert!(
        tasks(&inbox, &cohort, &mai, "follow_up_90").is_empty(),
        "not yet due"
    );
    assert!(
        tasks(&inbox, &cohort, &mai, "before").is_empty(),
        "closed when the course ended"
    );

    let form = supervisor
        .get_json(&format!(
            "/api/v1/ratings/form?cohort={cohort}&learner={mai}&phase=follow_up_30"
        ))
        .await;
    assert_eq!(form["source"], "supervisor");
    let codes: Vec<&str> = form["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[0]["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"LAW") && codes.contains(&"CONF"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"DIGI"), "the course does not work on DIGI");
    let law = form["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0]["code"] == "LAW")
        .unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let conf = form["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0]["code"] == "CONF")
        .unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let rating = json!({ "form_id": "7f1d2c3b-0a4e-4c5d-8e6f-1a2b3c4d5e6f", "learner": mai,
        "phase": "follow_up_30", "levels": { law.clone(): 4, conf.clone(): 3 } });
    let path = format!("/api/v1/cohorts/{cohort}/ratings");
    let sent = supervisor.post(&path, &rating).await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(json(sent).await["added"], 2);
    let resent = supervisor.post(&path, &rating).await;
    assert_eq!(json(resent).await["added"], 0, "the same form counts once");
    let inbox = supervisor.get_json("/api/v1/inbox").await;
    assert!(
        tasks(&inbox, &cohort, &mai, "follow_up_30").is_empty(),
        "done"
    );

    let report = supervisor
        .get_json(&format!("/api/v1/reports/gains?cohort={cohort}"))
        .await;
    let fu = row(&report, "LAW", ("supervisor", "follow_up_30")).expect("a follow-up row");
    assert_eq!(fu["gain"]["n_after"], 1);
    assert_eq!(fu["too_small"], true);

    // A new rating replaces the supervisor's earlier one, which stays on record.
    let corrected = json!({ "form_id": "8a1d2c3b-0a4e-4c5d-8e6f-1a2b3c4d5e6f", "learner": mai,
        "phase": "follow_up_30", "levels": { law.clone(): 2 } });
    assert_eq!(
        json(supervisor.post(&path, &corrected).await).await["added"],
        1
    );
    let record = supervisor
        .get_json(&format!("/api/v1/learners/{mai}/record"))
        .await;
    let laws: Vec<&Value> = record["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["competency"]["code"] == "LAW" && e["source"] == "supervisor")
        .collect();
    assert_eq!(laws.len(), 2);
    let live: Vec<&&Value> = laws.iter().filter(|e| e["voided_on"].is_null()).collect();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0]["level"], 2);
    assert!(
        laws.iter()
            .any(|e| e["void_reason"] == "replaced by a new rating")
    );
    let current = record["needs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["competency"]["code"] == "LAW")
        .unwrap();
    assert_eq!(current["current"], 2.0);
    assert_eq!(current["source"], "supervisor");

    // Bad levels and foreign competencies are refused with the field named.
    let bad = supervisor
        .post(
            &path,
            &json!({ "form_id": "9a1d2c3b-0a4e-4c5d-8e6f-1a2b3c4d5e6f", "learner": mai,
                "phase": "follow_up_30", "levels": { law.clone(): 9 } }),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json(bad).await["error"]["fields"][0]["field"],
        format!("level.{law}")
    );

    // The learner rates herself before and after only; another province's admin not at all.
    let learner = As::sign_in(&app, MAI.0, MAI.1).await;
    let own = learner
        .get(&format!(
            "/api/v1/ratings/form?cohort={cohort}&learner={mai}&phase=follow_up_30"
        ))
        .await;
    assert_eq!(own.status(), StatusCode::NOT_FOUND);
    let own = learner
        .get_json(&format!(
            "/api/v1/ratings/form?cohort={cohort}&learner={mai}&phase=after"
        ))
        .await;
    assert_eq!(own["source"], "self");
    let daklak = As::sign_in(&app, "admin.daklak", "cao-nguyen-dak-lak").await;
    let refused = daklak
        .post(
            &path,
            &json!({ "form_id": "aa1d2c3b-0a4e-4c5d-8e6f-1a2b3c4d5e6f", "learner": mai,
                "phase": "after", "levels": { law.clone(): 3 } }),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);

    // Invited colleagues find the invitation in their inbox and rate as peers.
    let invited = learner
        .post(
            &format!("/api/v1/cohorts/{cohort}/peer-invitations"),
            &json!({ "peer": "hv.tuan", "phase": "after" }),
        )
        .await;
    assert_eq!(invited.status(), StatusCode::NO_CONTENT);
    let peer = As::sign_in(&app, "hv.tuan", "hoc-vien-ea-kly").await;
    let inbox = peer.get_json("/api/v1/inbox").await;
    let asked = tasks(&inbox, &cohort, &mai, "after");
    assert_eq!(asked.len(), 1, "{inbox}");
    assert_eq!(asked[0]["source"], "peer");
    let rated = peer
        .post(
            &path,
            &json!({ "form_id": "bb1d2c3b-0a4e-4c5d-8e6f-1a2b3c4d5e6f", "learner": mai,
                "phase": "after", "levels": { conf: 4 } }),
        )
        .await;
    assert_eq!(json(rated).await["added"], 1);
    assert!(
        tasks(
            &peer.get_json("/api/v1/inbox").await,
            &cohort,
            &mai,
            "after"
        )
        .is_empty()
    );
}
