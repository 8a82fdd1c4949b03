//! End to end: the real `shenzhen-dash` binary in a real pseudo-terminal, driven through tmux by
//! the harness in `tests/it/support/tmux.rs` (see there for how it works and how the terminal's
//! restoration is checked); and the binary with every stream piped, where it must not wait for
//! a terminal.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use std::process::Command;
use std::time::Instant;

use crate::support::tmux::{
    BIN, CLEAN, Ending, HEIGHT, SESSION, TIMEOUT, Tmux, WIDTH, framed, on_overview,
};
use crate::support::{self, dashboard, emulate};

/// The GDP tab; its chart's title may be shortened with "…" at narrow widths.
fn on_gdp(screen: &str) -> bool {
    screen.contains("Nominal GDP") && !screen.contains("Highlights")
}

/// The R&D tab. The overview also has an "R&D intensity" tile, hence the other checks.
fn on_rd(screen: &str) -> bool {
    screen.contains("R&D intensity")
        && !screen.contains("Highlights")
        && !screen.contains("Nominal GDP")
}

#[test]
fn arrows_and_digits_switch_tabs_and_q_restores_the_terminal() {
    let tmux = Tmux::launch("main_flow", &[BIN]);
    tmux.wait_for_first_frame();
    assert_eq!(
        tmux.query("#{alternate_on} #{cursor_flag}"),
        "1 0",
        "while running, the dashboard should be on the alternate screen with the cursor hidden"
    );

    tmux.send("Right");
    tmux.wait_for("the GDP tab after Right", on_gdp, TIMEOUT);
    tmux.send("Right");
    tmux.wait_for("the R&D tab after Right", on_rd, TIMEOUT);
    tmux.send("Left");
    tmux.wait_for("the GDP tab after Left", on_gdp, TIMEOUT);
    tmux.send("3");
    tmux.wait_for("the R&D tab after 3", on_rd, TIMEOUT);

    assert_eq!(tmux.quit_with("q"), CLEAN);
}

/// Every key a presentation clicker sends, in the order a nervous speaker might press them.
const CLICKER: [&str; 8] = [
    "PageUp", "PageDown", "F5", "S-F5", "Escape", ".", "b", "Tab",
];

#[test]
fn no_clicker_key_ends_the_demo_and_q_quits() {
    let tmux = Tmux::launch("clicker", &[BIN]);
    tmux.wait_for_first_frame();

    // The blank button leaves nothing on the screen; the next key only brings it back.
    tmux.send("b");
    tmux.wait_for("a blank screen", |s| s.trim().is_empty(), TIMEOUT);
    tmux.send("Escape");
    tmux.wait_for("the overview back after Esc", on_overview, TIMEOUT);

    // F5 and Shift-F5 do nothing at all, not even close the help, which any other key does.
    // The blank button after them proves they were read; Esc brings back what it covered:
    // the help, still open.
    tmux.send("?");
    tmux.wait_for_text("any key closes");
    tmux.run(&["send-keys", "-t", SESSION, "F5", "S-F5", "F5", "b"]);
    tmux.wait_for(
        "a blank screen over the help",
        |s| s.trim().is_empty(),
        TIMEOUT,
    );
    tmux.send("Escape");
    tmux.wait_for_text("any key closes");
    tmux.send("x");
    tmux.wait_for(
        "the help to close",
        |s| on_overview(s) && !s.contains("any key closes"),
        TIMEOUT,
    );

    // Every clicker key, many times over, in one burst: tmux types them as fast as it can.
    let mut storm = vec!["send-keys", "-t", SESSION];
    for _ in 0..40 {
        storm.extend(CLICKER);
    }
    tmux.run(&storm);

    // Still running, and answering keys: whatever the burst left (a blank screen, some tab),
    // the first `3` brings the picture back or shows the R&D tab, the second shows it for
    // sure, and ↓ puts the cursor on its last year.
    tmux.send("3");
    tmux.wait_for_text("1 Overview");
    tmux.send("3");
    tmux.wait_for("the R&D tab after the clicker keys", on_rd, TIMEOUT);
    tmux.send("Down");
    tmux.wait_for_text("Shenzhen R&D intensity: 6.67%");

    assert_eq!(tmux.quit_with("q"), CLEAN);
}

