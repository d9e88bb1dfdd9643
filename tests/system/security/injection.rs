//! The injection crawl: a marker payload planted in every kind of text a user of any role
//! can write (people, units, positions, a whole course's texts, a class, answers, review
//! comments) and in every query parameter a page reads, then every page loaded as every
//! role. The payload must never appear unescaped, and no page may fail.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::{
    TestApp, browser_client, import_course, json, on_both_databases, spawn_app, workspace_root,
};

on_both_databases!(stored_text_never_reaches_a_page_unescaped);

/// Closes a textarea and a title, opens an element, a refresh and an attribute breakout.
pub const PAYLOAD: &str = "</textarea></title><b id=pwn>X</b><meta http-equiv=refresh content=\"0;url=/pwn\">\"><svg onload=alert(1)>'";

/// What only the payload, unescaped, would put in a page.
const MARKERS: [&str; 3] = ["<b id=pwn", "<meta http-equiv=refresh", "<svg onload"];

fn unescaped(html: &str) -> Option<&'static str> {
    let lower = html.to_lowercase();
    MARKERS.into_iter().find(|m| lower.contains(m))
}

/// The actors: every role, a learner whose own name is the payload, and nobody.
const ACTORS: [Option<(&str, &str)>; 7] = [
    Some(("admin", "truong-chinh-tri-2026")),
    Some(("admin.daklak", "cao-nguyen-dak-lak")),
    Some(("gv.lan", "giang-vien-lao-cai")),
    Some(("ql.hung", "quan-ly-bat-xat")),
    Some(("hv.mai", "hoc-vien-y-ty")),
    Some(("pwn.learner", "mat-khau-hoc-vien-pwn")),
    None,
];

/// Loads `address` as `who`: a failure for a 5xx or the payload unescaped; whether the
/// page shows the payload escaped.
async fn load(
    client: &reqwest::Client,
    app: &TestApp,
    address: &str,
    who: &str,
    failures: &mut Vec<String>,
) -> bool {
    let response = client.get(app.url(address)).send().await.unwrap();
    let status = response.status();
    let html = response.text().await.unwrap();
    // The address without the payload, to read: the page and the names.
    let shown = address.replace(&with_query("", &[""])[2..], "…");
    if status.is_server_error() {
        failures.push(format!("{who} {shown}: {status}"));
    }
    if let Some(marker) = unescaped(&html) {
        failures.push(format!("{who} {shown}: {marker} unescaped"));
    }
    html.contains("&lt;b id=pwn&gt;")
}

/// Every page route of the app (`frontend/src/app.rs`), as written there.
fn declared_routes() -> BTreeSet<String> {
    let app = std::fs::read_to_string(workspace_root().join("frontend/src/app.rs")).unwrap();
    app.split("path!(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|p| {
            if p.starts_with('/') {
                p.to_owned()
            } else {
                format!("/{p}")
            }
        })
        .collect()
}

/// Every query parameter a page reads, from the pages' sources: `.get("…")`, `typed("…")`,
/// `typed_or("…", …)`, `value("…", …)`, and the report filters.
fn query_parameters() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, out: &mut BTreeSet<String>) {
        if dir.is_file() {
            read(dir, out);
            return;
        }
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
                continue;
            }
            read(&path, out);
        }
    }
    fn read(path: &std::path::Path, out: &mut BTreeSet<String>) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for call in ["get(\"", "query(\"", "typed_or(\"", "value(\""] {
            for rest in text.split(call).skip(1) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() && rest[name.len()..].starts_with('"') {
                    out.insert(name);
                }
            }
        }
    }
    let mut names = BTreeSet::new();
    // Pages, the pieces they share, and the outcome a page reads from its address.
    walk(&workspace_root().join("frontend/src"), &mut names);
    walk(&workspace_root().join("shared/src/outcome.rs"), &mut names);
    for filter in [
        "course",
        "cohort",
        "unit",
        "region",
        "position",
        "competency",
        "from",
        "to",
        "measure",
        "phase",
        "source",
    ] {
        names.insert(filter.to_owned());
    }
    names
}

fn with_query(path: &str, names: &[&str]) -> String {
    let query: Vec<(&str, &str)> = names.iter().map(|n| (*n, PAYLOAD)).collect();
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(query).unwrap_or_default()
    )
}

/// A whole course package with the payload in front of every text in both languages.
fn poisoned(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(text) if key == "vi" || key == "en" => {
                        *text = format!("{PAYLOAD} {text}");
                    }
                    other => poisoned(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(poisoned),
        _ => {}
    }
}

