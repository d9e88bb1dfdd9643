//! The administration pages, as plain HTML: who may see them, and the form round trips.

use reqwest::StatusCode;

use crate::helpers::{
    TestApp, form_token, job_page_when_ended, on_both_databases, page, sign_in_form,
};

on_both_databases!(
    admin_pages_show_what_the_viewer_may_see,
    creating_an_account_through_the_form,
    a_failed_form_comes_back_with_the_problems_and_the_typed_values,
    importing_csv_through_the_page_previews_then_applies,
    renaming_an_org_unit_and_a_position_through_their_forms,
);

async fn admin_pages_show_what_the_viewer_may_see(app: TestApp) {
    app.seed_demo().await;
    let anonymous = app.get_with("/admin/users", "accept", "text/html").await;
    assert_eq!(anonymous.status(), StatusCode::FOUND);
    assert!(
        anonymous.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );

    sign_in_form(&app, "ql.hung", "quan-ly-bat-xat").await;
    let (status, html) = page(&app, "/admin/users").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Giàng Thị Mai"),
        "a Lào Cai learner is listed"
    );
    assert!(!html.contains("Y Tuấn Êban"), "a Đắk Lắk learner is not");
    assert!(
        !html.contains("href=\"/admin/users/new\""),
        "a supervisor creates no accounts"
    );
    let (_, html) = page(&app, "/admin/users?q=giang").await;
    assert!(
        html.contains("data-testid=\"total\">1</strong>"),
        "search without diacritics"
    );

    let other = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let signed = other
        .post(app.url("/api/v1/auth/sign-in"))
        .form(&[("username", "hv.mai"), ("password", "hoc-vien-y-ty")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let learner = other.get(app.url("/admin/users")).send().await.unwrap();
    assert_eq!(learner.status(), StatusCode::FORBIDDEN);
    assert!(
        learner
            .text()
            .await
            .unwrap()
            .contains("Không có quyền truy cập")
    );

    let (status, html) = page(&app, "/admin/org-units").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<li class=\"depth-3\"><strong>Xã Ea Kly</strong>"),
        "the tree shows every level"
    );
    assert!(
        !html.contains(" style="),
        "no inline styles: the page policy would block them"
    );
    let (status, html) = page(&app, "/admin/positions").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Công chức Tư pháp – Hộ tịch"));
    assert!(
        !html.contains("action=\"/api/v1/positions\""),
        "only national admins add positions"
    );
}

async fn creating_an_account_through_the_form(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "admin", "truong-chinh-tri-2026").await;
    let (status, html) = page(&app, "/admin/users/new").await;
    assert_eq!(status, StatusCode::OK);
    let token = form_token(&html);
    let unit = html
        .split("<option value=\"")
        .filter_map(|s| s.split_once("\">"))
        .find(|(_, label)| label.contains("Xã Y Tý"))
        .map(|(id, _)| id.to_owned())
        .expect("Y Tý is offered");

    let created = app
        .client
        .post(app.url("/api/v1/users"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "csrf={token}&username=vang.sung&full_name=V%C3%A0ng+A+S%C3%BAng&email=&phone=&org_unit_id={unit}&position_id=&roles=learner&roles=supervisor&password=th%E1%BB%8B+tr%E1%BA%A5n+y+t%C3%BD"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/admin/users/") && location.ends_with("?saved=created&what=account"),
        "{location}"
    );
    let (status, html) = page(&app, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Đã tạo tài khoản."));
    assert!(html.contains("Vàng A Súng") && html.contains("Xã Y Tý"));
    assert!(
        html.contains("Cán bộ quản lý, Học viên") || html.contains("Học viên, Cán bộ quản lý"),
        "both roles"
    );
    app.sign_in_json("vang.sung", "thị trấn y tý").await;
}

async fn a_failed_form_comes_back_with_the_problems_and_the_typed_values(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "admin", "truong-chinh-tri-2026").await;
    let (_, html) = page(&app, "/admin/users/new").await;
    let token = form_token(&html);
    let failed = app
        .post_form(
            "/api/v1/users",
            &[
                ("csrf", token.as_str()),
                ("username", "Sai Tên"),
                ("full_name", "Lò Thị Xuân"),
                ("email", "x"),
                ("roles", "learner"),
                ("password", "123"),
            ],
        )
        .await;
    assert_eq!(failed.status(), StatusCode::SEE_OTHER);
    let location = failed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/admin/users/new?error=invalid_input"),
        "{location}"
    );
    assert!(
        !location.contains("password=123"),
        "passwords are never sent back"
    );
    let (_, html) = page(&app, &location).await;
    assert!(html.contains("Chưa lưu được. Vui lòng kiểm tra:"));
    for label in [
        "<li>Tên đăng nhập</li>",
        "<li>Email</li>",
        "<li>Mật khẩu</li>",
    ] {
        assert!(html.contains(label), "{label} is not flagged");
    }
    assert!(
        html.contains("value=\"Lò Thị Xuân\""),
        "what was typed is kept"
    );
}

