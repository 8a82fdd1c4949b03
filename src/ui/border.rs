//! The border and titles around a chart or a tile, drawn without touching the cells inside.
//! ratatui's `Block` also sets its style, empty here, on every cell of its area: for the charts
//! of a tab that was a tenth of the instructions of a tab switch (benches/instructions.sh).
//! The top and bottom rows are still drawn by `Block`, titles and corners included; only the
//! sides are drawn here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

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
        let edge = |borders| {
            Block::new()
                .borders(borders)
                .border_set(self.set)
                .border_style(self.style)
        };
        if area.height < 3 || area.width < 2 {
            // Too small for sides of their own: the whole block, as ratatui draws it.
            let mut block = edge(Borders::ALL);
            for title in self.titles {
                block = block.title(title);
            }
            if let Some(bottom) = self.bottom {
                block = block.title_bottom(bottom);
            }
            block.render(area, buf);
            return;
        }
        let mut top = edge(Borders::TOP | Borders::LEFT | Borders::RIGHT);
        for title in self.titles {
            top = top.title(title);
        }
        top.render(Rect { height: 1, ..area }, buf);
        let mut bottom = edge(Borders::BOTTOM | Borders::LEFT | Borders::RIGHT);
        if let Some(title) = self.bottom {
            bottom = bottom.title_bottom(title);
        }
        let last = area.bottom() - 1;
        bottom.render(
            Rect {
                y: last,
                height: 1,
                ..area
            },
            buf,
        );
        for y in area.top() + 1..last {
            for (x, symbol) in [
                (area.left(), self.set.vertical_left),
                (area.right() - 1, self.set.vertical_right),
            ] {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_symbol(symbol).set_style(self.style);
                }
            }
        }
    }
}
