//! Starts chromedriver on a free port and a fresh headless Chromium profile per test.

use std::process::Stdio;
use std::time::Duration;

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tempfile::TempDir;
use tokio::process::{Child, Command};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub struct Browser {
    pub client: Client,
    /// chromedriver's own address, for commands fantoccini does not have.
    pub driver_url: String,
    _driver: Child,
    _profile: TempDir,
}

fn required() -> bool {
    std::env::var("FIELDSCHOOL_TEST_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

impl Browser {
    /// A headless Chromium with JavaScript on or off; `None` (test skipped) when Chromium
    /// is not installed and browser tests are not required.
    pub async fn start(javascript: bool) -> Option<Self> {
        Self::start_with(javascript, &[]).await
    }

    /// A browser started with `extra_args` besides the usual ones.
    pub async fn start_with(javascript: bool, extra_args: &[String]) -> Option<Self> {
        if !std::path::Path::new(CHROMIUM).exists() || !std::path::Path::new(CHROMEDRIVER).exists()
        {
            assert!(
                !required(),
                "browser tests are required but chromium/chromedriver are missing"
            );
            eprintln!("skipped: chromium or chromedriver is not installed");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile folder");
        let mut prefs = json!({});
        if !javascript {
            prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1024,768",
        ]
        .map(str::to_owned)
        .into();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.extend_from_slice(extra_args);
        let options = json!({
            "binary": CHROMIUM,
            "args": args,
            "prefs": prefs,
        });
        let mut capabilities = Capabilities::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Some(Self {
                        client,
                        driver_url: url.clone(),
                        _driver: driver,
                        _profile: profile,
                    });
                }
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start a browser session: {last_error}");
    }

    /// chromedriver's network emulation for the page: offline, or back to normal. (It does
    /// not reach a service worker's own requests; tests cut the line itself for those.)
    pub async fn network_offline(&self, offline: bool) {
        self.emulate(offline.then(|| {
            json!({ "offline": true, "latency": 0,
            "download_throughput": -1, "upload_throughput": -1 })
        }))
        .await;
    }

    /// Chrome's "Regular 2G" preset (250 kbit/s down, 50 kbit/s up, 300 ms) on the page, or
    /// no throttling.
    pub async fn regular_2g(&self, on: bool) {
        self.emulate(on.then(|| {
            json!({ "offline": false, "latency": 300,
            "download_throughput": 250 * 1024 / 8, "upload_throughput": 50 * 1024 / 8 })
        }))
        .await;
    }

    /// chromedriver's address for a command of this session that fantoccini lacks.
    async fn session_url(&self, command: &str) -> String {
        let session = self
            .client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("a session");
        format!("{}/session/{session}/{command}", self.driver_url)
    }

    async fn emulate(&self, conditions: Option<serde_json::Value>) {
        let url = self.session_url("chromium/network_conditions").await;
        let http = reqwest::Client::new();
        let sent = match conditions {
            Some(c) => {
                http.post(&url)
                    .json(&json!({ "network_conditions": c }))
                    .send()
                    .await
            }
            None => http.delete(&url).send().await,
        };
        assert!(sent.expect("chromedriver answers").status().is_success());
    }

    /// A Chrome DevTools command, through chromedriver; its result.
    pub async fn cdp(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        let url = self.session_url("goog/cdp/execute").await;
        let answer = reqwest::Client::new()
            .post(&url)
            .json(&json!({ "cmd": command, "params": params }))
            .send()
            .await
            .expect("chromedriver answers");
        assert!(answer.status().is_success(), "{command} failed");
        let mut answer: serde_json::Value = answer.json().await.expect("a JSON answer");
        answer["value"].take()
    }

    /// Keeps the site's own scripts (the islands' bundle, the offline script, the service
    /// worker) from loading, so pages are seen as without JavaScript while scripts injected
    /// through WebDriver (axe-core) still run, timers and promises included.
    pub async fn block_site_scripts(&self) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp(
            "Network.setBlockedURLs",
            json!({ "urls": ["*/pkg/*.js", "*/pkg/*.wasm", "*/sw.js"] }),
        )
        .await;
    }

    /// Lays the page out as on a screen `width` CSS pixels wide (a phone's, with its
    /// viewport rules, below 800), without reloading it.
    pub async fn viewport(&self, width: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": if width < 800 { 760 } else { 900 },
                    "deviceScaleFactor": 1, "mobile": width < 800 }),
        )
        .await;
    }

    /// Ends the session (closing Chromium) before chromedriver is stopped.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// Polls `check` every 100 ms for up to 15 s.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..150 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting until {what}");
}

/// Signs in through the sign-in page and waits until it has left it.
pub async fn sign_in_at(c: &Client, base: &str, (username, password): (&str, &str)) {
    c.goto(&format!("{base}/login"))
        .await
        .expect("the sign-in page");
    submit_sign_in(c, username, password).await;
    eventually("the sign-in lands", || async {
        c.current_url()
            .await
            .is_ok_and(|url| url.path() != "/login")
    })
    .await;
}

/// Fills the sign-in form on the current page and submits it.
pub async fn submit_sign_in(c: &Client, username: &str, password: &str) {
    c.find(fantoccini::Locator::Id("username"))
        .await
        .expect("username field")
        .send_keys(username)
        .await
        .expect("typing");
    c.find(fantoccini::Locator::Id("password"))
        .await
        .expect("password field")
        .send_keys(password)
        .await
        .expect("typing");
    c.find(fantoccini::Locator::Css("form.stacked button[type=submit]"))
        .await
        .expect("sign-in button")
        .click()
        .await
        .expect("clicking");
}

/// Waits until the page's source contains `text`.
pub async fn wait_for_text(c: &Client, text: &str) {
    eventually(&format!("the page shows {text:?}"), || async {
        c.source().await.unwrap_or_default().contains(text)
    })
    .await;
}

/// Clicks the element matching `css`, waiting up to 5 s for it: while a previous post is
/// still landing, the element may not be there yet, or may belong to the page being
/// replaced (a stale element, which is found again on the new page). Chromium reports the
/// latter either as a stale element or as a node that "does not belong to the document".
pub async fn click(c: &fantoccini::Client, css: &str) {
    let mut last = String::from("nothing matches");
    for _ in 0..50 {
        match c.find(fantoccini::Locator::Css(css)).await {
            Ok(element) => match element.click().await {
                Ok(_) => return,
                Err(e) if is_stale(&e.to_string()) => last = e.to_string(),
                Err(e) => panic!("clicking {css}: {e}"),
            },
            Err(e) => last = format!("nothing matches: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("clicking {css}: {last}");
}

fn is_stale(error: &str) -> bool {
    error.contains("stale element") || error.contains("does not belong to the document")
}
