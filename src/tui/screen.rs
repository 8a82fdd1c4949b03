//! What the terminal shows, as far as this program drew it. With it the backend can print the
//! few unchanged cells between two changed ones, which is shorter than moving the cursor over
//! them: a tab switch moves the cursor hundreds of times over gaps of one to four cells.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Rect, Size};
use unicode_width::UnicodeWidthStr;

use crate::sgr::Pen;

pub struct Screen {
    /// `None` once something was erased that is not tracked.
    cells: Option<Buffer>,
}

impl Screen {
    /// A screen just cleared: every cell blank, in the default pen.
    pub fn blank(size: Size) -> Screen {
        let area = Rect::new(0, 0, size.width, size.height);
        Screen {
            cells: Some(Buffer::empty(area)),
        }
    }

    /// A screen whose content is not known: nothing is reprinted until it is cleared.
    pub fn unknown() -> Screen {
        Screen { cells: None }
    }

    /// `cell` was printed at `(x, y)`.
    pub fn drawn(&mut self, x: u16, y: u16, cell: &Cell) {
        if let Some(shown) = self.cells.as_mut().and_then(|cells| cells.cell_mut((x, y))) {
            shown.clone_from(cell);
        }
    }

    /// After `symbol` was printed at `(x, y)` and before anything is reprinted: the columns a
    /// wide character covers are not known any more, so nothing is reprinted over them.
    /// Returns whether the character takes one column.
    pub fn settle(&mut self, x: u16, y: u16, symbol: &str) -> bool {
        let width = if symbol.len() == 1 { 1 } else { symbol.width() };
        if let Some(cells) = &mut self.cells {
            for covered in 1..width {
                let column = x.saturating_add(covered as u16);
                if let Some(shown) = cells.cell_mut((column, y)) {
                    shown.set_symbol("");
                }
            }
        }
        width == 1
    }

    /// Prints the cells of row `y` from column `from` up to `to` onto `out`, if each is a
    /// one-column character that looks the same in `pen` and they take fewer than `budget`
    /// bytes. Returns whether it did.
    pub fn reprint(
        &self,
        out: &mut String,
        y: u16,
        from: u16,
        to: u16,
        pen: Pen,
        budget: usize,
    ) -> bool {
        let Some(cells) = &self.cells else {
            return false;
        };
        let mut bytes = 0;
        for x in from..to {
            let Some(cell) = cells.cell((x, y)) else {
                return false;
            };
            let symbol = cell.symbol();
            let shown = Pen::of(cell);
            let same_look = shown == pen || (symbol == " " && pen.blank_looks_like(shown));
            bytes += symbol.len();
            if !same_look || bytes >= budget || symbol.width() != 1 {
                return false;
            }
        }
        for x in from..to {
            if let Some(cell) = cells.cell((x, y)) {
                out.push_str(cell.symbol());
            }
        }
        true
    }
}
