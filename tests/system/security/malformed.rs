//! Hostile addresses and bodies: every page route with control characters, `%00`, huge
//! numbers, bad percent-encodings and 10 KB segments in its path and query, as nobody, a
//! learner and an administrator. Always a whole answer below 500 (a 4xx page, or a
//! redirect to a clean local address), never a dropped connection. Also: a return
//! address with CR/LF in a form, an overflowing page number, and responses over 2 MB.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{
    As, TestApp, browser_client, form_token, import_course, on_both_databases, page, sign_in_form,
    spawn_app, workspace_root,
};

on_both_databases!(
    responses_over_two_megabytes_are_sent_whole,
    a_return_address_with_a_line_break_cannot_break_the_redirect,
);

/// Path segments an attacker tries.
fn hostile_segments() -> Vec<String> {
    let mut segments: Vec<String> = [
        "%00",
        "%0A",
        "%0d%0a",
        "%0d%0aSet-Cookie:%20x=1",
        "abc%0A",
        "%ff%fe",
        "%C0%AF",
        "%zz",
        "%",
        "18446744073709551616",
        "-1",
        "..%2f..%2fetc%2fpasswd",
        "%E2%80%AE",
        "%22%3E%3Csvg%20onload%3Dalert(1)%3E",
        "00000000-0000-4000-8000-000000000000",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    segments.push("a".repeat(10 * 1024));
    segments
}

const HOSTILE_QUERIES: [&str; 7] = [
    "page=18446744073709551615",
    "page=-1&per_page=0",
    "q=%00%0d%0a",
    "return_to=%0d%0aLocation:%20http://evil.example",
    "error=%zz&fields=%ff",
    "course=not-a-uuid&from=9999-99-99&to=-1",
    "phase=%00&measure=%0A",
];

/// Every page route of the app with each of its `:params` made hostile in turn, plus each
/// route with hostile queries.
fn hostile_paths() -> Vec<String> {
    let app = std::fs::read_to_string(workspace_root().join("frontend/src/app.rs")).unwrap();
    let routes: Vec<String> = app
        .split("path!(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|p| format!("/{}", p.trim_start_matches('/')))
        .collect();
    assert!(routes.len() > 30, "the routes were found: {routes:?}");
    let segments = hostile_segments();
    let mut paths = Vec::new();
    for route in &routes {
        let parts: Vec<&str> = route.split('/').collect();
        let params: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].starts_with(':'))
            .collect();
        let fill = |hostile_at: Option<usize>, value: &str| {
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| match (p.starts_with(':'), Some(i) == hostile_at) {
                    (_, true) => value.to_owned(),
                    (true, false) => "00000000-0000-4000-8000-000000000001".to_owned(),
                    (false, false) => (*p).to_owned(),
                })
                .collect::<Vec<_>>()
                .join("/")
        };
        for &at in &params {
            for value in &segments {
                paths.push(fill(Some(at), value));
            }
        }
        for query in HOSTILE_QUERIES {
            paths.push(format!("{}?{query}", fill(None, "")));
        }
        // A hostile segment after a static route (the 404 page).
        paths.push(format!("{}/%00/%0d%0a", fill(None, "")));
    }
    paths
}

/// Page routes, fuzzed: the same on both databases, so on SQLite only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_addresses_always_get_a_whole_answer_below_500() {
    let Some(app) = spawn_app(crate::helpers::Backend::Sqlite).await else {
        return;
    };
    app.seed_demo().await;
    let paths = hostile_paths();
    let mut failures = Vec::new();
    for who in [
        None,
        Some(("hv.mai", "hoc-vien-y-ty")),
        Some(("admin", "truong-chinh-tri-2026")),
    ] {
        let client = browser_client(&app, who).await;
        let name = who.map_or("anonymous", |w| w.0);
        for path in &paths {
            let shown: String = path.chars().take(120).collect();
            match client.get(format!("{}{path}", app.address)).send().await {
                Err(e) => failures.push(format!("{name} {shown}: no answer ({e})")),
                Ok(response) => {
                    let status = response.status();
                    let location = response
                        .headers()
                        .get("location")
                        .map(|l| l.to_str().map(str::to_owned));
                    if status.is_server_error() {
                        failures.push(format!("{name} {shown}: {status}"));
                    }
                    match location {
                        Some(Ok(l)) if !l.starts_with('/') || l.starts_with("//") => {
                            failures.push(format!("{name} {shown}: redirect to {l}"));
                        }
                        Some(Err(_)) => failures.push(format!("{name} {shown}: bad Location")),
                        _ => {}
                    }
                    if response.text().await.is_err() {
                        failures.push(format!("{name} {shown}: the body broke off"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, e.g.:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );

    // The API's page numbers are bounded, and say so.
    let token = app.sign_in_json("admin", "truong-chinh-tri-2026").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    for query in [
        "page=18446744073709551615",
        "page=0",
        "per_page=0",
        "per_page=101",
    ] {
        let response = As::new(&app, &token)
            .get(&format!("/api/v1/users?{query}"))
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_input", "{body}");
    }
}

async fn a_return_address_with_a_line_break_cannot_break_the_redirect(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, "ql.hung", "quan-ly-bat-xat").await;
    let (_, html) = page(&app, "/supervise").await;
    let token = form_token(&html);
    let response = app
        .post_form(
            "/api/v1/evidence/00000000-0000-4000-8000-000000000000/void",
            &[
                ("csrf", token.as_str()),
                ("reason", "nhập nhầm"),
                ("back", "/supervise/learners\r\nSet-Cookie: x=1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/supervise?"), "{location}");
    assert!(response.headers().get("x").is_none());
}

async fn responses_over_two_megabytes_are_sent_whole(app: TestApp) {
    app.seed_demo().await;
    let token = app.sign_in_json("gv.lan", "giang-vien-lao-cai").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut package: Value = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    let big = "Biên bản tiếp công dân. ".repeat(100_000);
    let case_study = package["modules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|m| m["activities"].as_array_mut().unwrap().iter_mut())
        .find(|a| a["kind"] == "case_study")
        .expect("the demo has a case study");
    case_study["body"]["vi"] = json!(big);
    let id = import_course(&app, &token, &package, "LON-1").await;
    let client = reqwest::Client::new();
    let download = client
        .get(app.url(&format!("/api/v1/courses/{id}/draft/package.json")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert!(download.headers().get("etag").is_none(), "too large to tag");
    let body = download.bytes().await.unwrap();
    assert!(body.len() > 2 * 1024 * 1024, "{}", body.len());
    let back: Value = serde_json::from_slice(&body).expect("the whole package arrives");
    assert_eq!(
        back["modules"]
            .to_string()
            .matches("Biên bản tiếp công dân.")
            .count(),
        100_000
    );
}
