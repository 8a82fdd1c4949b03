//! Frames without a terminal: the exact widget the interactive app draws, rendered into a
//! buffer and written out as plain text, ANSI, HTML or SVG; a talk also as an HTML slide deck.

mod ansi;
mod deck;
mod html;
mod palette;
pub(crate) mod sgr;
mod svg;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::theme::Theme;
use crate::ui;
pub use deck::Slide;
use sgr::SHOWS_ON_BLANK;

/// Renders the app as it would appear in a `width`×`height` terminal.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    // The message on a frame too small for the dashboard keeps the spaces between its words
    // in their style: one run a line.
    if !ui::too_small(area) {
        forget_invisible_styles(&mut buf);
    }
    buf
}

/// A blank cell shows only its background: drop its foreground and boldness, so the formats
/// here (ANSI, HTML, SVG) do not spend colour codes and spans on what nobody can see. A live
/// frame never needs this pass.
fn forget_invisible_styles(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.symbol() == " " && !cell.modifier.intersects(SHOWS_ON_BLANK) {
            cell.fg = Color::Reset;
            cell.modifier = Modifier::empty();
        }
    }
}

/// The formats a frame can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One line per row, no escape sequences.
    Text,
    /// Text with SGR escape sequences.
    Ansi,
    Html,
    Svg,
}

/// One rendered tab, with the heading that introduces it when several are written together.
pub struct Frame {
    pub heading: Option<String>,
    pub buf: Buffer,
}

/// The frames in the chosen format, as one document; the same input always gives the same
/// bytes. Text and ANSI put each heading on a line of its own before its frame.
pub fn write(frames: &[Frame], format: Format, theme: &Theme, title: &str) -> String {
    match format {
        Format::Html => html::write(frames, theme, title),
        Format::Svg => svg::write(frames, theme, title),
        Format::Text | Format::Ansi => {
            let mut out = String::new();
            for frame in frames {
                if let Some(heading) = &frame.heading {
                    out.push_str(heading);
                    out.push('\n');
                }
                if format == Format::Text {
                    out.push_str(&to_text(&frame.buf));
                } else {
                    out.push_str(&ansi::write(&frame.buf));
                }
            }
            out
        }
    }
}

/// A talk as one self-contained HTML slide deck, a slide a beat: see [`deck`].
pub fn write_deck(slides: &[Slide], theme: &Theme, title: &str) -> String {
    deck::write(slides, theme, title)
}

/// The buffer as plain text: one line per row, trailing spaces trimmed, wide characters
/// counted once.
pub fn to_text(buf: &Buffer) -> String {
    let mut text = String::with_capacity(buf.content.len() + usize::from(buf.area.height));
    for y in buf.area.top()..buf.area.bottom() {
        let start = text.len();
        for run in runs(buf, y) {
            text.push_str(&run.text);
        }
        let trimmed = text[start..].trim_end().len();
        text.truncate(start + trimmed);
        text.push('\n');
    }
    text
}

/// Neighbouring cells of one row that share a style.
struct Run {
    text: String,
    style: Style,
    /// First column and width in columns.
    x: u16,
    width: u16,
}

fn runs(buf: &Buffer, y: u16) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut skip = 0;
    for x in buf.area.left()..buf.area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        let width = symbol.width().max(1) as u16;
        skip = width - 1;
        let style = cell.style();
        match runs.last_mut() {
            Some(run) if run.style == style => {
                run.text.push_str(symbol);
                run.width += width;
            }
            _ => runs.push(Run {
                text: symbol.to_owned(),
                style,
                x,
                width,
            }),
        }
    }
    runs
}
