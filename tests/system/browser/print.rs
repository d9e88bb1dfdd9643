//! Paper. The certificate prints on one A4 page in landscape with nothing but the
//! certificate: its level per competency, a place for signature and seal, and the QR code
//! of its verification address. A supervisor's reports print their tables and charts
//! without the filter form and the navigation.

use base64::Engine;
use fantoccini::Client;
use sea_orm::EntityTrait;
use serde_json::json;

use super::driver::{Browser, sign_in_at};
use crate::evidence::SUPERVISOR;
use crate::helpers::{Backend, TestApp, spawn_app, without_comments};

const THAO: (&str, &str) = ("hv.thao", "hoc-vien-phong-dien");

async fn signed_in(app: &TestApp, who: (&str, &str)) -> Option<Browser> {
    let browser = Browser::start(false).await?;
    sign_in_at(&browser.client, &app.address, who).await;
    Some(browser)
}

/// `display` of the first element matching each selector (`absent` when none does).
async fn displays(c: &Client, selectors: &[&str]) -> Vec<String> {
    let found = c
        .execute(
            "return arguments[0].map(css => {
               const el = document.querySelector(css);
               return el ? getComputedStyle(el).display : 'absent';
             });",
            vec![json!(selectors)],
        )
        .await
        .expect("the styles");
    found
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The page printed to PDF as Chromium prints it, with the page's own page size.
async fn pdf(browser: &Browser) -> Vec<u8> {
    let printed = browser
        .cdp(
            "Page.printToPDF",
            json!({ "preferCSSPageSize": true, "printBackground": true }),
        )
        .await;
    base64::engine::general_purpose::STANDARD
        .decode(printed["data"].as_str().expect("the PDF"))
        .expect("base64")
}

/// The pages of a PDF: their media boxes (width, height in points).
fn pdf_pages(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, _)| !text[at + 11..].starts_with('s'))
        .map(|(at, _)| {
            let object = &text[at..text[at..].find("endobj").map_or(text.len(), |e| at + e)];
            let before = &text[..at];
            let start = before.rfind(" obj").unwrap_or(0);
            let whole = format!("{}{object}", &text[start..at]);
            let boxed = whole
                .split("/MediaBox [")
                .nth(1)
                .and_then(|rest| rest.split(']').next())
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|n| n.parse::<f64>().ok())
                .collect::<Vec<_>>();
            match boxed.as_slice() {
                [x0, y0, x1, y1] => (x1 - x0, y1 - y0),
                _ => (0.0, 0.0),
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_prints_on_one_a4_page_with_its_qr_code() {
    let app = spawn_app(Backend::Sqlite).await.expect("SQLite");
    app.seed_demo().await;
    let issued = server::entities::certificate::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("the demo certificate");
    let Some(browser) = signed_in(&app, THAO).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url(&format!("/learn/{}/certificate", issued.cohort_id)))
        .await
        .unwrap();
    let page = c.source().await.unwrap();

    // The level reached, not a share of marks that reads as a pass.
    let levels = crate::evidence::pages::table_cells(&without_comments(&page), "levels");
    assert!(levels.len() > 1, "the competencies: {page}");
    for row in levels.iter().skip(1) {
        assert!(
            row[1].starts_with("Mức ") && row[1].contains("/5 — "),
            "{row:?}"
        );
        assert!(!row[1].contains('%'), "{row:?}");
    }
    assert!(page.contains("Thủ trưởng cơ sở đào tạo"), "a place to sign");
    // Issued by the institution that runs the course (its lecturer's).
    assert!(page.contains("<p class=\"issuer\">Trường Chính trị tỉnh Lào Cai</p>"));
    // The QR code is the verification address, drawn on the server.
    let address = format!("{}/verify/{}", app.address, issued.code);
    assert!(page.contains(&address));
    let (path, _) = frontend::components::qr_path(&address).expect("a QR code");
    assert!(
        page.contains(&format!("d=\"{path}\"")),
        "the QR code of {address}"
    );

    // On paper: the certificate alone.
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    assert_eq!(
        displays(
            c,
            &[
                "header.site",
                "footer.site",
                "p.no-print",
                "article.certificate",
                "svg.qr"
            ]
        )
        .await,
        ["none", "none", "none", "block", "block"]
    );
    let pages = pdf_pages(&pdf(&browser).await);
    assert_eq!(pages.len(), 1, "one page: {pages:?}");
    let (width, height) = pages[0];
    // A4 landscape: 842 × 595 points.
    assert!(
        (width - 842.0).abs() < 2.0 && (height - 595.0).abs() < 2.0,
        "{width} × {height}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supervisor_reports_print_without_forms_or_navigation() {
    let app = spawn_app(Backend::Sqlite).await.expect("SQLite");
    app.seed_demo().await;
    let Some(browser) = signed_in(&app, SUPERVISOR).await else {
        return;
    };
    let c = &browser.client;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    for (path, table) in [("/supervise", "gains"), ("/supervise/needs", "needs")] {
        c.goto(&app.url(path)).await.unwrap();
        let shown = displays(
            c,
            &[
                "header.site",
                "form.filters",
                "nav.tabs",
                "p.actions",
                &format!("table[data-testid='{table}']"),
                "figure.chart",
            ],
        )
        .await;
        assert_eq!(
            shown,
            ["none", "none", "none", "none", "table", "block"],
            "{path}"
        );
        // The wide table is printed whole, not cut at the scroll region's edge.
        let overflow = c
            .execute(
                "return getComputedStyle(document.querySelector('.scroll')).overflowX;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(overflow, json!("visible"), "{path}");
    }
    browser.close().await;
}
