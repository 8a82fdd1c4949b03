//! `--record`: the terminal's writer copies each flushed frame to a thread that writes the cast
//! file (`crate::record` says what goes in it). The frame reaches the terminal first and the
//! file is written off the main thread, so recording never delays a frame. Without
//! `--record` there is no thread and the writer only forwards.

use std::fs::File;
use std::io::{self, BufWriter, Stdout, Write, stdout};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::app::App;
use crate::record::{self, Chapters, Event};

/// A cast file to record into, created (so that it can be refused) before the terminal is
/// touched.
#[derive(Debug)]
pub struct Cast {
    pub file: File,
    /// The title the player shows.
    pub title: String,
}

/// An event and when it happened.
type Message = (Instant, Event);

/// The terminal's writer: stdout, and with a recording, a copy of each flushed chunk.
pub struct Out {
    stdout: Stdout,
    copy: Option<(Sender<Message>, Vec<u8>)>,
}

impl Out {
    pub fn new(recorder: Option<&Recorder>) -> Out {
        Out {
            stdout: stdout(),
            copy: recorder.map(|r| (r.events.clone(), Vec::new())),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.stdout.write(buf)?;
        if let Some((_, pending)) = &mut self.copy {
            pending.extend_from_slice(&buf[..written]);
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()?;
        if let Some((events, pending)) = &mut self.copy
            && !pending.is_empty()
        {
            // The recorder only stops after the terminal's writer is dropped.
            let _ = events.send((Instant::now(), Event::Output(std::mem::take(pending))));
        }
        Ok(())
    }
}

/// The thread writing the cast, and where chapters start.
pub struct Recorder {
    events: Sender<Message>,
    chapters: Chapters,
    thread: JoinHandle<io::Result<()>>,
}

impl Recorder {
    /// Starts the recording now, on a terminal of `width`×`height`: the header is the file's
    /// first line.
    pub fn start(cast: Cast, width: u16, height: u16) -> io::Result<Recorder> {
        let start = Instant::now();
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        let header = record::header(width, height, timestamp, &cast.title);
        let (events, received) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("record".to_owned())
            .spawn(move || write(cast.file, &header, start, &received))?;
        Ok(Recorder {
            events,
            chapters: Chapters::default(),
            thread,
        })
    }

    /// After a frame of `app`: a marker if it starts a chapter.
    pub fn drawn(&mut self, app: &App) {
        if let Some(name) = self.chapters.next(app) {
            let _ = self.events.send((Instant::now(), Event::Marker(name)));
        }
    }

    /// The terminal now has `width` columns and `height` rows.
    pub fn resized(&self, width: u16, height: u16) {
        let _ = self
            .events
            .send((Instant::now(), Event::Resize(width, height)));
    }

    /// Waits for every event to be written and the file closed. Call once the terminal's
    /// writer, which holds a sender too, is dropped.
    pub fn finish(self) -> io::Result<()> {
        drop(self.events);
        self.thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the recorder stopped")))
    }
}

/// Writes the header, then each event as it comes, until every sender is gone. The file is
/// flushed whenever the channel is empty, so it is complete up to the last frame at any time.
fn write(file: File, header: &str, start: Instant, events: &Receiver<Message>) -> io::Result<()> {
    let mut out = BufWriter::new(file);
    writeln!(out, "{header}")?;
    out.flush()?;
    while let Ok((at, event)) = events.recv() {
        writeln!(
            out,
            "{}",
            record::line(at.saturating_duration_since(start), &event)
        )?;
        for (at, event) in events.try_iter() {
            writeln!(
                out,
                "{}",
                record::line(at.saturating_duration_since(start), &event)
            )?;
        }
        out.flush()?;
    }
    // Dropping the file closes it.
    out.flush()
}