#[test]
fn f_focuses_one_chart_and_esc_returns_to_the_tab() {
    let tmux = Tmux::launch("focus", &[BIN, "--tab", "rd"]);
    tmux.wait_for("the R&D tab", on_rd, TIMEOUT);
    tmux.send("f");
    tmux.wait_for(
        "the R&D intensity chart alone",
        |s| s.contains("chart 1/2") && !s.contains("R&D spending"),
        TIMEOUT,
    );
    tmux.send("Escape");
    tmux.wait_for(
        "the whole tab after Esc",
        |s| on_rd(s) && s.contains("R&D spending"),
        TIMEOUT,
    );
    assert_eq!(tmux.quit_with("q"), CLEAN);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let tmux = Tmux::launch("ctrl_c", &[BIN]);
    tmux.wait_for_first_frame();
    // Raw mode turns off the tty's signal keys, so this is a key press, not SIGINT (which
    // would end the program with status 130 and the terminal unrestored).
    assert_eq!(tmux.quit_with("C-c"), CLEAN);
}

#[test]
fn shrinking_below_the_minimum_asks_for_room_and_growing_redraws() {
    let tmux = Tmux::launch("resize", &[BIN]);
    tmux.wait_for_first_frame();

    tmux.run(&["resize-window", "-t", SESSION, "-x", "40", "-y", "10"]);
    let screen = tmux.wait_for_text("terminal too small");
    assert!(screen.contains("have 40×10"), "{}", framed(&screen));
    assert!(!screen.contains("1 Overview"), "{}", framed(&screen));

    let (width, height) = (WIDTH.to_string(), HEIGHT.to_string());
    tmux.run(&["resize-window", "-t", SESSION, "-x", &width, "-y", &height]);
    tmux.wait_for("the dashboard again", on_overview, TIMEOUT);

    assert_eq!(tmux.quit_with("q"), CLEAN);
}

#[test]
fn help_opens_and_closes_and_the_year_cursor_moves_the_readout() {
    let tmux = Tmux::launch("presenter", &[BIN, "--tab", "rd"]);
    tmux.wait_for("the R&D tab", on_rd, TIMEOUT);

    tmux.send("?");
    tmux.wait_for_text("any key closes");
    tmux.send("x");
    tmux.wait_for(
        "the help to close",
        |s| on_rd(s) && !s.contains("any key closes"),
        TIMEOUT,
    );

    tmux.send("Down");
    tmux.wait_for_text("Shenzhen R&D intensity: 6.67%");
    tmux.send("Up");
    let screen = tmux.wait_for_text("Shenzhen R&D intensity: 6.46% † derived");
    assert!(screen.contains(" 2023 "), "{}", framed(&screen));

    assert_eq!(tmux.quit_with("q"), CLEAN);
}

/// Mouse reports as the terminal sends them with SGR mouse mode on (which the app enables):
/// a left click on row 1, column 16 (the "2 GDP" title), then the wheel turning down.
#[test]
fn a_click_selects_a_tab_and_the_wheel_moves_the_year_cursor() {
    let tmux = Tmux::launch("mouse", &[BIN]);
    tmux.wait_for_first_frame();
    tmux.run(&["send-keys", "-t", SESSION, "-l", "\x1b[<0;16;1M"]);
    tmux.wait_for("the GDP tab after a click on its title", on_gdp, TIMEOUT);
    tmux.run(&["send-keys", "-t", SESSION, "-l", "\x1b[<65;40;10M"]);
    tmux.wait_for_text("Shenzhen GDP, first published: 3,873.18 bn CNY");
    assert_eq!(tmux.quit_with("q"), CLEAN);
}

#[test]
fn autoplay_changes_tab_without_input() {
    let tmux = Tmux::launch("autoplay", &[BIN, "--autoplay", "1"]);
    tmux.wait_for_first_frame();
    tmux.wait_for_text("next tab in");
    tmux.wait_for("autoplay to show the GDP tab", on_gdp, TIMEOUT);
    tmux.send("Space");
    tmux.wait_for_text("paused");
    assert_eq!(tmux.quit_with("q"), CLEAN);
}

