//! Matrix rows of cohorts and attempts. `{cohort}` is the demo cohort: taught by gv.lan,
//! with hv.mai and ql.hung among its learners. `{attempt_id}` is a fresh id per actor;
//! `{mai_attempt}` is the one hv.mai stores in the row before it is read.

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
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/attempts",
            "/api/v1/cohorts/{id}/attempts",
            Some(
                r#"{"id":"{attempt_id}","activity":"a3","responses":{"q3":{"type":"bool","value":false}}}"#,
            ),
            [403, 404, 403, 201, 201, 401],
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
