//! The integration tests, as one test binary: each module was a test crate of its own under
//! `tests/`; together they build and link once.
//!
//! Run one module with `cargo test --test it cli::` (a filter on the test's path).

mod cli;
#[cfg(unix)]
mod e2e;
#[cfg(unix)]
mod e2e_storm;
mod pictures;
mod presenter;
mod render;
mod robustness;
mod stage;
mod support;
mod validation;
mod wording;