/// `SIGTERM` (and `SIGHUP`, `SIGINT` from outside) end the program with 128 + the signal, and
/// the terminal restored first.
#[test]
fn termination_signals_restore_the_terminal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let tmux = Tmux::launch(&format!("signal_{signal}"), &[BIN]);
        tmux.wait_for_first_frame();
        let shell = tmux.query("#{pane_pid}");
        let status = Command::new("pkill")
            .args([&format!("-{signal}"), "-P", &shell, "-x", "shenzhen-dash"])
            .status()
            .expect("pkill runs");
        assert!(
            status.success(),
            "no shenzhen-dash under the pane's shell {shell}"
        );
        let ending = tmux.ending();
        assert_eq!(
            ending,
            Ending {
                exit_status: 128 + number,
                pane_dead_status: 128 + number,
                ..CLEAN
            },
            "SIG{signal}"
        );
    }
}

/// A panic restores the terminal, lets Rust's own report through (a backtrace too, when
/// `RUST_BACKTRACE=1` asks for one) and ends with one readable line saying it is a bug. The
/// trigger exists only in builds with debug assertions, as `cargo test` makes.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_says_it_is_a_bug() {
    for backtrace in ["0", "1"] {
        let program = [
            "env",
            "SHENZHEN_DASH_TEST_PANIC=1",
            &format!("RUST_BACKTRACE={backtrace}"),
            BIN,
        ];
        let tmux = Tmux::launch(&format!("panic_{backtrace}"), &program);
        let screen = tmux.wait_for_text("This is a bug. The terminal has been restored.");
        assert!(
            screen.contains("shenzhen-dash: internal error: panic requested"),
            "{}",
            framed(&screen)
        );
        let history = tmux.run(&["capture-pane", "-p", "-S", "-", "-t", SESSION]);
        assert_eq!(
            history.contains("stack backtrace:"),
            backtrace == "1",
            "RUST_BACKTRACE={backtrace}:\n{history}"
        );
        let ending = tmux.ending();
        assert_eq!(
            ending,
            Ending {
                exit_status: 101,
                pane_dead_status: 101,
                ..CLEAN
            },
            "RUST_BACKTRACE={backtrace}"
        );
    }
}

/// The harness's own check: a program that leaves the terminal dirty must be reported as such,
/// or `CLEAN` above would prove nothing.
#[test]
fn harness_catches_a_program_that_leaves_the_terminal_dirty() {
    let careless = r"printf '\033[?1049h\033[?25l\033[?1003h 1 Overview'; stty raw -echo; exit 3";
    let tmux = Tmux::launch("harness", &["sh", "-c", careless]);
    assert_eq!(
        tmux.ending(),
        Ending {
            exit_status: 3,
            pane_dead_status: 3,
            tty_modes_restored: false,
            alternate_screen: true,
            cursor_visible: false,
            mouse_captured: true,
            dashboard_still_visible: true,
        }
    );
}

/// Runs the binary with every stream piped (stdin empty) and returns its status and output.
/// Fails if it does not exit within `support::TIMEOUT`: it must never wait for input here.
fn run_piped(args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = dashboard(args);
    let started = Instant::now();
    let output = command.output().expect("the binary starts");
    assert!(
        started.elapsed() < support::TIMEOUT,
        "the binary did not exit within {:?} with its output piped",
        support::TIMEOUT
    );
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

#[test]
fn without_a_terminal_it_exits_2_and_says_why() {
    let (code, stdout, stderr) = run_piped(&[]);
    assert_eq!(code, Some(2), "stderr: {stderr}");
    assert_eq!(stdout, "", "nothing may be drawn on a pipe");
    assert!(stderr.contains("not a terminal"), "stderr: {stderr:?}");
    assert!(
        !stderr.contains('\x1b'),
        "escape codes on stderr: {stderr:?}"
    );
}

#[test]
fn a_missing_data_file_exits_1_with_one_line_naming_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let missing = dir.path().join("no-such-file.json");
    assert!(!missing.exists());
    let path = missing.to_str().expect("the temp dir is UTF-8");
    let (code, stdout, stderr) = run_piped(&["--data", path]);
    assert_eq!(code, Some(1), "stderr: {stderr}");
    assert_eq!(stdout, "");
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr:?}");
    assert!(stderr.ends_with('\n'), "stderr: {stderr:?}");
    assert!(stderr.contains(path), "stderr: {stderr:?}");
    assert!(
        !stderr.contains('\x1b'),
        "escape codes on stderr: {stderr:?}"
    );
}

