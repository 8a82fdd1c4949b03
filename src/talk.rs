//! A talk: a rehearsed sequence of beats, each a screen of the dashboard with a caption for the
//! audience and notes for the speaker. Written by hand in TOML (`docs/TALK.md`), checked against
//! the dataset once, at load, into a model the dashboard can trust; [`State`] is where a talk
//! is while it is given.
//!
//! - `format`: the file as written, with where each value is.
//! - `check`: the file against the dataset, every problem with its `line:column`.
//! - `state`: the current beat and the "press q again" question.

mod check;
mod format;
mod state;

use std::path::Path;
use std::time::Duration;

use crate::data::Dataset;
use crate::derive::View;
use crate::error::LoadError;
pub use state::{QUIT_PROMPT, State};

/// The built-in talk, "Shenzhen's decade of innovation", written for the embedded dataset.
pub const EMBEDDED: &str = include_str!("../assets/talk.toml");

/// How the built-in talk is named in messages.
pub const EMBEDDED_NAME: &str = "assets/talk.toml (embedded)";

/// The widest caption line, in columns: one row of an 80-column screen, with a margin.
pub const MAX_CAPTION_WIDTH: usize = 76;

/// A talk, checked: every beat's tab, chart and year exist in the dataset it was checked with.
#[derive(Debug, Clone, PartialEq)]
pub struct Talk {
    pub title: String,
    /// How long the talk is planned to take, if the file says.
    pub duration: Option<Duration>,
    /// At least one.
    pub beats: Vec<Beat>,
}

/// One step of a talk.
#[derive(Debug, Clone, PartialEq)]
pub struct Beat {
    /// What the dashboard shows: the next-beat keys go there, and `r` comes back to it.
    pub screen: Screen,
    /// One or two lines for the audience, drawn prominently under the charts; empty for none.
    pub caption: Vec<String>,
    /// For the speaker only: never drawn on the projector (kept for a presenter console).
    pub notes: String,
    /// The dataset's annotations that show, by index, `true` for shown; `None`: all of them.
    /// No key changes them, so they are the beat's whatever the detour.
    pub annotations: Option<Vec<bool>>,
    /// The line of the file the beat starts on.
    pub line: usize,
}

/// What a beat puts on the screen, and all that `r` restores. The theme, ASCII glyphs and a
/// blank screen are the speaker's choices for the room, not the beat's, and are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The tab, as an index into the dataset's pages.
    pub tab: usize,
    /// The tab's chart in focus, as an index into its charts; `None`: the whole tab.
    pub chart: Option<usize>,
    /// Where the year cursor is; `None`: hidden, and no readout.
    pub year: Option<i32>,
    /// A year range, earlier year first, ending at the cursor's year.
    pub range: Option<(i32, i32)>,
    /// Levels, change or index, on the beat's tab.
    pub view: View,
    /// The tab's sources panel is open, at its top.
    pub sources: bool,
}

impl Talk {
    /// The built-in talk, checked against `data` (the embedded dataset, unless the user gave
    /// another, which it may not fit: then it is refused like any talk file).
    pub fn embedded(data: &Dataset) -> Result<Talk, LoadError> {
        Talk::parse(EMBEDDED, EMBEDDED_NAME, data)
    }

    /// Reads a talk file and checks it against `data`.
    pub fn from_file(path: &Path, data: &Dataset) -> Result<Talk, LoadError> {
        let (name, text) = crate::file::read(path, "talk")?;
        Talk::parse(&text, &name, data)
    }

    /// Parses talk text and checks it against `data`; `file` names it in messages.
    pub fn parse(text: &str, file: &str, data: &Dataset) -> Result<Talk, LoadError> {
        // Editors on Windows may save UTF-8 with a byte order mark.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let raw = format::parse(text).map_err(|located| LoadError::Syntax {
            file: file.to_owned(),
            line: located.line,
            column: located.column,
            message: located.message,
        })?;
        check::check(&raw, text, data).map_err(|problems| LoadError::InvalidTalk {
            file: file.to_owned(),
            problems,
        })
    }
}
