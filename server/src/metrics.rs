//! What a server counts, written at `/metrics` in the Prometheus text format.
//!
//! Each server keeps its own recorder (a value in `AppState`, not the process-wide
//! recorder of the `metrics` crate), so two servers in one process — the test suite runs
//! many — count apart. What is counted as it happens:
//!
//! | metric | labels | |
//! |---|---|---|
//! | `fieldschool_http_request_duration_seconds` | method, route | histogram |
//! | `fieldschool_http_responses_total` | route, status | counter |
//! | `fieldschool_sync_batches_total` | | counter |
//! | `fieldschool_sync_items_total` | outcome | counter |
//! | `fieldschool_offline_packages_served_total` | | counter |
//!
//! and what is read when scraped: the password-hashing slots (`…_password_hashes_running`,
//! `…_waiting`, `…_refused_total`), the database pool (`…_db_connections{state}`,
//! `…_db_connections_max`), the jobs queued and running on every server
//! (`fieldschool_jobs{state}`), whether the server hears the others' changes
//! (`fieldschool_cluster_hearing`, 1 or 0; PostgreSQL only), and what the attempts written
//! together have cost (`fieldschool_attempt_group_writes_total`, `…_rows_total` and
//! `…_seconds_total{phase}`: seconds queued, summed over the rows, then spent beginning,
//! inserting and committing; see `services::attempts::group_commit`).
//!
//! `route` is the route's pattern (`/api/v1/users/{id}`), never the path, so an address
//! cannot create metrics; requests no route matched count as `unmatched`.

use std::sync::Arc;
use std::time::Duration;

use std::fmt::Write as _;

use metrics::{Key, Label, Level, Metadata, Recorder};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};

use crate::services::attempts::GroupTotals;

const REQUEST_SECONDS: &str = "fieldschool_http_request_duration_seconds";
const RESPONSES: &str = "fieldschool_http_responses_total";
const SYNC_BATCHES: &str = "fieldschool_sync_batches_total";
const SYNC_ITEMS: &str = "fieldschool_sync_items_total";
const PACKAGES: &str = "fieldschool_offline_packages_served_total";

/// Bucket bounds (seconds) for request latency: from a cached page to a slow import.
const LATENCY_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// How often recorded latencies are folded into the histograms when nobody scrapes.
pub const UPKEEP_EVERY: Duration = Duration::from_secs(10);

const METADATA: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, None);

/// What the scrape reads from the rest of the server.
#[derive(Debug, Clone, Copy, Default)]
pub struct Readings {
    pub hashes_running: usize,
    pub hashes_waiting: usize,
    pub hashes_refused: u64,
    pub db_in_use: u32,
    pub db_idle: u32,
    pub db_max: u32,
    /// `None` where there is nothing to hear (SQLite).
    pub hearing: Option<bool>,
    /// Jobs of every server waiting to be taken up, and being carried out.
    pub jobs_queued: u64,
    pub jobs_running: u64,
    pub attempt_writes: GroupTotals,
}

/// One server's metrics.
#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        // Bounds that are not empty are always accepted; without them the latencies would
        // still be counted, as a summary.
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.into()), &LATENCY_BUCKETS)
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        Self {
            recorder: Arc::new(recorder),
            handle,
        }
    }

    fn counter(&self, name: &'static str, labels: Vec<Label>) -> metrics::Counter {
        self.recorder
            .register_counter(&Key::from_parts(name, labels), &METADATA)
    }

    fn gauge(&self, name: &'static str, labels: Vec<Label>) -> metrics::Gauge {
        self.recorder
            .register_gauge(&Key::from_parts(name, labels), &METADATA)
    }

    /// One answered request.
    pub fn request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let key = Key::from_parts(
            REQUEST_SECONDS,
            vec![
                Label::new("method", method.to_owned()),
                Label::new("route", route.to_owned()),
            ],
        );
        self.recorder
            .register_histogram(&key, &METADATA)
            .record(seconds);
        self.counter(
            RESPONSES,
            vec![
                Label::new("route", route.to_owned()),
                Label::new("status", status.to_string()),
            ],
        )
        .increment(1);
    }

    /// One sync batch and the outcome of each of its items.
    pub fn sync_batch<'a>(&self, outcomes: impl IntoIterator<Item = &'a str>) {
        self.counter(SYNC_BATCHES, Vec::new()).increment(1);
        for outcome in outcomes {
            self.counter(SYNC_ITEMS, vec![Label::new("outcome", outcome.to_owned())])
                .increment(1);
        }
    }

    /// One course package sent for offline study.
    pub fn package_served(&self) {
        self.counter(PACKAGES, Vec::new()).increment(1);
    }

    /// Folds recorded latencies into the histograms, so memory stays bounded between
    /// scrapes (`UPKEEP_EVERY`).
    pub fn upkeep(&self) {
        self.handle.run_upkeep();
    }

    /// The text a scraper reads, with `now`'s readings.
    pub fn render(&self, now: &Readings) -> String {
        let set = |name: &'static str, labels: Vec<Label>, value: f64| {
            self.gauge(name, labels).set(value);
        };
        set(
            "fieldschool_password_hashes_running",
            Vec::new(),
            now.hashes_running as f64,
        );
        set(
            "fieldschool_password_hashes_waiting",
            Vec::new(),
            now.hashes_waiting as f64,
        );
        self.counter("fieldschool_password_hashes_refused_total", Vec::new())
            .absolute(now.hashes_refused);
        for (state, n) in [("in_use", now.db_in_use), ("idle", now.db_idle)] {
            set(
                "fieldschool_db_connections",
                vec![Label::new("state", state)],
                f64::from(n),
            );
        }
        set(
            "fieldschool_db_connections_max",
            Vec::new(),
            f64::from(now.db_max),
        );
        for (state, n) in [("queued", now.jobs_queued), ("running", now.jobs_running)] {
            set(
                "fieldschool_jobs",
                vec![Label::new("state", state)],
                n as f64,
            );
        }
        if let Some(hearing) = now.hearing {
            set(
                "fieldschool_cluster_hearing",
                Vec::new(),
                if hearing { 1.0 } else { 0.0 },
            );
        }
        let mut text = self.handle.render();
        group_writes(&mut text, &now.attempt_writes);
        text
    }
}

