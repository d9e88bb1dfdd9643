//! `spawn_app()` and the fresh database each test gets.

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::Application;
use server::config::Settings;
use server::secret::Secret;
use tempfile::TempDir;

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Defines `mod $name { sqlite(), postgres() }`, running the async fn `$name(TestApp)`
/// once on each database.
macro_rules! on_both_databases {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            use $crate::helpers::{Backend, spawn_app};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(app) = spawn_app(Backend::Sqlite).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = spawn_app(Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )+};
}
pub(crate) use on_both_databases;

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// The workspace root (tests run with the crate folder as working directory).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A database that exists for one test and is removed after it.
pub struct TestDatabase {
    pub url: String,
    _dir: Option<TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    /// A new empty database; `None` when PostgreSQL is not configured and not required.
    pub async fn create(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().ok()?;
                let url = format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("fieldschool.db").display()
                );
                Some(Self {
                    url,
                    _dir: Some(dir),
                    postgres: None,
                })
            }
            Backend::Postgres => {
                let Ok(admin_url) = std::env::var("FIELDSCHOOL_TEST_DATABASE_URL") else {
                    assert!(
                        !env_flag("FIELDSCHOOL_TEST_REQUIRE_POSTGRES"),
                        "PostgreSQL is required but FIELDSCHOOL_TEST_DATABASE_URL is not set"
                    );
                    eprintln!("skipped: FIELDSCHOOL_TEST_DATABASE_URL is not set");
                    return None;
                };
                let name = format!("fs_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(admin_url.as_str())
                    .await
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
                admin
                    .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap_or_else(|e| panic!("cannot create database {name}: {e}"));
                let _ = admin.close().await;
                let base = admin_url
                    .rsplit_once('/')
                    .map_or(admin_url.as_str(), |(base, _)| base);
                Some(Self {
                    url: format!("{base}/{name}"),
                    _dir: None,
                    postgres: Some((admin_url, name)),
                })
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime; do the async cleanup on a thread of its own.
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(runtime) = runtime {
                runtime.block_on(async {
                    if let Ok(admin) = Database::connect(admin_url.as_str()).await {
                        let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                        if let Err(e) = admin.execute_unprepared(&sql).await {
                            eprintln!("could not drop test database {name}: {e}");
                        }
                        let _ = admin.close().await;
                    }
                });
            }
        });
        let _ = cleanup.join();
    }
}

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    pub address: String,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    /// A direct connection to the same database, for setting up and checking data.
    pub db: DatabaseConnection,
    /// The server's own database handle with its caches, for calling its services.
    pub store: server::store::Db,
    /// Kept so the database lives as long as the app, and is removed after it.
    _database: TestDatabase,
}

/// The signing key every test server uses (tests forge tokens with it, or with others).
pub const TEST_SIGNING_KEY: &str = "test-signing-key-0123456789-abcdefghijklmnop";

pub fn test_settings(database_url: &str) -> Settings {
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.server.workers = 1;
    settings.database.url = Secret::new(database_url.to_owned());
    settings.database.max_connections = 5;
    settings.site.root = workspace_root().join("target/site");
    settings.security.max_concurrent_hashes = 2;
    settings.security.signing_key = Some(Secret::new(TEST_SIGNING_KEY.to_owned()));
    settings
}

