//! The supervisor's pages without scripts: the gain table and the needs heat map show the
//! same cells as their CSV downloads, the charts are drawn, a rating from the inbox and a
//! void from a learner's record are plain form posts, and other people's pages are closed.

use reqwest::StatusCode;

use super::{ADMIN, As, MAI, SUPERVISOR, user_id};
use crate::helpers::{TestApp, form_token, on_both_databases, page, sign_in_form};

on_both_databases!(
    the_pages_show_what_the_csv_holds,
    a_rating_and_a_void_are_plain_form_posts,
    an_import_is_previewed_then_stored_with_forms
);

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode(out.trim())
}

/// The text of every cell of the table with `data-testid`, header row first.
pub fn table_cells(html: &str, testid: &str) -> Vec<Vec<String>> {
    let marker = format!("data-testid=\"{testid}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no table {testid}"));
    let end = start + html[start..].find("</table>").expect("the table ends");
    html[start..end]
        .split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<t")
                .skip(1)
                .filter(|cell| cell.starts_with('d') || cell.starts_with('h'))
                .map(|cell| {
                    let body = cell.split_once('>').map_or("", |(_, b)| b);
                    let body = body.split("</t").next().unwrap_or("");
                    strip_tags(body)
                })
                .collect()
        })
        .collect()
}

fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn the_pages_show_what_the_csv_holds(app: TestApp) {
    app.seed_demo().await;
    let (username, password) = SUPERVISOR;
    sign_in_form(&app, username, password).await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let commune = admin.unit("VN-LCI-MUONGKHUONG").await;
    for query in [String::new(), format!("?org_unit={commune}")] {
        let (status, html) = page(&app, &format!("/supervise{query}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<svg"), "the gain chart is drawn");
        assert!(
            !html.contains(".wasm"),
            "a report page loads no browser bundle"
        );
        let shown = table_cells(&html, "gains");
        let csv = app
            .get(&format!("/api/v1/reports/gains.csv{query}"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(shown, csv_cells(&csv), "the CSV of /supervise{query}");
        assert!(shown.len() > 1, "rows for the demo class");
    }
    let (_, html) = page(&app, "/supervise/needs").await;
    assert!(html.contains("<svg"), "the heat map is drawn");
    let csv = app
        .get("/api/v1/reports/needs.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(table_cells(&html, "needs"), csv_cells(&csv));

    // A finished class through Kirkpatrick's levels: the survey table is its CSV.
    let cohorts = admin.get_json("/api/v1/cohorts").await;
    let finished = cohorts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["title"]["vi"]
                .as_str()
                .is_some_and(|t| t.contains("K4/2025"))
        })
        .expect("the demo's finished class")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let summary = app
        .get(&format!("/api/v1/reports/cohorts/{finished}/kirkpatrick"))
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(summary["respondents"], 24);
    let reaction = summary["reaction"].as_array().unwrap();
    assert_eq!(
        reaction.len(),
        4,
        "four Likert items, one about the lecturer: {summary}"
    );
    assert!(
        reaction
            .iter()
            .all(|r| r["mean"].as_f64().is_some_and(|m| (1.0..=5.0).contains(&m)))
    );
    assert!(reaction.iter().any(|r| r["lecturer"] == "Nguyễn Thị Lan"));
    let (status, html) = page(&app, &format!("/supervise/cohorts/{finished}")).await;
    assert_eq!(status, StatusCode::OK);
    let csv = app
        .get(&format!("/api/v1/reports/cohorts/{finished}/reaction.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(table_cells(&html, "reaction"), csv_cells(&csv));
    let csv = app
        .get(&format!("/api/v1/reports/gains.csv?cohort={finished}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(table_cells(&html, "gains"), csv_cells(&csv));

    // The people behind a row, and one of them.
    let (_, html) = page(&app, "/supervise").await;
    let link = html
        .split("href=\"/supervise/learners?")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(decode)
        .expect("a row links to its learners");
    let (status, people) = page(&app, &format!("/supervise/learners?{link}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        table_cells(&people, "learners").len() >= 6,
        "at least five people and a header"
    );

    // A learner sees no one's gains; another province's admin not Lào Cai's people.
    app.post_form("/api/v1/auth/sign-out", &[("csrf", &form_token(&html))])
        .await;
    sign_in_form(&app, MAI.0, MAI.1).await;
    let (status, _) = page(&app, "/supervise").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mai = user_id(&admin, MAI.0).await;
    let (_, learn) = page(&app, "/learn").await;
    assert!(
        learn.contains(&format!("href=\"/supervise/learners/{mai}\"")),
        "her classes link to her own record"
    );
    let (status, own) = page(&app, &format!("/supervise/learners/{mai}")).await;
    assert_eq!(status, StatusCode::OK, "her own record");
    assert!(!own.contains("/void"), "a learner voids nothing");
    let (_, html) = page(&app, "/inbox").await;
    app.post_form("/api/v1/auth/sign-out", &[("csrf", &form_token(&html))])
        .await;
    sign_in_form(&app, "admin.daklak", "cao-nguyen-dak-lak").await;
    let (status, _) = page(&app, &format!("/supervise/learners/{mai}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Đắk Lắk's pages and downloads hold nothing of Lào Cai's people or units.
    for path in [
        "/supervise",
        "/supervise/needs",
        "/api/v1/reports/needs.csv",
    ] {
        let (status, html) = page(&app, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        for foreign in ["Mường Khương", "Sùng A Páo", "Xã Y Tý"] {
            assert!(!html.contains(foreign), "{foreign} on {path}");
        }
    }
}

async fn a_rating_and_a_void_are_plain_form_posts(app: TestApp) {
    app.seed_demo().await;
    let admin = As::sign_in(&app, ADMIN.0, ADMIN.1).await;
    let mai = user_id(&admin, MAI.0).await;
    sign_in_form(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    // hv.mai's rating before the current class is due in the supervisor's inbox.
    let (status, inbox) = page(&app, "/inbox").await;
    assert_eq!(status, StatusCode::OK);
    let href = inbox
        .split("href=\"/ratings/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .find(|path| path.contains(&mai) && path.ends_with("/before"))
        .expect("a task to rate hv.mai before the course");
    let (status, form) = page(&app, &format!("/ratings/{href}")).await;
    assert_eq!(status, StatusCode::OK);
    let field = |name: &str| crate::helpers::hidden(&form, name);
    let levels: Vec<String> = form
        .split("name=\"level.")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(|id| format!("level.{id}")))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        levels.len() >= 5,
        "one question per competency of the course"
    );
    let cohort = href.split('/').next().unwrap().to_owned();
    let (csrf, form_id, learner, phase, source) = (
        form_token(&form),
        field("form_id"),
        field("learner"),
        field("phase"),
        field("source"),
    );
    let mut fields: Vec<(&str, &str)> = vec![
        ("csrf", &csrf),
        ("form_id", &form_id),
        ("learner", &learner),
        ("phase", &phase),
        ("source", &source),
    ];
    for name in &levels {
        fields.push((name.as_str(), "2"));
    }
    let sent = app
        .post_form(&format!("/api/v1/cohorts/{cohort}/ratings"), &fields)
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        sent.headers()["location"].to_str().unwrap(),
        "/inbox?saved=rated"
    );
    let (_, inbox) = page(&app, "/inbox?saved=rated").await;
    assert!(!inbox.contains(&format!("/ratings/{href}")), "done");

    // The record shows the ratings; voiding one from the page returns to it.
    let (_, record) = page(&app, &format!("/supervise/learners/{mai}")).await;
    let action = record
        .split("action=\"/api/v1/evidence/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a void form")
        .to_owned();
    let back = format!("/supervise/learners/{mai}");
    let voided = app
        .post_form(
            &format!("/api/v1/evidence/{action}"),
            &[
                ("csrf", &form_token(&record)),
                ("back", &back),
                ("reason", "Đánh giá nhầm lớp"),
            ],
        )
        .await;
    assert_eq!(voided.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        voided.headers()["location"].to_str().unwrap(),
        format!("{back}?saved=voided")
    );
    let (_, record) = page(&app, &format!("{back}?saved=voided")).await;
    assert!(
        record.contains("Đánh giá nhầm lớp"),
        "the reason stays on record"
    );
    // A back address outside the supervision pages is not followed.
    let (_, record) = page(&app, &back).await;
    let next = record
        .split("action=\"/api/v1/evidence/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let away = app
        .post_form(
            &format!("/api/v1/evidence/{next}"),
            &[
                ("csrf", &form_token(&record)),
                ("back", "https://example.com/"),
                ("reason", "Thử"),
            ],
        )
        .await;
    assert_eq!(
        away.headers()["location"].to_str().unwrap(),
        "/supervise?saved=voided"
    );
}

async fn an_import_is_previewed_then_stored_with_forms(app: TestApp) {
    app.seed_demo().await;
    sign_in_form(&app, SUPERVISOR.0, SUPERVISOR.1).await;
    let (status, html) = page(&app, "/supervise/evidence/import").await;
    assert_eq!(status, StatusCode::OK);
    let csrf = form_token(&html);
    let csv = "username,competency,source,phase,level,date\n\
               hv.mai,LAW,pre_test,before,2,2026-03-02\n\
               hv.mai,LAW,supervisor,follow_up_90,4,2026-08-01\n";
    let preview = app
        .post_form(
            "/api/v1/evidence/import",
            &[("csrf", &csrf), ("dry_run", "true"), ("csv", csv)],
        )
        .await;
    assert_eq!(preview.status(), StatusCode::SEE_OTHER);
    let location = preview.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/supervise/evidence/import?draft="),
        "{location}"
    );
    let (_, html) = page(&app, &location).await;
    assert!(
        html.contains("data-testid=\"import-counts\""),
        "the preview counts"
    );
    assert!(html.contains("Sẽ thêm: 2"), "two rows would be added");
    let draft = location.rsplit('=').next().unwrap().to_owned();
    let stored = app
        .post_form(
            "/api/v1/evidence/import",
            &[
                ("csrf", &form_token(&html)),
                ("draft_id", &draft),
                ("csv", ""),
            ],
        )
        .await;
    assert_eq!(stored.status(), StatusCode::SEE_OTHER);
    let job = stored.headers()["location"].to_str().unwrap().to_owned();
    assert!(job.starts_with("/supervise/evidence/import?job="), "{job}");
    // The page follows the job until it has ended, then says what it added.
    let mut html = String::new();
    for _ in 0..300 {
        html = page(&app, &job).await.1;
        if html.contains("data-state=\"done\"") {
            break;
        }
        assert!(html.contains("http-equiv=\"refresh\""), "{html}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        html.contains("Đã nhập xong") && html.contains("Đã thêm: 2"),
        "{html}"
    );
    // A file with a bad row comes back with every problem listed by line.
    let bad = app
        .post_form(
            "/api/v1/evidence/import",
            &[
                ("csrf", &form_token(&html)),
                ("dry_run", "true"),
                ("csv", "username,competency,source,phase,level,date\nhv.mai,NOPE,self,before,2,2026-03-02\n"),
            ],
        )
        .await;
    let location = bad.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = page(&app, &location).await;
    assert!(
        html.contains("Dòng 2 · competency") && html.contains("không có năng lực NOPE"),
        "the problem by line, in the page's language"
    );
}
