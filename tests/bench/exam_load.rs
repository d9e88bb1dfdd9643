//! Exam-day load: many signed-in learners submitting a graded quiz at once.
//!
//! Against a running server with the demo data (see `scripts/exam-load.sh`, which starts
//! one on SQLite or PostgreSQL and samples its memory): imports a copy of the demo course
//! whose quiz allows any number of attempts, publishes it, opens an ungated class, creates
//! and enrols `--clients` learners, signs each in, then has every client submit the quiz
//! (a fresh attempt id each time, all seven question types) as fast as the server answers
//! for `--seconds`. Prints submissions per second and latency percentiles; every
//! submission counted was acknowledged with 201 (graded and stored).
//!
//! `--rate R` offers a steady R submissions a second instead (each client on its own
//! schedule, R / clients a second): the latency of each is counted from when it was due,
//! not when it was sent, so a server that falls behind is charged for the wait it caused.
//! A closed loop (the default) measures the most the server takes; with 200 clients always
//! waiting on it, its mean latency is 200 / throughput (Little's law), so only an offered
//! rate says what a learner waits at a given load.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "exam_load/learner.rs"]
mod learner;
use learner::{Learner, target};

struct Args {
    url: String,
    clients: usize,
    seconds: u64,
    /// The server's process id, to sample its memory while submissions run.
    server_pid: Option<u32>,
    /// A certificate authority to trust (PEM), for a server behind a TLS proxy.
    ca: Option<String>,
    /// Submissions offered per second, all clients together (open loop); none: each client
    /// sends again as soon as it is answered.
    rate: Option<f64>,
    /// A learner's page to load instead of submitting: `quiz` or `outline`.
    page: Option<String>,
}

/// A client trusting `ca` besides the usual authorities.
fn http_client(ca: Option<&str>) -> reqwest::Client {
    // A submission that gets no answer in 30 s counts as not acknowledged, as it would be
    // for a learner whose device gives up and sends it again later.
    let builder = reqwest::Client::builder().timeout(Duration::from_secs(30));
    let builder = match ca {
        Some(path) => builder.add_root_certificate(
            reqwest::Certificate::from_pem(&std::fs::read(path).expect("--ca FILE"))
                .expect("a PEM certificate"),
        ),
        None => builder,
    };
    builder.build().expect("an HTTP client")
}

fn args() -> Args {
    let mut args = Args {
        url: "http://127.0.0.1:8080".into(),
        clients: 200,
        seconds: 20,
        server_pid: None,
        ca: None,
        rate: None,
        page: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--url" => args.url = value,
            "--clients" => args.clients = value.parse().expect("--clients N"),
            "--seconds" => args.seconds = value.parse().expect("--seconds N"),
            "--server-pid" => args.server_pid = Some(value.parse().expect("--server-pid PID")),
            "--ca" => args.ca = Some(value),
            "--page" => args.page = Some(value),
            "--rate" => args.rate = Some(value.parse().expect("--rate SUBMISSIONS_PER_SECOND")),
            other => panic!("unknown flag {other}"),
        }
    }
    args
}

fn right_answers() -> Value {
    json!({
        "q1": { "type": "choice", "value": "a" },
        "q2": { "type": "choices", "value": ["a", "b", "c"] },
        "q3": { "type": "bool", "value": false },
        "q4": { "type": "number", "value": 30 },
        "q5": { "type": "text", "value": "hoa giai" },
        "q6": { "type": "order", "value": ["a", "b", "c", "d", "e"] },
        "q7": { "type": "pairs", "value": [["a", "a"], ["b", "b"], ["c", "c"]] }
    })
}

async fn call(client: &reqwest::Client, request: reqwest::RequestBuilder) -> Value {
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{status}: {body}");
    let _ = client;
    body
}

