//! Matrix rows of cohorts and attempts. `{cohort}` is the demo cohort: taught by gv.lan,
//! with hv.mai and ql.hung among its learners. `{attempt_id}` is a fresh id per actor;
//! `{mai_attempt}` is the one hv.mai stores in the row before it is read; `{step_id}` and
//! `{event_id}` are fresh per actor; `{certificate}` is hv.thao's and `{reflection}` a case-study
//! answer, both from the demo data.

use reqwest::Method;

use super::matrix_rows::{Row, row};

pub fn learning_rows() -> Vec<Row> {
    use Method as M;
    vec![
        row(
            M::GET,
            "/api/v1/cohorts",
            "/api/v1/cohorts",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/learning/cohorts",
            "/api/v1/learning/cohorts",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts",
            "/api/v1/cohorts",
            Some(
                r#"{"course_id":"{course}","title_vi":"Lớp {n}","starts_on":"2026-12-01","ends_on":"2026-12-20"}"#,
            ),
            [201, 201, 201, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/enrolments",
            "/api/v1/cohorts/{id}/enrolments",
            Some(r#"{"usernames":"hv.tuan"}"#),
            [200, 404, 200, 403, 403, 401],
        ),
        // The matrix published a newer version before this row: the national administrator
        // moves the class to it, after which the lecturer has nothing to move to (400).
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/version",
            "/api/v1/cohorts/{id}/version",
            Some(r#"{"version":0}"#),
            [200, 404, 400, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/attempts",
            "/api/v1/cohorts/{id}/attempts",
            Some(r#"{"id":"{attempt_id}","activity":"a1","responses":{}}"#),
            [403, 404, 403, 201, 201, 401],
        ),
        // After the pre-test above, the learners' modules are open.
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/drafts/a2",
            "/api/v1/cohorts/{id}/drafts/{activity}",
            Some(r#"{"answers":["Bản nháp"]}"#),
            [403, 404, 403, 204, 204, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/plays/a4",
            "/api/v1/cohorts/{id}/plays/{activity}",
            Some(r#"{"step_id":"{step_id}","restart":true}"#),
            [403, 404, 403, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/checks/a3",
            "/api/v1/cohorts/{id}/checks/{activity}",
            Some(r#"{"question":"q3","response":{"type":"bool","value":false}}"#),
            [403, 404, 403, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/events",
            "/api/v1/cohorts/{id}/events",
            Some(r#"{"events":[{"id":"{event_id}","activity":"a2","position":"prompt-1"}]}"#),
            [403, 404, 403, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/cohorts/{cohort}/offline",
            "/api/v1/cohorts/{id}/offline",
            None,
            [403, 404, 403, 200, 200, 401],
        ),
        // Authorisation is per item (see offline_sync.rs): the batch itself answers 200.
        row(
            M::POST,
            "/api/v1/sync",
            "/api/v1/sync",
            Some(
                r#"{"items":[{"id":"{event_id}","cohort":"{cohort}","kind":"event","activity":"a2"}]}"#,
            ),
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/cohorts/{cohort}/progress",
            "/api/v1/cohorts/{id}/progress",
            None,
            [403, 404, 403, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/certificate",
            "/api/v1/cohorts/{id}/certificate",
            None,
            [403, 404, 403, 409, 409, 401],
        ),
        row(
            M::GET,
            "/api/v1/cohorts/{cohort}/report",
            "/api/v1/cohorts/{id}/report",
            None,
            [200, 404, 200, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/attempts/{reflection}/review",
            "/api/v1/attempts/{id}/review",
            Some(r#"{"points":[2,3,1],"comment":"Cần nêu rõ thời hạn."}"#),
            [204, 404, 204, 403, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/certificates/{certificate}",
            "/api/v1/certificates/{code}",
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        row(
            M::GET,
            "/api/v1/attempts/{mai_attempt}",
            "/api/v1/attempts/{id}",
            None,
            [200, 404, 200, 404, 200, 401],
        ),
    ]
}
