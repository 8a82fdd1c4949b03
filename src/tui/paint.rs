//! Writes each frame to the terminal. ratatui's `Terminal` diffs every frame against the one
//! before, measuring every cell's width, and `CrosstermBackend` formats every escape sequence
//! through `core::fmt`, sets the foreground and background separately, asks the terminal for
//! its size on every frame and flushes as it goes. The painter compares the frame with what
//! the screen shows (`screen.rs`), cell by cell and by look, and writes what differs as a
//! single synchronized update in one `write`: one SGR sequence per change of style (naming
//! only what changed, and none for a space, which shows no ink), column moves on the same
//! row, and a short gap printed again where that is shorter than a move. A tab switch at
//! 120×40 writes 8.2 KB where `CrosstermBackend` wrote 14.3 KB (docs/PERFORMANCE.md);
//! `emulated.rs` proves the screen shows the frame.

use std::io::{self, Write};

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Position, Size};

use super::screen::Screen;
use crate::sgr::{self, Pen};

/// Terminals that support it show the frame only when it is complete.
const BEGIN_FRAME: &str = "\x1b[?2026h";
const END_FRAME: &str = "\x1b[?2026l";

pub struct Painter<W: Write> {
    out: W,
    /// The frame being built; written out at its end.
    frame: String,
    /// What the terminal shows.
    screen: Screen,
    /// Where the terminal's cursor is, when known.
    cursor: Option<Position>,
}

impl<W: Write> Painter<W> {
    /// A painter for a blank screen of `size`, as the alternate screen starts.
    pub fn new(out: W, size: Size) -> Painter<W> {
        Painter {
            out,
            frame: String::with_capacity(1 << 16),
            screen: Screen::blank(size),
            cursor: None,
        }
    }

    /// Makes the terminal show `buf`, which covers the whole screen: writes the cells that
    /// look different. A buffer of another size means the terminal was resized: the screen is
    /// cleared first, since a terminal keeps what it likes of its old content.
    pub fn paint(&mut self, buf: &Buffer) -> io::Result<()> {
        let size = buf.area.as_size();
        if self.screen.size() != size {
            self.frame.push_str(BEGIN_FRAME);
            self.frame.push_str("\x1b[2J");
            self.screen = Screen::blank(size);
        }
        let mut pen = Pen::DEFAULT;
        let rows = buf.content.chunks_exact(usize::from(size.width).max(1));
        for (y, row) in (0..size.height).zip(rows) {
            let mut from = 0;
            while let Some((x, cell)) = self.screen.next_change(y, from, row) {
                if self.cursor != Some(Position { x, y }) && !self.reprint_up_to(x, y, pen) {
                    self.begin();
                    self.move_to(x, y);
                }
                let symbol = cell.symbol();
                let wanted = Pen::of(cell);
                if !pen.draws_like(wanted, symbol) {
                    sgr::write_change(&mut self.frame, pen, wanted);
                    pen = wanted;
                }
                self.frame.push_str(symbol);
                let width = cell.cell_width();
                self.screen.drawn(x, y, symbol, wanted, width);
                // Terminals disagree on the width of some characters: after anything but a
                // one-column character, the next one is placed with a move.
                self.cursor = (width == 1).then_some(Position {
                    x: x.saturating_add(1),
                    y,
                });
                from = x.saturating_add(width.max(1));
            }
        }
        if self.frame.is_empty() {
            return Ok(());
        }
        // Between frames the pen is the default, so a clear draws the default background.
        sgr::write_change(&mut self.frame, pen, Pen::DEFAULT);
        self.frame.push_str(END_FRAME);
        let written = self.out.write_all(self.frame.as_bytes());
        self.frame.clear();
        // Nothing is assumed of the cursor from one frame to the next: something else may
        // move it.
        self.cursor = None;
        written?;
        self.out.flush()
    }

    /// Starts a frame unless one is under way.
    fn begin(&mut self) {
        if self.frame.is_empty() {
            self.frame.push_str(BEGIN_FRAME);
        }
    }

    /// Gets the cursor to `(x, y)` on its own row by printing again what the cells before it
    /// show, where that is shorter than a move.
    fn reprint_up_to(&mut self, x: u16, y: u16, pen: Pen) -> bool {
        match self.cursor {
            Some(at) if at.y == y && at.x < x => {
                let reprinted =
                    self.screen
                        .reprint(&mut self.frame, y, at.x, x, pen, column_move_len(x));
                if reprinted {
                    self.cursor = Some(Position { x, y });
                }
                reprinted
            }
            _ => false,
        }
    }

    /// The shortest move to `(x, y)`: a column on the cursor's row, else a row and column.
    fn move_to(&mut self, x: u16, y: u16) {
        let mut number = itoa::Buffer::new();
        let frame = &mut self.frame;
        match self.cursor {
            _ if (x, y) == (0, 0) => frame.push_str("\x1b[H"),
            Some(at) if at.y == y => {
                frame.push_str("\x1b[");
                frame.push_str(number.format(u32::from(x) + 1));
                frame.push('G');
            }
            _ => {
                frame.push_str("\x1b[");
                frame.push_str(number.format(u32::from(y) + 1));
                if x > 0 {
                    frame.push(';');
                    frame.push_str(number.format(u32::from(x) + 1));
                }
                frame.push('H');
            }
        }
        self.cursor = Some(Position { x, y });
    }
}

