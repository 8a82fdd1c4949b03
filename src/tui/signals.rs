//! Requests from outside to end the program: the one place where the platforms differ. In
//! raw mode Ctrl-C is a key press everywhere (handled as `Quit`), so what arrives here comes
//! from another program, from Ctrl-Break, or from the terminal going away.

use std::io;

/// Requests to terminate caught but not yet forwarded: [`catch`] registers for them,
/// [`Caught::forward`] starts passing them on. What arrives in between waits.
pub struct Caught {
    forward: Box<dyn FnOnce() -> io::Result<()>>,
}

impl Caught {
    /// Starts passing requests on, those that came since [`catch`] first. A thread does it and
    /// sleeps in the kernel until one arrives: no wakeups while idle. Started after the first
    /// frame, so that making it does not hold up the frame.
    pub fn forward(self) -> io::Result<()> {
        (self.forward)()
    }
}

/// Catches `SIGTERM`, `SIGHUP` and `SIGINT` from the moment this returns; once forwarded, calls
/// `stop` on a thread of its own with the exit status to end with, each time one arrives.
#[cfg(unix)]
pub fn catch(stop: impl Fn(u8) + Send + 'static) -> io::Result<Caught> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let forward = move || {
        std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                for signal in signals.forever() {
                    // As a shell reports a program that a signal ended: 128 + its number.
                    stop(128 + signal as u8);
                }
            })
            .map(drop)
    };
    Ok(Caught {
        forward: Box::new(forward),
    })
}

/// Calls `stop`, on a thread of its own, with the exit status to end with, each time the
/// console sends a control event: Ctrl-C where it is not read as a key, Ctrl-Break, closing
/// the window, logging off or shutting down (`ctrlc` takes all of them on Windows), from the
/// moment this returns: `ctrlc` starts its thread here, so [`Caught::forward`] has nothing
/// left to do. After the last three Windows ends the process soon, whatever it does; there is
/// no console left to restore then. The status is 130, what POSIX shells report for an
/// interrupted program.
#[cfg(windows)]
pub fn catch(stop: impl Fn(u8) + Send + 'static) -> io::Result<Caught> {
    ctrlc::set_handler(move || stop(130)).map_err(io::Error::other)?;
    Ok(Caught {
        forward: Box::new(|| Ok(())),
    })
}
