//! The gain table: its statistics are those of `shared::gain` on the people in scope, a
//! supervisor never counts another province's people (report, drill-down, CSV), groups
//! under five show counts only, and the CSV holds the cells the table model gives.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shared::Locale;
use shared::evidence::report::GainReport;
use shared::gain::{Scale, Summary, gain};

use super::{ADMIN, As, SUPERVISOR, row};
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(gains_are_computed_for_the_supervisors_own_people);

/// Lào Cai learners' LAW pre- and post-test levels; Đắk Lắk's are all 1 → 5.
const LAO_CAI: [(u8, u8); 6] = [(2, 3), (1, 3), (3, 3), (2, 4), (3, 2), (1, 2)];

fn close(value: &Value, expected: Option<f64>) {
    match expected {
        Some(e) => assert!(
            (value.as_f64().unwrap_or(f64::NAN) - e).abs() < 1e-9,
            "{value} ≠ {e}"
        ),
        None => assert!(value.is_null(), "{value} should be empty"),
    }
}

async fn gains_are_computed_for_the_supervisors_own_people(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    // A commune of its own, apart from the demo's finished class.
    let commune = admin
        .add_commune("VN-LCI-MUONGHUM", "Xã Mường Hum", "VN-LCI")
        .await;
    let mut csv = String::from("username,competency,source,phase,level,date\n");
    for (i, (before, after)) in LAO_CAI.iter().enumerate() {
        let name = format!("hum.{i}");
        admin
            .add_learner(&name, &format!("Lò Thị Học {i}"), "VN-LCI-MUONGHUM")
            .await;
        csv.push_str(&format!(
            "{name},LAW,pre_test,before,{before},2026-09-01\n{name},LAW,post_test,after,{after},2026-11-20\n"
        ));
        if i < 3 {
            csv.push_str(&format!("{name},CONF,supervisor,after,4,2026-11-20\n"));
        }
    }
    for i in 0..6 {
        let name = format!("dl.{i}");
        admin
            .add_learner(&name, &format!("Y Học {i} Niê"), "VN-DLK-EAKLY")
            .await;
        csv.push_str(&format!(
            "{name},LAW,pre_test,before,1,2026-09-01\n{name},LAW,post_test,after,5,2026-11-20\n"
        ));
    }
    admin.import(&csv).await;
    let dlk_boss = admin
        .add_person(
            "ql.daklak",
            "Nguyễn Văn Giám Sát",
            "VN-DLK",
            json!([{ "role": "supervisor" }]),
        )
        .await;
    assert!(!dlk_boss.is_empty());

    let scale = Scale {
        max: 5.0,
        proficient: 3.0,
    };
    let observations: Vec<(Option<f64>, Option<f64>)> = LAO_CAI
        .iter()
        .map(|(b, a)| (Some(f64::from(*b)), Some(f64::from(*a))))
        .collect();
    let expected = gain(&Summary::of(&observations, scale), scale);

    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let mine = format!("org_unit={commune}");
    let report = supervisor
        .get_json(&format!("/api/v1/reports/gains?{mine}"))
        .await;
    let law = row(&report, "LAW", ("test", "after")).expect("a LAW test row");
    assert_eq!(law["too_small"], false);
    assert_eq!(law["scale"], json!({ "max": 5.0, "proficient": 3.0 }));
    let g = &law["gain"];
    assert_eq!(g["n_paired"].as_u64(), Some(expected.n_paired));
    assert_eq!(g["n_paired"], 6, "only Lào Cai's six: {law}");
    close(&g["mean_diff"], expected.mean_diff);
    close(&g["ci_low"], expected.ci_low);
    close(&g["ci_high"], expected.ci_high);
    close(&g["p_value"], expected.p_value);
    close(&g["cohens_dz"], expected.cohens_dz);
    close(&g["hake_of_means"], expected.hake_of_means);
    close(&g["mean_individual_gain"], expected.mean_individual_gain);
    close(&g["proficient_after"], expected.proficient_after);
    close(&g["mcnemar"]["p"], expected.mcnemar.map(|m| m.p));

    // Three supervisor ratings after and none before: counts only.
    let conf = row(&report, "CONF", ("supervisor", "after")).expect("a CONF row");
    assert_eq!(conf["too_small"], true);
    assert_eq!(conf["gain"]["n_after"], 3);
    assert!(conf["gain"]["mean_after"].is_null());

    // The CSV holds exactly the table's cells.
    let typed: GainReport = serde_json::from_value(report.clone()).unwrap();
    let table = shared::evidence::table::gains(&typed, Locale::Vi);
    let csv_text = supervisor
        .get(&format!("/api/v1/reports/gains.csv?{mine}"))
        .await;
    assert_eq!(csv_text.status(), StatusCode::OK);
    assert!(
        csv_text
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("text/csv"))
    );
    let text = csv_text.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, table.header);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows, table.rows);
    assert!(!text.contains("dl."), "no Đắk Lắk person in Lào Cai's CSV");

    // The drill-down lists the six; Đắk Lắk's people are not among them.
    let law_id = law["competency"]["id"].as_str().unwrap();
    let learners = supervisor
        .get_json(&format!(
            "/api/v1/reports/gains/learners?{mine}&of={law_id}&measure=test:after"
        ))
        .await;
    let names: Vec<&str> = learners
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["full_name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("Lò Thị Học")));
    let conf_id = conf["competency"]["id"].as_str().unwrap();
    let too_small = supervisor
        .get(&format!(
            "/api/v1/reports/gains/learners?{mine}&of={conf_id}&measure=supervisor:after"
        ))
        .await;
    assert_eq!(
        too_small.status(),
        StatusCode::FORBIDDEN,
        "a group under five"
    );
    let bad = supervisor
        .get(&format!(
            "/api/v1/reports/gains/learners?of={law_id}&measure=boss:later"
        ))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // Đắk Lắk's supervisor sees Đắk Lắk's six, and not Lào Cai's units at all.
    let other = As::sign_in(&app, "ql.daklak", super::PASSWORD).await;
    let theirs = other.get_json("/api/v1/reports/gains").await;
    let law = row(&theirs, "LAW", ("test", "after")).expect("their LAW row");
    assert_eq!(law["gain"]["n_paired"], 6);
    close(&law["gain"]["mean_diff"], Some(4.0));
    let lci = admin.unit("VN-LCI").await;
    let refused = other
        .get(&format!("/api/v1/reports/gains?org_unit={lci}"))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let refused = other
        .get(&format!("/api/v1/reports/gains.csv?org_unit={lci}"))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);

    // The national administrator sees both provinces; filters narrow it.
    let all = admin.get_json("/api/v1/reports/gains").await;
    assert_eq!(
        row(&all, "LAW", ("test", "after")).unwrap()["gain"]["n_paired"],
        12 + 24 + 1,
        "both provinces' twelve, the demo's finished class of 24 and its learner in Cần Thơ"
    );
    let narrowed = admin
        .get_json(&format!("/api/v1/reports/gains?{mine}&to=2026-10-01"))
        .await;
    assert!(
        row(&narrowed, "LAW", ("test", "after")).is_none(),
        "no pair's latest evidence is before October: {narrowed}"
    );
    let bad_date = admin.get("/api/v1/reports/gains?from=yesterday").await;
    assert_eq!(bad_date.status(), StatusCode::BAD_REQUEST);
    // Learners and lecturers see no one's gains.
    let learner = As::sign_in(&app, "hum.0", super::PASSWORD).await;
    assert_eq!(
        learner.get("/api/v1/reports/gains").await.status(),
        StatusCode::FORBIDDEN
    );
}

on_both_databases!(the_demo_dashboard_shows_gains_with_intervals);

async fn the_demo_dashboard_shows_gains_with_intervals(app: TestApp) {
    app.seed_demo().await;
    let supervisor = As::sign_in(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let report = supervisor.get_json("/api/v1/reports/gains").await;
    for code in ["LAW", "CONF", "MOBI", "ETHI", "SITU", "DECI"] {
        for measure in [
            ("test", "after"),
            ("self", "after"),
            ("supervisor", "after"),
            ("supervisor", "follow_up_30"),
            ("supervisor", "follow_up_90"),
        ] {
            let found =
                row(&report, code, measure).unwrap_or_else(|| panic!("no {code} {measure:?} row"));
            assert_eq!(found["too_small"], false, "{code} {measure:?}");
            let g = &found["gain"];
            assert!(
                g["n_paired"].as_u64().unwrap() >= 14,
                "{code} {measure:?}: {g}"
            );
            assert!(
                g["ci_low"].as_f64() < g["ci_high"].as_f64() && g["p_value"].is_number(),
                "a real interval for {code} {measure:?}: {g}"
            );
        }
    }
    let gaps = report["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .any(|g| g["phase"] == "before" && g["mean"].is_number())
    );
}
