//! Offline study in Chromium: a learner saves the course, the line drops, she answers the
//! quiz and walks the role-play, reloads the page while still offline, and when the line
//! is back every answer reaches the server exactly once and the waiting count is zero.

use fantoccini::{Client, Locator};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use shared::course::{ActivityBody, Package};
use shared::roleplay::Outcome;

use super::driver::{Browser, click, eventually, submit_sign_in};
use super::line::Line;
use crate::helpers::{As, TestApp, json as body_json, on_both_databases, site_is_built};
use crate::helpers::{learner_in_cohort, take_pre_test};

on_both_databases!(a_course_saved_for_offline_is_studied_and_synced_once);

pub(super) async fn exists(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css)).await.is_ok()
}

/// `hv.mai` in Chromium, signed in through a line the test can cut, on her class's outline
/// with "Available offline" ready; her pre-test taken online, so the modules are open
/// when the course is saved.
pub(crate) struct Mai {
    pub line: Line,
    pub browser: Browser,
    pub base: String,
    pub outline: String,
    pub token: String,
    pub cohort: String,
}

impl Mai {
    pub async fn on_the_outline(app: &TestApp) -> Option<Self> {
        let server_port: u16 = app.address.rsplit(':').next()?.parse().ok()?;
        Self::through(app, server_port, "http://127.0.0.1", &[]).await
    }

    /// Mai's browser reaching `origin` (scheme and host) through a line to `port`, started
    /// with `browser_args`.
    pub async fn through(
        app: &TestApp,
        port: u16,
        origin: &str,
        browser_args: &[String],
    ) -> Option<Self> {
        let (token, cohort) = learner_in_cohort(app, "hv.mai", "hoc-vien-y-ty").await;
        take_pre_test(app, &token, &cohort).await;
        let line = Line::to(port).await;
        let base = format!("{origin}:{}", line.port);
        let browser = Browser::start_with(true, browser_args).await?;
        let c = &browser.client;
        c.goto(&format!("{base}/login")).await.unwrap();
        submit_sign_in(c, "hv.mai", "hoc-vien-y-ty").await;
        eventually("signed in", || async { exists(c, "#fs-sync").await }).await;
        let outline = format!("{base}/learn/{cohort}");
        c.goto(&outline).await.unwrap();
        eventually("the course can be saved", || async {
            exists(c, "#fs-offline:not([hidden]) button.save:not([hidden])").await
        })
        .await;
        Some(Self {
            line,
            browser,
            base,
            outline,
            token,
            cohort,
        })
    }
}

/// Presses "Send now" in the header when it shows (what waits is sent at once).
pub(super) async fn press_send_now(c: &Client) {
    let _ = c
        .execute(
            "const b = document.querySelector('#fs-sync button.send'); if (b && !b.hidden) b.click();",
            vec![],
        )
        .await;
}

