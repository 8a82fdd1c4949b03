//! Frames without a terminal: the exact widget the interactive app draws, rendered into a
//! buffer and written out as plain text, ANSI, HTML, SVG or PNG. The pictures (HTML, SVG,
//! PNG) share one cell grid and draw block, box-drawing and Braille characters as shapes
//! ([`shapes`]), so that they look like the terminal whatever fonts a viewer has.

mod ansi;
pub mod html;
pub mod palette;
pub mod picture;
mod png;
pub(crate) mod sgr;
pub mod shapes;
mod svg;

pub use png::{MAX_PIXELS, Png, PngError};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::theme::Theme;
use crate::ui;
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

/// The fonts HTML and SVG ask for: DejaVu Sans Mono (the one bundled for PNG) where the viewer
/// has it, else the usual monospace fonts of macOS and Windows.
const FONT_FAMILY: &str = "'DejaVu Sans Mono',Menlo,Consolas,monospace";

/// The frames as one PNG image at `scale` pixels a picture unit (a cell is
/// [`shapes::CELL_WIDTH`] × [`shapes::CELL_HEIGHT`] units), frames one under the other as in
/// the SVG; the same input gives the same bytes.
pub fn png(frames: &[Frame], theme: &Theme, scale: u8) -> Result<Png, PngError> {
    png::write(
        &picture::Picture::document(frames, palette::page(theme)),
        scale,
    )
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

/// Text as HTML or SVG character data or attribute value: `&`, `<`, `>` and `"` as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
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
    /// Width in columns.
    width: u16,
}

fn runs(buf: &Buffer, y: u16) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for cell in cells(buf, y) {
        let style = cell.style;
        match runs.last_mut() {
            Some(run) if run.style == style => {
                run.text.push_str(cell.symbol);
                run.width += cell.width;
            }
            _ => runs.push(Run {
                text: cell.symbol.to_owned(),
                style,
                width: cell.width,
            }),
        }
    }
    runs
}

/// What one cell of a row shows: a wide character covers the cells after it.
struct Cell<'a> {
    x: u16,
    /// In columns.
    width: u16,
    symbol: &'a str,
    style: Style,
}

fn cells(buf: &Buffer, y: u16) -> impl Iterator<Item = Cell<'_>> {
    let mut next = buf.area.left();
    (buf.area.left()..buf.area.right()).filter_map(move |x| {
        if x < next {
            return None;
        }
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        let width = symbol.width().max(1) as u16;
        next = x.saturating_add(width);
        Some(Cell {
            x,
            width,
            symbol,
            style: cell.style(),
        })
    })
}
