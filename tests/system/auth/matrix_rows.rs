//! The rows of the authorisation matrix: one per endpoint and object, with the exact
//! status each actor must get.

use reqwest::Method;

pub struct Row {
    pub method: Method,
    /// Path with `{lci_user}`, `{dlk_user}`, `{lci_unit}`, `{dlk_unit}`, `{position}`,
    /// `{framework}`, `{course}`, `{other_course}`, `{khac}`, `{job}`.
    pub path: &'static str,
    /// The OpenAPI path this row covers.
    pub documented: &'static str,
    /// Body; `{n}` becomes the actor's index, for unique names.
    pub body: Option<&'static str>,
    /// admin, admin.daklak, lecturer, supervisor, learner, anonymous.
    pub expect: [u16; 6],
}

pub fn row(
    method: Method,
    path: &'static str,
    documented: &'static str,
    body: Option<&'static str>,
    expect: [u16; 6],
) -> Row {
    Row {
        method,
        path,
        documented,
        body,
        expect,
    }
}

pub fn rows() -> Vec<Row> {
    use Method as M;
    let mut rows = vec![
        row(
            M::GET,
            "/healthz",
            "/healthz",
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        row(
            M::GET,
            "/readyz",
            "/readyz",
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        row(
            M::GET,
            "/api/v1/openapi.json",
            "/api/v1/openapi.json",
            None,
            [200; 6],
        ),
        row(
            M::POST,
            "/api/v1/preferences/locale",
            "/api/v1/preferences/locale",
            Some(r#"{"locale":"vi"}"#),
            [200; 6],
        ),
        row(
            M::POST,
            "/api/v1/auth/sign-in",
            "/api/v1/auth/sign-in",
            Some(r#"{"username":"nobody","password":"wrong password"}"#),
            [401; 6],
        ),
        row(
            M::POST,
            "/api/v1/auth/refresh",
            "/api/v1/auth/refresh",
            Some(r#"{"refresh_token":"not-a-token"}"#),
            [401; 6],
        ),
        row(
            M::GET,
            "/api/v1/auth/me",
            "/api/v1/auth/me",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/auth/queue-key",
            "/api/v1/auth/queue-key",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/auth/password",
            "/api/v1/auth/password",
            Some(r#"{"current_password":"not my password","new_password":"a long new password"}"#),
            [400, 400, 400, 400, 400, 401],
        ),
        // Accounts.
        row(
            M::GET,
            "/api/v1/users",
            "/api/v1/users",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            None,
            [200, 404, 404, 200, 404, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/{dlk_user}",
            "/api/v1/users/{id}",
            None,
            [200, 200, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users",
            "/api/v1/users",
            Some(
                r#"{"username":"new.lci.{n}","full_name":"Người Mới","password":"mật khẩu ban đầu","org_unit_id":"{lci_unit}","roles":[{"role":"learner","scope_org_unit_id":null}]}"#,
            ),
            [201, 400, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/users",
            "/api/v1/users",
            Some(
                r#"{"username":"new.dlk.{n}","full_name":"Người Mới","password":"mật khẩu ban đầu","org_unit_id":"{dlk_unit}","roles":[{"role":"learner","scope_org_unit_id":null}]}"#,
            ),
            [201, 201, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0912 345 678"}"#),
            [200, 404, 404, 403, 404, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/users/{dlk_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0912 345 678"}"#),
            [200, 200, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}",
            "/api/v1/users/{id}",
            Some(r#"{"phone":"0913 000 000"}"#),
            [200, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/password",
            "/api/v1/users/{id}/password",
            Some(r#"{"new_password":"mật khẩu đặt lại"}"#),
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/password",
            "/api/v1/users/{id}/password",
            Some(r#"{"new_password":"mật khẩu đặt lại"}"#),
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/disable",
            "/api/v1/users/{id}/disable",
            None,
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{lci_user}/enable",
            "/api/v1/users/{id}/enable",
            None,
            [204, 404, 404, 403, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/disable",
            "/api/v1/users/{id}/disable",
            None,
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/{dlk_user}/enable",
            "/api/v1/users/{id}/enable",
            None,
            [204, 204, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/users/import",
            "/api/v1/users/import",
            Some(
                r#"{"dry_run":true,"csv":"username,full_name,org_unit_code,roles,password\nimport.{n},Nhập Thử,VN-DLK-EAPHE,learner,mật khẩu nhập thử\n"}"#,
            ),
            [200, 200, 403, 403, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/jobs",
            "/api/v1/jobs",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        // Only the one who started a job may follow it; to anyone else it does not exist.
        row(
            M::GET,
            "/api/v1/jobs/{job}",
            "/api/v1/jobs/{id}",
            None,
            [200, 404, 404, 404, 404, 401],
        ),
        row(
            M::GET,
            "/api/v1/users/export.csv",
            "/api/v1/users/export.csv",
            None,
            [200, 200, 403, 200, 403, 401],
        ),
        // The org tree.
        row(
            M::GET,
            "/api/v1/org-units",
            "/api/v1/org-units",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/org-units",
            "/api/v1/org-units",
            Some(
                r#"{"parent_id":"{lci_unit}","code":"T-LCI-{n}","name":"Thôn Mới","kind":"commune"}"#,
            ),
            [201, 400, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/org-units",
            "/api/v1/org-units",
            Some(
                r#"{"parent_id":"{dlk_unit}","code":"T-DLK-{n}","name":"Buôn Mới","kind":"commune"}"#,
            ),
            [201, 201, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/org-units/{lci_unit}",
            "/api/v1/org-units/{id}",
            Some(r#"{"region":"Tây Bắc"}"#),
            [200, 403, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/org-units/{dlk_unit}",
            "/api/v1/org-units/{id}",
            Some(r#"{"region":"Tây Nguyên"}"#),
            [200, 200, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/org-units/{dlk_unit}",
            "/api/v1/org-units/{id}",
            Some(r#"{"region":"Tây Nguyên"}"#),
            [200, 200, 403, 403, 403, 401],
        ),
        // Positions.
        row(
            M::GET,
            "/api/v1/positions",
            "/api/v1/positions",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/positions",
            "/api/v1/positions",
            Some(r#"{"code":"NEW_{n}","name_vi":"Chức danh mới","name_en":"New position"}"#),
            [201, 403, 403, 403, 403, 401],
        ),
        row(
            M::PATCH,
            "/api/v1/positions/{position}",
            "/api/v1/positions/{id}",
            Some(r#"{"name_en":"Civil servant, Justice and Civil Status"}"#),
            [200, 403, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/positions/{position}",
            "/api/v1/positions/{id}",
            Some(r#"{"name_vi":"Công chức Tư pháp – Hộ tịch"}"#),
            [200, 403, 403, 403, 403, 401],
        ),
        row(
            M::GET,
            "/api/v1/competency-frameworks",
            "/api/v1/competency-frameworks",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/positions/{position}/profile",
            "/api/v1/positions/{id}/profile",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::GET,
            "/api/v1/competency-frameworks/{framework}/export.csv",
            "/api/v1/competency-frameworks/{id}/export.csv",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/competency-frameworks/import",
            "/api/v1/competency-frameworks/import",
            Some(
                r#"{"code":"MX-{n}","name_vi":"Khung {n}","csv":"section,code,level,group_vi,group_en,kind,name_vi,name_en,descriptor_vi,descriptor_en,proficient\nlevel,,1,,,,Đạt,Met,Làm được,Can do,yes\ncompetency,LAW,,Kiến thức,Knowledge,knowledge,Pháp luật,Law,,,\n"}"#,
            ),
            [201, 403, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/competency-frameworks/{framework}/delete",
            "/api/v1/competency-frameworks/{id}/delete",
            None,
            [409, 403, 403, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/positions/{position}/profile",
            "/api/v1/positions/{id}/profile",
            Some(r#"{"framework_id":"{framework}","levels":{"LAW":3,"CONF":2}}"#),
            [204, 403, 403, 403, 403, 401],
        ),
    ];
    rows.extend(super::matrix_course_rows::course_rows());
    rows.extend(super::matrix_learning_rows::learning_rows());
    rows.extend(super::matrix_evidence_rows::evidence_rows());
    // Last: it ends each actor's session.
    rows.push(row(
        M::POST,
        "/api/v1/auth/sign-out",
        "/api/v1/auth/sign-out",
        None,
        [200; 6],
    ));
    rows
}
