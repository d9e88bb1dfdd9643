//! One learner of the exam-day load: what they ask for, and asking it again and again.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::Args;

/// What each learner asks for, again and again: a graded submission (201), or a page of
/// the class (200, read to its end).
pub fn target(args: &Args, cohort: &str) -> (String, reqwest::StatusCode) {
    match args.page.as_deref() {
        None => (
            format!("{}/api/v1/cohorts/{cohort}/attempts", args.url),
            reqwest::StatusCode::CREATED,
        ),
        Some("quiz") => (
            format!("{}/learn/{cohort}/a3", args.url),
            reqwest::StatusCode::OK,
        ),
        Some("outline") => (
            format!("{}/learn/{cohort}", args.url),
            reqwest::StatusCode::OK,
        ),
        Some(other) => panic!("--page quiz|outline, not {other}"),
    }
}

/// One signed-in learner asking again and again until the deadline.
pub struct Learner {
    pub client: reqwest::Client,
    pub url: String,
    pub token: String,
    /// The quiz's answers to submit; none: a page to load.
    pub body: Option<Value>,
    pub expected: reqwest::StatusCode,
}

impl Learner {
    /// Loads `page` once (the quiz, before the exam's clock starts).
    pub async fn open(&self, page: &str) {
        let opened = self.client.get(page).bearer_auth(&self.token).send().await;
        match opened {
            Ok(r) if r.status().is_success() => {
                let _ = r.bytes().await;
            }
            Ok(r) => panic!("{page}: {}", r.status()),
            Err(e) => panic!("{page}: {e}"),
        }
    }

    /// Asks from `first` on every `interval` (open loop), or again as soon as answered:
    /// each answer's latency with when it arrived, the requests not answered as expected,
    /// and the bytes read.
    pub async fn run(
        self,
        first: Option<Instant>,
        interval: Option<Duration>,
        deadline: Instant,
    ) -> (Vec<(Instant, Duration)>, u64, u64) {
        let mut latencies = Vec::new();
        let (mut refused, mut bytes) = (0u64, 0u64);
        let mut due = first;
        while Instant::now() < deadline {
            if let Some(at) = due {
                if at >= deadline {
                    break;
                }
                tokio::time::sleep_until(at.into()).await;
            }
            let sent = due.unwrap_or_else(Instant::now);
            due = due.zip(interval).map(|(at, i)| at + i);
            let request = match &self.body {
                Some(answers) => self.client.post(&self.url).json(
                    &json!({ "id": uuid::Uuid::new_v4(), "activity": "a3", "responses": answers }),
                ),
                None => self.client.get(&self.url),
            };
            let response = request.bearer_auth(&self.token).send().await;
            // Read to the end, as a browser does: the answer is only there once all of it
            // is (and a connection is only kept for the next request once it is read).
            match response {
                Ok(r) if r.status() == self.expected => match r.bytes().await {
                    Ok(page) => {
                        latencies.push((Instant::now(), sent.elapsed()));
                        bytes += page.len() as u64;
                    }
                    Err(_) => refused += 1,
                },
                _ => refused += 1,
            }
        }
        (latencies, refused, bytes)
    }
}
