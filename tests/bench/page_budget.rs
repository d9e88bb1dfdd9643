//! Learner pages on Regular 2G: what each costs to transfer and how long until its text is
//! visible, on a first visit (empty cache) and on a repeat visit.
//!
//! Against a running server with the demo data (see `scripts/page-budget.sh`, which starts
//! one): drives headless Chromium through chromedriver's WebDriver API, signs in as a learner
//! who has not started, and for each learner page clears the cache, throttles the network to
//! DevTools' "Regular 2G" (250 kbit/s down, 50 kbit/s up, 300 ms round trip), opens the page,
//! waits for the islands bundle where the page has one, and reads the browser's own figures
//! (Resource Timing `transferSize`: bytes on the wire, compressed, headers included; Paint
//! Timing `first-contentful-paint`). Then it opens the page again (cache warm) and reads the
//! same figures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// DevTools' "Regular 2G" preset.
const LATENCY_MS: u64 = 300;
const DOWN_BYTES_PER_S: u64 = 250 * 1024 / 8;
const UP_BYTES_PER_S: u64 = 50 * 1024 / 8;

struct Driver {
    http: reqwest::Client,
    base: String,
}

impl Driver {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer: Value = request
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .unwrap();
        assert!(
            answer["value"].get("error").is_none(),
            "{path}: {}",
            answer["value"]
        );
        answer["value"].clone()
    }

    async fn exec(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    async fn cdp(&self, cmd: &str, params: Value) {
        self.call(
            reqwest::Method::POST,
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
        .await;
    }

    /// chromedriver's network emulation, which applies to every request of the page.
    async fn throttle(&self, on: bool) {
        if on {
            let conditions = json!({ "network_conditions": {
                "offline": false, "latency": LATENCY_MS,
                "download_throughput": DOWN_BYTES_PER_S, "upload_throughput": UP_BYTES_PER_S } });
            self.call(
                reqwest::Method::POST,
                "/chromium/network_conditions",
                Some(conditions),
            )
            .await;
        } else {
            self.call(
                reqwest::Method::DELETE,
                "/chromium/network_conditions",
                None,
            )
            .await;
        }
    }
}

/// What one visit cost, by the browser's own figures.
#[derive(Debug, Default)]
struct Visit {
    document: u64,
    stylesheet: u64,
    scripts: u64,
    /// Of the scripts, the islands' wasm.
    wasm: u64,
    other: u64,
    text_ms: f64,
    /// When the islands bundle had arrived (0 without islands).
    scripts_ms: f64,
}

impl Visit {
    fn total(&self) -> u64 {
        self.document + self.stylesheet + self.scripts + self.other
    }
}

const FIGURES: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const res = performance.getEntriesByType('resource').map(r => [r.name, r.transferSize, r.responseEnd]);
return { doc: nav.transferSize, fcp: paint ? paint.startTime : -1,
         res, islands: !!document.querySelector('link[rel=modulepreload], script[type=module]') };
"#;

async fn visit(d: &Driver, url: &str) -> Visit {
    d.goto(url).await;
    let mut figures = d.exec(FIGURES).await;
    // A page with islands is measured once its bundle has arrived.
    for _ in 0..600 {
        let wasm_done = figures["res"].as_array().unwrap().iter().any(|r| {
            r[0].as_str().unwrap_or("").ends_with(".wasm") && r[2].as_f64().unwrap_or(0.0) > 0.0
        });
        let painted = figures["fcp"].as_f64().unwrap_or(-1.0) >= 0.0;
        if painted && (wasm_done || !figures["islands"].as_bool().unwrap_or(false)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        figures = d.exec(FIGURES).await;
    }
    let mut v = Visit {
        document: figures["doc"].as_u64().unwrap_or(0),
        text_ms: figures["fcp"].as_f64().unwrap_or(-1.0),
        ..Visit::default()
    };
    for r in figures["res"].as_array().unwrap() {
        let (name, bytes) = (r[0].as_str().unwrap_or(""), r[1].as_u64().unwrap_or(0));
        if name.ends_with(".css") {
            v.stylesheet += bytes;
        } else if name.ends_with(".js") || name.ends_with(".wasm") {
            v.scripts += bytes;
            if name.ends_with(".wasm") {
                v.wasm += bytes;
            }
            v.scripts_ms = v.scripts_ms.max(r[2].as_f64().unwrap_or(0.0));
        } else {
            v.other += bytes;
        }
    }
    v
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// The budgets a page is held to, met or missed.
fn verdicts_of(name: &str, first: &Visit, again: &Visit) -> Vec<String> {
    let mut verdicts = Vec::new();
    let budget = match name {
        "case study" => Some((
            first.total() <= 30 * 1024 && first.wasm == 0,
            "≤ 30 KB, no wasm",
        )),
        "quiz (island)" => Some((first.total() <= 150 * 1024, "≤ 150 KB with its island")),
        _ => None,
    };
    if let Some((met, what)) = budget {
        verdicts.push(format!(
            "{name}, first visit {what}: {}",
            if met { "met" } else { "MISSED" }
        ));
    }
    if name == "case study" {
        let met = again.total() <= 5 * 1024;
        verdicts.push(format!(
            "{name}, repeat visit ≤ 5 KB: {}",
            if met { "met" } else { "MISSED" }
        ));
    }
    verdicts
}

/// Chromedriver and a headless Chromium with a phone's window, on a fresh profile.
async fn start_browser() -> (tokio::process::Child, tempfile::TempDir, Driver) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let chromedriver = tokio::process::Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver starts (scripts/bootstrap.sh --test installs it)");
    let profile = tempfile::tempdir().unwrap();
    let http = reqwest::Client::new();
    let capabilities = json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
        "binary": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=412,915",
                 format!("--user-data-dir={}", profile.path().display())],
    }}}});
    let mut session = Value::Null;
    for _ in 0..100 {
        if let Ok(r) = http
            .post(format!("http://127.0.0.1:{port}/session"))
            .json(&capabilities)
            .send()
            .await
        {
            session = r.json().await.unwrap();
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let id = session["value"]["sessionId"]
        .as_str()
        .expect("a browser session")
        .to_owned();
    let d = Driver {
        http,
        base: format!("http://127.0.0.1:{port}/session/{id}"),
    };
    (chromedriver, profile, d)
}

#[tokio::main]
async fn main() {
    let mut url = "http://127.0.0.1:3000".to_owned();
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--url" => url = it.next().expect("--url URL"),
            other => panic!("unknown flag {other}"),
        }
    }
    let (_chromedriver, _profile, d) = start_browser().await;

    // A learner who has not started, signed in over an unthrottled line.
    d.goto(&format!("{url}/login")).await;
    d.exec(
        "document.getElementById('username').value = 'hv.mai';
            document.getElementById('password').value = 'hoc-vien-y-ty';
            document.querySelector('form.stacked').submit();",
    )
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    d.goto(&format!("{url}/learn")).await;
    let cohort = d
        .exec("return document.querySelector('main a[href^=\"/learn/\"]').getAttribute('href');")
        .await;
    let outline = format!("{url}{}", cohort.as_str().expect("the learner's class"));

    let mut pages: Vec<(&str, String)> = vec![
        ("my courses", format!("{url}/learn")),
        ("course outline", outline.clone()),
        ("pre-test", format!("{outline}/a1")),
    ];
    let opened_after_pre_test = [
        ("case study", format!("{outline}/a2")),
        ("quiz (island)", format!("{outline}/a3")),
        ("role-play (island)", format!("{outline}/a4")),
    ];

    println!(
        "Regular 2G: {} kbit/s down, {} kbit/s up, {LATENCY_MS} ms round trip; sizes as transferred (compressed, with headers);\na repeat visit takes the page whole (a signed-in page is never stored: no-store) and the assets from cache\n",
        DOWN_BYTES_PER_S * 8 / 1024,
        UP_BYTES_PER_S * 8 / 1024
    );
    println!(
        "{:<20} {:>10} {:>10} {:>10} {:>11} {:>13} │ {:>10} {:>11}",
        "page",
        "first",
        "html+css",
        "scripts",
        "text after",
        "islands after",
        "repeat",
        "text after"
    );
    // What the pages cost on the wire: the offline service worker, which makes its own
    // requests outside the page's throttling, is bypassed.
    d.cdp("Network.enable", json!({})).await;
    d.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await;
    let mut verdicts = Vec::new();
    let mut index = 0;
    while index < pages.len() {
        let (name, page) = pages[index].clone();
        d.cdp("Network.clearBrowserCache", json!({})).await;
        d.throttle(true).await;
        let first = visit(&d, &page).await;
        let again = visit(&d, &page).await;
        d.throttle(false).await;
        println!(
            "{:<20} {:>10} {:>10} {:>10} {:>8.0} ms {:>10.0} ms │ {:>10} {:>8.0} ms",
            name,
            kb(first.total()),
            kb(first.document + first.stylesheet),
            kb(first.scripts),
            first.text_ms,
            first.scripts_ms,
            kb(again.total()),
            again.text_ms
        );
        verdicts.extend(verdicts_of(name, &first, &again));
        if name == "pre-test" {
            // Take it (no answers) so the modules open, then measure them.
            d.goto(&page).await;
            d.exec("document.querySelector('main form.stacked').submit();")
                .await;
            tokio::time::sleep(Duration::from_secs(1)).await;
            pages.extend(opened_after_pre_test.iter().cloned());
        }
        index += 1;
    }
    println!("\n{}", verdicts.join("\n"));
    let _ = d.call(reqwest::Method::DELETE, "", None).await;
}
