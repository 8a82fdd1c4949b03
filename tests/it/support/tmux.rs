//! The tmux harness of `tests/it/e2e.rs` and `tests/it/e2e_storm.rs`: the real `shenzhen-dash`
//! binary in a real pseudo-terminal.
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
//! `harness_catches_a_program_that_leaves_the_terminal_dirty` in `tests/it/e2e.rs`, runs a shell
//! command that enters the alternate screen, hides the cursor, sets raw mode and exits 3, and
//! checks that every one of those is reported.

// Shared between test crates that each use only part of it: what one leaves unused is not dead.
#![allow(dead_code)]
#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

pub const BIN: &str = env!("CARGO_BIN_EXE_shenzhen-dash");
pub const TMUX: &str = "tmux";
/// How long any one wait may take. Generous: a loaded CI machine is slow, and a passing test
/// never waits for the deadline.
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(20);
/// The window every test starts in.
pub const WIDTH: u16 = 100;
pub const HEIGHT: u16 = 30;
/// The one session of each test's private server: the target of every command.
pub const SESSION: &str = "e2e";

/// Runs its arguments as a program, then reports how it left the terminal and waits for a
/// newline before exiting with the program's status. `$before` is empty only if `stty` failed,
/// which must not pass for "restored". (tmux takes an argument ending in `;` as a command
/// separator, so the script must not end with one.)
pub const WRAPPER: &str = r#"before=$(stty -g)
"$@"
status=$?
after=$(stty -g)
if [ -n "$before" ] && [ "$before" = "$after" ]; then tty=restored; else tty=changed; fi
printf '\n[e2e: exit status %d, tty modes %s]\n' "$status" "$tty"
read -r _
exit "$status""#;
pub const EXIT_MARKER: &str = "[e2e: exit status ";

/// A failed tmux command is named in full, unless it is a long chain of commands (the resize
/// storm sends hundreds in one invocation): then by its first word and its length.
const ARGS_SHOWN: usize = 32;

/// How a program left the terminal: what a user would find after it exits.
#[derive(Debug, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent observations, compared as a whole"
)]
pub struct Ending {
    /// As seen by the wrapper.
    pub exit_status: i32,
    /// As tmux reports it once the pane is dead (the wrapper exits with the program's status).
    pub pane_dead_status: i32,
    /// `stty -g` is the same after the program as before it: raw mode was left.
    pub tty_modes_restored: bool,
    pub alternate_screen: bool,
    pub cursor_visible: bool,
    /// The terminal still reports mouse events to the program (mouse capture was left on).
    pub mouse_captured: bool,
    /// The dashboard's tab bar is still on the screen the user returns to.
    pub dashboard_still_visible: bool,
}

pub const CLEAN: Ending = Ending {
    exit_status: 0,
    pane_dead_status: 0,
    tty_modes_restored: true,
    alternate_screen: false,
    cursor_visible: true,
    mouse_captured: false,
    dashboard_still_visible: false,
};

