//! Tests in real headless Chromium, driven over WebDriver (chromedriver + fantoccini).

mod admin;
mod author;
mod driver;
mod home;
mod learner;
mod line;
mod offline;
mod shared_device;
mod sign_in;
mod supervisor;
