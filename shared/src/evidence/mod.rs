//! Competency evidence: what it is, and the documented rules that turn it into levels.
//!
//! - **Sources** say who or what gave the level; each belongs to one **lens** through which
//!   change is measured (both tests are the `test` lens: the pre-test before, the post-test
//!   after).
//! - **Phases**: before the course, after it, and at work 30 and 90 days after it ended.
//! - **Test levels** ([`test_level`]): the share of a test's marks on a competency's items
//!   becomes a level by the framework's cutoffs.
//! - **Pairs**: several pieces of evidence of the same lens and phase for a learner,
//!   competency and cohort (several supervisors, a paper test and an online one) count as
//!   their mean.
//! - **Current level** ([`current_level`]): the latest evidence of the most trusted source
//!   the learner has — supervisor, then test, then lecturer, then peer, then self.

use serde::{Deserialize, Serialize};

pub mod import;
pub mod kirkpatrick;
pub mod rating;
pub mod report;
pub mod table;

#[cfg(test)]
mod tests;

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        // Written by hand: the derive cannot see a `rename` passed through this macro, and
        // the document must name the codes the API sends.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let description = [$(stringify!($meta)),*]
                    .iter()
                    .filter_map(|m| m.split_once('"').map(|(_, d)| d.trim_end_matches('"').trim()))
                    .collect::<Vec<_>>()
                    .join(" ");
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($code),+]))
                    .description(Some(description))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

codes! {
    /// Who or what gave a level.
    Source {
        PreTest = "pre_test",
        PostTest = "post_test",
        SelfRating = "self",
        Supervisor = "supervisor",
        Peer = "peer",
        Lecturer = "lecturer",
    }
}

codes! {
    /// When, relative to the course.
    Phase {
        Before = "before",
        After = "after",
        FollowUp30 = "follow_up_30",
        FollowUp90 = "follow_up_90",
    }
}

codes! {
    /// Through which eyes change is measured.
    Lens {
        Test = "test",
        SelfRating = "self",
        Supervisor = "supervisor",
        Peer = "peer",
        Lecturer = "lecturer",
    }
}

impl Source {
    pub fn lens(self) -> Lens {
        match self {
            Source::PreTest | Source::PostTest => Lens::Test,
            Source::SelfRating => Lens::SelfRating,
            Source::Supervisor => Lens::Supervisor,
            Source::Peer => Lens::Peer,
            Source::Lecturer => Lens::Lecturer,
        }
    }

    /// Rank in the current-level rule: higher is trusted more.
    pub fn priority(self) -> u8 {
        match self {
            Source::Supervisor => 5,
            Source::PreTest | Source::PostTest => 4,
            Source::Lecturer => 3,
            Source::Peer => 2,
            Source::SelfRating => 1,
        }
    }

    /// Whether a level from this source may be recorded in `phase` (a pre-test is before,
    /// a post-test after; ratings in any phase).
    pub fn fits(self, phase: Phase) -> bool {
        match self {
            Source::PreTest => phase == Phase::Before,
            Source::PostTest => phase != Phase::Before,
            _ => true,
        }
    }
}

/// The default cutoffs of a scale of `levels` levels: evenly spaced shares.
pub fn even_cutoffs(levels: u8) -> Vec<f64> {
    let levels = levels.max(1);
    (1..levels)
        .map(|k| f64::from(k) / f64::from(levels))
        .collect()
}

/// Reads a framework's cutoffs (`0.2,0.4,0.6,0.8`): one fewer than the levels, each
/// between 0 and 1, strictly increasing.
pub fn parse_cutoffs(text: &str, levels: u8) -> Result<Vec<f64>, crate::Problem> {
    let wrong = || crate::Problem::Cutoffs {
        count: levels.saturating_sub(1),
    };
    let cutoffs = text
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<Vec<f64>, _>>()
        .map_err(|_| wrong())?;
    let rising = cutoffs.windows(2).all(|w| w[0] < w[1]);
    if cutoffs.len() + 1 != usize::from(levels)
        || cutoffs.iter().any(|c| !(0.0..=1.0).contains(c))
        || !rising
    {
        return Err(wrong());
    }
    Ok(cutoffs)
}

/// The level a share of a test's marks (0 to 1) on one competency shows: 1 plus the number of
/// cutoffs the share reaches. With the even cutoffs of a five-level scale, 0–19 % is level 1,
/// 20–39 % level 2, …, 80 % and above level 5.
pub fn test_level(share: f64, cutoffs: &[f64]) -> u8 {
    let reached = cutoffs.iter().filter(|c| share + 1e-9 >= **c).count();
    u8::try_from(reached + 1).unwrap_or(u8::MAX)
}

/// One piece of evidence as the current-level rule sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub source: Source,
    pub level: f64,
    /// Seconds since the epoch (any monotonic clock will do).
    pub observed_at: i64,
    pub recorded_at: i64,
}

/// The level that counts now: among the most trusted source present, the latest observed
/// (then latest recorded). `None` with no evidence.
pub fn current_level(observations: &[Observation]) -> Option<Observation> {
    observations.iter().copied().max_by(|a, b| {
        (a.source.priority(), a.observed_at, a.recorded_at).cmp(&(
            b.source.priority(),
            b.observed_at,
            b.recorded_at,
        ))
    })
}
