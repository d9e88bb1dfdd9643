//! Every page of every role, checked by axe-core in Chromium: anonymous visitors, a learner
//! who has not started and one who holds a certificate, a lecturer, a supervisor and an
//! administrator; in Vietnamese and English; with and without scripts; laid out at 1280 and
//! 360 CSS pixels. Serious or critical violations fail the test, moderate and minor ones
//! are listed in its output; at 320 pixels nothing may scroll sideways except inside a
//! named, focusable region (reflow, WCAG 1.4.10).
//!
//! The pages are found by following links from each role's starting pages (`crawl`), so a
//! new page is checked as soon as something links to it.

mod axe;
mod crawl;
mod reflow;

use fantoccini::Client;
use sea_orm::EntityTrait;

use super::driver::{Browser, click, eventually, sign_in_at};
use crate::evidence::{ADMIN, LECTURER, MAI, SUPERVISOR};
use crate::helpers::{Backend, TestApp, spawn_app, workspace_root};

/// The demo learner who finished the course and holds its certificate.
const THAO: (&str, &str) = ("hv.thao", "hoc-vien-phong-dien");
/// The demo learner half-way: the quiz failed once (its form open again), a role-play
/// under way.
const TUAN: (&str, &str) = ("hv.tuan", "hoc-vien-ea-kly");

/// What the crawl found, page by page.
#[derive(Default)]
struct Findings {
    blocking: Vec<String>,
    listed: Vec<String>,
    checked: usize,
}

impl Findings {
    fn record(&mut self, at: &str, violations: Vec<axe::Violation>) {
        self.checked += 1;
        for v in violations {
            let line = format!(
                "{at}: {} ({}) {} — {}",
                v.rule,
                v.impact,
                v.help,
                v.targets.join(" | ")
            );
            if v.blocks() {
                self.blocking.push(line);
            } else {
                self.listed.push(line);
            }
        }
    }

    /// Reports the findings (also to `target/accessibility/{role}.txt`, which
    /// `scripts/test.sh` prints after the run, as passing tests' output is not shown) and
    /// fails on any serious or critical one.
    fn finish(self, role: &str, pages: &[String]) {
        let mut report = format!(
            "{role}: {} pages, {} page views checked; {} moderate or minor findings\n",
            pages.len(),
            self.checked,
            self.listed.len()
        );
        for line in &self.listed {
            report.push_str(&format!("  note: {line}\n"));
        }
        eprint!("{report}");
        let folder = workspace_root().join("target/accessibility");
        let file = folder.join(format!("{}.txt", role.replace(' ', "-")));
        if let Err(e) =
            std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&file, &report))
        {
            eprintln!("could not write {}: {e}", file.display());
        }
        assert!(
            self.blocking.is_empty(),
            "{role}: serious or critical accessibility problems:\n{}",
            self.blocking.join("\n")
        );
    }
}

