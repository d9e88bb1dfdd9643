//! The documented production setup, run for real: `fieldschool serve` processes (the
//! command line of this checkout, see [`fieldschool`]), configured from
//! `docs/deploy/fieldschool.toml`, on one PostgreSQL
//! database, behind nginx with `docs/deploy/nginx-fieldschool.conf` terminating TLS with a
//! certificate made for the test (its own authority, which the clients trust).
//!
//! Only what must differ on a test machine is changed in those files: ports, paths, the
//! certificate. The tests are skipped where nginx or PostgreSQL is missing, unless the
//! test tools are required (`make test` requires them).

mod crash;
mod documented;
mod memory;
mod nginx;
mod proxy_offline;
mod restart;
mod tls;
mod unit;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tempfile::TempDir;
use tokio::process::{Child, Command};

use crate::helpers::{Backend, TestApp, TestDatabase, env_flag, workspace_root};

pub const METRICS_TOKEN: &str = "metrics-token-of-the-deployment-test";

/// Runs the `fieldschool` command line in this process, when this test binary was started
/// for that ([`fieldschool`]); otherwise does nothing.
#[tokio::test]
#[ignore = "started by the deployment tests, as a process of its own"]
async fn the_fieldschool_command() {
    if let Ok(args) = std::env::var(COMMAND) {
        let args: Vec<String> = serde_json::from_str(&args).expect("the command's arguments");
        let code =
            server::cli::run_from(std::iter::once("fieldschool".to_owned()).chain(args)).await;
        // Ends the process as the binary would, before the test harness says anything more.
        std::process::exit(i32::from(code != std::process::ExitCode::SUCCESS));
    }
}

/// Where the arguments of [`the_fieldschool_command`] travel.
const COMMAND: &str = "FIELDSCHOOL_TEST_COMMAND";

