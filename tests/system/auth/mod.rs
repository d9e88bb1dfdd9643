//! Identity: signing in and out, token handling, sessions, CSRF.

mod csrf;
mod matrix;
mod matrix_course_rows;
mod matrix_evidence_rows;
mod matrix_learning_rows;
mod matrix_rows;
mod sessions;
mod sign_in;
mod token_attacks;
