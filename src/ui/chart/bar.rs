//! Bars by year: one bar per series in each year's slot, eighth-block tops for the first
//! series, values written above bars where they fit (always at the cursor's year), a dot where
//! a year has no data.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use super::flag_marks;
use super::plot::{Plot, Slot, put};
use crate::data::Point;
use crate::ui::format::bar_labels;

pub(super) fn render(plot: &Plot, buf: &mut Buffer) {
    plot.draw_breaks(buf);
    // Every bar's value in drawing order (years, then series in each), `None` for a gap: a
    // label is told apart from the nearest bar on each side.
    let values: Vec<Option<f64>> = plot
        .year_range()
        .flat_map(|year| {
            plot.series
                .iter()
                .map(move |s| s.indicator.point(year).map(|p| p.value.number))
        })
        .collect();
    let neighbours = |at: usize| -> Vec<f64> {
        let left = values[..at].iter().rev().flatten().next();
        let right = values[at + 1..].iter().flatten().next();
        left.into_iter().chain(right).copied().collect()
    };
    let mut labels = Vec::new();
    for (slot_index, year) in plot.year_range().enumerate() {
        let slot = plot.slot(year);
        for (index, series) in plot.series.iter().enumerate() {
            let Some((x, width)) = columns(plot, slot, index) else {
                continue;
            };
            let bar = Bar {
                x,
                width,
                index,
                slot,
                at_cursor: plot.ctx.cursor == Some(year),
                neighbours: neighbours(slot_index * plot.series.len() + index),
            };
            if let Some(point) = series.indicator.point(year) {
                labels.extend(bar.draw(plot, point, buf));
            } else {
                let center = x + (bar.width - 1) / 2;
                let row = plot.area.y + Bar::baseline(plot) as u16;
                let (glyph, style) = (plot.ctx.glyphs.no_data, plot.ctx.theme.gap);
                put(buf, plot.area, center, row, glyph, style);
            }
        }
    }
    write_labels(plot, labels, buf);
}

/// A bar's value, placed but not yet written.
struct Label {
    x: u16,
    y: u16,
    text: String,
    style: Style,
    at_cursor: bool,
}

impl Label {
    /// The column after its last.
    fn end(&self) -> u16 {
        self.x.saturating_add(self.text.width() as u16)
    }

    /// Whether the two would read as one number: on one row, without a blank column between
    /// (`17.1` beside `7.68` reads `17.17.68`).
    fn touches(&self, other: &Label) -> bool {
        self.y == other.y && self.x <= other.end() && other.x <= self.end()
    }
}

/// Writes the labels that touch no other: the cursor's first (it may be wider than its bar,
/// and is what the speaker points at), then the others from the left. A label left out is
/// still in the readout.
fn write_labels(plot: &Plot, labels: Vec<Label>, buf: &mut Buffer) {
    let (cursor, others): (Vec<Label>, Vec<Label>) =
        labels.into_iter().partition(|label| label.at_cursor);
    let mut kept: Vec<Label> = Vec::new();
    for label in cursor.into_iter().chain(others) {
        if !kept.iter().any(|other| other.touches(&label)) {
            kept.push(label);
        }
    }
    for label in &kept {
        put(buf, plot.area, label.x, label.y, &label.text, label.style);
    }
}

/// The first column and the width of series `index`'s bar in a year's `slot`; `None` where
/// the slot has no room for it.
fn columns(plot: &Plot, slot: Slot, index: usize) -> Option<(u16, u16)> {
    let count = plot.series.len() as u16;
    let gap = u16::from(slot.len >= 3);
    let usable = slot.len - gap;
    let width = (usable / count).max(1);
    let left = slot.start + usable.saturating_sub(width * count) / 2;
    let x = left + index as u16 * width;
    if x >= slot.start + slot.len || x >= plot.area.right() {
        return None;
    }
    Some((x, width.min(plot.area.right() - x)))
}

/// The cell at the end of series `index`'s bar for `point` (its middle column, the row its
/// value reaches), where a callout points; `None` where the bar is not drawn.
pub(super) fn end_cell(plot: &Plot, index: usize, point: &Point) -> Option<(u16, u16)> {
    let (x, width) = columns(plot, plot.slot(point.year), index)?;
    let rows = i32::from(plot.scale.rows);
    let row = Shape::of(plot, index, point.value.number)
        .end_row
        .clamp(0, rows - 1);
    Some((x + (width - 1) / 2, plot.area.y + row as u16))
}

