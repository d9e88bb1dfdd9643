//! Pages as a browser loads them: signed in with cookies, forms with their token.

use super::{TestApp, env_flag, workspace_root};

/// The page's HTML without comments and `<!>` text-node markers, for matching what shows.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace("<!>", "")
}

/// Whether the built site (wasm bundle, stylesheet) is present; required when
/// `FIELDSCHOOL_TEST_REQUIRE_SITE=1` (the README's test command builds it first).
pub fn site_is_built() -> bool {
    let built = workspace_root()
        .join("target/site/pkg/manifest.json")
        .exists();
    if !built {
        assert!(
            !env_flag("FIELDSCHOOL_TEST_REQUIRE_SITE"),
            "the site is required but not built: run scripts/build-site.sh"
        );
        eprintln!("skipped: the site is not built (scripts/build-site.sh)");
    }
    built
}

pub fn site_manifest() -> serde_json::Value {
    let path = workspace_root().join("target/site/pkg/manifest.json");
    let text = std::fs::read_to_string(path).expect("manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

/// The `Set-Cookie` headers of a response.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// Signs in through the form, as a browser does; the app's client keeps the cookies.
pub async fn sign_in_form(app: &TestApp, username: &str, password: &str) {
    let response = app
        .post_form(
            "/api/v1/auth/sign-in",
            &[("username", username), ("password", password)],
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
}

/// A client of its own that keeps cookies and does not follow redirects, as a browser
/// would be: signed in through the form as `who`, or anonymous.
pub async fn browser_client(app: &TestApp, who: Option<(&str, &str)>) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("no HTTP client");
    if let Some((username, password)) = who {
        let signed = client
            .post(app.url("/api/v1/auth/sign-in"))
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .unwrap_or_else(|e| panic!("signing in {username}: {e}"));
        assert_eq!(
            signed.status(),
            reqwest::StatusCode::SEE_OTHER,
            "{username} signs in"
        );
    }
    client
}

/// The text of `url` as `client` gets it.
pub async fn text_of(client: &reqwest::Client, url: &str) -> String {
    let response = client
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {url} failed: {e}"));
    response
        .text()
        .await
        .unwrap_or_else(|e| panic!("GET {url}: no text: {e}"))
}

/// Posts a form as the app's browser and follows the redirect: the address and its page.
pub async fn post_form_and_follow(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (String, String) {
    let response = app.post_form(path, fields).await;
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_else(|| panic!("POST {path} did not redirect: {}", response.status()))
        .to_owned();
    let (_, html) = page(app, &location).await;
    (location, html)
}

/// The page of an accepted import's job at `location`, loaded until the job has ended: it
/// reloads itself without scripts while the job runs, showing how far it is, and stays
/// once the job has ended.
pub async fn job_page_when_ended(app: &TestApp, location: &str) -> String {
    for _ in 0..600 {
        let html = page(app, location).await.1;
        if !html.contains("data-state=\"queued\"") && !html.contains("data-state=\"running\"") {
            assert!(
                !html.contains("http-equiv=\"refresh\""),
                "an ended job's page stays"
            );
            return html;
        }
        assert!(
            html.contains("http-equiv=\"refresh\""),
            "a running job's page reloads itself"
        );
        assert!(html.contains("<progress"), "and shows how far it is");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the job on {location} did not end within 60 s");
}

pub async fn page(app: &TestApp, path: &str) -> (reqwest::StatusCode, String) {
    let response = app.get(path).await;
    let status = response.status();
    (status, without_comments(&response.text().await.unwrap()))
}

pub fn form_token(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a form token") + 19;
    html[start..].split('"').next().unwrap().to_owned()
}

/// The value of the hidden (or any) input `name` on a page.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name}")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}
