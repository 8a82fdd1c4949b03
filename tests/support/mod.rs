//! Code shared by integration tests. A directory with a `mod.rs` is not a test crate of its
//! own: each test that needs it declares `mod support;`.

pub mod tmux;
