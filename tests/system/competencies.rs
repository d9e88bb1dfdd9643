//! The competency framework and position profiles over the API.

use reqwest::StatusCode;

use crate::helpers::{As, TestApp, json, on_both_databases};

on_both_databases!(
    the_demo_framework_and_profiles_are_served_in_both_languages,
    a_new_framework_version_comes_from_the_exported_csv,
    national_admins_maintain_frameworks_and_profiles_from_the_pages,
);

async fn the_demo_framework_and_profiles_are_served_in_both_languages(app: TestApp) {
    app.seed_demo().await;
    let mai = As::sign_in(&app, "hv.mai", "hoc-vien-y-ty").await;
    let get = |path: String| {
        let mai = &mai;
        async move { mai.get(&path).await }
    };
    let frameworks = json(get("/api/v1/competency-frameworks".into()).await).await;
    let framework = &frameworks[0];
    assert_eq!(framework["code"], "COMMUNE-LEADERS");
    assert_eq!(framework["version"], 1);
    let levels = framework["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 5);
    assert_eq!(levels[2]["name_vi"], "Đạt");
    assert_eq!(
        levels[2]["proficient"], true,
        "levels 3 and up are proficient"
    );
    assert_eq!(levels[1]["proficient"], false);
    let codes: Vec<&str> = framework["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "LEAD", "DECI", "INSP", "SITU", "MOBI", "CONF", "LAW", "DIGI", "ETHI"
        ]
    );
    assert_eq!(
        framework["competencies"][5]["name_en"],
        "Resolving complaints, disputes and conflicts"
    );

    let positions = json(get("/api/v1/positions".into()).await).await;
    let justice = positions
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "CS_JUSTICE")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let profile = json(get(format!("/api/v1/positions/{justice}/profile")).await).await;
    let law = profile["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_code"] == "LAW")
        .unwrap();
    assert_eq!(law["required_level"], 4);

    let missing = get(format!(
        "/api/v1/positions/{}/profile",
        uuid::Uuid::new_v4()
    ))
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

on_both_databases!(the_framework_page_shows_groups_and_scale_in_the_chosen_language);

async fn the_framework_page_shows_groups_and_scale_in_the_chosen_language(app: TestApp) {
    app.seed_demo().await;
    let signed = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[("username", "hv.mai"), ("password", "hoc-vien-y-ty")],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let html =
        crate::helpers::without_comments(&app.get("/competencies").await.text().await.unwrap());
    assert!(html.contains("<h1>Khung năng lực cán bộ lãnh đạo, quản lý cấp xã</h1>"));
    assert!(html.contains("<h2>Làm việc với nhân dân</h2>"));
    assert!(html.contains("Giải quyết khiếu nại, tranh chấp, xung đột"));
    assert!(
        html.contains("<td>Đạt</td><td>Tự làm được các việc thường gặp ở xã.</td><td>✓</td>"),
        "level 3 is marked proficient"
    );
    assert!(
        html.contains(
            "<td>Cơ bản</td><td>Làm được việc quen thuộc khi có hướng dẫn.</td><td></td>"
        )
    );

    let page = app.get("/profile").await.text().await.unwrap();
    let start = page.find("name=\"csrf\" value=\"").unwrap() + 19;
    let token = page[start..].split('"').next().unwrap().to_owned();
    app.post_form(
        "/api/v1/preferences/locale",
        &[("locale", "en"), ("csrf", &token)],
    )
    .await;
    let html =
        crate::helpers::without_comments(&app.get("/competencies").await.text().await.unwrap());
    assert!(html.contains("<h2>Working with citizens</h2>"));
    assert!(html.contains(
        "<td>Proficient</td><td>Handles the usual commune tasks independently.</td><td>✓</td>"
    ));
}

on_both_databases!(a_framework_exports_as_csv_with_its_scale_and_competencies);

