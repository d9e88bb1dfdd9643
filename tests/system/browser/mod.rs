//! Tests in real headless Chromium, driven over WebDriver (chromedriver + fantoccini).

mod admin;
mod author;
pub(crate) mod driver;
mod home;
mod learner;
pub(crate) mod line;
pub(crate) mod offline;
mod shared_device;
mod sign_in;
mod supervisor;
