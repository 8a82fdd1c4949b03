//! Where a chart's values and years land: the plot's area and scales, the columns of each
//! year, and the marks both kinds draw across the plot (breaks, the cursor, events).

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::Series;
use crate::ui::Ctx;
use crate::ui::format::Ticks;

/// Everything the plot functions need: where to draw, the scales and the data.
pub(super) struct Plot<'a> {
    pub(super) area: Rect,
    pub(super) first_year: i32,
    pub(super) years: usize,
    pub(super) scale: Scale,
    pub(super) series: &'a [Series<'a>],
    pub(super) unit: &'a str,
    pub(super) ctx: &'a Ctx<'a>,
}

impl Plot<'_> {
    pub(super) fn slot(&self, year: i32) -> Slot {
        slot(self.area, self.years, (year - self.first_year) as usize)
    }

    pub(super) fn year_range(&self) -> impl Iterator<Item = i32> + use<> {
        let first = self.first_year;
        first..first + self.years as i32
    }

    pub(super) fn contains_year(&self, year: i32) -> bool {
        year >= self.first_year && year < self.first_year + self.years as i32
    }

    /// Marks each break with a dotted column just left of its year.
    pub(super) fn draw_breaks(&self, buf: &mut Buffer) {
        for brk in self.series.iter().flat_map(|s| &s.indicator.breaks) {
            if brk.year == self.first_year || !self.contains_year(brk.year) {
                continue;
            }
            let x = self.slot(brk.year).start.saturating_sub(1).max(self.area.x);
            self.column(
                buf,
                x,
                self.ctx.glyphs.series_break,
                self.ctx.theme.break_mark,
            );
        }
    }

    /// A guide through the plot at the cursor's year, under the bars and lines.
    pub(super) fn draw_cursor(&self, buf: &mut Buffer) {
        if let Some(year) = self.ctx.cursor.filter(|y| self.contains_year(*y)) {
            let x = self.slot(year).center();
            self.column(buf, x, self.ctx.glyphs.cursor, self.ctx.theme.cursor);
        }
    }

    /// A mark at the top of the plot for each dated event in the chart's years.
    pub(super) fn draw_events(&self, buf: &mut Buffer) {
        for year in self
            .ctx
            .data
            .events
            .iter()
            .filter_map(crate::data::Event::year)
        {
            if !self.contains_year(year) {
                continue;
            }
            let cell = &mut buf[(self.slot(year).center(), self.area.y)];
            if cell.symbol() == " " {
                cell.set_symbol(self.ctx.glyphs.event)
                    .set_style(self.ctx.theme.event);
            }
        }
    }

    /// The year range over the chart's years: a band behind them (a background only, and not
    /// behind reversed cells, which mark the cursor), and on the year axis `axis`, in its blank
    /// cells, a bracket `[──2012──]` that says it without colour. A range reaching past the
    /// chart's years runs to the edge there, without its end.
    pub(super) fn draw_range(&self, axis: Rect, buf: &mut Buffer) {
        let Some((from, to)) = self.ctx.range else {
            return;
        };
        let Some((left, last_column)) = self.year_columns(from, to) else {
            return;
        };
        let right = last_column + 1;
        let last = self.first_year + self.years as i32 - 1;
        let (first, final_year) = (from.max(self.first_year), to.min(last));
        let band = self.ctx.theme.range;
        self.shade_years(from, to, band, buf);
        let [start, line, end] = self.ctx.glyphs.range;
        if axis.height == 0 {
            return;
        }
        let style = self.ctx.theme.axis.patch(band);
        for x in left..right {
            let cell = &mut buf[(x, axis.y)];
            if cell.modifier.contains(Modifier::REVERSED) {
                continue;
            }
            if cell.symbol() == " " {
                cell.set_symbol(line);
            }
            cell.set_style(style);
        }
        // Each end's bracket on its first or last cell, or just beyond the year's label where
        // the label takes that cell (a label may be wider than its year's slot); none where
        // the range runs on past the chart's years.
        let free = |cell: &Cell| cell.symbol() == " " || cell.symbol() == line;
        let ends = [
            (
                from == first,
                start,
                [Some(left), left.checked_sub(1), left.checked_sub(2)],
            ),
            (
                to == final_year,
                end,
                [Some(right - 1), Some(right), Some(right + 1)],
            ),
        ];
        for (shown, glyph, candidates) in ends {
            let at = candidates
                .into_iter()
                .flatten()
                .filter(|x| (axis.left()..axis.right()).contains(x))
                .find(|x| free(&buf[(*x, axis.y)]));
            if let Some(x) = at.filter(|_| shown) {
                buf[(x, axis.y)].set_symbol(glyph).set_style(style);
            }
        }
    }

    /// The columns the years `from` to `to` take, clipped to the chart's years; `None` when
    /// none of them is on the chart.
    pub(super) fn year_columns(&self, from: i32, to: i32) -> Option<(u16, u16)> {
        let last = self.first_year + self.years as i32 - 1;
        let (from, to) = (from.max(self.first_year), to.min(last));
        if from > to {
            return None;
        }
        let end = self.slot(to);
        Some((self.slot(from).start, end.start + end.len - 1))
    }

    /// Patches `style` onto the cells of the plot in the years `from` to `to` (those on the
    /// chart): a shading under what is drawn there when the style sets only a background. Not
    /// onto reversed cells (the cursor's values), whose background is their text's colour.
    pub(super) fn shade_years(&self, from: i32, to: i32, style: Style, buf: &mut Buffer) {
        let Some((left, right)) = self.year_columns(from, to) else {
            return;
        };
        for y in self.area.top()..self.area.bottom() {
            for x in left..=right {
                let cell = &mut buf[(x, y)];
                if !cell.modifier.contains(Modifier::REVERSED) {
                    cell.set_style(style);
                }
            }
        }
    }

    pub(super) fn column(&self, buf: &mut Buffer, x: u16, symbol: &str, style: Style) {
        for y in self.area.top()..self.area.bottom() {
            buf[(x, y)].set_symbol(symbol).set_style(style);
        }
    }
}