struct Planted {
    course: String,
    /// The job that imported the course, which its page shows to the lecturer.
    package_job: String,
    cohort: String,
    activities: Vec<String>,
    user: String,
    unit: String,
    position: String,
    mai: String,
}

async fn plant(app: &TestApp) -> Planted {
    let client = reqwest::Client::new();
    let token = |name: &'static str, password: &'static str| async move {
        app.sign_in_json(name, password).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let admin = token("admin", "truong-chinh-tri-2026").await;
    let post = |token: String, path: String, body: Value| {
        let client = client.clone();
        async move {
            let response = client
                .post(app.url(&path))
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status();
            let body = response.json::<Value>().await.unwrap_or(Value::Null);
            assert!(status.is_success(), "POST {path}: {status} {body}");
            body
        }
    };
    // The administrator writes a unit, a position and a person.
    let units = json(
        client
            .get(app.url("/api/v1/org-units"))
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let lci = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "VN-LCI")
        .unwrap()["id"]
        .clone();
    let unit = post(
        admin.clone(),
        "/api/v1/org-units".into(),
        json!({ "parent_id": lci, "code": "VN-LCI-PWN", "name": PAYLOAD, "kind": "commune" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let position = post(
        admin.clone(),
        "/api/v1/positions".into(),
        json!({ "code": "PWN", "name_vi": PAYLOAD, "name_en": PAYLOAD }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let user = post(
        admin.clone(),
        "/api/v1/users".into(),
        json!({ "username": "pwn.learner", "full_name": PAYLOAD, "password": "mat-khau-hoc-vien-pwn",
            "email": "pwn@example.vn", "org_unit_id": unit, "position_id": position,
            "roles": [{ "role": "learner", "scope_org_unit_id": null }] }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The lecturer writes a whole course, publishes it and opens a class named the same.
    let lan = token("gv.lan", "giang-vien-lao-cai").await;
    let mut package: Value = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    poisoned(&mut package);
    let activities: Vec<String> = package["modules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["activities"].as_array().unwrap().clone())
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    let course = import_course(app, &lan, &package, "PWN-1").await;
    let package_job = crate::helpers::As::new(app, &lan)
        .get_json("/api/v1/jobs")
        .await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    post(
        lan.clone(),
        format!("/api/v1/courses/{course}/publish"),
        json!({}),
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let cohort = post(
        lan.clone(),
        "/api/v1/cohorts".into(),
        json!({ "course_id": course, "title_vi": PAYLOAD, "title_en": PAYLOAD,
            "starts_on": (today - chrono::Duration::days(1)).to_string(),
            "ends_on": (today + chrono::Duration::days(30)).to_string(),
            "gate_pre": false, "gate_post": false }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    post(
        lan.clone(),
        format!("/api/v1/cohorts/{cohort}/enrolments"),
        json!({ "usernames": "hv.mai pwn.learner" }),
    )
    .await;

    // The learner answers the case study; the lecturer reviews it with a comment.
    let mai_token = token("hv.mai", "hoc-vien-y-ty").await;
    let attempt = uuid::Uuid::new_v4();
    post(
        mai_token.clone(),
        format!("/api/v1/cohorts/{cohort}/attempts"),
        json!({ "id": attempt, "activity": "a2", "answers": [PAYLOAD, PAYLOAD, PAYLOAD] }),
    )
    .await;
    post(
        lan.clone(),
        format!("/api/v1/attempts/{attempt}/review"),
        json!({ "points": [1, 1, 1], "comment": PAYLOAD }),
    )
    .await;
    let mai = json(
        client
            .get(app.url("/api/v1/auth/me"))
            .bearer_auth(&mai_token)
            .send()
            .await
            .unwrap(),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Planted {
        course,
        package_job,
        cohort,
        activities,
        user,
        unit,
        position,
        mai,
    }
}

/// Every page, with the planted objects' ids in its path.
fn pages(p: &Planted) -> Vec<(String, &'static str)> {
    let mut pages: Vec<(String, &'static str)> = [
        ("/", "/"),
        ("/offline", "/offline"),
        ("/login", "/login"),
        ("/profile", "/profile"),
        ("/competencies", "/competencies"),
        ("/admin/users", "/admin/users"),
        ("/admin/users/new", "/admin/users/new"),
        ("/admin/users/import", "/admin/users/import"),
        ("/admin/org-units", "/admin/org-units"),
        ("/admin/positions", "/admin/positions"),
        ("/learn", "/learn"),
        ("/teach", "/teach"),
        ("/verify/0000", "/verify/:code"),
        ("/supervise", "/supervise"),
        ("/supervise/learners", "/supervise/learners"),
        ("/supervise/needs", "/supervise/needs"),
        ("/supervise/cohorts", "/supervise/cohorts"),
        ("/supervise/evidence/import", "/supervise/evidence/import"),
        ("/inbox", "/inbox"),
        ("/author", "/author"),
    ]
    .into_iter()
    .map(|(path, route)| (path.to_owned(), route))
    .collect();
    let (c, course) = (&p.cohort, &p.course);
    pages.extend([
        (format!("/author?job={}", p.package_job), "/author"),
        (format!("/admin/users/{}", p.user), "/admin/users/:id"),
        (
            format!("/admin/org-units/{}", p.unit),
            "/admin/org-units/:id",
        ),
        (
            format!("/admin/positions/{}", p.position),
            "/admin/positions/:id",
        ),
        (format!("/teach/{c}"), "/teach/:cohort"),
        (format!("/learn/{c}"), "/learn/:cohort"),
        (
            format!("/learn/{c}/certificate"),
            "/learn/:cohort/certificate",
        ),
        (
            format!("/supervise/learners/{}", p.user),
            "/supervise/learners/:id",
        ),
        (format!("/supervise/cohorts/{c}"), "/supervise/cohorts/:id"),
        (
            format!("/ratings/{c}/{}/before", p.mai),
            "/ratings/:cohort/:learner/:phase",
        ),
        (format!("/author/courses/{course}"), "/author/courses/:id"),
        (
            format!("/author/courses/{course}/bank"),
            "/author/courses/:id/bank",
        ),
        (
            format!("/author/courses/{course}/preview"),
            "/author/courses/:id/preview",
        ),
    ]);
    for a in &p.activities {
        pages.push((format!("/learn/{c}/{a}"), "/learn/:cohort/:activity"));
        pages.push((
            format!("/author/courses/{course}/activities/{a}"),
            "/author/courses/:id/activities/:activity",
        ));
    }
    pages
}

async fn stored_text_never_reaches_a_page_unescaped(app: TestApp) {
    app.seed_demo().await;
    let planted = plant(&app).await;
    let pages = pages(&planted);
    let covered: BTreeSet<String> = pages.iter().map(|(_, r)| (*r).to_owned()).collect();
    let missing: Vec<String> = declared_routes().difference(&covered).cloned().collect();
    assert!(
        missing.is_empty(),
        "pages the crawl does not load: {missing:?}"
    );

    let mut failures = Vec::new();
    let mut shown = 0;
    for who in ACTORS {
        let client = browser_client(&app, who).await;
        let name = who.map_or("anonymous", |w| w.0);
        for (path, _) in &pages {
            shown += usize::from(load(&client, &app, path, name, &mut failures).await);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        shown > 40,
        "the payload is shown, escaped, on many pages ({shown}): the crawl reaches it"
    );
}

/// Reflected: every query parameter any page reads, all at once and one at a time, on every
/// page, as every role. The same on both databases, so it runs on SQLite only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn echoed_query_parameters_are_escaped_on_every_page() {
    let Some(app) = spawn_app(crate::helpers::Backend::Sqlite).await else {
        return;
    };
    app.seed_demo().await;
    let planted = plant(&app).await;
    let pages = pages(&planted);
    let names = query_parameters();
    assert!(
        ["csv", "error", "fields", "detail", "body_vi", "return_to"]
            .iter()
            .all(|n| names.contains(*n)),
        "the parameters were found: {names:?}"
    );
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut failures = Vec::new();
    let mut shown = 0;
    for (i, who) in ACTORS.into_iter().enumerate() {
        let client = browser_client(&app, who).await;
        let name = who.map_or("anonymous", |w| w.0);
        for (path, _) in &pages {
            let mut urls = vec![with_query(path, &names)];
            // One at a time, where a single parameter changes what a page shows: by the
            // national administrator (every page) and the learner.
            if i == 0 || i == 4 {
                urls.extend(names.iter().map(|n| with_query(path, &[n])));
            }
            for url in urls {
                shown += usize::from(load(&client, &app, &url, name, &mut failures).await);
            }
        }
    }
    failures.truncate(40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(shown > 0, "some page echoes a parameter, escaped");
}
