//! Code shared by the modules of the integration test binary: the dashboard after some key
//! presses and its screen as text, the binary as an `assert_cmd` command, and a terminal
//! emulator (`vt100`) for what escape codes draw.

// tmux, `sh` and `stty` are Unix programs; `cli` runs the binary on every platform.
#[cfg(unix)]
pub mod tmux;

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::{render, to_text};

/// The embedded dashboard on tab `tab` after `actions`.
#[allow(clippy::unwrap_used)] // The embedded dataset is valid; if it is not, fail loudly.
pub fn app_on(tab: usize, actions: &[Action]) -> App {
    let mut app = App::new(Dataset::embedded().unwrap()).with_tab(tab);
    let now = Instant::now();
    for action in actions {
        app.update(*action, now);
    }
    app
}

/// What a `width`×`height` terminal shows of `app`, as text.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    to_text(&render(app, width, height))
}

/// How long one run of the binary may take. Generous for a loaded machine; a passing run takes
/// milliseconds, and a mode that wrongly waits for a terminal fails instead of hanging.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary with `args`, an empty stdin, a deadline of [`TIMEOUT`], and an environment
/// without the variables that change its output (`NO_COLOR`, `COLORTERM`) unless a test sets
/// them.
pub fn dashboard<S: AsRef<OsStr>>(args: &[S]) -> assert_cmd::Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("shenzhen-dash");
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .write_stdin("")
        .timeout(TIMEOUT);
    command
}

/// Rows of text with SGR codes (lines ending in `\n`), as a terminal emulator draws them on a
/// screen of `rows`×`cols`.
pub fn emulate(text: &str, rows: u16, cols: u16) -> vt100::Parser {
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(text.trim_end_matches('\n').replace('\n', "\r\n").as_bytes());
    parser
}

/// Fails unless the files in the fixture folder `dir` are exactly the `table`'s names, each
/// once: a fixture added without its expected message, or a case whose file is gone.
#[allow(clippy::unwrap_used)] // A fixture folder that cannot be read fails the test loudly.
pub fn assert_every_fixture_listed_once<'a>(dir: &str, table: impl IntoIterator<Item = &'a str>) {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut in_table: Vec<String> = table.into_iter().map(str::to_owned).collect();
    in_table.sort();
    assert_eq!(on_disk, in_table);
}