/// The bytes of `ESC [ column G`, the move to column `x` on the cursor's row.
fn column_move_len(x: u16) -> usize {
    "\x1b[G".len() + itoa::Buffer::new().format(u32::from(x) + 1).len()
}

#[cfg(test)]
mod emulated;

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Widget;

    use super::*;

    fn painter() -> Painter<Vec<u8>> {
        let size = Size {
            width: 10,
            height: 3,
        };
        Painter::new(Vec::new(), size)
    }

    /// Paints `lines` on a screen of `width` × 3 and returns what was written for that frame.
    fn frame_of_width(
        painter: &mut Painter<Vec<u8>>,
        width: u16,
        lines: &[Line<'static>],
    ) -> String {
        painter.out.clear();
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 3));
        for (y, line) in lines.iter().enumerate() {
            let area = buf.area.rows().nth(y).unwrap();
            line.render(area, &mut buf);
        }
        painter.paint(&buf).unwrap();
        String::from_utf8(painter.out.clone()).unwrap()
    }

    fn frame(painter: &mut Painter<Vec<u8>>, lines: &[Line<'static>]) -> String {
        frame_of_width(painter, 10, lines)
    }

    #[test]
    fn the_first_frame_is_one_synchronized_update() {
        let mut painter = painter();
        let written = frame(
            &mut painter,
            &[
                Line::from("ab"),
                Line::from(Span::styled("c", Style::new().fg(Color::Red))),
            ],
        );
        assert_eq!(
            written,
            "\x1b[?2026h\x1b[Hab\x1b[2H\x1b[38;5;1mc\x1b[0m\x1b[?2026l"
        );
    }

    #[test]
    fn a_redraw_sends_only_what_changed() {
        let mut painter = painter();
        frame(&mut painter, &[Line::from("abcdef")]);
        let written = frame(&mut painter, &[Line::from("abXdeY")]);
        assert_eq!(written, "\x1b[?2026h\x1b[1;3HXdeY\x1b[?2026l");
    }

    #[test]
    fn a_space_keeps_the_pen_it_would_not_show() {
        let mut painter = painter();
        let orange = Style::new().fg(Color::Indexed(214));
        let line = Line::from(vec![
            Span::styled("a", orange),
            Span::raw(" "),
            Span::styled("b", orange),
        ]);
        frame(&mut painter, &[Line::from("xxx")]);
        let written = frame(&mut painter, &[line]);
        assert_eq!(
            written,
            "\x1b[?2026h\x1b[H\x1b[38;5;214ma b\x1b[0m\x1b[?2026l"
        );
    }

    #[test]
    fn a_space_whose_ink_alone_changes_is_not_painted_again() {
        let mut painter = painter();
        let red = Style::new().fg(Color::Red);
        frame(
            &mut painter,
            &[Line::from(vec![Span::raw("a"), Span::styled(" ", red)])],
        );
        assert_eq!(frame(&mut painter, &[Line::from("a ")]), "");
        // Its background shows: that is painted.
        let on_grey = Style::new().bg(Color::Indexed(236));
        let written = frame(
            &mut painter,
            &[Line::from(vec![Span::raw("a"), Span::styled(" ", on_grey)])],
        );
        assert_eq!(
            written,
            "\x1b[?2026h\x1b[1;2H\x1b[48;5;236m \x1b[0m\x1b[?2026l"
        );
    }

    #[test]
    fn a_short_gap_is_printed_again_rather_than_jumped() {
        let mut painter = painter();
        frame(&mut painter, &[Line::from("abcdefghij")]);
        let written = frame(&mut painter, &[Line::from("aXcYefghiZ")]);
        // c is reprinted (1 byte) instead of ESC[4G; the gap before Z is too long for that.
        assert_eq!(written, "\x1b[?2026h\x1b[1;2HXcY\x1b[10GZ\x1b[?2026l");
    }

    #[test]
    fn a_gap_in_another_style_is_jumped() {
        let mut painter = painter();
        let red = Style::new().fg(Color::Red);
        let line = |middle: &'static str| {
            Line::from(vec![
                Span::raw(middle),
                Span::styled("c", red),
                Span::raw(middle),
            ])
        };
        frame(&mut painter, &[line("b")]);
        let written = frame(&mut painter, &[line("X")]);
        assert_eq!(written, "\x1b[?2026h\x1b[HX\x1b[3GX\x1b[?2026l");
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let mut painter = painter();
        frame(&mut painter, &[Line::from("same")]);
        assert_eq!(frame(&mut painter, &[Line::from("same")]), "");
    }

    #[test]
    fn a_resize_clears_within_the_frame() {
        let mut painter = painter();
        frame(&mut painter, &[Line::from("ab")]);
        let written = frame_of_width(&mut painter, 12, &[Line::from("ab")]);
        assert_eq!(written, "\x1b[?2026h\x1b[2J\x1b[Hab\x1b[?2026l");
    }
}
