//! Credentials: the signing key, access tokens (JWT), refresh tokens and form tokens.
//! Who may do what is decided in `services::policy`, not here.

pub mod access_token;
pub mod csrf;
pub mod device;
pub mod keys;
pub mod refresh_token;
