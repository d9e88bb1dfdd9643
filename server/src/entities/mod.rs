//! sea-orm entities, one module per table. The schema itself is defined by the migrations.

pub mod import_draft;
pub mod org_unit;
pub mod position;
pub mod session;
pub mod sign_in_throttle;
pub mod user;
pub mod user_role;
