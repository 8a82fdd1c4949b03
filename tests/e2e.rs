//! End to end: the real `shenzhen-dash` binary in a real pseudo-terminal.
//!
//! Each test starts its own tmux server (`tmux -L <socket> -f /dev/null`, so no user
//! configuration is read), runs the binary in a detached 100×30 window, types with `send-keys`
//! and reads the screen with `capture-pane`. Nothing sleeps for a fixed time: every step polls
//! the screen (or tmux's state) until what it expects is there, and on timeout fails with the
//! last screen it saw. The server is killed when the test ends, pass or fail.
//!
//! How the terminal's restoration is checked. tmux keeps a dead pane's `alternate_on`, but
//! reports `cursor_flag` 0 for every dead pane (tmux 3.3a, however the program left it), and
//! cannot see the tty's modes at all. So the binary runs under a small `sh` wrapper ([`WRAPPER`]) in the pane: it saves
//! `stty -g`, runs the binary, compares `stty -g` afterwards (raw mode left on changes it),
//! prints a marker line with the exit status, and then waits for a newline. While it waits, the
//! pane is alive and its modes are exactly what the binary left behind: `alternate_on` must be 0
//! and `cursor_flag` 1. Then the harness sends the newline, the wrapper exits with the binary's
//! status, and `pane_dead_status` must be 0. The harness's own test,
//! `harness_catches_a_program_that_leaves_the_terminal_dirty`, runs a shell command that
//! enters the alternate screen, hides the cursor, sets raw mode and exits 3, and checks that
//! every one of those is reported.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_shenzhen-dash");
const TMUX: &str = "tmux";
/// How long any one wait may take. Generous: a loaded CI machine is slow, and a passing test
/// never waits for the deadline.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);
const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;
const SESSION: &str = "e2e";

/// Runs its arguments as a program, then reports how it left the terminal and waits for a
/// newline before exiting with the program's status. `$before` is empty only if `stty` failed,
/// which must not pass for "restored". (tmux takes an argument ending in `;` as a command
/// separator, so the script must not end with one.)
const WRAPPER: &str = r#"before=$(stty -g)
"$@"
status=$?
after=$(stty -g)
if [ -n "$before" ] && [ "$before" = "$after" ]; then tty=restored; else tty=changed; fi
printf '\n[e2e: exit status %d, tty modes %s]\n' "$status" "$tty"
read -r _
exit "$status""#;
const EXIT_MARKER: &str = "[e2e: exit status ";

/// How a program left the terminal: what a user would find after it exits.
#[derive(Debug, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent observations, compared as a whole"
)]
struct Ending {
    /// As seen by the wrapper.
    exit_status: i32,
    /// As tmux reports it once the pane is dead (the wrapper exits with the program's status).
    pane_dead_status: i32,
    /// `stty -g` is the same after the program as before it: raw mode was left.
    tty_modes_restored: bool,
    alternate_screen: bool,
    cursor_visible: bool,
    /// The dashboard's tab bar is still on the screen the user returns to.
    dashboard_still_visible: bool,
}

const CLEAN: Ending = Ending {
    exit_status: 0,
    pane_dead_status: 0,
    tty_modes_restored: true,
    alternate_screen: false,
    cursor_visible: true,
    dashboard_still_visible: false,
};

