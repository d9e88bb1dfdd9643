//! Server-rendered pages, one module per page.

pub mod home;
pub mod not_found;
