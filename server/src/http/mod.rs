//! Transport pieces shared by the API and the pages.

pub mod assets;
pub mod authenticate;
pub mod body;
pub mod client;
pub mod cookies;
pub mod csrf;
pub mod error;
pub mod etag;
pub mod head;
pub mod install;
pub mod locale;
pub mod request_log;
pub mod scrape;
pub mod security_headers;
