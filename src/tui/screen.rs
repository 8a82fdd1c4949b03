//! What the terminal shows, as far as this program drew it. The painter compares each frame
//! with it, and prints the few unchanged cells between two changed ones where that is shorter
//! than moving the cursor over them: a tab switch moves the cursor hundreds of times over
//! gaps of one to four cells.

use ratatui::buffer::Cell;
use ratatui::layout::Size;

use crate::sgr::Pen;

pub struct Screen {
    size: Size,
    /// Row by row.
    cells: Vec<Shown>,
}

/// One cell as shown: a character of up to four bytes, its pen and the columns it takes.
/// Plain data, so that the screen is filled and updated by copying, without allocating.
#[derive(Debug, Clone, Copy)]
struct Shown {
    symbol: [u8; 4],
    /// 0: not known (a longer character, or a column a wide character covers): never taken
    /// as unchanged, never printed again.
    len: u8,
    width: u8,
    pen: Pen,
}

impl Shown {
    const BLANK: Shown = Shown {
        symbol: *b"    ",
        len: 1,
        width: 1,
        pen: Pen::DEFAULT,
    };

    const UNKNOWN: Shown = Shown {
        len: 0,
        ..Shown::BLANK
    };

    /// Whether printing `cell` here would change nothing that can be seen.
    fn looks_like(&self, cell: &Cell) -> bool {
        let symbol = cell.symbol();
        let bytes = symbol.as_bytes();
        // Byte by byte: a call to compare slices costs more than these few bytes.
        self.len != 0
            && usize::from(self.len) == bytes.len()
            && self.symbol.iter().zip(bytes).all(|(a, b)| a == b)
            && self.pen.draws_like(Pen::of(cell), symbol)
    }

    fn symbol(&self) -> Option<&str> {
        let bytes = self.symbol.get(..usize::from(self.len))?;
        std::str::from_utf8(bytes).ok().filter(|s| !s.is_empty())
    }
}

impl Screen {
    /// A screen just cleared: every cell blank, in the default pen.
    pub fn blank(size: Size) -> Screen {
        Screen {
            size,
            cells: vec![Shown::BLANK; usize::from(size.width) * usize::from(size.height)],
        }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.size.width)
            .then(|| usize::from(y) * usize::from(self.size.width) + usize::from(x))
    }

    fn get(&self, x: u16, y: u16) -> Option<&Shown> {
        self.cells.get(self.index(x, y)?)
    }

    fn at(&mut self, x: u16, y: u16) -> Option<&mut Shown> {
        let index = self.index(x, y)?;
        self.cells.get_mut(index)
    }

    /// The first cell of row `y` from column `x` on that does not look as `row` (the row of
    /// a frame) has it, and so must be printed. Characters that stay skip the columns they
    /// cover.
    pub fn next_change<'r>(&self, y: u16, mut x: u16, row: &'r [Cell]) -> Option<(u16, &'r Cell)> {
        let width = usize::from(self.size.width);
        let start = usize::from(y) * width;
        let shown = self.cells.get(start..start + width)?;
        loop {
            let (cell, shown) = (row.get(usize::from(x))?, shown.get(usize::from(x))?);
            if !shown.looks_like(cell) {
                return Some((x, cell));
            }
            x = x.saturating_add(u16::from(shown.width.max(1)));
        }
    }

    /// `symbol`, `width` columns wide, was printed at `(x, y)` in `pen`. The columns a wide
    /// character covers are not known any more: what a terminal shows there varies.
    pub fn drawn(&mut self, x: u16, y: u16, symbol: &str, pen: Pen, width: u16) {
        for covered in 1..width {
            if let Some(shown) = self.at(x.saturating_add(covered), y) {
                *shown = Shown::UNKNOWN;
            }
        }
        if let Some(shown) = self.at(x, y) {
            *shown = Shown::UNKNOWN;
            if let (Some(bytes), Ok(len), Ok(width)) = (
                shown.symbol.get_mut(..symbol.len()),
                u8::try_from(symbol.len()),
                u8::try_from(width),
            ) {
                bytes.copy_from_slice(symbol.as_bytes());
                shown.len = len;
                shown.width = width;
                shown.pen = pen;
            }
        }
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
            out.push_str(symbol);
            let fits =
                pen.draws_like(shown.pen, symbol) && shown.width == 1 && out.len() - start < budget;
            if !fits {
                out.truncate(start);
                return false;
            }
        }
        true
    }
}
