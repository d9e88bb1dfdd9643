//! sea-orm entities, one module per table. The schema itself is defined by the migrations.

pub mod org_unit;
pub mod position;
pub mod user;
pub mod user_role;