/// Waits until the service worker controls the pages (at most 20 s).
pub(super) async fn worker_is_active(c: &Client) {
    let ready = c
        .execute_async(
            "const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(''), (e) => done(String(e))); \
             setTimeout(() => done(document.documentElement.dataset.offlineError || 'not active after 20 s'), 20000);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ready, json!(""), "the service worker is active");
}

async fn attribute(c: &Client, css: &str, name: &str) -> Option<String> {
    c.find(Locator::Css(css))
        .await
        .ok()?
        .attr(name)
        .await
        .ok()?
}

async fn waiting(c: &Client) -> Option<u32> {
    attribute(c, "#fs-sync", "data-waiting-count")
        .await?
        .parse()
        .ok()
}

async fn a_course_saved_for_offline_is_studied_and_synced_once(app: TestApp) {
    if !site_is_built() {
        return;
    }
    app.seed_demo().await;
    if let Some(mai) = Mai::on_the_outline(&app).await {
        studied_offline_and_synced_once(&app, mai).await;
    }
}

/// Mai saves the course, the line drops, she answers the quiz and walks the role-play,
/// reloads while offline; when the line is back every answer reaches the server once.
pub(crate) async fn studied_offline_and_synced_once(app: &TestApp, mai: Mai) {
    let Mai {
        line,
        browser,
        outline,
        token,
        cohort,
        base,
    } = mai;
    let c = &browser.client;
    let size = c
        .find(Locator::Css("#fs-offline .state"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // "Tải về khoảng 58 KB, chiếm 477 KB trên máy": both sizes filled in, nothing left of
    // the text's placeholders.
    let sizes = size.matches(" KB").count() + size.matches(" MB").count();
    assert!(
        size.starts_with("Tải về khoảng ") && sizes == 2,
        "the download and its size on the device: {size}"
    );
    assert!(
        !size.contains("undefined") && !size.contains('{'),
        "every placeholder filled: {size}"
    );
    // `scripts/offline-download.sh` times the download at Regular 2G and prints it.
    let measure = std::env::var("FIELDSCHOOL_MEASURE_OFFLINE").is_ok_and(|v| v == "1");
    if measure {
        browser.regular_2g(true).await;
    }
    let started = std::time::Instant::now();
    click(c, "#fs-offline button.save").await;
    for _ in 0..1200 {
        if exists(c, "#fs-offline[data-done='1']").await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        exists(c, "#fs-offline[data-done='1']").await,
        "the course is saved"
    );
    if measure {
        browser.regular_2g(false).await;
        let package = body_json(
            As::new(app, &token)
                .get(&format!("/api/v1/cohorts/{cohort}/offline"))
                .await,
        )
        .await;
        let saved = attribute(c, "#fs-offline", "data-saved-bytes").await;
        println!(
            "offline package of the demo course: {} files, {} KB on the device (measured {} KB), \
             about {} KB to download; saved at Regular 2G in {:.1} s",
            package["files"].as_array().map_or(0, Vec::len),
            package["bytes"].as_u64().unwrap_or(0) / 1024,
            saved.and_then(|b| b.parse::<u64>().ok()).unwrap_or(0) / 1024,
            package["transfer"].as_u64().unwrap_or(0) / 1024,
            started.elapsed().as_secs_f64()
        );
    }
    worker_is_active(c).await;

    // The line drops.
    line.cut();
    browser.network_offline(true).await;

    // The quiz, from the saved copy; the answer waits on the device.
    c.goto(&format!("{outline}/a3")).await.unwrap();
    eventually("the saved quiz is shown", || async {
        exists(c, "html[data-offline-copy] input[name='q1']").await
    })
    .await;
    click(c, "input[name='q1'][value='a']").await;
    // The lecturer lets this quiz be checked offline: the answer is looked up on the device.
    eventually("the check runs from the saved bundle", || async {
        exists(c, ".answer-check:not([hidden]) button").await
    })
    .await;
    click(c, ".answer-check button").await;
    eventually("the answer is checked on the device", || async {
        c.source()
            .await
            .unwrap_or_default()
            .contains("Đúng</strong> (kiểm tra trên máy này)")
    })
    .await;
    click(c, "form.stacked button.primary").await;
    eventually("the quiz is kept on the device", || async {
        exists(c, "#queued").await
    })
    .await;

    // The role-play, played in the page from the saved bundle.
    let package: Package = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    let Some(ActivityBody::RolePlay(play)) = package.activity("a4").map(|a| a.body.clone()) else {
        panic!("a4 is the role-play");
    };
    c.goto(&format!("{outline}/a4")).await.unwrap();
    eventually("the player runs from the saved copy", || async {
        exists(c, "html[data-offline-copy] .roleplay[data-live]").await
    })
    .await;
    for choice in play.scenario.path_to(Outcome::Success).unwrap() {
        click(c, &format!("button[name='choice'][value='{choice}']")).await;
    }
    eventually("the play is kept on the device", || async {
        exists(c, "#queued").await
    })
    .await;

    // A page that was not saved: the offline page says so.
    c.goto(&format!("{base}/profile")).await.unwrap();
    eventually("the offline page is shown", || async {
        c.source()
            .await
            .unwrap_or_default()
            .contains("Trang này chưa được lưu trên máy")
    })
    .await;
    c.goto(&format!("{outline}/a4")).await.unwrap();

    // Work the server will not accept (an activity the course does not have).
    c.execute(
        "fetch(`/api/v1/cohorts/${arguments[0]}/events`, { method: 'POST', \
         headers: { 'Content-Type': 'application/json' }, \
         body: JSON.stringify({ events: [{ id: crypto.randomUUID(), activity: 'a99' }] }) })",
        vec![json!(cohort)],
    )
    .await
    .unwrap();

    // A reload while offline: still the saved page, and the work still waiting.
    c.refresh().await.unwrap();
    eventually("two pieces of work or more wait", || async {
        exists(c, "html[data-offline-copy]").await && waiting(c).await.is_some_and(|n| n >= 2)
    })
    .await;

    // Back online: everything is sent.
    line.restore();
    browser.network_offline(false).await;
    eventually("nothing waits", || async {
        if waiting(c).await == Some(0) {
            return true;
        }
        press_send_now(c).await;
        false
    })
    .await;

    // The one the server refused is shown with its reason until dismissed.
    eventually("the refused item is listed", || async {
        c.source()
            .await
            .unwrap_or_default()
            .contains("1 việc không được nhận")
            && exists(c, "#fs-sync .rejected:not([hidden]) li").await
    })
    .await;
    click(c, "#fs-sync button.seen").await;
    eventually("dismissed", || async {
        exists(c, "#fs-sync .rejected[hidden]").await
    })
    .await;

    let mai = server::entities::user::Entity::find()
        .filter(server::entities::user::Column::Username.eq("hv.mai"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let attempts = server::entities::attempt::Entity::find()
        .filter(server::entities::attempt::Column::UserId.eq(mai.id))
        .all(&app.db)
        .await
        .unwrap();
    let of = |activity: &str| {
        attempts
            .iter()
            .filter(|a| a.activity_id == activity)
            .count()
    };
    assert_eq!(of("a3"), 1, "the quiz once");
    assert_eq!(of("a4"), 1, "the role-play once");
    let quiz = attempts.iter().find(|a| a.activity_id == "a3").unwrap();
    assert!(
        quiz.client_at.is_some() && quiz.responses.contains("q1"),
        "{quiz:?}"
    );
    let played = attempts.iter().find(|a| a.activity_id == "a4").unwrap();
    assert_eq!(played.outcome.as_deref(), Some("success"));
    browser.close().await;
}
