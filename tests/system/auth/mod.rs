//! Identity: signing in and out, token handling, sessions, CSRF.

mod csrf;
mod matrix;
mod sessions;
mod sign_in;
mod token_attacks;
