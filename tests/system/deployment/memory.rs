//! The server's heap holds what it uses, not what it once used (`server::allocator`).
//!
//! It is not made resident 2 MiB at a time: the allocator asked the kernel for transparent
//! huge pages, and where the kernel grants them on request (the `madvise` setting,
//! Debian's and Ubuntu's default) each allocation touching a new 2 MiB region made all of
//! it resident: an idle server held 59 MiB of huge pages for about 20 MiB of heap.
//!
//! What it frees goes back to the system: an idle server kept the 19 MiB its startup's
//! password hash had used, and what building the API document took (docs/BENCHMARKS.md).

use super::{free_port, quiet_instance, ready, seeded_folder};
use crate::helpers::{Backend, TestDatabase};

/// `field` of `/proc/{pid}/smaps_rollup`, in kB.
fn rollup_kb(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// A server started on a seeded database that has answered the API document and a few
/// pages: its process.
async fn a_server_that_has_worked() -> (tokio::process::Child, TestDatabase) {
    let database = TestDatabase::create(Backend::Sqlite).await.expect("SQLite");
    let folder = seeded_folder(&database.url).await;
    let port = free_port();
    let process = quiet_instance(port, &database.url, folder.path())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    assert!(ready(&base).await, "the server starts");
    let client = reqwest::Client::new();
    for path in [
        "/api/v1/openapi.json",
        "/",
        "/login",
        "/api/v1/openapi.json",
    ] {
        let response = client.get(format!("{base}{path}")).send().await.unwrap();
        assert!(response.status().is_success(), "{path}");
        response.bytes().await.unwrap();
    }
    (process, database)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_server_gives_back_what_it_freed() {
    let (process, _database) = a_server_that_has_worked().await;
    // Past the time the password hashing keeps its memory after the last hash.
    tokio::time::sleep(server::services::passwords::KEEP_MEMORY_FOR * 3).await;
    let anonymous = rollup_kb(process.id().unwrap(), "Anonymous").unwrap();
    assert!(
        anonymous < 24 * 1024,
        "an idle server holds {anonymous} kB of its own memory"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_heap_is_not_made_of_huge_pages() {
    let thp =
        std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
    if !thp.contains("[madvise]") {
        eprintln!("skipped: huge pages are not granted on request here ({thp:?})");
        return;
    }
    let (process, _database) = a_server_that_has_worked().await;
    let pid = process.id().unwrap();
    let anonymous = rollup_kb(pid, "Anonymous").unwrap();
    let huge = rollup_kb(pid, "AnonHugePages").unwrap();
    assert!(anonymous > 0, "the rollup is read");
    assert_eq!(
        huge, 0,
        "{huge} kB of {anonymous} kB anonymous are huge pages"
    );
}
