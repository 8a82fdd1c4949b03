//! The terminal's lifecycle and the event loop. Raw mode and the alternate screen are entered
//! once and left on every exit path: normal return, error, and panic.

use std::io::{self, BufWriter, Stdout, stdout};
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
use ratatui::{Terminal, TerminalOptions, Viewport};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::{self, Action};
use crate::app::App;
use crate::ui;

type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Runs the dashboard until the user quits. Blocks on input: nothing runs between events.
pub fn run(app: &mut App) -> io::Result<()> {
    // Caught from before the terminal changes; handled once the first frame is up, since
    // starting the thread that handles them would delay it.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let mut terminal = enter()?;
    let area = terminal.get_frame().area();
    let result = draw(&mut terminal, app, area)
        .and_then(|()| restore_on(signals))
        .and_then(|()| event_loop(&mut terminal, app, area));
    // Whatever the terminal's writer still holds goes out before the terminal is restored.
    drop(terminal);
    restore();
    result
}

fn enter() -> io::Result<Term> {
    // A panic is a bug: restore the terminal first, then say so in one readable line.
    std::panic::set_hook(Box::new(|info| {
        restore();
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
    }));
    let enter = || {
        let (width, height) = terminal::size()?;
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)?;
        // A whole frame fits, so it reaches the terminal in one write even where synchronized
        // updates are not understood.
        let out = BufWriter::with_capacity(1 << 16, stdout());
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        Terminal::with_options(CrosstermBackend::new(out), TerminalOptions { viewport })
    };
    enter().inspect_err(|_| restore())
}

/// `SIGTERM`, `SIGHUP` and an external `SIGINT` end the program; restore the terminal first.
/// (In raw mode Ctrl-C is a key press, handled as `Quit`.) The thread sleeps in the kernel
/// until a signal arrives, so it costs nothing while idle; one that came before it started
/// is waiting for it.
fn restore_on(mut signals: Signals) -> io::Result<()> {
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
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

/// From the first frame on: wait for an event, update, redraw if anything changed.
fn event_loop(terminal: &mut Term, app: &mut App, mut area: Rect) -> io::Result<()> {
    // The end-to-end tests prove a panic leaves the terminal restored; this is their trigger.
    assert!(
        std::env::var_os("SHENZHEN_DASH_TEST_PANIC").is_none(),
        "panic requested by SHENZHEN_DASH_TEST_PANIC"
    );
    loop {
        // Block until input arrives; only a running autoplay sets a deadline to wake up at.
        let event = match app.deadline() {
            None => Some(event::read()?),
            Some(deadline) => {
                let timeout = deadline.saturating_duration_since(Instant::now());
                if event::poll(timeout)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        let now = Instant::now();
        let redraw = match &event {
            None => app.update(Action::Tick, now),
            Some(event) => {
                // The tab bar is as wide as the last frame drawn.
                let width = area.width;
                let tab_at = |column, row| ui::tab_at(&app.data.pages, width, column, row);
                match (action::from_event(event, tab_at), event) {
                    (Some(action), _) => app.update(action, now),
                    (None, &Event::Resize(width, height)) => {
                        area = Rect::new(0, 0, width, height);
                        true
                    }
                    (None, _) => false,
                }
            }
        };
        if app.should_quit() {
            return Ok(());
        }
        if redraw {
            draw(terminal, app, area)?;
        }
    }
}

/// One frame: ratatui's `Terminal` writes the cells that changed since the last one, as one
/// synchronized update in one flush. (`Terminal::draw` would flush a second time, to hide a
/// cursor that is hidden already.)
fn draw(terminal: &mut Term, app: &App, area: Rect) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    if terminal.get_frame().area() != area {
        // Clears the screen, within this frame.
        terminal.resize(area)?;
    }
    terminal.get_frame().render_widget(app, area);
    terminal.flush()?;
    terminal.swap_buffers();
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Backend::flush(terminal.backend_mut())
}
