//! The terminal's lifecycle and the event loop, for any [`Screen`]: the dashboard, the
//! pre-flight card or the presenter console. Raw mode, mouse capture and the alternate screen
//! are entered once and left on every exit path: quitting, an error, a panic, and a request
//! from outside to terminate (`tui/signals.rs`).
//!
//! Only the main thread writes to the terminal and restores it (but for a panic, whose hook
//! restores it and ends the process there and then). Two threads wake the main thread through
//! one channel: one reads terminal events, one waits for requests to terminate; a screen with
//! a socket (the presenter link) has a third, which waits for datagrams. All sleep in the
//! kernel until something happens, so an idle dashboard costs nothing.

mod record;
mod signals;

use std::io::{self, BufWriter, stdout};
use std::net::{SocketAddr, UdpSocket};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::preflight::Preflight;
use record::Out;
pub use record::{Cast, Recorder};

type Term = Terminal<CrosstermBackend<BufWriter<Out>>>;

/// How the dashboard ended, the terminal restored either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// Asked from outside to terminate; the program should exit with this status.
    Terminated(u8),
}

/// What wakes the event loop.
enum Wake {
    /// A terminal event, or why none could be read.
    Input(io::Result<Event>),
    /// A request to terminate, with the exit status to end with.
    Terminate(u8),
    /// A datagram on the screen's socket, and who sent it.
    Datagram(Vec<u8>, SocketAddr),
}

/// What the event loop runs: the dashboard, the pre-flight card or the presenter console. Each
/// turns a terminal event (or a datagram) into a change of its own state and is drawn by shared
/// reference; the loop owns the terminal, the size and the waiting.
pub trait Screen {
    /// Handles one terminal event other than a resize, given the area of the last frame drawn;
    /// returns whether the screen changed.
    fn handle(&mut self, event: &Event, area: Rect, now: Instant) -> bool;
    /// When the screen wants to be woken without input; `None` blocks until input comes.
    fn deadline(&self) -> Option<Instant> {
        None
    }
    /// The deadline has come; returns whether the screen changed.
    fn tick(&mut self, _now: Instant) -> bool {
        false
    }
    fn should_quit(&self) -> bool;
    /// After a frame is drawn: tells a recording what is on screen, where a chapter may start.
    fn mark(&self, _recorder: &mut Recorder) {}
    /// A socket whose datagrams wake the loop (the presenter link), read on a thread of its
    /// own; `None`: no such thread.
    fn socket(&self) -> Option<UdpSocket> {
        None
    }
    /// A datagram came on the socket from `from`; returns whether the screen changed.
    fn datagram(&mut self, _bytes: &[u8], _from: SocketAddr, _now: Instant) -> bool {
        false
    }
}

impl Screen for Preflight {
    fn handle(&mut self, event: &Event, _area: Rect, _now: Instant) -> bool {
        self.handle(event)
    }

    fn should_quit(&self) -> bool {
        Preflight::should_quit(self)
    }
}

/// Runs a screen (the dashboard, the pre-flight card, the console) until the user quits or the
/// program is asked to terminate. Blocks on input: nothing runs between events. With a `cast`,
/// records the session into it, and the file is complete and closed when this returns, on
/// every path but a panic.
pub fn run<S>(screen: &mut S, cast: Option<Cast>) -> io::Result<Ending>
where
    S: Screen,
    for<'a> &'a S: Widget,
{
    let (wake, woken) = mpsc::channel();
    let stop = wake.clone();
    let datagrams = wake.clone();
    // Caught from before the terminal changes: one that comes early waits, and reaches the
    // loop once the first frame is out.
    let caught = signals::catch(move |status| {
        // The loop may have returned already: then there is no one left to tell.
        let _ = stop.send(Wake::Terminate(status));
    })?;
    let (mut terminal, mut recorder) = enter(cast)?;
    let area = terminal.get_frame().area();
    let result = draw(&mut terminal, screen, area, recorder.as_mut())
        .and_then(|()| caught.forward())
        .and_then(|()| read_input(wake))
        .and_then(|()| {
            screen
                .socket()
                .map_or(Ok(()), |s| read_datagrams(s, datagrams))
        })
        .and_then(|()| event_loop(&mut terminal, screen, area, &woken, recorder.as_mut()));
    // Whatever the terminal's writer still holds goes out before the terminal is restored.
    drop(terminal);
    restore();
    // The writer's copy of the last frame is in; the file is finished before the process ends.
    let written = recorder
        .map_or(Ok(()), Recorder::finish)
        .map_err(|err| io::Error::new(err.kind(), format!("cannot write the recording: {err}")));
    result.and_then(|ending| written.map(|()| ending))
}

