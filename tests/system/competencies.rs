//! The competency framework and position profiles over the API.

use reqwest::StatusCode;

use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(the_demo_framework_and_profiles_are_served_in_both_languages);

async fn the_demo_framework_and_profiles_are_served_in_both_languages(app: TestApp) {
    app.seed_demo().await;
    let token = app.sign_in_json("hv.mai", "hoc-vien-y-ty").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let get = |path: String| {
        let token = token.clone();
        let url = app.url(&path);
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
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
    let token = app.sign_in_json("gv.lan", "giang-vien-lao-cai").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = reqwest::Client::new();
    let frameworks = json(
        client
            .get(app.url("/api/v1/competency-frameworks"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let id = frameworks[0]["id"].as_str().unwrap().to_owned();
    let response = client
        .get(app.url(&format!("/api/v1/competency-frameworks/{id}/export.csv")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
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

    let missing = client
        .get(app.url(&format!(
            "/api/v1/competency-frameworks/{}/export.csv",
            uuid::Uuid::new_v4()
        )))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