/// Starts the real server on a free port over a fresh, migrated database.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(
    backend: Backend,
    adjust: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    let database = TestDatabase::create(backend).await?;
    let mut settings = test_settings(&database.url);
    adjust(&mut settings);
    let app = Application::build(settings)
        .await
        .expect("the server did not start");
    let port = app.port();
    let store = app.db();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("no HTTP client");
    let db = Database::connect(database.url.as_str())
        .await
        .expect("cannot open the test database");
    Some(TestApp {
        address: format!("http://127.0.0.1:{port}"),
        client,
        db,
        store,
        _database: database,
    })
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path} failed: {e}"))
    }

    pub async fn get_with(&self, path: &str, header: &str, value: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(header, value)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path} failed: {e}"))
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path} failed: {e}"))
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path} failed: {e}"))
    }

    /// A POST with a raw body of the given content type.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: String,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path} failed: {e}"))
    }

    /// Creates an account directly through the service.
    pub async fn create_user(
        &self,
        username: &str,
        password: &str,
        roles: &[shared::Role],
    ) -> uuid::Uuid {
        let hasher = server::services::passwords::PasswordHasher::new(2);
        let new = server::services::users::NewUser {
            username: username.into(),
            full_name: format!("Nguyễn Văn {username}"),
            password: password.into(),
            email: None,
            phone: None,
            org_unit_id: None,
            position_id: None,
            grants: roles
                .iter()
                .map(|&role| shared::auth::RoleGrant {
                    role,
                    scope_org_unit_id: None,
                })
                .collect(),
            locale: shared::Locale::Vi,
        };
        server::services::users::create(&self.store, &hasher, new)
            .await
            .unwrap_or_else(|e| panic!("creating {username} failed: {e}"))
    }

    /// Signs in over the JSON API; returns the token pair.
    pub async fn sign_in_json(&self, username: &str, password: &str) -> serde_json::Value {
        let response = self
            .post_json(
                "/api/v1/auth/sign-in",
                &serde_json::json!({ "username": username, "password": password }),
            )
            .await;
        assert_eq!(
            response.status(),
            reqwest::StatusCode::OK,
            "sign-in of {username}"
        );
        json(response).await
    }

    /// `GET /api/v1/auth/me` with a Bearer token; the status.
    pub async fn me_with(&self, access_token: &str) -> reqwest::StatusCode {
        reqwest::Client::new()
            .get(self.url("/api/v1/auth/me"))
            .bearer_auth(access_token)
            .send()
            .await
            .expect("GET /me failed")
            .status()
    }

    pub async fn seed_demo(&self) {
        let hasher = server::services::passwords::PasswordHasher::new(2);
        server::seed::seed_demo(&self.store, &hasher)
            .await
            .expect("seeding failed");
    }
}

pub async fn json(response: reqwest::Response) -> serde_json::Value {
    response.json().await.expect("the body is not JSON")
}

/// Where each problem of an error body is: `line 4: org_unit_code` for a line of an
/// uploaded file, the field's name otherwise.
pub fn problem_places(body: &serde_json::Value) -> Vec<String> {
    body["error"]["fields"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let field = f["field"].as_str().unwrap_or_default();
            match f["line"].as_u64() {
                Some(line) => format!("line {line}: {field}"),
                None => field.to_owned(),
            }
        })
        .collect()
}

/// A learner's access token and the demo class K1/2026, which the learner tests work in.
pub async fn learner_in_cohort(app: &TestApp, username: &str, password: &str) -> (String, String) {
    let learner = As::sign_in(app, username, password).await;
    let cohort = learner
        .get_json("/api/v1/learning/cohorts")
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"]["vi"] == "Lớp bồi dưỡng cán bộ cấp xã K1/2026")
        .unwrap_or_else(|| panic!("{username} studies in K1/2026"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (learner.token, cohort)
}

/// Takes the pre-test online with no answers: the modules open after it.
pub async fn take_pre_test(app: &TestApp, token: &str, cohort: &str) {
    let pre = As::new(app, token)
        .post(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &serde_json::json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
        )
        .await;
    assert_eq!(pre.status(), reqwest::StatusCode::CREATED);
}

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

/// Requests as one signed-in person (Bearer token).
pub struct As<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl<'a> As<'a> {
    /// Requests with a token the test already has.
    pub fn new(app: &'a TestApp, token: &str) -> As<'a> {
        As {
            app,
            token: token.to_owned(),
        }
    }

    /// Signs in over the JSON API with a client of its own, so the app's browser-like
    /// client keeps its own session.
    pub async fn sign_in(app: &'a TestApp, username: &str, password: &str) -> As<'a> {
        let response = reqwest::Client::new()
            .post(app.url("/api/v1/auth/sign-in"))
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("signing in {username}: {e}"));
        assert_eq!(
            response.status(),
            reqwest::StatusCode::OK,
            "sign-in of {username}"
        );
        let token = json(response).await["access_token"]
            .as_str()
            .unwrap_or_else(|| panic!("{username} signs in"))
            .to_owned();
        As { app, token }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        reqwest::Client::new()
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "GET {path}");
        json(response).await
    }

    /// A request of any method, with a JSON body when given.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let mut request = reqwest::Client::new()
            .request(method.clone(), self.app.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }
}
