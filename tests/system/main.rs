#![allow(clippy::unwrap_used, clippy::expect_used)]
// A system test is one user's story told from the first request to the last, and the
// authorisation matrix is a table of rows: both read best whole, not cut to a length.
#![allow(clippy::too_many_lines)]
//! Black-box tests of the whole system: each test starts the real server on a free port
//! against a fresh database (a new SQLite file, and a new PostgreSQL database when
//! `FIELDSCHOOL_TEST_DATABASE_URL` names a server) and drives it over HTTP or in headless
//! Chromium. One binary, one module per feature.

mod helpers;

mod admin_pages;
mod api_errors;
mod assets;
mod auth;
mod author_pages;
mod backups;
mod browser;
mod competencies;
mod contract;
mod courses_api;
mod database_link;
mod deployment;
pub mod evidence;
mod health;
mod home_page;
mod instances;
mod jobs;
mod learn_pages;
mod learner_journey;
mod learning_api;
mod messages_in_language;
mod metrics;
mod migrations;
mod offline_package;
mod offline_sync;
mod offline_sync_property;
mod offline_versions;
mod openapi;
mod preferences;
mod progress_api;
mod question_exchange;
mod security;
mod security_headers;
mod seed;
mod slow_upload;
mod users_api;
mod users_import;
