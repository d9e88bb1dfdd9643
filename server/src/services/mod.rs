//! The rules of the system. Handlers and page ports call these; nothing else touches the
//! database. Each service has its own error enum; `api/` maps them to the error shape.

pub mod actors;
pub mod attempts;
pub mod certificates;
pub mod cohort_report;
pub mod cohorts;
pub mod competencies;
pub mod competency_admin;
pub mod courses;
pub mod directory;
pub mod drafts;
pub mod enrolment;
pub mod evidence;
pub mod jobs;
pub mod markdown;
pub mod offline;
pub mod org_units;
pub mod passwords;
pub mod plays;
pub mod policy;
pub mod positions;
pub mod preferences;
pub mod progress;
pub mod ratings;
pub mod sessions;
pub mod supervision;
pub mod sync;
pub mod throttle;
pub mod users;
