//! Which pages a role can reach: every same-site link, breadth first from the role's
//! starting pages, one visit per kind of page. A kind is the path with identifiers
//! replaced (`/learn/{id}/quiz-1`) plus the query's names and values likewise; at most
//! [`VARIANTS`] kinds per path, so filters and scene links do not multiply the crawl.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use fantoccini::Client;

/// Kinds of page visited per path shape.
const VARIANTS: usize = 3;

/// The pages a crawl stops at, so a link explosion fails loudly instead of running long.
const MOST_PAGES: usize = 60;

/// Links whose target is not a page of the site, or whose visit would end the session.
fn is_page(path: &str) -> bool {
    ![
        "/api/",
        "/pkg/",
        "/assets/",
        "/static/",
        "/sw.js",
        "/manifest",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// `/learn/0b0c…/quiz-1` → `/learn/{id}/quiz-1`.
fn shape(part: &str) -> String {
    if uuid::Uuid::parse_str(part).is_ok() {
        "{id}".into()
    } else if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()) {
        "{n}".into()
    } else {
        part.to_owned()
    }
}

fn path_shape(path: &str) -> String {
    path.split('/').map(shape).collect::<Vec<_>>().join("/")
}

fn kind(url: &url::Url) -> String {
    let mut query: Vec<String> = url
        .query_pairs()
        .map(|(name, value)| format!("{name}={}", shape(&value)))
        .collect();
    query.sort();
    format!("{}?{}", path_shape(url.path()), query.join("&"))
}

/// The same-site pages linked from the current page.
async fn links(c: &Client, origin: &url::Url) -> Vec<url::Url> {
    let found = c
        .execute(
            "return Array.from(document.querySelectorAll('a[href]'))
                .filter(a => !a.hasAttribute('download'))
                .map(a => a.href);",
            vec![],
        )
        .await
        .unwrap_or_default();
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str())
        .filter_map(|h| url::Url::parse(h).ok())
        .filter(|u| u.origin() == origin.origin() && is_page(u.path()))
        .map(|mut u| {
            u.set_fragment(None);
            u
        })
        .collect()
}

/// The addresses of the pages reachable from `starts` (paths), one per kind, in the order
/// they were found.
pub async fn crawl(c: &Client, base: &str, starts: &[String]) -> Vec<String> {
    let origin = url::Url::parse(base).expect("the test server's address");
    let mut queue: VecDeque<url::Url> = starts.iter().filter_map(|s| origin.join(s).ok()).collect();
    let mut seen_kinds = BTreeSet::new();
    let mut per_path: BTreeMap<String, usize> = BTreeMap::new();
    let mut visited = Vec::new();
    while let Some(url) = queue.pop_front() {
        let kind = kind(&url);
        let path = path_shape(url.path());
        if seen_kinds.contains(&kind) || per_path.get(&path).copied().unwrap_or(0) >= VARIANTS {
            continue;
        }
        seen_kinds.insert(kind.clone());
        *per_path.entry(path).or_default() += 1;
        assert!(
            visited.len() < MOST_PAGES,
            "more than {MOST_PAGES} kinds of page: {visited:#?}"
        );
        c.goto(url.as_str()).await.expect("the page loads");
        visited.push(url.to_string());
        queue.extend(links(c, &origin).await);
    }
    visited
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_one_kind_and_names_are_not() {
        let a = url::Url::parse(
            "http://x/learn/7f0c2b1e-2a57-4a3e-9a57-0c3d2b1e2a57/quiz-1?page=2&measure=self:after",
        )
        .unwrap();
        let b = url::Url::parse(
            "http://x/learn/00000000-0000-4000-8000-000000000001/quiz-1?measure=self:after&page=3",
        )
        .unwrap();
        let c =
            url::Url::parse("http://x/learn/00000000-0000-4000-8000-000000000001/survey").unwrap();
        assert_eq!(kind(&a), kind(&b));
        assert_ne!(kind(&a), kind(&c));
        assert!(!is_page("/api/v1/reports/gains.csv"));
        assert!(is_page("/verify/ABC"));
    }
}
