//! The rules of the system. Handlers and page ports call these; nothing else touches the
//! database. Each service has its own error enum; `api/` maps them to the error shape.

pub mod actors;
pub mod directory;
pub mod passwords;
pub mod preferences;
pub mod sessions;
pub mod throttle;
pub mod users;
