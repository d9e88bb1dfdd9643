//! Reference values were computed independently with SciPy 1.17.1 (`scipy.stats.ttest_rel`
//! and its `confidence_interval(0.95)`, `numpy.std(ddof=1)`, `scipy.stats.binomtest` for the
//! exact McNemar test and `scipy.stats.chi2.sf` for the corrected χ² one); the script is
//! reproduced in `docs/STATISTICS.md`.

use super::*;

const SCALE: Scale = Scale {
    max: 5.0,
    proficient: 3.0,
};

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or(f64::NAN);
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

fn some(b: f64, a: f64) -> (Option<f64>, Option<f64>) {
    (Some(b), Some(a))
}

/// Ten learners of a 1–5 scale: one missing after, one missing before, one at the maximum.
fn class() -> Vec<(Option<f64>, Option<f64>)> {
    vec![
        some(2.0, 3.0),
        some(1.0, 3.0),
        some(3.0, 3.0),
        some(2.0, 4.0),
        some(3.0, 2.0),
        some(1.0, 2.0),
        (Some(2.0), None),
        (None, Some(4.0)),
        some(4.0, 5.0),
        some(5.0, 5.0),
    ]
}

#[test]
fn a_class_matches_scipy() {
    let g = gain(&Summary::of(&class(), SCALE), SCALE);
    assert_eq!((g.n_before, g.n_after, g.n_paired), (9, 9, 8));
    close(g.attrition, 1.0 / 9.0);
    close(g.mean_before, 2.625);
    close(g.mean_after, 3.375);
    close(g.mean_diff, 0.75);
    close(g.sd_diff, 1.035098339013531);
    close(g.ci_low, -0.115363867359476);
    close(g.ci_high, 1.615363867359476);
    close(g.p_value, 0.079602012455198);
    close(g.cohens_dz, 0.724568837309472);
    close(g.hake_of_means, 0.315789473684211);
    close(g.mean_individual_gain, 0.321428571428571);
    assert_eq!(g.at_maximum, 1);
    close(g.share_improved, 5.0 / 8.0);
    close(g.proficient_before, 0.5);
    close(g.proficient_after, 0.75);
    let m = g.mcnemar.unwrap_or_else(|| panic!("pairs exist"));
    assert_eq!((m.lost, m.gained, m.exact), (1, 3, true));
    assert!((m.p - 0.625).abs() < 1e-12);
}

#[test]
fn fractional_levels_match_scipy() {
    let obs = [
        some(1.5, 2.5),
        some(2.0, 2.0),
        some(2.5, 4.0),
        some(3.0, 3.5),
        some(1.0, 3.0),
    ];
    let g = gain(&Summary::of(&obs, SCALE), SCALE);
    close(g.mean_diff, 1.0);
    close(g.sd_diff, 0.790569415042095);
    close(g.p_value, 0.047420655584320);
    close(g.ci_low, 0.018378419261221);
    close(g.ci_high, 1.981621580738778);
}

#[test]
fn mcnemar_is_exact_for_few_discordant_pairs_and_chi_square_otherwise() {
    let exact = mcnemar(3, 12);
    assert!(exact.exact);
    assert!((exact.p - 0.035156250000000).abs() < 1e-12);
    let chi = mcnemar(10, 25);
    assert!(!chi.exact);
    assert!((chi.p - 0.017960477526079).abs() < 1e-9);
    assert_eq!(
        mcnemar(0, 0).p,
        1.0,
        "no discordant pair: no evidence of change"
    );
    assert!((mcnemar(0, 1).p - 1.0).abs() < 1e-12);
}

#[test]
fn one_pair_has_a_difference_but_no_spread() {
    let g = gain(&Summary::of(&[some(2.0, 4.0)], SCALE), SCALE);
    assert_eq!(g.n_paired, 1);
    close(g.mean_diff, 2.0);
    assert_eq!(g.sd_diff, None);
    assert_eq!(
        (g.ci_low, g.ci_high, g.p_value, g.cohens_dz),
        (None, None, None, None)
    );
    close(g.hake_of_means, 2.0 / 3.0);
}

#[test]
fn zero_variance_gives_a_point_interval_and_no_test() {
    let obs = [some(1.0, 2.0), some(2.0, 3.0), some(3.0, 4.0)];
    let g = gain(&Summary::of(&obs, SCALE), SCALE);
    close(g.sd_diff, 0.0);
    close(g.ci_low, 1.0);
    close(g.ci_high, 1.0);
    assert_eq!((g.p_value, g.cohens_dz), (None, None));
    close(g.share_improved, 1.0);
}

#[test]
fn everyone_at_the_maximum_has_no_normalised_gain() {
    let obs = [some(5.0, 5.0), some(5.0, 4.0), some(5.0, 5.0)];
    let g = gain(&Summary::of(&obs, SCALE), SCALE);
    assert_eq!(g.hake_of_means, None);
    assert_eq!(g.mean_individual_gain, None);
    assert_eq!(g.at_maximum, 3);
    close(g.proficient_before, 1.0);
}

#[test]
fn missing_pairs_leave_paired_figures_undefined() {
    let obs = [(Some(2.0), None), (Some(3.0), None), (None, Some(4.0))];
    let g = gain(&Summary::of(&obs, SCALE), SCALE);
    assert_eq!((g.n_before, g.n_after, g.n_paired), (2, 1, 0));
    close(g.attrition, 1.0);
    assert_eq!((g.mean_before, g.mean_diff, g.ci_low), (None, None, None));
    assert_eq!(g.mcnemar, None);
    let empty = gain(&Summary::default(), SCALE);
    assert_eq!(empty.attrition, None);
}

#[test]
fn sums_from_a_database_give_the_same_statistics() {
    // The server adds the same sums up in SQL; a summary built field by field agrees.
    let from_rows = Summary::of(&class(), SCALE);
    let rebuilt = Summary {
        n_before: 9,
        n_after: 9,
        n_paired: 8,
        sum_before: 21.0,
        sum_after: 27.0,
        sum_diff: 6.0,
        sum_diff_sq: 12.0,
        n_improved: 5,
        n_below_max: 7,
        sum_normalised: 2.25,
        proficient_both: 3,
        proficient_before_only: 1,
        proficient_after_only: 3,
        proficient_neither: 1,
    };
    assert_eq!(gain(&rebuilt, SCALE), gain(&from_rows, SCALE));
}

#[test]
fn counted_pairs_add_up_like_single_learners() {
    // What a database hands over: each distinct (before, after) once, with its count.
    let mut counted = Summary::default();
    counted.add(Some(2.0), Some(3.0), 3, SCALE);
    counted.add(Some(5.0), Some(5.0), 2, SCALE);
    counted.add(Some(1.0), None, 4, SCALE);
    let mut one_by_one = vec![(Some(2.0), Some(3.0)); 3];
    one_by_one.extend(vec![(Some(5.0), Some(5.0)); 2]);
    one_by_one.extend(vec![(Some(1.0), None); 4]);
    assert_eq!(counted, Summary::of(&one_by_one, SCALE));
    assert_eq!(
        (counted.n_before, counted.n_paired, counted.n_below_max),
        (9, 5, 3)
    );
}
