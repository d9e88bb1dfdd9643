//! Islands: the only components that ship to the browser as wasm. Each enhances a page
//! that is already complete without it.

mod connection_check;

pub use connection_check::ConnectionCheck;