async fn importing_csv_through_the_page_previews_then_applies(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "admin", "truong-chinh-tri-2026").await;
    let (status, html) = page(&app, "/admin/users/import").await;
    assert_eq!(status, StatusCode::OK);
    let token = form_token(&html);

    // A file with a problem: the preview lists it by line, in the page's language.
    let bad = "username,full_name,email,org_unit_code,roles,password\nsa.pa,Sa Pa,khong-phai-email,VN-LCI-SAPA,learner,ruộng bậc thang\n";
    let posted = app
        .post_form(
            "/api/v1/users/import",
            &[("csrf", token.as_str()), ("dry_run", "true"), ("csv", bad)],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let location = posted.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/admin/users/import?draft="),
        "{location}"
    );
    let (_, html) = page(&app, &location).await;
    assert!(
        html.contains("Dòng 2 · Email"),
        "the problem is shown by line and column"
    );
    assert!(
        !html.contains("name=\"draft_id\""),
        "no apply button while there are problems"
    );

    // A good file: preview, then apply.
    let good = "username,full_name,org_unit_code,roles,password\nsa.pa,Lý Thị Sa,VN-LCI-SAPA,learner,ruộng bậc thang\nbac.ha,Hoàng Văn Hà,VN-LCI-BACHA,learner,chợ phiên bắc hà\n";
    let posted = app
        .post_form(
            "/api/v1/users/import",
            &[("csrf", token.as_str()), ("dry_run", "true"), ("csv", good)],
        )
        .await;
    let location = posted.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = page(&app, &location).await;
    let counts = html
        .split("data-testid=\"import-counts\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_default();
    assert!(
        counts.starts_with("Tạo mới: 2"),
        "the preview counts the new accounts: {counts}"
    );
    let users_before = page(&app, "/admin/users").await.1;
    assert!(
        !users_before.contains("Lý Thị Sa"),
        "a preview changes nothing"
    );
    let draft = location.split("draft=").nth(1).unwrap().to_owned();

    // Another administrator cannot see or apply this draft.
    let other = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    other
        .post(app.url("/api/v1/auth/sign-in"))
        .form(&[
            ("username", "admin.daklak"),
            ("password", "cao-nguyen-dak-lak"),
        ])
        .send()
        .await
        .unwrap();
    let theirs = other.get(app.url(&location)).send().await.unwrap();
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);

    let applied = app
        .post_form(
            "/api/v1/users/import",
            &[
                ("csrf", token.as_str()),
                ("dry_run", "false"),
                ("draft_id", draft.as_str()),
            ],
        )
        .await;
    assert_eq!(applied.status(), StatusCode::SEE_OTHER);
    let location = applied.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/admin/users/import?job="),
        "{location}"
    );
    let html = job_page_when_ended(&app, &location).await;
    assert!(
        html.contains("data-state=\"done\"") && html.contains("Đã nhập xong"),
        "{html}"
    );
    assert!(html.contains("Tạo mới: 2"), "it says what it did");
    assert!(page(&app, "/admin/users").await.1.contains("Lý Thị Sa"));
    // Another administrator is told there is no such job.
    let theirs = other.get(app.url(&location)).send().await.unwrap();
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    app.sign_in_json("bac.ha", "chợ phiên bắc hà").await;
}

async fn renaming_an_org_unit_and_a_position_through_their_forms(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "admin", "truong-chinh-tri-2026").await;
    let (_, tree) = page(&app, "/admin/org-units").await;
    let link = tree
        .split("<a href=\"/admin/org-units/")
        .find_map(|s| {
            s.split_once("\"><strong>Xã Y Tý</strong>")
                .map(|(id, _)| id.to_owned())
        })
        .expect("admins get an edit link per unit");
    let (status, form) = page(&app, &format!("/admin/org-units/{link}")).await;
    assert_eq!(status, StatusCode::OK);
    let token = form_token(&form);
    let saved = app
        .post_form(
            &format!("/api/v1/org-units/{link}"),
            &[
                ("csrf", token.as_str()),
                ("code", "VN-LCI-YTY"),
                ("name", "Xã Y Tý (mới)"),
                ("kind", "commune"),
                ("region", ""),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        saved.headers()["location"],
        "/admin/org-units?saved=updated"
    );
    assert!(
        page(&app, "/admin/org-units")
            .await
            .1
            .contains("Xã Y Tý (mới)")
    );

    // A code that is taken comes back to the form.
    let clash = app
        .post_form(
            &format!("/api/v1/org-units/{link}"),
            &[("csrf", token.as_str()), ("code", "VN-LCI-SAPA")],
        )
        .await;
    let location = clash.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("/admin/org-units/{link}?error=conflict")),
        "{location}"
    );

    let (_, positions) = page(&app, "/admin/positions").await;
    let position = positions
        .split("<a href=\"/admin/positions/")
        .find_map(|s| {
            s.split_once("\"><code>CS_CULTURE</code>")
                .map(|(id, _)| id.to_owned())
        })
        .expect("national admins get an edit link per position");
    let saved = app
        .post_form(
            &format!("/api/v1/positions/{position}"),
            &[
                ("csrf", token.as_str()),
                ("name_en", "Civil servant, Culture and Society"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert!(
        page(&app, "/admin/positions")
            .await
            .1
            .contains("Civil servant, Culture and Society")
    );
}