/// `snapshot` of one tab at the pane's size, in the given format and theme, with 256 colours
/// as the dashboard uses in tmux here.
fn snapshot(theme: &str, tab: usize, format: &str) -> String {
    let size = format!("{WIDTH}x{HEIGHT}");
    let tab = tab.to_string();
    let output = dashboard(&["snapshot", "--theme", theme, "--size", &size, "--tab", &tab])
        .args(["--format", format])
        .output()
        .expect("the binary starts");
    assert!(output.status.success(), "snapshot failed");
    String::from_utf8(output.stdout).expect("snapshots are UTF-8")
}

/// The text of a screen with the spaces at the ends of its lines dropped, as tmux shows it.
fn trimmed(screen: &str) -> String {
    screen
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_owned()
}

/// The first cell whose look differs: its text, background, reverse and underline, and for
/// anything but a space (which has no ink) its colour and weight.
fn first_difference(shown: &vt100::Screen, meant: &vt100::Screen) -> Option<String> {
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            let look = |screen: &vt100::Screen| {
                let cell = screen.cell(y, x)?;
                let text = match cell.contents() {
                    "" => " ",
                    text => text,
                };
                let ink = (text != " ").then(|| (cell.fgcolor(), cell.bold(), cell.dim()));
                Some(format!(
                    "{text:?} bg {:?} reverse {} underline {} ink {ink:?}",
                    cell.bgcolor(),
                    cell.inverse(),
                    cell.underline()
                ))
            };
            let (a, b) = (look(shown), look(meant));
            if a != b {
                return Some(format!("at ({x}, {y}): shown {a:?}, meant {b:?}"));
            }
        }
    }
    None
}

/// After a tour of every tab and the sources overlay, the real terminal shows what `snapshot`
/// renders, colours included: drawing only the cells that changed from one frame to the next
/// changes no cell's look, whatever was on screen before.
#[test]
fn after_a_tour_the_terminal_shows_the_snapshot_colours_and_all() {
    for theme in ["dark", "light"] {
        let program = [
            "env",
            "-u",
            "COLORTERM",
            "-u",
            "NO_COLOR",
            BIN,
            "--theme",
            theme,
        ];
        let tmux = Tmux::launch(&format!("looks_{theme}"), &program);
        tmux.wait_for_first_frame();
        // Seven tabs: eight steps visit each and end on the second, GDP.
        for tab in [2, 3, 4, 5, 6, 7, 1, 2] {
            let text = trimmed(&snapshot(theme, tab, "text"));
            tmux.send("Right");
            tmux.wait_for(&format!("tab {tab}"), |s| trimmed(s) == text, TIMEOUT);
        }
        let gdp = trimmed(&snapshot(theme, 2, "text"));
        tmux.send("s");
        tmux.wait_for("the sources overlay", |s| trimmed(s) != gdp, TIMEOUT);
        tmux.send("Escape");
        tmux.wait_for("GDP again", |s| trimmed(s) == gdp, TIMEOUT);

        let shown = tmux.run(&["capture-pane", "-p", "-e", "-N", "-t", SESSION]);
        let meant = snapshot(theme, 2, "ansi");
        let difference = first_difference(
            emulate(&shown, HEIGHT, WIDTH).screen(),
            emulate(&meant, HEIGHT, WIDTH).screen(),
        );
        assert_eq!(difference, None, "theme {theme}");
        assert_eq!(tmux.quit_with("q"), CLEAN);
    }
}

#[test]
fn a_png_is_not_written_to_a_terminal() {
    let tmux = Tmux::launch("png_to_terminal", &[BIN, "snapshot", "--format", "png"]);
    let screen = tmux.wait_for_text("stdout is a terminal");
    assert!(
        screen.contains(
            "shenzhen-dash: stdout is a terminal: write the PNG to a file (> frame.png or \
             --output FILE)\n"
        ),
        "{}",
        framed(&screen)
    );
    assert!(
        !screen.contains("PNG\r") && !screen.contains("IHDR"),
        "{}",
        framed(&screen)
    );
    let ending = tmux.ending();
    assert_eq!(ending.exit_status, 2);
    assert!(ending.tty_modes_restored);
}
