//! One program on one pseudo-terminal, and the measurements of one run.
//!
//! A thread reads the pty master and timestamps every read as it returns; another waits for
//! the exit. The main thread feeds the bytes to a `vt100` screen only once the program has
//! been silent for `quiet` (parsing never delays a timestamp), then checks the screen for
//! what it waits for: the first frame's marker, or the next tab selected in the tab bar.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, ChildKiller, CommandBuilder, ExitStatus, MasterPty, PtySize};

use crate::{Result, procfs, reference};

const RIGHT: &[u8] = b"\x1b[C";
const QUIT: &[u8] = b"q";
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

pub struct Program {
    pub name: &'static str,
    pub path: PathBuf,
    /// Text on the first frame's screen, drawn last or nearly so.
    pub marker: &'static str,
}

#[derive(Clone, Copy)]
pub struct Options {
    /// `→` presses per run.
    pub keys: usize,
    /// The quiet interval after the first frame (zero: none).
    pub idle: Duration,
    /// Silence that ends a burst of output.
    pub quiet: Duration,
    /// Longest wait for a frame or an exit.
    pub timeout: Duration,
}

/// One `→`: the next tab's frame.
pub struct Key {
    /// From writing `ESC [ C` to the last byte of the redraw.
    pub ms: f64,
    pub bytes: usize,
    /// `ESC[?2026h` and `ESC[?2026l` in those bytes.
    pub sync_bytes: usize,
    /// What ratatui's `Terminal` with `CrosstermBackend` writes for the same change.
    pub reference: reference::Change,
}

/// The quiet interval after the first frame.
pub struct Idle {
    pub seconds: f64,
    pub sched_ns: u64,
    pub ticks: u64,
    pub switches: u64,
    pub bytes: usize,
}

/// How the terminal was left after `q`.
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent checks, each reported by name"
)]
pub struct Exit {
    pub ms: f64,
    /// The exit code, or `None` if a signal ended the program.
    pub code: Option<u32>,
    pub left_alternate_screen: bool,
    pub showed_cursor: bool,
    /// The emulated screen is the main one again, its cursor visible.
    pub screen_restored: bool,
    /// The tty is back in canonical mode with echo.
    pub cooked: bool,
}

impl Exit {
    pub fn clean(&self) -> bool {
        self.code == Some(0)
            && self.left_alternate_screen
            && self.showed_cursor
            && self.screen_restored
            && self.cooked
    }
}

pub struct Run {
    pub first_byte_ms: f64,
    pub first_frame_ms: f64,
    pub first_frame_bytes: usize,
    pub idle: Option<Idle>,
    pub keys: Vec<Key>,
    pub peak_kib: u64,
    pub exit: Exit,
    /// Escape sequences the `vt100` parser did not handle, and how often.
    pub skipped: BTreeMap<String, usize>,
}

/// One run of one program at one size.
pub fn measure(
    program: &Program,
    root: &Path,
    cols: u16,
    rows: u16,
    options: &Options,
) -> Result<Run> {
    let mut session = Session::spawn(&[program.path.clone().into()], root, cols, rows, options)?;
    let first = session.burst(session.started, |screen| {
        screen.contents().contains(program.marker)
    })?;
    let idle = if options.idle.is_zero() {
        None
    } else {
        Some(session.idle(options.idle)?)
    };
    let mut keys = Vec::with_capacity(options.keys);
    for _ in 0..options.keys {
        let before = session.parser.screen().clone();
        // The next tab is drawn when another title is selected (reverse video): the programs
        // differ in their tabs, and a narrow window shows ids instead of titles.
        let was = selected_tab(&before);
        let pressed = Instant::now();
        session.write(RIGHT)?;
        let redraw = session.burst(pressed, |screen| {
            let now = selected_tab(screen);
            !now.trim().is_empty() && now != was
        })?;
        keys.push(Key {
            ms: redraw.last_byte_ms,
            bytes: redraw.bytes.len(),
            sync_bytes: count(&redraw.bytes, SYNC_BEGIN) * SYNC_BEGIN.len()
                + count(&redraw.bytes, SYNC_END) * SYNC_END.len(),
            reference: reference::crossterm(&before, session.parser.screen())?,
        });
    }
    let peak_kib = procfs::status(session.pid, "VmHWM")?;
    let exit = session.quit()?;
    Ok(Run {
        first_byte_ms: first.first_byte_ms,
        first_frame_ms: first.last_byte_ms,
        first_frame_bytes: first.bytes.len(),
        idle,
        keys,
        peak_kib,
        exit,
        skipped: std::mem::take(&mut session.parser.callbacks_mut().0),
    })
}