async fn sign_in(client: &reqwest::Client, url: &str, username: &str, password: &str) -> String {
    call(
        client,
        client
            .post(format!("{url}/api/v1/auth/sign-in"))
            .json(&json!({ "username": username, "password": password })),
    )
    .await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A class of `clients` learners studying a quiz with unlimited attempts; (cohort, tokens).
async fn prepare(client: &reqwest::Client, url: &str, clients: usize) -> (String, Vec<String>) {
    let run = uuid::Uuid::new_v4().simple().to_string();
    let run = &run[..8];
    let admin = sign_in(client, url, "admin", "truong-chinh-tri-2026").await;
    let lecturer = sign_in(client, url, "gv.lan", "giang-vien-lao-cai").await;
    let mut package: Value = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    for module in package["modules"].as_array_mut().unwrap() {
        for activity in module["activities"].as_array_mut().unwrap() {
            if activity["id"] == "a3" {
                activity["settings"]["attempts"] = json!(0);
            }
        }
    }
    let mut job = call(
        client,
        client
            .post(format!("{url}/api/v1/courses/import?code=EXAM-{run}"))
            .bearer_auth(&lecturer)
            .json(&package),
    )
    .await;
    // The import is a job: asked again until it ends.
    while job["state"] == "queued" || job["state"] == "running" {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let at = format!("{url}/api/v1/jobs/{}", job["id"].as_str().unwrap());
        job = call(client, client.get(at).bearer_auth(&lecturer)).await;
    }
    assert_eq!(job["state"], "done", "{job}");
    let course = job["course"]["id"].as_str().unwrap().to_owned();
    call(
        client,
        client
            .post(format!("{url}/api/v1/courses/{course}/publish"))
            .bearer_auth(&lecturer)
            .json(&json!({})),
    )
    .await;
    let cohort = call(
        client,
        client
            .post(format!("{url}/api/v1/cohorts"))
            .bearer_auth(&lecturer)
            .json(
                &json!({ "course_id": course, "title_vi": format!("Thi {run}"),
                "starts_on": "2026-12-01", "ends_on": "2026-12-31",
                "gate_pre": false, "gate_post": false }),
            ),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut names = Vec::new();
    for i in 0..clients {
        let username = format!("thi.{run}.{i}");
        call(
            client,
            client
                .post(format!("{url}/api/v1/users"))
                .bearer_auth(&admin)
                .json(
                    &json!({ "username": username, "full_name": format!("Học viên {i}"),
                    "password": "mat khau ky thi 2026",
                    "roles": [{ "role": "learner", "scope_org_unit_id": null }] }),
                ),
        )
        .await;
        names.push(username);
    }
    call(
        client,
        client
            .post(format!("{url}/api/v1/cohorts/{cohort}/enrolments"))
            .bearer_auth(&lecturer)
            .json(&json!({ "usernames": names.join(",") })),
    )
    .await;
    let mut tokens = Vec::new();
    for name in &names {
        tokens.push(sign_in(client, url, name, "mat khau ky thi 2026").await);
    }
    (cohort, tokens)
}

/// The resident memory of process `pid` in MB (Linux), if it can be read.
fn resident_mb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024)
}

/// CPU seconds (user + system) process `pid` has used, read from `/proc` (Linux; 100 ticks
/// a second).
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The learners, each having opened the quiz before the clock starts, as on an exam day:
/// the connection their browser then submits on is open, and the server has seen them.
async fn with_the_quiz_open(args: &Args, cohort: &str, tokens: Vec<String>) -> Vec<Learner> {
    let (url, expected) = target(args, cohort);
    let answers = right_answers();
    let learners: Vec<Learner> = tokens
        .into_iter()
        .map(|token| Learner {
            client: http_client(args.ca.as_deref()),
            url: url.clone(),
            token,
            body: args.page.is_none().then(|| answers.clone()),
            expected,
        })
        .collect();
    let quiz = format!("{}/learn/{cohort}/a3", args.url);
    for learner in &learners {
        learner.open(&quiz).await;
    }
    learners
}