/// The columns one year occupies.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    pub(super) start: u16,
    pub(super) len: u16,
}

impl Slot {
    pub(super) fn center(self) -> u16 {
        self.start + self.len.saturating_sub(1) / 2
    }
}

pub(super) fn slot(area: Rect, years: usize, index: usize) -> Slot {
    let width = usize::from(area.width);
    let start = index * width / years.max(1);
    let end = ((index + 1) * width / years.max(1)).max(start + 1);
    let start = start.min(width.saturating_sub(1));
    Slot {
        start: area.x + start as u16,
        len: (end.min(width) - start).max(1) as u16,
    }
}

/// Maps values to rows of the plot.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scale {
    pub(super) ticks: Ticks,
    pub(super) rows: u16,
}

impl Scale {
    /// Position of `value` in units of `per_row` steps from the bottom of the plot.
    pub(super) fn steps(&self, value: f64, per_row: u16) -> f64 {
        let span = self.ticks.hi - self.ticks.lo;
        (value - self.ticks.lo) / span * f64::from(self.rows * per_row)
    }

    /// The row (0 = top) a line chart puts `value` on, in Braille dots (4 per row).
    pub(super) fn line_dot(&self, value: f64) -> u16 {
        let max = self.rows * 4 - 1;
        let span = self.ticks.hi - self.ticks.lo;
        let dot = ((value - self.ticks.lo) / span * f64::from(max)).round();
        max - dot.clamp(0.0, f64::from(max)) as u16
    }

    pub(super) fn line_row(&self, value: f64) -> u16 {
        self.line_dot(value) / 4
    }

    /// The row a bar chart's tick label for `value` sits on: the end cell of a bar of that
    /// value, and for zero the bottom row of positive bars.
    pub(super) fn bar_row(&self, value: f64) -> u16 {
        let rows = i32::from(self.rows);
        let cells = self.steps(value, 1).round() as i32;
        let row = if value > 0.0 {
            rows - cells
        } else {
            rows - 1 - cells
        };
        row.clamp(0, rows - 1) as u16
    }
}

/// Draws a string clipped to `area`, for labels inside the plot.
pub(super) fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, text: &str, style: Style) {
    if y < area.top() || y >= area.bottom() || x >= area.right() || x < area.left() {
        return;
    }
    let room = usize::from(area.right() - x);
    buf.set_stringn(x, y, text, room, style);
}
