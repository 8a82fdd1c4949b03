//! The border and titles around a chart or a tile, drawn as ratatui's `Block` draws them but
//! without touching the cells inside (`Block` sets its style, empty here, on every cell of its
//! area: for the charts of a tab that was a tenth of the instructions of a tab switch) and
//! with titles printed by `print::line`. Blocks too small for sides, and centred titles, are
//! left to `Block`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::print;

pub struct Border<'a> {
    set: border::Set<'static>,
    style: Style,
    titles: Vec<Line<'a>>,
    bottom: Option<Line<'a>>,
}

impl<'a> Border<'a> {
    pub fn new(set: border::Set<'static>, style: Style) -> Border<'a> {
        Border {
            set,
            style,
            titles: Vec::new(),
            bottom: None,
        }
    }

    /// A title on the top border, placed by its alignment.
    #[must_use]
    pub fn title(mut self, title: Line<'a>) -> Border<'a> {
        self.titles.push(title);
        self
    }

    #[must_use]
    pub fn title_bottom(mut self, title: Line<'a>) -> Border<'a> {
        self.bottom = Some(title);
        self
    }

    /// The area inside a border around `area`.
    pub fn inner(area: Rect) -> Rect {
        Block::bordered().inner(area)
    }

    pub fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let centred = |title: &Line| title.alignment == Some(Alignment::Center);
        if area.height < 3 || area.width < 2 || self.titles.iter().any(centred) {
            // Too small for sides of their own, or a title placed otherwise: the whole block,
            // as ratatui draws it.
            let mut block = Block::bordered()
                .border_set(self.set)
                .border_style(self.style);
            for title in self.titles {
                block = block.title(title);
            }
            if let Some(bottom) = self.bottom {
                block = block.title_bottom(bottom);
            }
            block.render(area, buf);
            return;
        }
        let set = self.set;
        let last = area.bottom() - 1;
        self.edge(
            area,
            area.top(),
            [set.top_left, set.horizontal_top, set.top_right],
            &self.titles,
            buf,
        );
        let bottom = [set.bottom_left, set.horizontal_bottom, set.bottom_right];
        self.edge(area, last, bottom, self.bottom.as_slice(), buf);
        for y in area.top() + 1..last {
            for (x, symbol) in [
                (area.left(), set.vertical_left),
                (area.right() - 1, set.vertical_right),
            ] {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_symbol(symbol).set_style(self.style);
                }
            }
        }
    }

    /// The top or bottom row at `y`, corners and line, with titles placed as `Block` places
    /// them: left-aligned ones from the left, a column apart, then right-aligned ones from the
    /// right.
    fn edge(
        &self,
        area: Rect,
        y: u16,
        [first, line, last]: [&str; 3],
        titles: &[Line],
        buf: &mut Buffer,
    ) {
        for x in area.left()..area.right() {
            let symbol = match x {
                _ if x == area.left() => first,
                _ if x == area.right() - 1 => last,
                _ => line,
            };
            buf[(x, y)].set_symbol(symbol).set_style(self.style);
        }
        let inside = Rect {
            x: area.x + 1,
            y,
            width: area.width - 2,
            height: 1,
        };
        let width = |title: &Line| u16::try_from(title.width()).unwrap_or(u16::MAX);
        let right = |title: &&Line| title.alignment == Some(Alignment::Right);
        let mut room = inside;
        for title in titles.iter().filter(|title| !right(title)) {
            if room.is_empty() {
                break;
            }
            let width = width(title);
            print::line(
                title,
                Rect {
                    width: width.min(room.width),
                    ..room
                },
                buf,
            );
            let advance = width.saturating_add(1);
            room.x = room.x.saturating_add(advance);
            room.width = room.width.saturating_sub(advance);
        }
        let mut room = inside;
        for title in titles.iter().filter(right).rev() {
            if room.is_empty() {
                break;
            }
            let width = width(title);
            let at = Rect {
                x: room.right().saturating_sub(width).max(room.left()),
                width: width.min(room.width),
                ..room
            };
            print::line(title, at, buf);
            room.width = room.width.saturating_sub(width).saturating_sub(1);
        }
    }
}
