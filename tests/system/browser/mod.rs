//! Tests in real headless Chromium, driven over WebDriver (chromedriver + fantoccini).

mod admin;
mod driver;
mod home;
mod sign_in;
