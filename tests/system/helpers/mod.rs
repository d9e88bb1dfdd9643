//! `spawn_app()` and the fresh database each test gets; `client` signs in and reads answers
//! over the API, `pages` loads pages as a browser would.

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

pub(crate) fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// The workspace root (tests run with the crate folder as working directory).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where `scripts/bootstrap.sh` installs the test tools (Schemathesis, axe-core).
pub fn tools_dir() -> Option<PathBuf> {
    std::env::var_os("FIELDSCHOOL_TOOLS_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|c| PathBuf::from(c).join("fieldschool-tools"))
        })
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/fieldschool-tools"))
        })
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
    /// A client without cookies that follows redirects, as an API client would be.
    pub cookieless: reqwest::Client,
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
    settings.database.max_connections = Some(5);
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
        cookieless: reqwest::Client::new(),
        db,
        store,
        _database: database,
    })
}

impl TestApp {
    /// A server running elsewhere (another process, behind a proxy): its address, a client
    /// for it (keeping cookies, not following redirects) and the database it serves.
    pub async fn elsewhere(
        address: String,
        client: impl Fn() -> reqwest::ClientBuilder,
        database: TestDatabase,
    ) -> Self {
        let cookieless = client().build().expect("no HTTP client");
        let client = client()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("no HTTP client");
        let db = Database::connect(database.url.as_str())
            .await
            .expect("cannot open the test database");
        Self {
            address,
            client,
            cookieless,
            store: server::store::Db::new(db.clone()),
            db,
            _database: database,
        }
    }

    /// The test's database, for starting another server on it.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    /// Another server on this test's database, as a second instance behind a load balancer
    /// would be; its address.
    pub async fn another_server(&self) -> String {
        let app = Application::build(test_settings(self.database_url()))
            .await
            .expect("the second server did not start");
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        format!("http://127.0.0.1:{port}")
    }

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
        self.cookieless
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

mod client;
mod pages;

pub use client::*;
pub use pages::*;