/// The server's resident memory until `deadline`: at the start, and the highest reading
/// in each second (ten readings a second).
async fn sample_memory(pid: u32, deadline: Instant) -> (u64, Vec<u64>) {
    let at_start = resident_mb(pid).unwrap_or(0);
    let began = Instant::now();
    let mut each_second = Vec::new();
    while Instant::now() < deadline {
        let second = began.elapsed().as_secs() as usize;
        if each_second.len() <= second {
            each_second.resize(second + 1, 0);
        }
        each_second[second] = each_second[second].max(resident_mb(pid).unwrap_or(0));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (at_start, each_second)
}

/// The run second by second: the p99 of the answers that arrived in each, so that a pause
/// (a checkpoint, a stalled write) shows as the second it happened in.
fn by_second(start: Instant, answers: &[(Instant, Duration)], seconds: u64) -> String {
    let mut each: Vec<Vec<Duration>> = vec![Vec::new(); seconds as usize + 1];
    for (at, took) in answers {
        let second = at.duration_since(start).as_secs() as usize;
        if let Some(slot) = each.get_mut(second) {
            slot.push(*took);
        }
    }
    let p99s: Vec<String> = each
        .iter_mut()
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.sort();
            format!("{:.0}", percentile(s, 99.0).as_secs_f64() * 1e3)
        })
        .collect();
    format!("p99 second by second (ms): {}", p99s.join(" "))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let args = args();
    let client = http_client(args.ca.as_deref());
    let started = Instant::now();
    let (cohort, tokens) = prepare(&client, &args.url, args.clients).await;
    let learners = with_the_quiz_open(&args, &cohort, tokens).await;
    eprintln!(
        "prepared {} signed-in learners with the quiz open in {:.1} s",
        learners.len(),
        started.elapsed().as_secs_f64()
    );
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    // The server's memory while the submissions run (sign-ins, with their password hashes,
    // are over by now).
    let server_cpu = args
        .server_pid
        .and_then(|pid| cpu_seconds(&pid.to_string()));
    let own_cpu = cpu_seconds("self");
    let sampler = args
        .server_pid
        .map(|pid| tokio::spawn(sample_memory(pid, deadline)));
    let mut workers = Vec::new();
    let clients = learners.len().max(1);
    // Open loop: client n sends at start + (n / clients + k) × interval.
    let interval = args
        .rate
        .map(|rate| Duration::from_secs_f64(clients as f64 / rate.max(0.001)));
    let start = Instant::now();
    for (n, learner) in learners.into_iter().enumerate() {
        let first = interval.map(|i| start + i.mul_f64(n as f64 / clients as f64));
        workers.push(tokio::spawn(learner.run(first, interval, deadline)));
    }
    let mut answers = Vec::new();
    let (mut refused, mut bytes) = (0, 0);
    for worker in workers {
        let (mine, bad, read) = worker.await.unwrap();
        answers.extend(mine);
        refused += bad;
        bytes += read;
    }
    let mut latencies: Vec<Duration> = answers.iter().map(|(_, took)| *took).collect();
    latencies.sort();
    let rate = latencies.len() as f64 / args.seconds as f64;
    if let Some(rate) = args.rate {
        println!("offered {rate:.0}/s (open loop: latency counted from when each was due)");
    }
    let done = match args.page.as_deref() {
        Some(page) => format!(
            "{page} pages ({} KB each)",
            bytes / latencies.len().max(1) as u64 / 1024
        ),
        None => "graded and stored".to_owned(),
    };
    println!(
        "clients {} · {} s · {} {done} ({:.0}/s) · {} not acknowledged · p50 {:.1} ms · p95 {:.1} ms · p99 {:.1} ms · max {:.1} ms",
        args.clients,
        args.seconds,
        latencies.len(),
        rate,
        refused,
        percentile(&latencies, 50.0).as_secs_f64() * 1e3,
        percentile(&latencies, 95.0).as_secs_f64() * 1e3,
        percentile(&latencies, 99.0).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    println!("{}", by_second(start, &answers, args.seconds));
    if let Some(sampler) = sampler {
        let (at_start, each_second) = sampler.await.unwrap();
        let peak = each_second.iter().copied().max().unwrap_or(at_start);
        println!("server RSS while submitting: {at_start} MB at the start, {peak} MB at the peak");
        let each: Vec<String> = each_second.iter().map(u64::to_string).collect();
        println!("RSS second by second (MB): {}", each.join(" "));
    }
    // Where the two cores went while submitting.
    let stored = latencies.len().max(1) as f64;
    let seconds = args.seconds as f64;
    if let (Some(pid), Some(before)) = (args.server_pid, server_cpu)
        && let Some(after) = cpu_seconds(&pid.to_string())
    {
        println!(
            "server CPU: {:.0}% of one core, {:.2} ms per answer",
            (after - before) / seconds * 100.0,
            (after - before) / stored * 1e3
        );
    }
    if let (Some(before), Some(after)) = (own_cpu, cpu_seconds("self")) {
        println!(
            "load generator CPU: {:.0}% of one core",
            (after - before) / seconds * 100.0
        );
    }
}
