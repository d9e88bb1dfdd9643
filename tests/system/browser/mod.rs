//! Tests in real headless Chromium, driven over WebDriver (chromedriver + fantoccini).

mod accessibility;
mod admin;
mod author;
pub(crate) mod driver;
mod home;
mod install;
mod keyboard;
mod learner;
pub(crate) mod line;
pub(crate) mod offline;
mod print;
mod shared_device;
mod sign_in;
mod supervisor;
