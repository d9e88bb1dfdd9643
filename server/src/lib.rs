#![doc = include_str!("../README.md")]

mod api;
pub mod auth;
pub mod backup;
pub mod cli;
pub mod cluster;
pub mod config;
pub mod db;
pub mod entities;
mod http;
pub mod metrics;
mod pages;
mod ports;
pub mod secret;
pub mod seed;
pub mod services;
pub mod spreadsheet;
mod sql;
pub mod startup;
pub mod store;
pub mod telemetry;

pub use startup::{AppState, Application};

/// mimalloc rather than the C library's allocator: a request makes many small objects on
/// many threads, and glibc's arenas spent a fifth of the server's time and kept memory it
/// had freed (docs/BENCHMARKS.md, "Exam day at the hardware's limit"). Built without
/// asking for transparent huge pages (`no_thp`): with them, one small allocation made a
/// whole 2 MiB page resident, and an idle server held 59 MiB instead of 20. Declared in the
/// library, so that every program built on it — the test suite's servers included — runs
/// on the allocator production runs on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