/// `fieldschool <args>` as a process of its own. The binary's `main` is one call,
/// `server::cli::run`; the process runs that same call from this test binary (started to
/// run only [`the_fieldschool_command`]), so the tests need no second build of the server
/// with other features. Its standard output starts with the test harness's own line.
pub(crate) fn fieldschool(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    command
        .args([
            "deployment::the_fieldschool_command",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            COMMAND,
            serde_json::to_string(args).expect("arguments as JSON"),
        );
    command
}

/// `fieldschool@{port}` as the documented unit starts it (`unit::instance`), in the
/// caller's folder.
pub(crate) fn instance_of_unit(port: u16) -> Command {
    let (args, environment) = unit::instance(port);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut command = fieldschool(&args);
    command.envs(environment);
    command
}

/// `fieldschool@{port}` on `database_url`, run in `folder`, its output dropped; stopped if
/// the test ends first.
pub(crate) fn quiet_instance(port: u16, database_url: &str, folder: &Path) -> Command {
    let mut command = instance_of_unit(port);
    command
        .envs(secrets(database_url))
        .current_dir(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    command
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub(crate) async fn run(program: &str, args: &[&str], folder: &Path) {
    let out = Command::new(program)
        .args(args)
        .current_dir(folder)
        .output()
        .await
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One `fieldschool serve` process.
pub struct Instance {
    pub port: u16,
    child: Option<Child>,
}

/// Two (or more) instances, nginx in front, one PostgreSQL database.
pub struct Deployment {
    /// The deployment as tests see it: the proxy's address, a client trusting its
    /// certificate, the database.
    pub app: TestApp,
    database_url: String,
    pub folder: TempDir,
    pub instances: Vec<Instance>,
    /// nginx's HTTPS port.
    pub port: u16,
    /// Base64 SHA-256 of the served certificate's public key.
    pub spki: String,
    nginx: Child,
}

impl Deployment {
    pub async fn start(instances: usize) -> Option<Self> {
        let required = env_flag("FIELDSCHOOL_TEST_REQUIRE_BROWSER");
        if !Path::new(nginx::NGINX).exists() {
            assert!(
                !required,
                "the deployment tests are required but nginx is missing"
            );
            eprintln!("skipped: nginx is not installed");
            return None;
        }
        let database = TestDatabase::create(Backend::Postgres).await?;
        let folder = seeded_folder(&database.url).await;
        let spki = tls::certificate(folder.path()).await;

        let port = free_port();
        let database_url = database.url.clone();
        let app = TestApp::elsewhere(
            format!("https://localhost:{port}"),
            || tls::trusting(folder.path()),
            database,
        )
        .await;
        let mut deployment = Self {
            app,
            database_url,
            port,
            instances: (0..instances)
                .map(|_| Instance {
                    port: free_port(),
                    child: None,
                })
                .collect(),
            spki,
            nginx: Command::new("true").spawn().unwrap(),
            folder,
        };
        for n in 0..instances {
            deployment.start_instance(n).await;
        }
        deployment.nginx = nginx::start(&deployment).await;
        Some(deployment)
    }

    /// `https://localhost:<port>`, the address learners use.
    pub fn base(&self) -> String {
        format!("https://localhost:{}", self.port)
    }

    /// A client that trusts the test's authority.
    pub fn client(&self) -> reqwest::Client {
        tls::trusting(self.folder.path()).build().unwrap()
    }

    /// Starts instance `n` (again) and waits until it is ready.
    pub async fn start_instance(&mut self, n: usize) {
        let port = self.instances[n].port;
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(self.folder.path().join(format!("instance-{n}.log")))
            .unwrap();
        let child = instance_of_unit(port)
            .envs(secrets(&self.database_url))
            .env("FIELDSCHOOL_SERVER__WORKERS", "2")
            .env("FIELDSCHOOL_SERVER__SHUTDOWN_GRACE_SECS", "10")
            .env("FIELDSCHOOL_SECURITY__MAX_CONCURRENT_HASHES", "2")
            .current_dir(self.folder.path())
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        self.instances[n].child = Some(child);
        if !ready(&format!("http://127.0.0.1:{port}")).await {
            panic!("instance {n} is not ready: {}", self.log_of(n));
        }
    }

    /// Sends instance `n` SIGTERM, as `systemctl stop` does, and waits for it to exit; its
    /// exit status.
    pub async fn stop_instance(&mut self, n: usize) -> std::process::ExitStatus {
        let mut child = self.instances[n].child.take().expect("the instance runs");
        let pid = child.id().expect("its pid").to_string();
        run("kill", &["-TERM", &pid], self.folder.path()).await;
        tokio::time::timeout(Duration::from_secs(30), child.wait())
            .await
            .expect("the instance stops within its grace")
            .unwrap()
    }

    pub fn log_of(&self, n: usize) -> String {
        std::fs::read_to_string(self.folder.path().join(format!("instance-{n}.log")))
            .unwrap_or_default()
    }

    pub fn proxy_log(&self) -> String {
        std::fs::read_to_string(self.folder.path().join("access.log")).unwrap_or_default()
    }
}

/// Whether the server at `base` answers `/readyz` within 15 s.
pub(crate) async fn ready(base: &str) -> bool {
    for _ in 0..300 {
        let answered = reqwest::get(format!("{base}/readyz")).await;
        if answered.is_ok_and(|r| r.status().is_success()) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// A folder holding the documented configuration, its database (`database_url`) migrated
/// and seeded with the demo data by `fieldschool seed-demo`.
pub(crate) async fn seeded_folder(database_url: &str) -> TempDir {
    let folder = tempfile::tempdir().unwrap();
    documented_config(folder.path());
    let seeded = fieldschool(&["--config", "fieldschool.toml", "seed-demo"])
        .envs(secrets(database_url))
        .current_dir(folder.path())
        .output()
        .await
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    folder
}

/// `docs/deploy/fieldschool.toml` as `folder/fieldschool.toml`, with the test's folders
/// for the data and the site.
pub(crate) fn documented_config(folder: &Path) {
    let config = std::fs::read_to_string(workspace_root().join("docs/deploy/fieldschool.toml"))
        .unwrap()
        .replace(
            "/var/lib/fieldschool",
            &folder.join("data").display().to_string(),
        )
        .replace(
            "/opt/fieldschool/site",
            &workspace_root().join("target/site").display().to_string(),
        );
    std::fs::write(folder.join("fieldschool.toml"), config).unwrap();
}

/// What `/etc/fieldschool/secrets.env` holds.
pub(crate) fn secrets(database_url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("DATABASE_URL", database_url.to_owned()),
        ("FIELDSCHOOL_METRICS__TOKEN", METRICS_TOKEN.to_owned()),
    ]
}

impl Drop for Deployment {
    /// Stops nginx with SIGTERM, so its master stops its workers too (killing the master
    /// alone would leave them running); kills it if it has not ended within 2 s.
    fn drop(&mut self) {
        if let Some(pid) = self.nginx.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
            for _ in 0..40 {
                if matches!(self.nginx.try_wait(), Ok(Some(_))) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.nginx.start_kill();
    }
}