/// Chooses the language with the home page's buttons, as a person would, and checks the
/// page came back in it.
async fn choose_language(app: &TestApp, c: &Client, locale: &str) {
    c.goto(&app.url("/")).await.expect("the home page");
    click(c, &format!("form.lang button[value='{locale}']")).await;
    let mut seen = serde_json::Value::Null;
    for _ in 0..300 {
        seen = c
            .execute(
                "return [location.href, document.documentElement.lang, document.title];",
                vec![],
            )
            .await
            .unwrap_or_default();
        if seen[1] == locale {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page did not come back in {locale}: {seen}");
}

/// Waits for the page to settle: loaded, and with scripts its islands given a moment.
async fn settle(c: &Client, javascript: bool) {
    eventually("the page has loaded", || async {
        c.execute("return document.readyState;", vec![])
            .await
            .is_ok_and(|s| s == "complete")
    })
    .await;
    if javascript {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    } else {
        let loaded = c
            .execute(
                "return performance.getEntriesByType('resource')
                   .filter(e => /\\/pkg\\/.*\\.(js|wasm)$/.test(e.name) && e.transferSize > 0)
                   .map(e => e.name);",
                vec![],
            )
            .await
            .expect("the resources loaded");
        assert_eq!(loaded, serde_json::json!([]), "no site script runs");
    }
}

/// Checks one page as loaded now at each width.
async fn check_page(
    browser: &Browser,
    source: &str,
    at: &str,
    javascript: bool,
    findings: &mut Findings,
) {
    let c = &browser.client;
    settle(c, javascript).await;
    for width in [1280, 360] {
        browser.viewport(width).await;
        let violations = axe::audit(c, source).await;
        findings.record(&format!("{at} @{width}px"), violations);
    }
    browser.viewport(320).await;
    for problem in reflow::problems(c).await {
        findings
            .blocking
            .push(format!("{at} @320px: reflow: {problem}"));
    }
}

/// Crawls from `starts` as `who` (or nobody), then checks every page found in both
/// languages, with scripts off and on.
async fn check_role(app: &TestApp, role: &str, who: Option<(&str, &str)>, starts: &[String]) {
    let Some(source) = axe::source() else {
        return;
    };
    let mut pages = Vec::new();
    let mut findings = Findings::default();
    for javascript in [false, true] {
        // axe-core needs timers, which a browser with JavaScript switched off does not run:
        // "without scripts" is the site's own scripts blocked.
        let Some(browser) = Browser::start(true).await else {
            return;
        };
        if !javascript {
            browser.block_site_scripts().await;
        }
        let c = &browser.client;
        c.goto(&app.url("/")).await.expect("the home page");
        if let Some(who) = who {
            sign_in_at(c, &app.address, who).await;
        }
        if pages.is_empty() {
            pages = crawl::crawl(c, &app.address, starts).await;
            eprintln!("{role}: {} pages: {pages:#?}", pages.len());
        }
        for locale in ["vi", "en"] {
            choose_language(app, c, locale).await;
            for page in &pages {
                c.goto(page).await.expect("the page loads");
                let lang = c
                    .execute("return document.documentElement.lang;", vec![])
                    .await
                    .expect("the page's language");
                assert_eq!(lang, serde_json::json!(locale), "{page} in {locale}");
                let scripts = if javascript { "scripts" } else { "no scripts" };
                let at = format!(
                    "{} [{locale}, {scripts}]",
                    page.trim_start_matches(&app.address)
                );
                check_page(&browser, &source, &at, javascript, &mut findings).await;
            }
        }
        browser.close().await;
    }
    findings.finish(role, &pages);
}

fn paths(list: &[&str]) -> Vec<String> {
    list.iter().map(|p| (*p).to_owned()).collect()
}

async fn demo_app() -> TestApp {
    let app = spawn_app(Backend::Sqlite)
        .await
        .expect("SQLite is always available");
    app.seed_demo().await;
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_pages_are_accessible() {
    let app = demo_app().await;
    let code = server::entities::certificate::Entity::find()
        .one(&app.db)
        .await
        .expect("the certificates")
        .expect("the demo certificate")
        .code;
    let starts = paths(&[
        "/",
        "/login",
        "/offline",
        "/no-such-page",
        "/verify/NO-SUCH-CODE",
    ]);
    let mut starts = starts;
    starts.push(format!("/verify/{code}"));
    check_role(&app, "anonymous", None, &starts).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_learners_pages_are_accessible() {
    let app = demo_app().await;
    check_role(&app, "learner", Some(MAI), &paths(&["/learn", "/profile"])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learners_pages_half_way_are_accessible() {
    let app = demo_app().await;
    check_role(&app, "learner half-way", Some(TUAN), &paths(&["/learn"])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certified_learners_pages_are_accessible() {
    let app = demo_app().await;
    check_role(&app, "certified learner", Some(THAO), &paths(&["/learn"])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lecturers_pages_are_accessible() {
    let app = demo_app().await;
    check_role(
        &app,
        "lecturer",
        Some(LECTURER),
        &paths(&["/author", "/teach"]),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supervisors_pages_are_accessible() {
    let app = demo_app().await;
    check_role(
        &app,
        "supervisor",
        Some(SUPERVISOR),
        &paths(&["/supervise", "/inbox"]),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrators_pages_are_accessible() {
    let app = demo_app().await;
    check_role(
        &app,
        "administrator",
        Some(ADMIN),
        &paths(&["/admin/users"]),
    )
    .await;
}
