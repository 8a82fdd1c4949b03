//! What the terminal shows, as far as this program drew it. With it the backend can print the
//! few unchanged cells between two changed ones, which is shorter than moving the cursor over
//! them: a tab switch moves the cursor hundreds of times over gaps of one to four cells.

use ratatui::buffer::Cell;
use ratatui::layout::Size;
use unicode_width::UnicodeWidthStr;

use crate::sgr::Pen;

pub struct Screen {
    width: u16,
    /// Row by row; empty once something was erased that is not tracked.
    cells: Vec<Shown>,
}

/// One cell as shown: a character of up to four bytes, and its pen. Plain data, so that the
/// screen is filled and updated by copying, without allocating.
#[derive(Debug, Clone, Copy)]
struct Shown {
    symbol: [u8; 4],
    /// 0: not known, never printed again.
    len: u8,
    pen: Pen,
}

impl Shown {
    const BLANK: Shown = Shown {
        symbol: *b"    ",
        len: 1,
        pen: Pen::DEFAULT,
    };

    const UNKNOWN: Shown = Shown {
        len: 0,
        ..Shown::BLANK
    };

    fn symbol(&self) -> Option<&str> {
        let bytes = self.symbol.get(..usize::from(self.len))?;
        std::str::from_utf8(bytes).ok().filter(|s| !s.is_empty())
    }
}

impl Screen {
    /// A screen just cleared: every cell blank, in the default pen.
    pub fn blank(size: Size) -> Screen {
        Screen {
            width: size.width,
            cells: vec![Shown::BLANK; usize::from(size.width) * usize::from(size.height)],
        }
    }

    /// A screen whose content is not known: nothing is printed again until it is cleared.
    pub fn unknown() -> Screen {
        Screen {
            width: 0,
            cells: Vec::new(),
        }
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width).then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    fn get(&self, x: u16, y: u16) -> Option<&Shown> {
        self.cells.get(self.index(x, y)?)
    }

    fn at(&mut self, x: u16, y: u16) -> Option<&mut Shown> {
        let index = self.index(x, y)?;
        self.cells.get_mut(index)
    }

    /// `cell` was printed at `(x, y)`.
    pub fn drawn(&mut self, x: u16, y: u16, cell: &Cell) {
        let symbol = cell.symbol();
        if let Some(shown) = self.at(x, y) {
            *shown = Shown::UNKNOWN;
            if let Some(bytes) = shown.symbol.get_mut(..symbol.len()) {
                bytes.copy_from_slice(symbol.as_bytes());
                shown.len = symbol.len() as u8;
                shown.pen = Pen::of(cell);
            }
        }
    }

    /// After `symbol` was printed at `(x, y)` and before anything is printed again: the
    /// columns a wide character covers are not known any more, so nothing is printed again
    /// over them. Returns whether the character takes one column.
    pub fn settle(&mut self, x: u16, y: u16, symbol: &str) -> bool {
        let width = columns(symbol);
        for covered in 1..width {
            if let Some(shown) = self.at(x.saturating_add(covered as u16), y) {
                *shown = Shown::UNKNOWN;
            }
        }
        width == 1
    }

    /// Prints the cells of row `y` from column `from` up to `to` onto `out`, if each is a
    /// one-column character that looks the same in `pen` and they take fewer than `budget`
    /// bytes. Returns whether it did; if not, `out` is as it was.
    pub fn reprint(
        &self,
        out: &mut String,
        y: u16,
        from: u16,
        to: u16,
        pen: Pen,
        budget: usize,
    ) -> bool {
        // Every character takes a byte at least.
        if usize::from(to.saturating_sub(from)) >= budget {
            return false;
        }
        let start = out.len();
        for x in from..to {
            let Some((shown, symbol)) = self.get(x, y).and_then(|s| Some((s, s.symbol()?))) else {
                out.truncate(start);
                return false;
            };
            let same_look = pen.draws_like(shown.pen, symbol);
            let narrow = columns(symbol) == 1;
            out.push_str(symbol);
            if !same_look || !narrow || out.len() - start >= budget {
                out.truncate(start);
                return false;
            }
        }
        true
    }
}

/// The columns a cell's symbol takes. One byte is printable ASCII, one column; more are
/// measured.
fn columns(symbol: &str) -> usize {
    if symbol.len() == 1 { 1 } else { symbol.width() }
}
