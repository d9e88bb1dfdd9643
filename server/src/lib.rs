#![doc = include_str!("../README.md")]

pub mod allocator;
mod api;
pub mod auth;
pub mod backup;
pub mod checkpoint;
pub mod cli;
pub mod cluster;
pub mod config;
pub mod db;
pub mod entities;
mod http;
pub mod interchange;
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
