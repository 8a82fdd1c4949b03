//! Requests from outside to end the program: the one place where the platforms differ. In
//! raw mode Ctrl-C is a key press everywhere (handled as `Quit`), so what arrives here comes
//! from another program, from Ctrl-Break, or from the terminal going away.

use std::io;

/// Calls `stop`, on a thread of its own, with the exit status to end with, each time the
/// program is asked to terminate: `SIGTERM`, `SIGHUP` or `SIGINT`. They are caught from the
/// moment this returns. The thread sleeps in the kernel until one arrives: no wakeups while
/// idle.
#[cfg(unix)]
pub fn on_termination(stop: impl Fn(u8) + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                // As a shell reports a program that a signal ended: 128 + its number.
                stop(128 + signal as u8);
            }
        })?;
    Ok(())
}

/// Calls `stop`, on a thread of its own, with the exit status to end with, each time the
/// console sends a control event: Ctrl-C where it is not read as a key, Ctrl-Break, closing
/// the window, logging off or shutting down (`ctrlc` takes all of them on Windows). After the
/// last three Windows ends the process soon, whatever it does; there is no console left to
/// restore then. The status is 130, what POSIX shells report for an interrupted program.
#[cfg(windows)]
pub fn on_termination(stop: impl Fn(u8) + Send + 'static) -> io::Result<()> {
    ctrlc::set_handler(move || stop(130)).map_err(io::Error::other)
}
