//! How much a group's level in one competency changed between two phases, and whether the
//! change is more than noise. Pure functions over *sufficient statistics*: sums a database
//! can compute in one pass ([`Summary`]), or that [`Summary::of`] adds up from per-learner
//! observations. Everything is defined on the framework's proficiency scale ([`Scale`]).
//!
//! Definitions (a *pair* is one learner with a level both before and after):
//! - `n_before`, `n_after`: learners with a level in that phase; `n_paired`: with both;
//!   *attrition*: the share of learners assessed before who have no level after.
//! - `mean_before`, `mean_after`: means **of the paired learners**, so that their difference
//!   is the mean paired difference shown beside them.
//! - The mean paired difference `d̄`, its sample standard deviation `s` (n − 1), and the 95 %
//!   confidence interval `d̄ ± t(0.975, n − 1) · s / √n` from Student's t distribution.
//! - The paired t-test's two-sided p value, `t = d̄ / (s / √n)` on `n − 1` degrees of freedom.
//! - Cohen's `d_z = d̄ / s`.
//! - Hake's normalised gain of the means, `(mean_after − mean_before) / (max − mean_before)`,
//!   and the mean of individual normalised gains `(after − before) / (max − before)` over the
//!   pairs not already at the maximum before (those are counted in `at_maximum`).
//! - The share proficient before and after (paired learners; proficient means at or above
//!   the scale's lowest proficient level), and McNemar's test of the change on the discordant
//!   pairs: exact (binomial, two-sided) when there are fewer than 25, otherwise the χ² test
//!   with continuity correction.
//!
//! Undefined values are `None`, never a made-up number: with one pair there is no spread, so
//! no interval, p value or effect size; when every difference is the same (zero variance)
//! the interval is that one value and there is no p value or effect size; with no pair all
//! paired figures are `None`.

use serde::{Deserialize, Serialize};
use statrs::distribution::{Binomial, ChiSquared, ContinuousCDF, DiscreteCDF, StudentsT};

#[cfg(test)]
mod tests;

/// Below this many discordant pairs McNemar's test is computed exactly.
pub const EXACT_MCNEMAR_BELOW: u64 = 25;

/// Differences smaller than this are treated as no variation at all.
const NO_VARIATION: f64 = 1e-9;

/// The proficiency scale the levels are on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scale {
    pub max: f64,
    /// The lowest level that counts as proficient.
    pub proficient: f64,
}

/// Sums over the learners of one group, one competency and one lens (tests, self-ratings,
/// supervisor ratings, …) between two phases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    pub n_before: u64,
    pub n_after: u64,
    pub n_paired: u64,
    /// Over pairs: Σ before, Σ after, Σ (after − before), Σ (after − before)².
    pub sum_before: f64,
    pub sum_after: f64,
    pub sum_diff: f64,
    pub sum_diff_sq: f64,
    /// Pairs whose level went up.
    pub n_improved: u64,
    /// Pairs below the maximum before, and Σ of their individual normalised gains.
    pub n_below_max: u64,
    pub sum_normalised: f64,
    /// Pairs by proficiency: before and after, before only, after only, neither.
    pub proficient_both: u64,
    pub proficient_before_only: u64,
    pub proficient_after_only: u64,
    pub proficient_neither: u64,
}

impl Summary {
    /// The sums of per-learner observations `(before, after)`; either may be missing.
    pub fn of(observations: &[(Option<f64>, Option<f64>)], scale: Scale) -> Summary {
        let mut s = Summary::default();
        for &(before, after) in observations {
            s.add(before, after, 1, scale);
        }
        s
    }

    /// Adds `count` learners observed at `before` and `after` (a database may hand over
    /// each distinct pair of levels once, with how many learners had it).
    pub fn add(&mut self, before: Option<f64>, after: Option<f64>, count: u64, scale: Scale) {
        let n = count as f64;
        self.n_before += count * u64::from(before.is_some());
        self.n_after += count * u64::from(after.is_some());
        let (Some(b), Some(a)) = (before, after) else {
            return;
        };
        let d = a - b;
        self.n_paired += count;
        self.sum_before += b * n;
        self.sum_after += a * n;
        self.sum_diff += d * n;
        self.sum_diff_sq += d * d * n;
        self.n_improved += count * u64::from(d > 0.0);
        if b < scale.max {
            self.n_below_max += count;
            self.sum_normalised += d / (scale.max - b) * n;
        }
        let slot = match (b >= scale.proficient, a >= scale.proficient) {
            (true, true) => &mut self.proficient_both,
            (true, false) => &mut self.proficient_before_only,
            (false, true) => &mut self.proficient_after_only,
            (false, false) => &mut self.proficient_neither,
        };
        *slot += count;
    }
}

