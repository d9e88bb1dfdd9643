//! Server-rendered pages, one module per page.

pub mod admin;
pub mod author;
pub mod competencies;
pub mod home;
pub mod learn;
pub mod login;
pub mod not_found;
pub mod profile;
pub mod supervise;