/// How a bar fills its columns, in rows of the plot (0 = top): its body, the end cell above
/// a positive body (eighths for the first series), and the rows of its end and its label.
struct Shape {
    body: Range<i32>,
    top: Option<(i32, &'static str)>,
    end_row: i32,
    label_row: i32,
}

impl Shape {
    fn of(plot: &Plot, index: usize, value: f64) -> Shape {
        let glyphs = &plot.ctx.glyphs;
        let rows = i32::from(plot.scale.rows);
        let zero = Bar::zero(plot);
        let body = glyphs.fills[index % glyphs.fills.len()];
        if value >= 0.0 {
            let eighths = (plot.scale.steps(value, 8) - f64::from(zero * 8)).round() as i32;
            let eighths = eighths.clamp(1, rows * 8);
            let (full, part) = (eighths / 8, eighths % 8);
            let bottom = rows - 1 - zero;
            let top = if part > 0 {
                match glyphs.eighths {
                    Some(eighths) if index == 0 => Some(eighths[(part - 1) as usize]),
                    _ if part >= 4 || full == 0 => Some(body),
                    _ => None,
                }
            } else {
                None
            };
            let cells = full + i32::from(top.is_some());
            let end = bottom - cells.max(1) + 1;
            Shape {
                body: bottom - full + 1..bottom + 1,
                top: top.map(|glyph| (bottom - full, glyph)),
                end_row: end,
                label_row: end - 1,
            }
        } else {
            let cells =
                ((f64::from(zero) - plot.scale.steps(value, 1)).round() as i32).clamp(1, rows);
            let top = rows - zero;
            let end = top + cells - 1;
            Shape {
                body: top..top + cells,
                top: None,
                end_row: end,
                label_row: end + 1,
            }
        }
    }
}

/// Where one series' bar for one year goes.
struct Bar {
    x: u16,
    width: u16,
    index: usize,
    slot: Slot,
    at_cursor: bool,
    /// The values of the nearest bars on either side, which the label must differ from.
    neighbours: Vec<f64>,
}

impl Bar {
    /// Cells from the bottom at which zero lies, on a cell boundary.
    fn zero(plot: &Plot) -> i32 {
        plot.scale.steps(0.0, 1).round() as i32
    }

    /// The row (0 = top) just above zero: where positive bars start.
    fn baseline(plot: &Plot) -> i32 {
        let rows = i32::from(plot.scale.rows);
        rows - 1 - Bar::zero(plot).clamp(0, rows - 1)
    }

    /// Draws the bar and gives its label, to be written once every bar is drawn.
    fn draw(&self, plot: &Plot, point: &Point, buf: &mut Buffer) -> Option<Label> {
        let glyphs = &plot.ctx.glyphs;
        let style = plot.ctx.theme.series(self.index);
        let body = glyphs.fills[self.index % glyphs.fills.len()];
        let shape = Shape::of(plot, self.index, point.value.number);
        for row in shape.body {
            self.fill(plot, buf, row, body, style);
        }
        if let Some((row, top)) = shape.top {
            self.fill(plot, buf, row, top, style);
        }
        self.label(plot, point, shape.end_row, shape.label_row)
    }

    /// The value above the bar where it fits; at the cursor it may use the whole slot.
    fn label(&self, plot: &Plot, point: &Point, end_row: i32, label_row: i32) -> Option<Label> {
        let rows = i32::from(plot.scale.rows);
        let room = if self.at_cursor {
            self.slot.len.max(self.width) + 2
        } else {
            self.width
        };
        let marks = flag_marks(point, plot.ctx);
        let fits = |width: usize| width + marks.width() <= usize::from(room);
        let label = bar_labels(
            point.value.number,
            usize::from(point.value.decimals),
            plot.unit,
            &self.neighbours,
            point.is_lower_bound(),
            fits,
        )
        .next()
        .map_or_else(
            || marks.chars().take(usize::from(self.width)).collect(),
            |l| l + &marks,
        );
        if label.is_empty() {
            return None;
        }
        let center = self.x + (self.width - 1) / 2;
        let label_x = center
            .saturating_sub((label.width() as u16).saturating_sub(1) / 2)
            .max(if self.at_cursor {
                plot.area.x
            } else {
                self.slot.start
            })
            .min(plot.area.right().saturating_sub(label.width() as u16));
        let mut style = if marks.is_empty() {
            plot.ctx
                .theme
                .series(self.index)
                .add_modifier(Modifier::BOLD)
        } else {
            plot.ctx.theme.flag
        };
        if self.at_cursor {
            style = plot.ctx.theme.value.add_modifier(Modifier::REVERSED);
        }
        let row = if (0..rows).contains(&label_row) {
            label_row
        } else {
            // No room beyond the bar: write the label on its end cell, reversed.
            style = style.add_modifier(Modifier::REVERSED);
            end_row.clamp(0, rows - 1)
        };
        Some(Label {
            x: label_x,
            y: plot.area.y + row as u16,
            text: label,
            style,
            at_cursor: self.at_cursor,
        })
    }

    fn fill(&self, plot: &Plot, buf: &mut Buffer, row: i32, glyph: &str, style: Style) {
        if row < 0 || row >= i32::from(plot.scale.rows) {
            return;
        }
        let y = plot.area.y + row as u16;
        for dx in 0..self.width {
            buf[(self.x + dx, y)].set_symbol(glyph).set_style(style);
        }
    }
}
