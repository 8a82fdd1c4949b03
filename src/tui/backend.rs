//! The ratatui backend of the live terminal. ratatui's `CrosstermBackend` formats every escape
//! sequence through `core::fmt`, sets the foreground and background separately, asks the
//! terminal for its size on every frame and flushes as it goes. This one writes each frame as
//! a single synchronized update in one `write`: one SGR sequence per change of style (naming
//! only what changed, and none for a space, which shows no ink), column moves on the same
//! row, a short gap printed again where that is shorter than a move, and the size remembered
//! from resize events. A tab switch at 120×40 writes 8.2 KB where `CrosstermBackend` wrote
//! 14.3 KB (docs/PERFORMANCE.md); `emulated.rs` proves the screen shows the same.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::terminal;
use ratatui::layout::{Position, Size};

use super::screen::Screen;
use crate::sgr::{self, Pen};

/// Terminals that support it show the frame only when it is complete.
const BEGIN_FRAME: &str = "\x1b[?2026h";
const END_FRAME: &str = "\x1b[?2026l";

pub struct AnsiBackend<W: Write> {
    out: W,
    /// The frame being built; written out by `flush`.
    frame: String,
    size: Size,
    /// Where the terminal's cursor is, when known.
    cursor: Option<Position>,
    cursor_visible: bool,
    screen: Screen,
}

impl<W: Write> AnsiBackend<W> {
    /// A backend for a terminal of `size`; tell it of every resize with [`Self::resize`].
    pub fn new(out: W, size: Size) -> AnsiBackend<W> {
        AnsiBackend {
            out,
            frame: String::with_capacity(1 << 16),
            size,
            cursor: None,
            cursor_visible: true,
            // The alternate screen starts blank.
            screen: Screen::blank(size),
        }
    }

    /// A backend for the terminal on stdout, of the size it has now.
    pub fn stdout(out: W) -> io::Result<AnsiBackend<W>> {
        let (width, height) = terminal::size()?;
        Ok(AnsiBackend::new(out, Size { width, height }))
    }

