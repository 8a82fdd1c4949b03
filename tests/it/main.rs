//! The integration tests, as one test binary: each module was a test crate of its own under
//! `tests/`; together they build and link once.
//!
//! Run one module with `cargo test --test it cli::` (a filter on the test's path).

mod annotations;
mod cli;
mod console;
#[cfg(unix)]
mod e2e;
#[cfg(unix)]
mod e2e_console;
#[cfg(unix)]
mod e2e_preflight;
mod e2e_record;
#[cfg(unix)]
mod e2e_storm;
#[cfg(unix)]
mod e2e_talk;
mod pictures;
mod preflight;
mod presenter;
mod range;
mod render;
mod robustness;
mod stage;
mod support;
mod talk;
mod validation;
mod wording;