/// The harness's own cost of a launch: `/bin/echo` spawned the same way, to its first byte.
pub fn floor(root: &Path, cols: u16, rows: u16, options: &Options) -> Result<f64> {
    let mut session = Session::spawn(
        &["/bin/echo".into(), "floor".into()],
        root,
        cols,
        rows,
        options,
    )?;
    let burst = session.burst(session.started, |screen| {
        screen.contents().contains("floor")
    })?;
    // Reaped before the session ends, so that no signal goes to an ended process's id.
    while session.exited.is_none() {
        match session.events.recv_timeout(options.timeout) {
            Ok(event) => {
                session.note(event)?;
            }
            Err(_) => return Err("/bin/echo did not exit".into()),
        }
    }
    Ok(burst.first_byte_ms)
}

/// The text of the reverse-video cells of the first row: the selected tab, in both programs.
fn selected_tab(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    (0..cols)
        .filter_map(|col| screen.cell(0, col))
        .filter(|cell| cell.inverse())
        .map(vt100::Cell::contents)
        .collect()
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    count(haystack, needle) > 0
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

enum Event {
    Output(Instant, Vec<u8>),
    /// The slave side is closed: every process that had it has ended.
    Closed,
    Exited(Instant, std::io::Result<ExitStatus>),
}

struct Burst {
    first_byte_ms: f64,
    last_byte_ms: f64,
    bytes: Vec<u8>,
}

/// Counts the sequences the parser skips, so that a screen it may have got wrong shows.
#[derive(Default)]
struct Skipped(BTreeMap<String, usize>);

impl Skipped {
    fn add(&mut self, sequence: String) {
        *self.0.entry(sequence).or_default() += 1;
    }
}

impl vt100::Callbacks for Skipped {
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let params: Vec<String> = params
            .iter()
            .map(|p| p.iter().map(u16::to_string).collect::<Vec<_>>().join(":"))
            .collect();
        let intermediates: String = [i1, i2].into_iter().flatten().map(char::from).collect();
        self.add(format!("CSI {intermediates}{}{c}", params.join(";")));
    }

    fn unhandled_escape(&mut self, _: &mut vt100::Screen, i1: Option<u8>, i2: Option<u8>, b: u8) {
        let intermediates: String = [i1, i2].into_iter().flatten().map(char::from).collect();
        self.add(format!("ESC {intermediates}{}", char::from(b)));
    }

    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.add(format!("control 0x{b:02x}"));
    }
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    events: Receiver<Event>,
    killer: Box<dyn ChildKiller + Send + Sync>,
    pid: u32,
    started: Instant,
    parser: vt100::Parser<Skipped>,
    /// Read but not yet parsed.
    pending: Vec<u8>,
    exited: Option<(Instant, ExitStatus)>,
    closed: bool,
    quiet: Duration,
    timeout: Duration,
}

impl Session {
    fn spawn(
        argv: &[OsString],
        root: &Path,
        cols: u16,
        rows: u16,
        options: &Options,
    ) -> Result<Self> {
        let pty = portable_pty::native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut command = CommandBuilder::from_argv(argv.to_vec());
        command.env_clear();
        command.env(
            "PATH",
            std::env::var_os("PATH").unwrap_or("/usr/bin:/bin".into()),
        );
        command.env("HOME", std::env::var_os("HOME").unwrap_or("/".into()));
        // Set, so that portable-pty does not look the user's shell up at every launch.
        command.env("SHELL", "/bin/sh");
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env("LC_ALL", "C.UTF-8");
        command.cwd(root);

        // Both threads exist before the launch, so that starting them is not timed.
        let (events, received) = mpsc::channel();
        let mut reader = pty.master.try_clone_reader()?;
        let output = events.clone();
        thread::spawn(move || {
            let mut buffer = vec![0; 1 << 16];
            // An error (EIO once the slave side is closed) ends the output too.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                let at = Instant::now();
                if output
                    .send(Event::Output(at, buffer[..n].to_vec()))
                    .is_err()
                {
                    return;
                }
            }
            let _ = output.send(Event::Closed);
        });
        let (child_to_wait, child_received) = mpsc::channel::<Box<dyn Child + Send + Sync>>();
        thread::spawn(move || {
            if let Ok(mut child) = child_received.recv() {
                let status = child.wait();
                let _ = events.send(Event::Exited(Instant::now(), status));
            }
        });

        let writer = pty.master.take_writer()?;
        let started = Instant::now();
        let child = pty.slave.spawn_command(command)?;
        // Only the child holds the slave side now, so its exit closes the output.
        drop(pty.slave);
        let pid = child.process_id().ok_or("no process id")?;
        let killer = child.clone_killer();
        child_to_wait.send(child)?;
        Ok(Self {
            master: pty.master,
            writer,
            events: received,
            killer,
            pid,
            started,
            parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Skipped::default()),
            pending: Vec::new(),
            exited: None,
            closed: false,
            quiet: options.quiet,
            timeout: options.timeout,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer.write_all(bytes)?;
        self.writer.flush()?;
        Ok(())
    }

    fn parse_pending(&mut self) {
        self.parser.process(&self.pending);
        self.pending.clear();
    }

