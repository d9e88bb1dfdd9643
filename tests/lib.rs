//! Shared test support lives in the `system` test binary.
