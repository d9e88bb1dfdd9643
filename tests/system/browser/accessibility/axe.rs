//! axe-core (npm, pinned by `scripts/bootstrap.sh --test`) run inside the page through
//! WebDriver, with WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices.

use std::path::PathBuf;

use fantoccini::Client;
use serde_json::{Value, json};

use crate::helpers::tools_dir;

/// The version `scripts/bootstrap.sh` installs.
pub const VERSION: &str = "4.14.1";

/// The rules run on every page.
const TAGS: [&str; 7] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
];

/// One rule broken on a page, with up to three of the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub rule: String,
    pub impact: String,
    pub help: String,
    pub targets: Vec<String>,
}

impl Violation {
    /// Serious and critical violations fail the crawl; the others are listed.
    pub fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// axe-core's script; `None` (tests skipped) when it is not installed and browser tests
/// are not required.
pub fn source() -> Option<String> {
    let path: Option<PathBuf> =
        tools_dir().map(|t| t.join("axe-core/node_modules/axe-core/axe.min.js"));
    match path.as_ref().map(std::fs::read_to_string) {
        Some(Ok(script)) => Some(script),
        _ => {
            assert!(
                !crate::helpers::env_flag("FIELDSCHOOL_TEST_REQUIRE_BROWSER"),
                "axe-core is required but not installed at {path:?}: run scripts/bootstrap.sh --test"
            );
            eprintln!("skipped: axe-core is not installed (scripts/bootstrap.sh --test)");
            None
        }
    }
}

/// Runs axe on the page as it is now.
pub async fn audit(c: &Client, source: &str) -> Vec<Violation> {
    let present = c
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !present {
        c.execute(source, vec![]).await.expect("axe-core loads");
        let version = c
            .execute("return window.axe.version;", vec![])
            .await
            .expect("axe-core answers");
        assert_eq!(version, json!(VERSION), "the pinned axe-core");
    }
    // WebDriver waits for the promise a script returns.
    let found = c
        .execute(
            "return window.axe.run(document, {
               runOnly: { type: 'tag', values: arguments[0] },
               resultTypes: ['violations'],
             }).then(r => r.violations.map(v => ({
               rule: v.id, impact: v.impact || '', help: v.help,
               targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
             }))).catch(e => ({ error: String(e) }));",
            vec![json!(TAGS)],
        )
        .await
        .expect("axe-core runs");
    let Value::Array(found) = found else {
        panic!("axe-core failed: {found}");
    };
    found
        .iter()
        .map(|v| Violation {
            rule: text(&v["rule"]),
            impact: text(&v["impact"]),
            help: text(&v["help"]),
            targets: v["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .map(text)
                .collect(),
        })
        .collect()
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}