/// The group writes' counters, in the text format (fractional seconds, which the
/// recorder's integer counters cannot hold).
fn group_writes(text: &mut String, totals: &GroupTotals) {
    let name = "fieldschool_attempt_group";
    let _ = writeln!(text, "# TYPE {name}_writes_total counter");
    let _ = writeln!(text, "{name}_writes_total {}", totals.writes);
    let _ = writeln!(text, "# TYPE {name}_rows_total counter");
    let _ = writeln!(text, "{name}_rows_total {}", totals.rows);
    let _ = writeln!(text, "# TYPE {name}_seconds_total counter");
    for (phase, seconds) in [
        ("queued", totals.queued_seconds),
        ("begin", totals.begin_seconds),
        ("insert", totals.insert_seconds),
        ("commit", totals.commit_seconds),
    ] {
        let _ = writeln!(text, "{name}_seconds_total{{phase=\"{phase}\"}} {seconds}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, line_start: &str) -> Option<f64> {
        text.lines()
            .find(|l| l.starts_with(line_start))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
    }

    #[test]
    fn requests_are_counted_by_route_and_status_with_latency_buckets() {
        let metrics = Metrics::new();
        metrics.request("GET", "/api/v1/users/{id}", 200, 0.02);
        metrics.request("GET", "/api/v1/users/{id}", 200, 0.2);
        metrics.request("GET", "/api/v1/users/{id}", 404, 0.001);
        let text = metrics.render(&Readings::default());
        assert_eq!(
            value(
                &text,
                "fieldschool_http_responses_total{route=\"/api/v1/users/{id}\",status=\"200\"}"
            ),
            Some(2.0),
            "{text}"
        );
        assert_eq!(
            value(
                &text,
                "fieldschool_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/users/{id}\",le=\"0.025\"}"
            ),
            Some(2.0),
            "{text}"
        );
        assert_eq!(
            value(
                &text,
                "fieldschool_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/users/{id}\"}"
            ),
            Some(3.0),
            "{text}"
        );
    }

    #[test]
    fn two_servers_count_apart_and_readings_are_written() {
        let a = Metrics::new();
        let b = Metrics::new();
        a.sync_batch(["accepted", "accepted", "rejected"]);
        a.package_served();
        let text = a.render(&Readings {
            hashes_refused: 4,
            db_in_use: 2,
            db_max: 10,
            hearing: Some(true),
            jobs_queued: 3,
            ..Readings::default()
        });
        assert_eq!(
            value(&text, "fieldschool_jobs{state=\"queued\"}"),
            Some(3.0)
        );
        assert_eq!(
            value(&text, "fieldschool_sync_items_total{outcome=\"accepted\"}"),
            Some(2.0)
        );
        assert_eq!(value(&text, "fieldschool_sync_batches_total"), Some(1.0));
        assert_eq!(
            value(&text, "fieldschool_offline_packages_served_total"),
            Some(1.0)
        );
        assert_eq!(
            value(&text, "fieldschool_password_hashes_refused_total"),
            Some(4.0)
        );
        assert_eq!(
            value(&text, "fieldschool_db_connections{state=\"in_use\"}"),
            Some(2.0)
        );
        assert_eq!(value(&text, "fieldschool_cluster_hearing"), Some(1.0));
        assert_eq!(
            value(&text, "fieldschool_attempt_group_rows_total"),
            Some(0.0)
        );
        let other = b.render(&Readings::default());
        assert!(!other.contains("fieldschool_sync"), "{other}");
        assert!(!other.contains("fieldschool_cluster_hearing"), "{other}");
    }
}