    /// The terminal now has this size; the next frame is drawn for it.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Size { width, height };
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

impl<W: Write> Backend for AnsiBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut pen = Pen::DEFAULT;
        // The last character printed, whose width is looked up only where it matters: where
        // the next cell does not follow it.
        let mut last: Option<(u16, u16, &str)> = None;
        for (x, y, cell) in content {
            if self.cursor != Some(Position { x, y }) {
                let narrow =
                    last.is_some_and(|(lx, ly, symbol)| self.screen.settle(lx, ly, symbol));
                if !(narrow && self.reprint_up_to(x, y, pen)) {
                    self.begin();
                    self.move_to(x, y);
                }
            }
            let next = Pen::of(cell);
            let symbol = cell.symbol();
            // A space looks the same in any pen with its background: no codes to change ink.
            if !pen.draws_like(next, symbol) {
                sgr::write_change(&mut self.frame, pen, next);
                pen = next;
            }
            self.frame.push_str(symbol);
            self.screen.drawn(x, y, cell);
            last = Some((x, y, symbol));
            // ratatui's diff never sends the cells a wide character covers, so a cell right
            // after this one always follows a character of one column.
            self.cursor = Some(Position {
                x: x.saturating_add(1),
                y,
            });
        }
        if let Some((x, y, symbol)) = last {
            self.screen.settle(x, y, symbol);
        }
        // Between frames the pen is the default, so erasing draws the default background.
        sgr::write_change(&mut self.frame, pen, Pen::DEFAULT);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible {
            self.begin();
            self.frame.push_str("\x1b[?25l");
            self.cursor_visible = false;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_visible {
            self.begin();
            self.frame.push_str("\x1b[?25h");
            self.cursor_visible = true;
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or(Position::ORIGIN))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.begin();
        self.cursor = None;
        self.move_to(x, y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.begin();
        self.screen = match clear_type {
            ClearType::All => Screen::blank(self.size),
            _ => Screen::unknown(),
        };
        self.frame.push_str(match clear_type {
            ClearType::All => "\x1b[2J",
            ClearType::AfterCursor => "\x1b[J",
            ClearType::BeforeCursor => "\x1b[1J",
            ClearType::CurrentLine => "\x1b[2K",
            ClearType::UntilNewLine => "\x1b[K",
        });
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    /// Writes the frame built since the last flush, if any, in one piece.
    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            self.frame.push_str(END_FRAME);
            let written = self.out.write_all(self.frame.as_bytes());
            self.frame.clear();
            // Nothing is assumed of the cursor from one frame to the next: something else
            // may move it.
            self.cursor = None;
            written?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod emulated;

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::style::{Color, Style};
    use ratatui::text::{Line, Span};

    use super::*;

    fn terminal() -> Terminal<AnsiBackend<Vec<u8>>> {
        let size = Size {
            width: 10,
            height: 3,
        };
        Terminal::new(AnsiBackend::new(Vec::new(), size)).unwrap()
    }

    /// Draws `lines` and returns what was written for that frame.
    fn frame(terminal: &mut Terminal<AnsiBackend<Vec<u8>>>, lines: &[Line<'static>]) -> String {
        terminal.backend_mut().out.clear();
        terminal
            .draw(|frame| {
                for (y, line) in lines.iter().enumerate() {
                    let area = frame.area().rows().nth(y).unwrap();
                    frame.render_widget(line, area);
                }
            })
            .unwrap();
        String::from_utf8(terminal.backend().out.clone()).unwrap()
    }

    #[test]
    fn the_first_frame_is_one_synchronized_update() {
        let mut terminal = terminal();
        let written = frame(
            &mut terminal,
            &[
                Line::from("ab"),
                Line::from(Span::styled("c", Style::new().fg(Color::Red))),
            ],
        );
        assert_eq!(
            written,
            "\x1b[?2026h\x1b[Hab\x1b[2H\x1b[38;5;1mc\x1b[0m\x1b[?25l\x1b[?2026l"
        );
    }

    #[test]
    fn a_redraw_sends_only_what_changed() {
        let mut terminal = terminal();
        frame(&mut terminal, &[Line::from("abcdef")]);
        let written = frame(&mut terminal, &[Line::from("abXdeY")]);
        assert_eq!(written, "\x1b[?2026h\x1b[1;3HXdeY\x1b[?2026l");
    }

    #[test]
    fn a_space_keeps_the_pen_it_would_not_show() {
        let mut terminal = terminal();
        let orange = Style::new().fg(Color::Indexed(214));
        let line = Line::from(vec![
            Span::styled("a", orange),
            Span::raw(" "),
            Span::styled("b", orange),
        ]);
        frame(&mut terminal, &[Line::from("xxx")]);
        let written = frame(&mut terminal, &[line]);
        assert_eq!(
            written,
            "\x1b[?2026h\x1b[H\x1b[38;5;214ma b\x1b[0m\x1b[?2026l"
        );
    }

    #[test]
    fn a_short_gap_is_printed_again_rather_than_jumped() {
        let mut terminal = terminal();
        frame(&mut terminal, &[Line::from("abcdefghij")]);
        let written = frame(&mut terminal, &[Line::from("aXcYefghiZ")]);
        // c is reprinted (1 byte) instead of ESC[4G; the gap before Z is too long for that.
        assert_eq!(written, "\x1b[?2026h\x1b[1;2HXcY\x1b[10GZ\x1b[?2026l");
    }

    #[test]
    fn a_gap_in_another_style_is_jumped() {
        let mut terminal = terminal();
        let red = Style::new().fg(Color::Red);
        let line = |middle: &'static str| {
            Line::from(vec![
                Span::raw(middle),
                Span::styled("c", red),
                Span::raw(middle),
            ])
        };
        frame(&mut terminal, &[line("b")]);
        let written = frame(&mut terminal, &[line("X")]);
        assert_eq!(written, "\x1b[?2026h\x1b[HX\x1b[3GX\x1b[?2026l");
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let mut terminal = terminal();
        frame(&mut terminal, &[Line::from("same")]);
        assert_eq!(frame(&mut terminal, &[Line::from("same")]), "");
    }

    #[test]
    fn a_resize_clears_within_the_frame() {
        let mut terminal = terminal();
        frame(&mut terminal, &[Line::from("ab")]);
        terminal.backend_mut().resize(12, 3);
        let written = frame(&mut terminal, &[Line::from("ab")]);
        assert_eq!(written, "\x1b[?2026h\x1b[2J\x1b[Hab\x1b[?2026l");
    }
}
