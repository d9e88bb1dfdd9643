//! Transport pieces shared by the API and the pages.

pub mod assets;
pub mod body;
pub mod error;
pub mod etag;
pub mod head;
pub mod request_log;
pub mod security_headers;