async fn a_framework_exports_as_csv_with_its_scale_and_competencies(app: TestApp) {
    app.seed_demo().await;
    let lan = As::sign_in(&app, "gv.lan", "giang-vien-lao-cai").await;
    let frameworks = lan.get_json("/api/v1/competency-frameworks").await;
    let id = frameworks[0]["id"].as_str().unwrap().to_owned();
    let response = lan
        .get(&format!("/api/v1/competency-frameworks/{id}/export.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "section,code,level,group_vi,group_en,kind,name_vi,name_en,descriptor_vi,descriptor_en,proficient"
    );
    assert_eq!(
        lines.len(),
        1 + 5 + 9,
        "a header, five levels, nine competencies"
    );
    assert!(
        lines[3].starts_with("level,,3,,,,Đạt,Proficient,") && lines[3].ends_with(",yes"),
        "{}",
        lines[3]
    );
    assert!(csv.contains("competency,CONF,,Làm việc với nhân dân,Working with citizens,skill,\"Giải quyết khiếu nại, tranh chấp, xung đột\",\"Resolving complaints, disputes and conflicts\",,,"), "{csv}");

    let missing = lan
        .get(&format!(
            "/api/v1/competency-frameworks/{}/export.csv",
            uuid::Uuid::new_v4()
        ))
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

async fn bearer(app: &TestApp, username: &str, password: &str) -> String {
    As::sign_in(app, username, password).await.token
}

async fn send(
    app: &TestApp,
    token: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> reqwest::Response {
    let who = As::new(app, token);
    match body {
        Some(body) => who.post(path, &body).await,
        None => who.get(path).await,
    }
}

async fn a_new_framework_version_comes_from_the_exported_csv(app: TestApp) {
    app.seed_demo().await;
    let admin = bearer(&app, "admin", "truong-chinh-tri-2026").await;
    let frameworks = json(send(&app, &admin, "/api/v1/competency-frameworks", None).await).await;
    let v1 = frameworks[0]["id"].as_str().unwrap().to_owned();
    let csv = send(
        &app,
        &admin,
        &format!("/api/v1/competency-frameworks/{v1}/export.csv"),
        None,
    )
    .await
    .text()
    .await
    .unwrap();
    let edited = format!(
        "{csv}competency,GOV_DATA,,Kỹ năng số,Digital skills,digital,Quản trị dữ liệu dân cư,Population data management,,,\n"
    );
    let created = send(
        &app,
        &admin,
        "/api/v1/competency-frameworks/import",
        Some(serde_json::json!({ "code": "COMMUNE-LEADERS", "name_vi": "Khung năng lực cán bộ cấp xã (2027)", "csv": edited })),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created = json(created).await;
    assert_eq!(created["version"], 2, "the same code gets the next version");
    let frameworks = json(send(&app, &admin, "/api/v1/competency-frameworks", None).await).await;
    assert_eq!(frameworks[0]["version"], 2, "newest first");
    assert_eq!(frameworks[0]["competencies"].as_array().unwrap().len(), 10);
    assert_eq!(
        frameworks[0]["levels"], frameworks[1]["levels"],
        "the scale came through the CSV unchanged"
    );
    assert_eq!(
        frameworks[1]["competencies"].as_array().unwrap().len(),
        9,
        "version 1 is untouched"
    );

    // Mistakes are named by line, and nothing is created.
    let broken = send(
        &app,
        &admin,
        "/api/v1/competency-frameworks/import",
        Some(serde_json::json!({ "code": "BROKEN", "name_vi": "Hỏng", "csv": format!("{csv}competency,LEAD,,Nhóm,Group,magic,Tên,Name,,,\n") })),
    )
    .await;
    assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    let problems: Vec<(u64, String, String)> = json(broken).await["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or_default(),
                f["code"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        problems
            .iter()
            .any(|(line, code, m)| *line == 16 && code == "competency_twice" && m.contains("LEAD")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|(line, code, _)| *line == 16 && code == "competency_kind"),
        "{problems:?}"
    );
    assert_eq!(
        json(send(&app, &admin, "/api/v1/competency-frameworks", None).await)
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The version in use (courses, profiles) stays; the unused one can go.
    let in_use = send(
        &app,
        &admin,
        &format!("/api/v1/competency-frameworks/{v1}/delete"),
        Some(serde_json::json!({})),
    )
    .await;
    assert_eq!(in_use.status(), StatusCode::CONFLICT);
    let v2 = created["id"].as_str().unwrap();
    let positions = json(send(&app, &admin, "/api/v1/positions", None).await).await;
    let justice = positions
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "CS_JUSTICE")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let set = send(
        &app,
        &admin,
        &format!("/api/v1/positions/{justice}/profile"),
        Some(serde_json::json!({ "framework_id": v2, "levels": { "GOV_DATA": 3, "LAW": 4 } })),
    )
    .await;
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let profile = json(
        send(
            &app,
            &admin,
            &format!("/api/v1/positions/{justice}/profile"),
            None,
        )
        .await,
    )
    .await;
    let data = profile["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_code"] == "GOV_DATA")
        .cloned();
    assert_eq!(data.unwrap()["required_level"], 3);
    let beyond = send(
        &app,
        &admin,
        &format!("/api/v1/positions/{justice}/profile"),
        Some(serde_json::json!({ "framework_id": v2, "levels": { "LAW": 9 } })),
    )
    .await;
    assert_eq!(beyond.status(), StatusCode::BAD_REQUEST);
    // Clearing v2's profile frees it for deletion.
    let cleared = send(
        &app,
        &admin,
        &format!("/api/v1/positions/{justice}/profile"),
        Some(serde_json::json!({ "framework_id": v2, "levels": {} })),
    )
    .await;
    assert_eq!(cleared.status(), StatusCode::NO_CONTENT);
    let gone = send(
        &app,
        &admin,
        &format!("/api/v1/competency-frameworks/{v2}/delete"),
        Some(serde_json::json!({})),
    )
    .await;
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);

    let lecturer = bearer(&app, "gv.lan", "giang-vien-lao-cai").await;
    let refused = send(
        &app,
        &lecturer,
        "/api/v1/competency-frameworks/import",
        Some(serde_json::json!({ "code": "GV", "name_vi": "Của giảng viên", "csv": csv })),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

async fn national_admins_maintain_frameworks_and_profiles_from_the_pages(app: TestApp) {
    use crate::helpers::{form_token, page, sign_in_form};
    app.seed_demo().await;
    sign_in_form(&app, "gv.lan", "giang-vien-lao-cai").await;
    let (_, html) = page(&app, "/competencies").await;
    assert!(
        !html.contains("/api/v1/competency-frameworks/import"),
        "lecturers read only"
    );
    app.client
        .post(app.url("/api/v1/auth/sign-out"))
        .send()
        .await
        .unwrap();

    sign_in_form(&app, "admin", "truong-chinh-tri-2026").await;
    let (_, html) = page(&app, "/competencies").await;
    assert!(html.contains("action=\"/api/v1/competency-frameworks/import\""));
    let token = form_token(&html);
    let csv = "section,code,level,group_vi,group_en,kind,name_vi,name_en,descriptor_vi,descriptor_en,proficient\n\
               level,,1,,,,Đạt,Met,Làm được việc,Can do the work,yes\n\
               competency,MEDIATE,,Làm việc với nhân dân,Working with citizens,skill,Hòa giải,Mediation,,,\n";
    let posted = app
        .post_form(
            "/api/v1/competency-frameworks/import",
            &[
                ("csv", csv),
                ("code", "HOA-GIAI"),
                ("name_vi", "Khung năng lực hòa giải viên"),
                ("csrf", token.as_str()),
            ],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        posted.headers()["location"],
        "/competencies?saved=created&what=framework"
    );
    let (_, html) = page(&app, "/competencies").await;
    assert!(html.contains("Khung năng lực hòa giải viên") && html.contains("MEDIATE"));

    let (_, positions) = page(&app, "/admin/positions").await;
    let start = positions.find("/admin/positions/").unwrap();
    let link = positions[start..].split('"').next().unwrap().to_owned();
    let (_, html) = page(&app, &link).await;
    assert!(
        html.contains("/profile\""),
        "the position page has the profile form"
    );
    assert!(
        html.contains("name=\"level.LEAD\""),
        "for the first framework by default"
    );
    let start = html
        .rfind("?framework=")
        .expect("links to the other versions");
    let other = html[start..].split('"').next().unwrap().to_owned();
    let (_, html) = page(&app, &format!("{link}{other}")).await;
    assert!(
        html.contains("name=\"level.MEDIATE\""),
        "and for the chosen one"
    );
}
