//! What saving a class's course for offline use downloads (see docs/OFFLINE.md): the
//! learner's course list, the class's outline and every activity page, and the assets
//! those pages load. Asset sizes are exact; a page's size is estimated from what it shows
//! this learner now (a locked activity is a notice), calibrated on the demo course (docs/BENCHMARKS.md compares it with a real download).

use crate::store::Db;
use shared::course::{Activity, ActivityBody, QuizQuestion};
use shared::page::Page;
use shared::sync::{OfflineFile, OfflinePackage};
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::attempts::{self, AttemptError};
use crate::services::cohorts;
use crate::services::policy::CohortAction;
use crate::services::progress;

/// The page around any content: header, navigation, footer, head (bytes of HTML).
const SHELL_BYTES: u64 = 2_600;
/// A locked activity's notice.
const LOCKED_BYTES: usize = 100;
/// The outline's own parts besides the activities' titles: progress, the offline panel.
const OUTLINE_BYTES: usize = 2_800;

/// HTML per byte of content as stored, by what the page does with it: a case study shows
/// one language of two; a quiz, test or role-play also carries it for its island.
fn factor(body: &ActivityBody) -> f64 {
    match body {
        ActivityBody::CaseStudy(_) => 0.6,
        ActivityBody::Survey(_) => 1.0,
        ActivityBody::Quiz(_) | ActivityBody::Assessment(_) => 1.75,
        ActivityBody::RolePlay(_) => 1.85,
    }
}

/// Compressed bytes per byte of HTML (brotli or gzip on the fly).
const PAGE_TRANSFER_RATIO: f64 = 0.3;

fn page(url: String, html: f64) -> OfflineFile {
    let bytes = SHELL_BYTES + html.round() as u64;
    OfflineFile {
        url,
        bytes,
        transfer: (bytes as f64 * PAGE_TRANSFER_RATIO).round() as u64,
    }
}

/// What an activity's page shows, as stored: nothing but a notice while it is locked, the
/// learner's own paper for a test, the activity otherwise.
fn content_of(activity: &Activity, locked: bool, paper: Option<Vec<QuizQuestion>>) -> f64 {
    let json = if locked {
        return LOCKED_BYTES as f64;
    } else if let (ActivityBody::Assessment(_), Some(paper)) = (&activity.body, paper) {
        serde_json::to_string(&paper)
    } else {
        serde_json::to_string(activity)
    };
    json.map_or(0.0, |json| json.len() as f64 * factor(&activity.body))
}

/// The files of a class's offline copy, for a learner of the class; `assets` are the
/// hashed files its pages load, with their sizes.
pub async fn package(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    assets: Vec<OfflineFile>,
) -> Result<OfflinePackage, AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let course = attempts::package_of(db, &cohort).await?;
    let mut files = vec![
        page(Page::Learning.path(), 0.0),
        page(
            Page::Learn(cohort.id).path(),
            (OUTLINE_BYTES
                + course
                    .activities()
                    .map(|a| a.title.vi.len() + a.title.en.len())
                    .sum::<usize>()) as f64,
        ),
    ];
    let progress = progress::of_learner(db, &cohort, &course, actor.me.id).await?;
    files.extend(course.activities().map(|a| {
        let locked = progress.of(&a.id).is_some_and(|p| p.locked);
        let paper = attempts::questions_for(&course, &a.id, actor.me.id, cohort.id);
        page(
            Page::LearnActivity(cohort.id, a.id.clone()).path(),
            content_of(a, locked, paper),
        )
    }));
    files.extend(assets);
    Ok(OfflinePackage {
        cohort: cohort.id,
        version: u32::try_from(cohort.version).unwrap_or(0),
        bytes: files.iter().map(|f| f.bytes).sum(),
        transfer: files.iter().map(|f| f.transfer).sum(),
        files,
    })
}
