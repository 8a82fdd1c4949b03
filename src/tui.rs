//! The terminal's lifecycle and the event loop. Raw mode and the alternate screen are entered
//! once and left on every exit path: normal return, error, and panic.

use std::io::{self, Write, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, LeaveAlternateScreen, disable_raw_mode,
};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action;
use crate::app::App;

/// Runs the dashboard until the user quits. Blocks on input: nothing runs between events.
pub fn run(app: &mut App) -> io::Result<()> {
    restore_on_signals()?;
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app);
    restore();
    result
}

fn enter() -> io::Result<DefaultTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    ratatui::try_init().inspect_err(|_| restore())
}

/// `SIGTERM`, `SIGHUP` and an external `SIGINT` end the program; restore the terminal first.
/// (In raw mode Ctrl-C is a key press, handled as `Quit`.) The thread sleeps in the kernel
/// until a signal arrives, so it costs nothing while idle.
fn restore_on_signals() -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
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

/// Leaves raw mode and the alternate screen and shows the cursor. Safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    draw(terminal, app)?;
    loop {
        let event = event::read()?;
        let redraw = match action::from_event(&event) {
            Some(action) => app.update(action),
            None => matches!(event, Event::Resize(..)),
        };
        if app.should_quit() {
            return Ok(());
        }
        if redraw {
            draw(terminal, app)?;
        }
    }
}

/// One frame, wrapped in a synchronized update so terminals that support it never show half.
fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}