    /// Keeps what was read; answers the queries a terminal answers (neither program asks
    /// now, but a program waiting for an answer would otherwise never draw).
    fn take(&mut self, data: &[u8]) -> Result<()> {
        self.pending.extend_from_slice(data);
        if contains(data, b"\x1b[6n") {
            self.parse_pending();
            let (row, col) = self.parser.screen().cursor_position();
            let answer = format!("\x1b[{};{}R", row + 1, col + 1);
            self.write(answer.as_bytes())?;
        }
        if contains(data, b"\x1b[c") || contains(data, b"\x1b[0c") {
            self.write(b"\x1b[?62;22c")?;
        }
        Ok(())
    }

    /// Records an event; returns the output it brought, with the time of its read.
    fn note(&mut self, event: Event) -> Result<Option<(Instant, Vec<u8>)>> {
        match event {
            Event::Output(at, data) => {
                self.take(&data)?;
                return Ok(Some((at, data)));
            }
            Event::Closed => self.closed = true,
            Event::Exited(at, status) => self.exited = Some((at, status?)),
        }
        Ok(None)
    }

    /// Reads until the program has been silent for `quiet` and `done` holds for the screen;
    /// times are from `since` to the burst's first and last bytes.
    fn burst(&mut self, since: Instant, done: impl Fn(&vt100::Screen) -> bool) -> Result<Burst> {
        let deadline = Instant::now() + self.timeout;
        let mut bytes = Vec::new();
        let (mut first, mut last) = (None, None);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let event = if left.is_zero() {
                Err(RecvTimeoutError::Disconnected)
            } else {
                self.events.recv_timeout(self.quiet.min(left))
            };
            match event {
                Ok(event) => {
                    if let Some((at, data)) = self.note(event)? {
                        first.get_or_insert(at);
                        last = Some(at);
                        bytes.extend_from_slice(&data);
                    }
                }
                Err(silence_or_end) => {
                    self.parse_pending();
                    if let (Some(first), Some(last)) = (first, last)
                        && done(self.parser.screen())
                    {
                        return Ok(Burst {
                            first_byte_ms: ms(first - since),
                            last_byte_ms: ms(last - since),
                            bytes,
                        });
                    }
                    if silence_or_end == RecvTimeoutError::Disconnected || self.exited.is_some() {
                        return Err(format!(
                            "{} without the expected screen ({}); the screen:\n{}",
                            if left.is_zero() {
                                "timed out"
                            } else {
                                "exited"
                            },
                            self.exit_description(),
                            self.parser.screen().contents()
                        )
                        .into());
                    }
                }
            }
        }
    }

    fn exit_description(&self) -> String {
        match &self.exited {
            Some((_, status)) => format!("{status}"),
            None => "still running".into(),
        }
    }

    /// CPU, wakeups and output over a quiet interval.
    fn idle(&mut self, interval: Duration) -> Result<Idle> {
        let before = procfs::counters(self.pid)?;
        let start = Instant::now();
        let end = start + interval;
        let mut bytes = 0;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.events.recv_timeout(left) {
                Ok(event) => {
                    if let Some((_, data)) = self.note(event)? {
                        bytes += data.len();
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Err("exited while idle".into()),
            }
        }
        let after = procfs::counters(self.pid)?;
        self.parse_pending();
        Ok(Idle {
            seconds: start.elapsed().as_secs_f64(),
            sched_ns: after.sched_ns - before.sched_ns,
            ticks: after.ticks - before.ticks,
            switches: after.switches - before.switches,
            bytes,
        })
    }

    /// Presses `q`, waits for the exit and the end of the output, and checks the terminal.
    fn quit(&mut self) -> Result<Exit> {
        self.parse_pending();
        let pressed = Instant::now();
        self.write(QUIT)?;
        let deadline = pressed + self.timeout;
        let mut output = Vec::new();
        while self.exited.is_none() || !self.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) => {
                    if let Some((_, data)) = self.note(event)? {
                        output.extend_from_slice(&data);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!("{} after q", self.exit_description()).into());
                }
            }
        }
        self.parse_pending();
        let (at, status) = self.exited.as_ref().ok_or("no exit status")?;
        let screen = self.parser.screen();
        let cooked = self.master.get_termios().is_some_and(|termios| {
            termios
                .local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO)
        });
        Ok(Exit {
            ms: ms(*at - pressed),
            code: status.signal().is_none().then(|| status.exit_code()),
            left_alternate_screen: contains(&output, LEAVE_ALTERNATE_SCREEN),
            showed_cursor: contains(&output, SHOW_CURSOR),
            screen_restored: !screen.alternate_screen() && !screen.hide_cursor(),
            cooked,
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        while let Ok(event) = self.events.try_recv() {
            if let Event::Exited(at, Ok(status)) = event {
                self.exited = Some((at, status));
            }
        }
        if self.exited.is_none() {
            // SIGHUP, as a terminal that closes does; ignored if the program has just ended.
            let _ = self.killer.kill();
        }
    }
}
