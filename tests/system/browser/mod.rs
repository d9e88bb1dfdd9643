//! Tests in real headless Chromium, driven over WebDriver (chromedriver + fantoccini).

mod admin;
mod author;
mod driver;
mod home;
mod sign_in;