/// McNemar's test of a change in the share proficient.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct McNemar {
    /// Proficient before but not after, and after but not before.
    pub lost: u64,
    pub gained: u64,
    /// Whether the binomial (exact) test was used rather than χ².
    pub exact: bool,
    pub p: f64,
}

/// The statistics of one [`Summary`]; see the module's documentation for each definition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gain {
    pub n_before: u64,
    pub n_after: u64,
    pub n_paired: u64,
    /// Share of the learners assessed before who were not assessed after.
    pub attrition: Option<f64>,
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    pub mean_diff: Option<f64>,
    pub sd_diff: Option<f64>,
    /// 95 % confidence interval of the mean difference.
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub p_value: Option<f64>,
    pub cohens_dz: Option<f64>,
    pub share_improved: Option<f64>,
    pub hake_of_means: Option<f64>,
    pub mean_individual_gain: Option<f64>,
    /// Pairs already at the maximum before (left out of the individual gains).
    pub at_maximum: u64,
    pub proficient_before: Option<f64>,
    pub proficient_after: Option<f64>,
    pub mcnemar: Option<McNemar>,
}

fn ratio(numerator: f64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator / denominator as f64)
}

/// Two-sided p value of McNemar's test on `lost` and `gained` discordant pairs.
pub fn mcnemar(lost: u64, gained: u64) -> McNemar {
    let discordant = lost + gained;
    if discordant == 0 {
        return McNemar {
            lost,
            gained,
            exact: true,
            p: 1.0,
        };
    }
    if discordant < EXACT_MCNEMAR_BELOW {
        let p = Binomial::new(0.5, discordant)
            .map(|b| (2.0 * b.cdf(lost.min(gained))).min(1.0))
            .unwrap_or(1.0);
        return McNemar {
            lost,
            gained,
            exact: true,
            p,
        };
    }
    let x = (lost.abs_diff(gained) as f64 - 1.0).powi(2) / discordant as f64;
    let p = ChiSquared::new(1.0).map(|c| c.sf(x)).unwrap_or(1.0);
    McNemar {
        lost,
        gained,
        exact: false,
        p,
    }
}

/// The gain statistics of `s` on `scale`.
pub fn gain(s: &Summary, scale: Scale) -> Gain {
    let n = s.n_paired;
    let nf = n as f64;
    let mean_before = ratio(s.sum_before, n);
    let mean_after = ratio(s.sum_after, n);
    let mean_diff = ratio(s.sum_diff, n);
    let sd_diff = match (n, mean_diff) {
        (2.., Some(mean)) => Some(
            ((s.sum_diff_sq - nf * mean * mean) / (nf - 1.0))
                .max(0.0)
                .sqrt(),
        ),
        _ => None,
    };
    let (mut ci_low, mut ci_high, mut p_value, mut cohens_dz) = (None, None, None, None);
    if let (Some(mean), Some(sd)) = (mean_diff, sd_diff) {
        if sd < NO_VARIATION {
            (ci_low, ci_high) = (Some(mean), Some(mean));
        } else if let Ok(t) = StudentsT::new(0.0, 1.0, nf - 1.0) {
            let se = sd / nf.sqrt();
            let half = t.inverse_cdf(0.975) * se;
            (ci_low, ci_high) = (Some(mean - half), Some(mean + half));
            p_value = Some((2.0 * t.sf((mean / se).abs())).min(1.0));
            cohens_dz = Some(mean / sd);
        }
    }
    let hake_of_means = match (mean_before, mean_after) {
        (Some(b), Some(a)) if scale.max - b > NO_VARIATION => Some((a - b) / (scale.max - b)),
        _ => None,
    };
    Gain {
        n_before: s.n_before,
        n_after: s.n_after,
        n_paired: n,
        attrition: ratio(s.n_before.saturating_sub(n) as f64, s.n_before),
        mean_before,
        mean_after,
        mean_diff,
        sd_diff,
        ci_low,
        ci_high,
        p_value,
        cohens_dz,
        share_improved: ratio(s.n_improved as f64, n),
        hake_of_means,
        mean_individual_gain: ratio(s.sum_normalised, s.n_below_max),
        at_maximum: n - s.n_below_max.min(n),
        proficient_before: ratio((s.proficient_both + s.proficient_before_only) as f64, n),
        proficient_after: ratio((s.proficient_both + s.proficient_after_only) as f64, n),
        mcnemar: (n > 0).then(|| mcnemar(s.proficient_before_only, s.proficient_after_only)),
    }
}

/// The mean gap between two ratings of the same learners (self − supervisor): `None` with
/// no learner rated both ways.
pub fn mean_gap(sum: f64, n: u64) -> Option<f64> {
    ratio(sum, n)
}
