//! What ratatui's `Terminal` with `CrosstermBackend` writes for a change of screen: the
//! yardstick for the bytes of a tab switch.
//!
//! Both screens are read back from the emulated terminal into ratatui buffers (symbol,
//! colours, bold, dim, italic, underline, reverse: what `vt100` keeps), and drawn one after
//! the other by a `Terminal` over a `CrosstermBackend` that writes to memory. The second
//! draw's bytes are the change's cost: ratatui's diff of the two buffers, crossterm's
//! escape codes, and the cursor hiding `Terminal::draw` writes with every frame. For the
//! baseline, which draws that way, they equal what it wrote.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::Result;

#[derive(Clone, Copy)]
pub struct Change {
    /// The cells ratatui's diff sends.
    pub cells: usize,
    /// The bytes `Terminal::draw` writes for them.
    pub bytes: usize,
}

pub fn crossterm(before: &vt100::Screen, after: &vt100::Screen) -> Result<Change> {
    let (before, after) = (buffer(before), buffer(after));
    let cells = before.diff(&after).len();
    let written = Count::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(written.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(after.area),
        },
    )?;
    terminal.draw(|frame| *frame.buffer_mut() = before)?;
    let start = written.0.get();
    terminal.draw(|frame| *frame.buffer_mut() = after)?;
    Ok(Change {
        cells,
        bytes: written.0.get() - start,
    })
}

/// A writer that only counts.
#[derive(Clone, Default)]
struct Count(Rc<Cell<usize>>);

impl Write for Count {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn buffer(screen: &vt100::Screen) -> Buffer {
    let (rows, cols) = screen.size();
    let mut buffer = Buffer::empty(Rect::new(0, 0, cols, rows));
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            // The column a wide character covers stays as ratatui leaves it: reset.
            if cell.is_wide_continuation() {
                continue;
            }
            let symbol = match cell.contents() {
                "" => " ",
                text => text,
            };
            buffer[(col, row)].set_symbol(symbol).set_style(style(cell));
        }
    }
    buffer
}

fn style(cell: &vt100::Cell) -> Style {
    let mut modifier = Modifier::empty();
    for (on, bit) in [
        (cell.bold(), Modifier::BOLD),
        (cell.dim(), Modifier::DIM),
        (cell.italic(), Modifier::ITALIC),
        (cell.underline(), Modifier::UNDERLINED),
        (cell.inverse(), Modifier::REVERSED),
    ] {
        if on {
            modifier |= bit;
        }
    }
    Style::new()
        .fg(color(cell.fgcolor()))
        .bg(color(cell.bgcolor()))
        .add_modifier(modifier)
}

/// The 16 colours as ratatui names them, which crossterm writes in their short form
/// (`ESC[31m`, not `ESC[38;5;1m`).
const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

fn color(color: vt100::Color) -> Color {
    match color {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => NAMED
            .get(usize::from(i))
            .copied()
            .unwrap_or(Color::Indexed(i)),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}