/// A private tmux server running one program in one pane. Dropping it kills the server.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a server named after the test and runs `program` (under [`WRAPPER`]) in a detached
    /// `WIDTH`×`HEIGHT` window. `remain-on-exit` is set in the same tmux invocation, before the
    /// session exists, so the pane outlives the program however fast it exits.
    pub fn launch(test: &str, program: &[&str]) -> Tmux {
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

    /// Runs one tmux command (or a `;`-separated chain) against this server and returns its
    /// standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let output = Command::new(TMUX)
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|err| panic!("cannot run {TMUX} {args:?}: {err}"));
        assert!(
            output.status.success(),
            "{TMUX} {} failed ({}): {}",
            if args.len() <= ARGS_SHOWN {
                format!("{args:?}")
            } else {
                format!(
                    "{} … ({} arguments)",
                    args.first().copied().unwrap_or_default(),
                    args.len()
                )
            },
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.screen_of(SESSION)
    }

    /// The screen of another session of this server (see [`Tmux::open`]).
    pub fn screen_of(&self, session: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", session])
    }

    /// Runs `program` (under [`WRAPPER`]) in another detached `WIDTH`×`HEIGHT` session of this
    /// server, named `session`: a second terminal beside the first.
    pub fn open(&self, session: &str, program: &[&str]) {
        let (width, height) = (WIDTH.to_string(), HEIGHT.to_string());
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &width,
            "-y",
            &height,
        ];
        args.extend(["--", "sh", "-c", WRAPPER, "sh"]);
        args.extend_from_slice(program);
        self.run(&args);
    }

    /// Expands a tmux format for the pane, e.g. `#{pane_dead}`.
    pub fn query(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim_end()
            .to_owned()
    }

    /// Types keys in tmux's `send-keys` notation: `Right`, `Escape`, `C-c`, `q`.
    pub fn send(&self, key: &str) {
        self.send_to(SESSION, key);
    }

    /// [`Tmux::send`], to another session of this server.
    pub fn send_to(&self, session: &str, key: &str) {
        self.run(&["send-keys", "-t", session, key]);
    }

    /// Polls the screen until `ready` accepts it and returns that screen. Fails early if the
    /// program has exited, and after `timeout` with the last screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool, timeout: Duration) -> String {
        self.poll(what, ready, timeout, |_| {})
    }

    /// [`Tmux::wait_for`], which also passes every screen that is not yet ready (and has no
    /// exit marker) to `check` before looking at the clock: a caller's own way to fail early.
    pub fn poll(
        &self,
        what: &str,
        ready: impl Fn(&str) -> bool,
        timeout: Duration,
        check: impl Fn(&str),
    ) -> String {
        self.poll_in(SESSION, what, ready, timeout, check)
    }

    /// [`Tmux::wait_for`], in another session of this server.
    pub fn wait_in(&self, session: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.poll_in(session, what, ready, TIMEOUT, |_| {})
    }

    /// [`Tmux::poll`], in `session`.
    pub fn poll_in(
        &self,
        session: &str,
        what: &str,
        ready: impl Fn(&str) -> bool,
        timeout: Duration,
        check: impl Fn(&str),
    ) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen_of(session);
            if ready(&screen) {
                return screen;
            }
            assert!(
                !screen.contains(EXIT_MARKER),
                "the program exited while waiting for {what}; the screen:\n{}",
                framed(&screen)
            );
            check(&screen);
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}; the last screen:\n{}",
                framed(&screen)
            );
            sleep(POLL);
        }
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(
            &format!("{text:?}"),
            |screen| screen.contains(text),
            TIMEOUT,
        )
    }

    pub fn wait_for_first_frame(&self) {
        self.wait_for("the first frame", on_overview, TIMEOUT);
    }

    /// Waits until the pane is dead and tmux knows how its process ended; returns the status.
    pub fn wait_for_exit_status(&self) -> i32 {
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
    pub fn nudge(&self) {
        let server = self.query("#{pid}");
        let status = Command::new("sh")
            .args(["-c", r#"kill -s CHLD "$1""#, "sh", &server])
            .status()
            .expect("sh runs");
        assert!(status.success(), "cannot signal the tmux server {server}");
    }

    /// Presses `key` and reports how the program left the terminal.
    pub fn quit_with(&self, key: &str) -> Ending {
        self.send(key);
        self.ending()
    }

    /// Waits for the program to exit, reads the terminal's state while the wrapper holds the
    /// pane open, then lets the wrapper exit and reads the pane's exit status.
    pub fn ending(&self) -> Ending {
        let screen = self.wait_for("the program to exit", |s| s.contains(EXIT_MARKER), TIMEOUT);
        let (exit_status, tty_modes_restored) = parse_marker(&screen);
        let state = self.query("#{pane_dead} #{alternate_on} #{cursor_flag} #{mouse_any_flag}");
        let flags: Vec<&str> = state.split(' ').collect();
        assert_eq!(
            flags[0], "0",
            "the wrapper should still hold the pane open (pane_dead alternate_on cursor_flag \
             mouse_any_flag: {state})"
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
            mouse_captured: flags[3] == "1",
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
pub fn require_tmux() {
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
pub fn parse_marker(screen: &str) -> (i32, bool) {
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

/// A screen between two rules, for a failure message. The rules are as wide as the starting
/// window, or as the widest line if the window has grown (the storm goes up to 250 columns).
pub fn framed(screen: &str) -> String {
    let screen = screen.trim_end();
    let width = screen
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .max(usize::from(WIDTH));
    let rule = "─".repeat(width);
    format!("{rule}\n{screen}\n{rule}")
}

/// The dashboard's first tab, as it first appears.
pub fn on_overview(screen: &str) -> bool {
    screen.contains("1 Overview") && screen.contains("Highlights")
}
