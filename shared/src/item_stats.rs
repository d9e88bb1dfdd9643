//! Classical item statistics for a lecturer's quiz review.
//!
//! - *Facility*: the mean score on the item (0 to 1): the share who got it right.
//! - *Discrimination*: the corrected item–total correlation — Pearson's r between the
//!   item's score and the score on the *other* items of the same attempt — so an item does
//!   not correlate with itself. It is undefined (None) with fewer than three attempts or
//!   when either side does not vary.
//!
//! Each attempt is the per-item scores of one learner's attempt (their first, so practice
//! does not inflate it); papers may hold different items (pre/post forms drawn from a bank).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemStat {
    pub item: String,
    /// Attempts that held the item.
    pub n: u32,
    pub facility: f64,
    pub discrimination: Option<f64>,
}

fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx < 1e-12 || syy < 1e-12 {
        return None;
    }
    Some(sxy / (sxx * syy).sqrt())
}

/// Statistics per item, in item order.
pub fn analyse(attempts: &[Vec<(String, f64)>]) -> Vec<ItemStat> {
    let mut by_item: BTreeMap<&str, Vec<(f64, f64)>> = BTreeMap::new();
    for attempt in attempts {
        let total: f64 = attempt.iter().map(|(_, s)| s).sum();
        for (item, score) in attempt {
            by_item
                .entry(item.as_str())
                .or_default()
                .push((*score, total - score));
        }
    }
    by_item
        .into_iter()
        .map(|(item, pairs)| ItemStat {
            item: item.to_owned(),
            n: u32::try_from(pairs.len()).unwrap_or(u32::MAX),
            facility: pairs.iter().map(|(s, _)| s).sum::<f64>() / pairs.len().max(1) as f64,
            discrimination: pearson(&pairs),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(scores: &[(&str, f64)]) -> Vec<(String, f64)> {
        scores.iter().map(|(i, s)| ((*i).to_owned(), *s)).collect()
    }

    #[test]
    fn facility_and_corrected_discrimination_match_hand_computation() {
        // Four learners, three items. Item a: right for the two strongest, so it
        // discriminates; item c: right only for the weakest, so it discriminates negatively.
        let attempts = [
            attempt(&[("a", 1.0), ("b", 1.0), ("c", 0.0)]),
            attempt(&[("a", 1.0), ("b", 1.0), ("c", 0.0)]),
            attempt(&[("a", 0.0), ("b", 1.0), ("c", 0.0)]),
            attempt(&[("a", 0.0), ("b", 0.0), ("c", 1.0)]),
        ];
        let stats = analyse(&attempts);
        let get = |id: &str| {
            stats
                .iter()
                .find(|s| s.item == id)
                .cloned()
                .unwrap_or_else(|| panic!("no item {id}"))
        };
        assert_eq!(get("a").n, 4);
        assert!((get("a").facility - 0.5).abs() < 1e-12);
        assert!((get("b").facility - 0.75).abs() < 1e-12);
        // Item a against the rest (b + c): pairs (1,1) (1,1) (0,1) (0,1): the rest does not
        // vary, so r is undefined.
        assert_eq!(get("a").discrimination, None);
        // Item b against the rest (a + c): (1,1) (1,1) (1,0) (0,1).
        // mean x = 0.75, mean y = 0.75; sxy = -0.25, sxx = 0.75, syy = 0.75 → r = -1/3.
        let r = get("b").discrimination.unwrap_or(f64::NAN);
        assert!((r + 1.0 / 3.0).abs() < 1e-12, "{r}");
        // Item c against the rest (a + b): (0,2) (0,2) (0,1) (1,0); r from the definition,
        // computed independently (Python, plain sums): -0.8703882797784892.
        let r = get("c").discrimination.unwrap_or(f64::NAN);
        assert!((r + 0.870_388_279_778_489_7).abs() < 1e-9, "{r}");
    }

    #[test]
    fn too_few_attempts_or_no_variation_leave_discrimination_undefined() {
        let two = [
            attempt(&[("a", 1.0), ("b", 0.0)]),
            attempt(&[("a", 0.0), ("b", 1.0)]),
        ];
        assert!(analyse(&two).iter().all(|s| s.discrimination.is_none()));
        let same = vec![attempt(&[("a", 1.0), ("b", 0.5)]); 5];
        let stats = analyse(&same);
        assert!(stats.iter().all(|s| s.discrimination.is_none()));
        assert!((stats[1].facility - 0.5).abs() < 1e-12);
        assert!(analyse(&[]).is_empty());
    }

    #[test]
    fn papers_with_different_items_count_each_item_where_it_appears() {
        let attempts = [
            attempt(&[("b1", 1.0), ("b3", 0.0)]),
            attempt(&[("b1", 0.0), ("b5", 1.0)]),
        ];
        let stats = analyse(&attempts);
        assert_eq!(
            stats
                .iter()
                .map(|s| (s.item.as_str(), s.n))
                .collect::<Vec<_>>(),
            [("b1", 2), ("b3", 1), ("b5", 1)]
        );
    }
}