/// A private tmux server running one program in one pane. Dropping it kills the server.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a server named after the test and runs `program` (under [`WRAPPER`]) in a detached
    /// `WIDTH`×`HEIGHT` window. `remain-on-exit` is set in the same tmux invocation, before the
    /// session exists, so the pane outlives the program however fast it exits.
    fn launch(test: &str, program: &[&str]) -> Tmux {
        require_tmux();
        let tmux = Tmux {
            socket: format!("shenzhen-dash-e2e-{}-{test}", std::process::id()),
        };
        let (width, height) = (WIDTH.to_string(), HEIGHT.to_string());
        let mut args = vec!["set-option", "-g", "remain-on-exit", "on", ";"];
        args.extend([
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &width,
            "-y",
            &height,
        ]);
        args.extend(["--", "sh", "-c", WRAPPER, "sh"]);
        args.extend_from_slice(program);
        tmux.run(&args);
        assert_eq!(
            tmux.query("#{pane_width}x#{pane_height}"),
            format!("{WIDTH}x{HEIGHT}"),
            "the pane does not have the size asked for"
        );
        tmux
    }

    /// Runs one tmux command against this server and returns its standard output.
    fn run(&self, args: &[&str]) -> String {
        let output = Command::new(TMUX)
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|err| panic!("cannot run {TMUX} {args:?}: {err}"));
        assert!(
            output.status.success(),
            "{TMUX} {args:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
    }

    /// Expands a tmux format for the pane, e.g. `#{pane_dead}`.
    fn query(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim_end()
            .to_owned()
    }

    /// Types keys in tmux's `send-keys` notation: `Right`, `Escape`, `C-c`, `q`.
    fn send(&self, key: &str) {
        self.run(&["send-keys", "-t", SESSION, key]);
    }

    /// Polls the screen until `ready` accepts it and returns that screen. Fails early if the
    /// program has exited, and after `timeout` with the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                !screen.contains(EXIT_MARKER),
                "the program exited while waiting for {what}; the screen:\n{}",
                framed(&screen)
            );
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}; the last screen:\n{}",
                framed(&screen)
            );
            sleep(POLL);
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(
            &format!("{text:?}"),
            |screen| screen.contains(text),
            TIMEOUT,
        )
    }

    fn wait_for_first_frame(&self) {
        self.wait_for("the first frame", on_overview, TIMEOUT);
    }

    /// Waits until the pane is dead and tmux knows how its process ended; returns the status.
    fn wait_for_exit_status(&self) -> i32 {
        let format = "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}";
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let value = self.query(format);
            match value.split('|').collect::<Vec<_>>()[..] {
                // The pty has closed but tmux has not reaped the process. Usually that takes a
                // moment. But tmux linked with libutempter (Debian's is) closes a pane's pty
                // with `utempter_remove_record`, which installs its own SIGCHLD handler while it
                // runs; a SIGCHLD that arrives then is lost (tmux/tmux#311), the process stays
                // a zombie and the status never comes: about one run in ten, here. Another
                // SIGCHLD makes tmux reap it.
                ["1", "", ""] => self.nudge(),
                ["1", "", signal] => panic!("the pane's process was killed by signal {signal}"),
                ["1", status, _] => {
                    return status
                        .parse()
                        .unwrap_or_else(|_| panic!("pane_dead_status is {status:?}"));
                }
                _ => {}
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for the pane to die ({format} is \
                 {value:?}); the screen:\n{}",
                framed(&self.screen())
            );
            sleep(POLL);
        }
    }

    /// Sends SIGCHLD to this test's tmux server, so that it reaps an exited child.
    fn nudge(&self) {
        let server = self.query("#{pid}");
        let status = Command::new("sh")
            .args(["-c", r#"kill -s CHLD "$1""#, "sh", &server])
            .status()
            .expect("sh runs");
        assert!(status.success(), "cannot signal the tmux server {server}");
    }

    /// Presses `key` and reports how the program left the terminal.
    fn quit_with(&self, key: &str) -> Ending {
        self.send(key);
        self.ending()
    }

    /// Waits for the program to exit, reads the terminal's state while the wrapper holds the
    /// pane open, then lets the wrapper exit and reads the pane's exit status.
    fn ending(&self) -> Ending {
        let screen = self.wait_for("the program to exit", |s| s.contains(EXIT_MARKER), TIMEOUT);
        let (exit_status, tty_modes_restored) = parse_marker(&screen);
        let state = self.query("#{pane_dead} #{alternate_on} #{cursor_flag}");
        let flags: Vec<&str> = state.split(' ').collect();
        assert_eq!(
            flags[0], "0",
            "the wrapper should still hold the pane open (pane_dead alternate_on cursor_flag: \
             {state})"
        );
        // A newline ends the wrapper's `read` whether or not the tty was left in raw mode.
        self.send("C-j");
        let pane_dead_status = self.wait_for_exit_status();
        Ending {
            exit_status,
            pane_dead_status,
            tty_modes_restored,
            alternate_screen: flags[1] == "1",
            cursor_visible: flags[2] == "1",
            dashboard_still_visible: screen.contains("1 Overview"),
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Errors are ignored: the server may never have started, and a panic here would hide
        // the test's own failure.
        let tmux = |args: &[&str]| {
            Command::new(TMUX)
                .args(["-L", &self.socket, "-f", "/dev/null"])
                .args(args)
                .env_remove("TMUX")
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
        };
        let socket = tmux(&["display-message", "-p", "#{socket_path}"])
            .ok()
            .filter(|output| output.status.success())
            .map(|output| {
                String::from_utf8_lossy(&output.stdout)
                    .trim_end()
                    .to_owned()
            });
        let _ = tmux(&["kill-server"]);
        // tmux 3.3 leaves the socket file behind.
        if let Some(socket) = socket.filter(|path| !path.is_empty()) {
            let _ = std::fs::remove_file(socket);
        }
    }
}

/// Fails with a clear message if tmux cannot run: the tests must not pass without it.
fn require_tmux() {
    match Command::new(TMUX).arg("-V").output() {
        Ok(output) if output.status.success() => {}
        Ok(output) => panic!(
            "`{TMUX} -V` failed ({}): {}; the end-to-end tests need tmux",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(err) => panic!(
            "cannot run `{TMUX}` ({err}); the end-to-end tests need tmux on PATH \
             (e.g. `apt-get install tmux`)"
        ),
    }
}

/// The wrapper's marker line: the exit status and whether the tty's modes came back.
fn parse_marker(screen: &str) -> (i32, bool) {
    let line = screen
        .lines()
        .find_map(|line| line.trim().strip_prefix(EXIT_MARKER))
        .expect("the screen has the marker line");
    let (status, rest) = line
        .split_once(", tty modes ")
        .unwrap_or_else(|| panic!("malformed marker line: {line:?}"));
    let status = status
        .parse()
        .unwrap_or_else(|_| panic!("malformed exit status in {line:?}"));
    (status, rest == "restored]")
}

fn framed(screen: &str) -> String {
    let rule = "─".repeat(usize::from(WIDTH));
    format!("{rule}\n{}\n{rule}", screen.trim_end())
}

fn on_overview(screen: &str) -> bool {
    screen.contains("1 Overview") && screen.contains("Highlights")
}

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

#[test]
fn esc_quits_and_restores_the_terminal() {
    let tmux = Tmux::launch("esc", &[BIN]);
    tmux.wait_for_first_frame();
    assert_eq!(tmux.quit_with("Escape"), CLEAN);
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

/// A panic restores the terminal and explains itself in one readable line.
#[test]
fn a_panic_restores_the_terminal_and_says_it_is_a_bug() {
    let tmux = Tmux::launch("panic", &["env", "SHENZHEN_DASH_TEST_PANIC=1", BIN]);
    let screen = tmux.wait_for_text("This is a bug. The terminal has been restored.");
    assert!(
        screen.contains("shenzhen-dash: internal error: panic requested"),
        "{}",
        framed(&screen)
    );
    assert!(!screen.contains("RUST_BACKTRACE"), "{}", framed(&screen));
    let ending = tmux.ending();
    assert_eq!(
        ending,
        Ending {
            exit_status: 101,
            pane_dead_status: 101,
            ..CLEAN
        }
    );
}

/// The harness's own check: a program that leaves the terminal dirty must be reported as such,
/// or `CLEAN` above would prove nothing.
#[test]
fn harness_catches_a_program_that_leaves_the_terminal_dirty() {
    let careless = r"printf '\033[?1049h\033[?25l 1 Overview'; stty raw -echo; exit 3";
    let tmux = Tmux::launch("harness", &["sh", "-c", careless]);
    assert_eq!(
        tmux.ending(),
        Ending {
            exit_status: 3,
            pane_dead_status: 3,
            tty_modes_restored: false,
            alternate_screen: true,
            cursor_visible: false,
            dashboard_still_visible: true,
        }
    );
}

/// Runs the binary with every stream piped (stdin empty) and returns its status and output.
/// Fails if it does not exit within `TIMEOUT`: it must never wait for input here.
fn run_piped(args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the binary") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the binary did not exit within {TIMEOUT:?} with its output piped");
        }
        sleep(POLL);
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    let mut out = child.stdout.take().expect("stdout is piped");
    let mut err = child.stderr.take().expect("stderr is piped");
    out.read_to_string(&mut stdout).expect("stdout is UTF-8");
    err.read_to_string(&mut stderr).expect("stderr is UTF-8");
    (status.code(), stdout, stderr)
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
    let missing: PathBuf = std::env::temp_dir().join(format!(
        "shenzhen-dash-e2e-{}-no-such-file.json",
        std::process::id()
    ));
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
