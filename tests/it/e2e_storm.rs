//! A resize storm against the real binary: hundreds of window sizes from 1×1 to 250×80 in
//! quick succession, with keys pressed in between, must neither kill the dashboard nor leave a
//! stale or wrongly sized frame, and `q` must still quit cleanly.
//!
//! It runs under the tmux harness in `tests/it/support/tmux.rs` (a private server per test,
//! `-f /dev/null`, the binary under a `sh` wrapper that reports how the terminal was left, and
//! polling of the screen instead of fixed sleeps); see that file for why each piece is there.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use std::process::{Command, Stdio};
use std::time::Instant;

use crate::support::emulate;
use crate::support::tmux::{BIN, EXIT_MARKER, SESSION, TIMEOUT, Tmux, framed};
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::{render, to_text};
use unicode_width::UnicodeWidthStr;

const FINAL: (u16, u16) = (120, 40);
/// Sizes the storm stops at, one after each batch, until the dashboard has drawn them.
const CHECKPOINTS: [(u16, u16); 6] = [(1, 1), (250, 80), (1, 80), (250, 1), (49, 15), (50, 15)];

/// Polls the screen like [`Tmux::wait_for`], and fails as soon as the dashboard is no longer
/// running: in a tiny window the wrapper's exit line may not show.
fn wait_while_running(tmux: &Tmux, what: &str, ready: impl Fn(&str) -> bool) -> String {
    tmux.poll(what, ready, TIMEOUT, |screen| {
        assert!(
            binary_alive(tmux),
            "shenzhen-dash is no longer running (crashed or quit) while waiting for {what} \
             in a {} pane; the screen:\n{}",
            tmux.query("#{pane_width}x#{pane_height}"),
            framed(screen)
        );
    })
}

/// Whether a `shenzhen-dash` process runs under the pane's shell (the wrapper).
fn binary_alive(tmux: &Tmux) -> bool {
    let shell = tmux.query("#{pane_pid}");
    Command::new("pgrep")
        .args(["-P", &shell, "-x", "shenzhen-dash"])
        .stdout(Stdio::null())
        .status()
        .expect("pgrep runs")
        .success()
}

/// `count` window sizes from 1×1 to 250×80: the four corners and the minimum-size boundary
/// first, then a fixed pseudo-random walk (the same every run, so a failure reproduces).
fn storm_sizes(count: usize) -> Vec<(u16, u16)> {
    let mut sizes = vec![
        (1, 1),
        (250, 80),
        (1, 80),
        (250, 1),
        (50, 15),
        (49, 15),
        (50, 14),
        (2, 2),
    ];
    let mut state: u64 = 0x5eed_cafe_f00d_d00d;
    let mut next = |bound: u64| {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % bound
    };
    while sizes.len() < count {
        sizes.push((1 + next(250) as u16, 1 + next(80) as u16));
    }
    sizes
}

/// What the dashboard must show after these key presses at this size, rendered headlessly.
fn expected_frame(keys: &[Action], (width, height): (u16, u16)) -> String {
    let mut app = App::new(Dataset::embedded().expect("the embedded asset loads"));
    let now = Instant::now();
    for action in keys {
        app.update(*action, now);
    }
    assert!(!app.should_quit(), "the key sequence must not quit");
    to_text(&render(&app, width, height))
}

