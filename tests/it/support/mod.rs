//! Code shared by the modules of the integration test binary.

// tmux, `sh` and `stty` are Unix programs; `cli` runs the binary on every platform.
#[cfg(unix)]
pub mod tmux;
