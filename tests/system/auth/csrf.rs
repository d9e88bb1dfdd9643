//! Cross-site forms are refused; the same form from the app's own page goes through.

use reqwest::StatusCode;
use shared::Role;

use crate::helpers::{TestApp, json, on_both_databases};

on_both_databases!(cross_site_posts_are_refused_and_own_forms_succeed);

fn form_token(html: &str) -> String {
    let start = html
        .find("name=\"csrf\" value=\"")
        .expect("a form token on the page")
        + 19;
    html[start..].split('"').next().unwrap().to_owned()
}

async fn cross_site_posts_are_refused_and_own_forms_succeed(app: TestApp) {
    app.create_user("dung.ngo", "sông hồng phù sa", &[Role::Learner])
        .await;
    let signed_in = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[("username", "dung.ngo"), ("password", "sông hồng phù sa")],
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let change = [
        ("current_password", "sông hồng phù sa"),
        ("new_password", "đê điều vững chắc"),
    ];

    // A page on another site submits the form: the browser says so.
    let cross = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .header("sec-fetch-site", "cross-site")
        .form(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(cross).await["error"]["code"], "forbidden");

    // An older browser without Sec-Fetch-Site: the Origin gives it away.
    let foreign_origin = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .header("origin", "https://evil.example")
        .form(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign_origin.status(), StatusCode::FORBIDDEN);

    // Forwarded-host headers from anyone but a trusted proxy change nothing: the attacker's
    // page cannot make its origin look like this site's host.
    for (name, value) in [
        ("x-forwarded-host", "evil.example"),
        ("forwarded", "host=evil.example;proto=https"),
    ] {
        let forged = app
            .client
            .post(app.url("/api/v1/auth/password"))
            .header("origin", "https://evil.example")
            .header(name, value)
            .form(&change)
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN, "{name}");
        // A browser with no language chosen reads Vietnamese.
        assert_eq!(
            json(forged).await["error"]["message"],
            "Yêu cầu đến từ trang web khác nên bị từ chối."
        );
    }

    // Same site but no form token (e.g. a forged request from a compromised subdomain).
    let tokenless = app.post_form("/api/v1/auth/password", &change).await;
    assert_eq!(tokenless.status(), StatusCode::FORBIDDEN);

    // The app's own profile form, with its token, works.
    let page = app.get("/profile").await.text().await.unwrap();
    let token = form_token(&page);
    let own = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.address.clone())
        .form(&[change[0], change[1], ("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::SEE_OTHER);
    assert_eq!(own.headers()["location"], "/profile?changed=1");
    app.sign_in_json("dung.ngo", "đê điều vững chắc").await;
}
