//! Durability: the server is killed with SIGKILL in the middle of a burst of submissions;
//! after a restart, every submission that had been acknowledged with a 2xx is stored. On
//! SQLite always; on PostgreSQL when `FIELDSCHOOL_TEST_DATABASE_URL` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use shared::course::{ActivityBody, Package};
use shared::roleplay::Outcome;

struct Server {
    dir: tempfile::TempDir,
    database: String,
    port: u16,
}

impl Server {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fieldschool"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("DATABASE_URL", &self.database)
            .env("FIELDSCHOOL_SERVER__PORT", self.port.to_string())
            .env("FIELDSCHOOL_LOG__FILTER", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    async fn start(&self) -> Child {
        let mut child = self.command(&["serve"]).spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut ready = false;
        while !ready && Instant::now() < deadline {
            ready = reqwest::get(self.url("/readyz"))
                .await
                .is_ok_and(|r| r.status().is_success());
            if !ready {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        if !ready {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the server did not start");
        }
        child
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn sign_in(server: &Server) -> (String, String) {
    let client = reqwest::Client::new();
    let signed: Value = client
        .post(server.url("/api/v1/auth/sign-in"))
        .json(&json!({ "username": "hv.mai", "password": "hoc-vien-y-ty" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = signed["access_token"].as_str().unwrap().to_owned();
    let cohorts: Value = client
        .get(server.url("/api/v1/learning/cohorts"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (token, cohorts[0]["id"].as_str().unwrap().to_owned())
}

async fn burst_then_kill(server: Server) {
    let seeded = server.command(&["seed-demo"]).status().unwrap();
    assert!(seeded.success());
    let mut child = server.start().await;
    let (token, cohort) = sign_in(&server).await;
    let url = server.url(&format!("/api/v1/cohorts/{cohort}/attempts"));
    let client = reqwest::Client::new();
    let pre = client
        .post(&url)
        .bearer_auth(&token)
        .json(&json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }))
        .send()
        .await
        .unwrap();
    assert!(pre.status().is_success());
    let package: Package = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    let Some(ActivityBody::RolePlay(play)) = package.activity("a4").map(|a| a.body.clone()) else {
        panic!("a4 is the role-play");
    };
    let path = play.scenario.path_to(Outcome::Success).unwrap();

    // Eight clients send role-play results (any number is allowed) as fast as they can.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let mut clients = Vec::new();
    for _ in 0..8 {
        let (url, token, path, acknowledged) = (
            url.clone(),
            token.clone(),
            path.clone(),
            acknowledged.clone(),
        );
        clients.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            loop {
                let id = uuid::Uuid::new_v4();
                let sent = client
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&json!({ "id": id, "activity": "a4", "path": path }))
                    .timeout(Duration::from_secs(5))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().is_success() => acknowledged.lock().unwrap().push(id),
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
        }));
    }
    // Kill it mid-burst, once a good number have been acknowledged.
    let deadline = Instant::now() + Duration::from_secs(30);
    while acknowledged.lock().unwrap().len() < 50 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for client in clients {
        client.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 50, "the burst was running");

    let mut child = server.start().await;
    let (token, _) = sign_in(&server).await;
    let mut missing = Vec::new();
    for id in &acknowledged {
        let found = client
            .get(server.url(&format!("/api/v1/attempts/{id}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        if !found.status().is_success() {
            missing.push(*id);
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged submissions were lost",
        missing.len(),
        acknowledged.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_submissions_survive_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    burst_then_kill(Server {
        dir,
        database: "sqlite://data/durable.db".into(),
        port: free_port(),
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_submissions_survive_sigkill_on_postgres() {
    let Ok(admin_url) = std::env::var("FIELDSCHOOL_TEST_DATABASE_URL") else {
        let required = std::env::var("FIELDSCHOOL_TEST_REQUIRE_POSTGRES")
            .is_ok_and(|v| v == "1" || v == "true");
        assert!(
            !required,
            "PostgreSQL is required but FIELDSCHOOL_TEST_DATABASE_URL is not set"
        );
        eprintln!("skipped: FIELDSCHOOL_TEST_DATABASE_URL is not set");
        return;
    };
    let name = format!("fs_durable_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(&admin_url).await.unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url.as_str(), |(b, _)| b);
    burst_then_kill(Server {
        dir: tempfile::tempdir().unwrap(),
        database: format!("{base}/{name}"),
        port: free_port(),
    })
    .await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
}
