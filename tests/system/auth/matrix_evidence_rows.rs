//! Matrix rows of competency evidence, ratings and the supervisor's reports. `{mai}` is
//! hv.mai's id, `{law}` the demo framework's LAW competency, `{lci_evidence}` a supervisor
//! level of target.lci imported before the rows run.

use reqwest::Method;

use super::matrix_rows::{Row, row};

pub fn evidence_rows() -> Vec<Row> {
    use Method as M;
    vec![
        row(
            M::POST,
            "/api/v1/evidence/import",
            "/api/v1/evidence/import",
            Some(
                r#"{"csv":"username,competency,source,phase,level,date\ntarget.lci,ETHI,supervisor,before,2,2026-09-01","dry_run":true}"#,
            ),
            [200, 400, 403, 200, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/evidence/{lci_evidence}/void",
            "/api/v1/evidence/{id}/void",
            Some(r#"{"reason":"Nhập nhầm"}"#),
            [204, 404, 404, 409, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/ratings",
            "/api/v1/cohorts/{id}/ratings",
            Some(
                r#"{"form_id":"{attempt_id}","learner":"{mai}","phase":"before","levels":{"{law}":3}}"#,
            ),
            [404, 404, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/ratings/form?cohort={cohort}&learner={mai}&phase=before",
            "/api/v1/ratings/form",
            None,
            [404, 404, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/peer-invitations",
            "/api/v1/cohorts/{id}/peer-invitations",
            Some(r#"{"learner":"{mai}","peer":"hv.tuan","phase":"after"}"#),
            [404, 404, 204, 204, 204, 401],
        ),
        row(
            M::GET,
            "/api/v1/inbox",
            "/api/v1/inbox",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/gains?org_unit={lci_unit}",
            "/api/v1/reports/gains",
            None,
            [200, 404, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/gains.csv?org_unit={dlk_unit}",
            "/api/v1/reports/gains.csv",
            None,
            [200, 200, 403, 404, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/rating-gaps.csv",
            "/api/v1/reports/rating-gaps.csv",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        // Lào Cai has the demo's finished class (24 with both tests); Đắk Lắk fewer than
        // five, so nobody gets its list, whatever their reach.
        row(
            M::GET,
            "/api/v1/reports/gains/learners?of={law}&measure=test:after",
            "/api/v1/reports/gains/learners",
            None,
            [200, 403, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/gains/learners?of={law}&measure=test:after&org_unit={dlk_unit}",
            "/api/v1/reports/gains/learners",
            None,
            [403, 403, 403, 404, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/needs?org_unit={lci_unit}",
            "/api/v1/reports/needs",
            None,
            [200, 404, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/needs.csv?org_unit={dlk_unit}",
            "/api/v1/reports/needs.csv",
            None,
            [200, 200, 403, 404, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/cohorts/{cohort}/kirkpatrick",
            "/api/v1/reports/cohorts/{id}/kirkpatrick",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/reports/cohorts/{cohort}/reaction.csv",
            "/api/v1/reports/cohorts/{id}/reaction.csv",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/learners/{lci_user}/record",
            "/api/v1/learners/{id}/record",
            None,
            [200, 404, 404, 200, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/cohorts/{cohort}/needs-enrolments",
            "/api/v1/cohorts/{id}/needs-enrolments",
            Some(r#"{"learners":["{lci_user}"]}"#),
            [200, 400, 403, 200, 403, 401],
        ),
    ]
}
