//! Islands: the only components that ship to the browser as wasm. Each enhances a page
//! that is already complete without it.

mod connection_check;
mod heartbeat;
#[cfg(feature = "hydrate")]
mod net;
mod question_check;
mod role_play;

pub use connection_check::ConnectionCheck;
pub use heartbeat::Heartbeat;
pub use question_check::{OfflineCheck, QuestionCheck};
pub use role_play::{RolePlayIsland, Staged};