#[test]
fn a_resize_storm_with_keys_leaves_a_live_dashboard_that_fits_the_final_size() {
    let started = Instant::now();
    // Without NO_COLOR, whatever the test's environment, so the theme shows in colours.
    let tmux = Tmux::launch("storm", &["env", "-u", "NO_COLOR", BIN]);
    tmux.wait_for(
        "the first frame",
        |s| s.contains(" 1 Overview │ 2 GDP") && s.contains("Highlights"),
        TIMEOUT,
    );

    // Keys between batches of resizes, and the actions the dashboard maps them to. `?` then
    // Escape opens and closes the help; `t` switches to the light theme; `g` turns ASCII
    // glyphs on.
    let keys = [
        ("Right", Action::NextTab),
        ("Down", Action::NextYear),
        ("?", Action::ToggleHelp),
        ("Escape", Action::Back),
        ("t", Action::CycleTheme),
        ("g", Action::ToggleAscii),
    ];
    let sizes = storm_sizes(300);
    let batch = sizes.len().div_ceil(keys.len());
    let mut pressed = Vec::new();
    for (i, (chunk, (key, action))) in sizes.chunks(batch).zip(keys).enumerate() {
        // Each batch ends on an extreme size and the storm goes on only once the pane shows
        // exactly the frame the headless renderer draws for that size and the keys so far:
        // the dashboard keeps up mid-storm and survives the corners (resizes in a burst are
        // coalesced, so a size held only for a moment may never be drawn). Waiting also keeps
        // a key from being read together with the next one (Escape then `t` reads as Alt-t).
        let checkpoint = CHECKPOINTS[i % CHECKPOINTS.len()];
        let sizes: Vec<(String, String)> = chunk
            .iter()
            .chain([&checkpoint])
            .map(|(w, h)| (w.to_string(), h.to_string()))
            .collect();
        let mut args = Vec::new();
        for (w, h) in &sizes {
            args.extend(["resize-window", "-t", SESSION, "-x", w, "-y", h, ";"]);
        }
        args.pop();
        tmux.run(&args);
        let expected = expected_frame(&pressed, checkpoint);
        wait_while_running(
            &tmux,
            &format!(
                "the {}×{} frame after batch {i}:\n{}",
                checkpoint.0,
                checkpoint.1,
                framed(&expected)
            ),
            |s| trimmed_lines(s) == trimmed_lines(&expected),
        );
        tmux.send(key);
        pressed.push(action);
    }
    let (width, height) = (FINAL.0.to_string(), FINAL.1.to_string());
    tmux.run(&["resize-window", "-t", SESSION, "-x", &width, "-y", &height]);

    // The final frame: ASCII glyphs (from `g`), on the GDP tab (from Right), the cursor on
    // 2024 (from Down), no help.
    let screen = wait_while_running(&tmux, "the final frame in ASCII at 120×40", |s| {
        s.contains(" 1 Overview | 2 GDP") && s.contains("q quit") && !s.contains("any key closes")
    });
    assert_eq!(tmux.query("#{pane_dead}"), "0", "the pane died");
    assert!(
        binary_alive(&tmux),
        "shenzhen-dash is no longer running under the pane's shell; the screen:\n{}",
        framed(&screen)
    );
    assert_eq!(
        tmux.query("#{pane_width}x#{pane_height}"),
        format!("{width}x{height}")
    );
    check_final_frame(&tmux, &expected_frame(&pressed, FINAL));
    // `t` took effect too: the light theme paints a white (256-colour 231) background.
    let styled = tmux.run(&["capture-pane", "-p", "-e", "-t", SESSION]);
    let terminal = emulate(&styled, FINAL.1, FINAL.0);
    let screen = terminal.screen();
    let white = (0..FINAL.1)
        .flat_map(|y| (0..FINAL.0).map(move |x| (y, x)))
        .filter_map(|(y, x)| screen.cell(y, x))
        .any(|cell| cell.bgcolor() == vt100::Color::Idx(231));
    assert!(
        white,
        "no light-theme background after t; the screen with escapes:\n{styled}"
    );

    // Back to Unicode glyphs, then the same checks against the box-drawing frame.
    tmux.send("g");
    let screen = wait_while_running(&tmux, "the Unicode tab bar after g", |s| {
        s.contains(" 1 Overview │ 2 GDP") && s.contains("q quit")
    });
    pressed.push(Action::ToggleAscii);
    let expected = expected_frame(&pressed, FINAL);
    check_final_frame(&tmux, &expected);
    assert!(screen.contains("╭"), "{}", framed(&screen));

    // `q` quits with status 0 and leaves the terminal as it found it.
    tmux.send("q");
    let screen = tmux.wait_for("the program to exit", |s| s.contains(EXIT_MARKER), TIMEOUT);
    assert!(
        screen.contains("[e2e: exit status 0, tty modes restored]"),
        "{}",
        framed(&screen)
    );
    assert_eq!(
        tmux.query("#{pane_dead} #{alternate_on} #{cursor_flag}"),
        "0 0 1",
        "after q: the wrapper holds the pane, off the alternate screen, cursor visible"
    );
    tmux.send("C-j");
    assert_eq!(tmux.wait_for_exit_status(), 0);
    eprintln!(
        "resize storm: {} sizes, {} keys, {:?} in all",
        sizes.len() + CHECKPOINTS.len(),
        keys.len() + 2,
        started.elapsed()
    );
}

/// The pane holds exactly the frame the headless renderer draws for the same state and size:
/// 40 rows, no row wider than 120 columns, at least one (a border) exactly 120 wide, and not a
/// cell left over from an earlier size.
fn check_final_frame(tmux: &Tmux, expected: &str) {
    // The dashboard may still be drawing the last sizes; the frame must settle on this.
    let what = format!(
        "the frame to match the headless render of the same state:\n{}",
        framed(expected)
    );
    let screen = wait_while_running(tmux, &what, |s| trimmed_lines(s) == trimmed_lines(expected));
    let rows: Vec<&str> = screen.lines().collect();
    assert_eq!(rows.len(), usize::from(FINAL.1), "{}", framed(&screen));
    let widths: Vec<usize> = rows.iter().map(|row| row.width()).collect();
    assert!(
        widths.iter().all(|w| *w <= usize::from(FINAL.0)),
        "a row wider than {}: {widths:?}",
        FINAL.0
    );
    assert!(
        widths.contains(&usize::from(FINAL.0)),
        "no row spans the full width {}: {widths:?}\n{}",
        FINAL.0,
        framed(&screen)
    );
    assert!(
        rows[usize::from(FINAL.1) - 1].contains("q quit"),
        "the footer is not on the last row:\n{}",
        framed(&screen)
    );
}

fn trimmed_lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim_end).collect()
}
