//! The command line, end to end: the real `shenzhen-dash` binary with piped stdio, never a
//! terminal.
//!
//! - `snapshot`: the default frame is 100×30 plain text; `--tab all` gives every tab under its
//!   header; ANSI, HTML and SVG are well formed; themes, `NO_COLOR`, `--ascii`; every format is
//!   deterministic; `--tab` takes an id, a title (any case) or a number; the text is exactly
//!   what the library draws.
//! - `export`: CSV and JSON describe the same points, values with their published precision.
//! - `check`: a summary and exit 0, or every problem on stderr and exit 1.
//! - Bad input (the table in `bad_input`): every kind of bad dataset file, in every mode that
//!   loads one, gives exit 1, nothing on stdout and one clean line on stderr that names the
//!   file (`check`: one line per problem). A reader that stops early is not an error; a full
//!   disk is, in one line.
//! - `talk`: `check --talk` and `--talk` with good and bad talk files, against `--data`.
//! - `deck`: `snapshot --talk`: the HTML slide deck, and every beat's frame in text, ANSI, SVG.
//! - Usage errors exit 2 and list the valid choices; the interactive mode and the pre-flight
//!   check refuse to run without a terminal; `--help` of every command (insta snapshots).
//! - `completions` and `man`: a completion script for each shell and the manual page.
//! - Known bugs have `#[ignore]`d tests that state the behaviour wanted; run them with
//!   `cargo test --test it cli:: -- --ignored`.
//!
//! Paths are relative: cargo runs integration tests from the crate root, and the binary
//! inherits it. Temporary files go to a fresh `tempfile` directory, removed when the test
//! ends. The binary runs under `assert_cmd` with a deadline, so a mode that wrongly waits for a
//! terminal fails instead of hanging; a terminal emulator (`vt100`) shows what ANSI output
//! draws.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a test failure, with its message"
)]

mod bad_input;
mod check;
mod deck;
mod export;
mod output;
mod shell;
mod snapshot;
mod talk;
mod usage;

use std::ffi::OsStr;

use crate::support::{TIMEOUT, dashboard};

const INVALID: &str = "tests/fixtures/invalid";
const MINIMAL: &str = "tests/fixtures/valid/minimal.json";
const MINIMAL_TEXT: &str = include_str!("../fixtures/valid/minimal.json");
const CHINA: &str = "assets/examples/china.json";
/// Points in the embedded asset (README: "224 points for 29 indicators").
const EMBEDDED_POINTS: usize = 224;

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// Exit 0, nothing on stderr; the output as text.
    fn ok(&self) -> &str {
        assert_eq!((self.code, self.stderr.as_str()), (0, ""), "{self:?}");
        self.stdout()
    }
}

/// Runs `command` to its end; fails if it is still running after `TIMEOUT` (`assert_cmd` then
/// kills it) or was killed.
fn finish(mut command: assert_cmd::Command) -> Run {
    let started = std::time::Instant::now();
    let output = command.output().expect("the binary starts");
    assert!(
        started.elapsed() < TIMEOUT,
        "{command:?} did not finish within {TIMEOUT:?}"
    );
    Run {
        code: output
            .status
            .code()
            .unwrap_or_else(|| panic!("{command:?} was killed by a signal: {}", output.status)),
        stdout: output.stdout,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    finish(dashboard(args))
}

fn run_env<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &str)]) -> Run {
    let mut command = dashboard(args);
    command.envs(env.iter().copied());
    finish(command)
}

/// The first control character in `text` other than a newline, if any.
fn control_besides_newline(text: &str) -> Option<char> {
    text.chars().find(|&c| c.is_control() && c != '\n')
}
