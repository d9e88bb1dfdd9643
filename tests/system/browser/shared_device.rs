//! A shared office computer in Chromium: a learner saves the course, answers the quiz
//! without a connection and signs out while still offline. She is told what waits; nothing
//! of hers is readable afterwards — not her saved pages, not her queued answer (sealed) —
//! the next person gets the offline page for her course's address, her session ends as soon
//! as the line is back, and when she signs in again her answer reaches the server once.
//! Online, Back after a sign-out shows the sign-in page, with scripts and without.

use fantoccini::{Client, Locator};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::driver::{Browser, click, eventually, submit_sign_in};
use super::offline::{Mai, exists, press_send_now, worker_is_active};
use crate::helpers::{Backend, site_is_built, spawn_app};

/// What the device holds: cache names, and the queue's entries as the worker stored them.
async fn device(c: &Client) -> Value {
    c.execute_async(
        "const done = arguments[0];
         (async () => {
           const caches_ = await caches.keys();
           const open = indexedDB.open('fieldschool');
           const db = await new Promise((ok, no) => { open.onsuccess = () => ok(open.result); open.onerror = no; });
           const all = (store) => new Promise((ok) => {
             if (!db.objectStoreNames.contains(store)) return ok([]);
             const r = db.transaction(store).objectStore(store).getAll();
             r.onsuccess = () => ok(r.result); r.onerror = () => ok([]);
           });
           const queue = (await all('queue')).map((e) => ({ id: e.id, user: e.user,
             plain: e.item !== undefined, text: JSON.stringify(e.item || '') +
               new TextDecoder().decode(e.data || new ArrayBuffer(0)) }));
           const keys = await all('keys');
           done({ caches: caches_, queue, keys: keys.length });
         })().catch((e) => done({ error: String(e) }));",
        vec![],
    )
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_offline_leaves_nothing_readable_and_loses_nothing() {
    if !site_is_built() {
        return;
    }
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    app.seed_demo().await;
    let Some(Mai {
        line,
        browser,
        outline,
        base,
        ..
    }) = Mai::on_the_outline(&app).await
    else {
        return;
    };
    let c = &browser.client;
    // She saves the course.
    click(c, "#fs-offline button.save").await;
    eventually("the course is saved", || async {
        exists(c, "#fs-offline[data-done='1']").await
    })
    .await;
    worker_is_active(c).await;
    // The worker holds her key once a page told it who she is.
    c.goto(&outline).await.unwrap();
    eventually("the queue's key is on the device", || async {
        device(c).await["keys"] == json!(1)
    })
    .await;

    // Offline, she answers the quiz: the answer waits on the device, sealed.
    line.cut();
    browser.network_offline(true).await;
    c.goto(&format!("{outline}/a3")).await.unwrap();
    eventually("the saved quiz is shown", || async {
        exists(c, "html[data-offline-copy] input[name='q1']").await
    })
    .await;
    click(c, "input[name='q1'][value='a']").await;
    click(c, "form.stacked button.primary").await;
    eventually("the answer is kept on the device", || async {
        exists(c, "#queued").await
    })
    .await;
    let held = device(c).await;
    let queue = held["queue"].as_array().unwrap().clone();
    assert!(!queue.is_empty(), "{held}");
    for entry in &queue {
        assert_eq!(
            entry["plain"],
            json!(false),
            "queued work is sealed: {held}"
        );
        assert!(
            !entry["text"].as_str().unwrap().contains("attempt_form"),
            "nothing of it is readable: {held}"
        );
    }

    // She signs out, still offline: she is told her work waits, and goes on. (Opening the
    // saved quiz queued a page view too.)
    let count = || async {
        let indicator = c.find(Locator::Css("#fs-sync")).await.ok()?;
        indicator
            .attr("data-waiting-count")
            .await
            .ok()??
            .parse::<usize>()
            .ok()
    };
    eventually("the indicator counts what waits", || async {
        count().await.is_some_and(|n| n >= 1)
    })
    .await;
    let waiting = count().await.unwrap_or(0);
    click(c, "header form[action='/api/v1/auth/sign-out'] button").await;
    let mut told = String::new();
    for _ in 0..150 {
        if let Ok(text) = c.get_alert_text().await {
            told = text;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        told.contains(&format!("Còn {waiting} việc chưa gửi được")),
        "she is told what waits: {told:?}"
    );
    c.accept_alert().await.unwrap();
    eventually("the offline page replaces hers", || async {
        c.source()
            .await
            .unwrap_or_default()
            .contains("Không có mạng")
    })
    .await;

    // Nothing of hers is readable on the device: no saved course, no key; her answer stays,
    // sealed.
    let held = device(c).await;
    let names: Vec<&str> = held["caches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("fs-course-")),
        "the saved course is gone: {held}"
    );
    assert_eq!(held["keys"], json!(0), "the key is gone: {held}");
    assert_eq!(
        held["queue"].as_array().unwrap().len(),
        queue.len(),
        "her work stays: {held}"
    );

    // The next person, still offline, opens her course's address: the offline page.
    c.goto(&outline).await.unwrap();
    eventually("the next person sees the offline page", || async {
        let page = c.source().await.unwrap_or_default();
        page.contains("Không có mạng") && !page.contains("Giàng Thị Mai")
    })
    .await;

    // The line is back: her session is ended before anything is served.
    line.restore();
    browser.network_offline(false).await;
    c.goto(&format!("{base}/learn")).await.unwrap();
    eventually("the next person is asked to sign in", || async {
        exists(c, "input#username").await
    })
    .await;
    assert!(
        !c.source().await.unwrap().contains("Giàng Thị Mai"),
        "her name is not shown"
    );

    // She signs in again: her answer is opened and sent, once.
    submit_sign_in(c, "hv.mai", "hoc-vien-y-ty").await;
    eventually("signed in again", || async { exists(c, "#fs-sync").await }).await;
    let mai = server::entities::user::Entity::find()
        .filter(server::entities::user::Column::Username.eq("hv.mai"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let quiz_attempts = || async {
        server::entities::attempt::Entity::find()
            .filter(server::entities::attempt::Column::UserId.eq(mai.id))
            .filter(server::entities::attempt::Column::ActivityId.eq("a3"))
            .all(&app.db)
            .await
            .unwrap()
            .len()
    };
    eventually("her answer reaches the server", || async {
        if quiz_attempts().await == 1 {
            return true;
        }
        press_send_now(c).await;
        false
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(quiz_attempts().await, 1, "once");
    browser.close().await;
}

/// Online, with scripts and without: after sign-out, Back shows the sign-in page, never the
/// previous person's page (signed-in pages are not stored; sign-out clears the cache).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_after_sign_out_shows_nothing_of_the_previous_person() {
    if !site_is_built() {
        return;
    }
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    app.seed_demo().await;
    for javascript in [true, false] {
        let Some(browser) = Browser::start(javascript).await else {
            return;
        };
        let c = &browser.client;
        c.goto(&app.url("/login")).await.unwrap();
        submit_sign_in(c, "hv.mai", "hoc-vien-y-ty").await;
        c.goto(&app.url("/learn")).await.unwrap();
        eventually("her courses are shown", || async {
            c.source()
                .await
                .unwrap_or_default()
                .contains("Giàng Thị Mai")
        })
        .await;
        click(c, "header form[action='/api/v1/auth/sign-out'] button").await;
        eventually("signed out", || async {
            c.current_url().await.is_ok_and(|u| u.path() == "/login")
        })
        .await;
        c.back().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let page = c.source().await.unwrap_or_default();
        assert!(
            !page.contains("Giàng Thị Mai"),
            "Back shows nothing of hers (scripts {javascript})"
        );
        assert!(
            c.current_url().await.is_ok_and(|u| u.path() == "/login"),
            "Back asks who is there (scripts {javascript})"
        );
        browser.close().await;
    }
}