fn enter(cast: Option<Cast>) -> io::Result<(Term, Option<Recorder>)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic is a bug. Restore the terminal first, so that Rust's report (and a backtrace
        // with RUST_BACKTRACE=1) can be read, then say so in one readable line.
        restore();
        previous(info);
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("shenzhen-dash: internal error: {message}{place}");
        eprintln!("This is a bug. The terminal has been restored.");
        // And end here, on whichever thread: unwinding would drop the terminal's writer,
        // which writes out what it holds onto the restored screen, and a panic on the input
        // thread would leave the loop waiting for input that never comes.
        std::process::exit(101);
    }));
    let enter = || {
        let (width, height) = terminal::size()?;
        let recorder = cast
            .map(|cast| Recorder::start(cast, width, height))
            .transpose()?;
        enable_raw_mode()?;
        // Through the terminal's writer, so that a recording enters the same screen.
        let mut out = Out::new(recorder.as_ref());
        execute!(out, EnterAlternateScreen, EnableMouseCapture, Hide)?;
        // A whole frame fits, so it reaches the terminal in one write even where synchronized
        // updates are not understood.
        let out = BufWriter::with_capacity(1 << 16, out);
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let terminal =
            Terminal::with_options(CrosstermBackend::new(out), TerminalOptions { viewport })?;
        Ok((terminal, recorder))
    };
    enter().inspect_err(|_| restore())
}

/// Leaves raw mode, mouse capture, a frame cut short and the alternate screen, and shows the
/// cursor. Safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        EndSynchronizedUpdate,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// Reads terminal events on a thread of its own, so that the loop can wait for input and for
/// a request to terminate at once. Started once raw mode is on and the first frame is up;
/// what was typed before waits for it.
fn read_input(wake: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".to_owned())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if wake.send(Wake::Input(event)).is_err() || failed {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Reads datagrams on a thread of its own, blocked in the kernel until one comes. The buffer
/// holds the largest datagram there is, so none is cut short; what it says is the screen's
/// business. A connection reset (Windows reports an unreachable peer of an earlier send so)
/// is no reason to stop; any other error ends the thread, never in a loop that spins.
fn read_datagrams(socket: UdpSocket, wake: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("datagrams".to_owned())
        .spawn(move || {
            let mut buf = vec![0; 1 << 16];
            loop {
                match socket.recv_from(&mut buf) {
                    Ok((len, from)) => {
                        if wake
                            .send(Wake::Datagram(buf[..len].to_vec(), from))
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(err)
                        if matches!(
                            err.kind(),
                            io::ErrorKind::ConnectionReset | io::ErrorKind::Interrupted
                        ) => {}
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}

/// From the first frame on: wait for an event, update, redraw if anything changed.
fn event_loop<S>(
    terminal: &mut Term,
    screen: &mut S,
    mut area: Rect,
    woken: &Receiver<Wake>,
    mut recorder: Option<&mut Recorder>,
) -> io::Result<Ending>
where
    S: Screen,
    for<'a> &'a S: Widget,
{
    // The end-to-end tests prove a panic leaves the terminal restored; this is their trigger.
    // `cargo test` builds with debug assertions; a release build has no such code path.
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("SHENZHEN_DASH_TEST_PANIC").is_none(),
        "panic requested by SHENZHEN_DASH_TEST_PANIC"
    );
    loop {
        let wake = next(woken, screen.deadline());
        let now = Instant::now();
        let redraw = match wake {
            None => screen.tick(now),
            Some(Wake::Terminate(status)) => return Ok(Ending::Terminated(status)),
            Some(Wake::Datagram(bytes, from)) => screen.datagram(&bytes, from, now),
            Some(Wake::Input(event)) => match event? {
                Event::Resize(width, height) => {
                    area = Rect::new(0, 0, width, height);
                    if let Some(recorder) = &recorder {
                        recorder.resized(width, height);
                    }
                    true
                }
                event => screen.handle(&event, area, now),
            },
        };
        if screen.should_quit() {
            return Ok(Ending::Quit);
        }
        if redraw {
            draw(terminal, screen, area, recorder.as_deref_mut())?;
        }
    }
}

/// Blocks until the loop is woken; `None` when the deadline (autoplay's, if it runs) comes
/// first.
fn next(woken: &Receiver<Wake>, deadline: Option<Instant>) -> Option<Wake> {
    let received = match deadline {
        None => woken.recv().map_err(|_| RecvTimeoutError::Disconnected),
        Some(deadline) => woken.recv_timeout(deadline.saturating_duration_since(Instant::now())),
    };
    match received {
        Ok(wake) => Some(wake),
        Err(RecvTimeoutError::Timeout) => None,
        // The signal thread keeps its sender for good, so this is only for completeness: an
        // error rather than a loop that spins.
        Err(RecvTimeoutError::Disconnected) => {
            Some(Wake::Input(Err(io::Error::other("terminal input stopped"))))
        }
    }
}

/// One frame: ratatui's `Terminal` writes the cells that changed since the last one, as one
/// synchronized update in one flush. (`Terminal::draw` would flush a second time, to hide a
/// cursor that is hidden already.) After a resize, `Terminal::resize` flushes its clearing of
/// the screen on its own, inside the same update. A recording then marks a new chapter, if the
/// frame starts one.
fn draw<S>(
    terminal: &mut Term,
    screen: &S,
    area: Rect,
    recorder: Option<&mut Recorder>,
) -> io::Result<()>
where
    S: Screen,
    for<'a> &'a S: Widget,
{
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    if terminal.get_frame().area() != area {
        // Clears the screen, within this frame.
        terminal.resize(area)?;
    }
    terminal.get_frame().render_widget(screen, area);
    terminal.flush()?;
    terminal.swap_buffers();
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Backend::flush(terminal.backend_mut())?;
    if let Some(recorder) = recorder {
        screen.mark(recorder);
    }
    Ok(())
}
