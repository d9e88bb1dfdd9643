//! sea-orm entities, one module per table. The schema itself is defined by the migrations.

pub mod attempt;
pub mod certificate;
pub mod cohort;
pub mod cohort_lecturer;
pub mod competency;
pub mod competency_current;
pub mod competency_evidence;
pub mod competency_framework;
pub mod competency_level;
pub mod competency_pair;
pub mod course;
pub mod course_author;
pub mod course_version;
pub mod enrolment;
pub mod import_draft;
pub mod org_unit;
pub mod position;
pub mod position_profile;
pub mod progress_event;
pub mod rating_invitation;
pub mod review;
pub mod session;
pub mod sign_in_throttle;
pub mod user;
pub mod user_role;
pub mod work_draft;
