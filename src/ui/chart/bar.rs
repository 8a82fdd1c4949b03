//! Bars by year: one bar per series in each year's slot, eighth-block tops for the first
//! series, values written above bars where they fit, a dot where a year has no data.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use super::{Plot, flag_marks, put};
use crate::ui::format::bar_labels;

/// Fills that tell series apart without colour; the first also gets eighth-block tops.
pub const FILLS: [&str; 3] = ["█", "▓", "░"];
const EIGHTHS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const NO_DATA: &str = "·";

pub(super) fn render(plot: &Plot, buf: &mut Buffer) {
    plot.draw_breaks(buf);
    let area = plot.area;
    let rows = i32::from(plot.scale.rows);
    // The zero line sits on a cell boundary, `zero` cells above the bottom.
    let zero = plot.scale.steps(0.0, 1).round() as i32;
    let count = plot.series.len() as u16;
    for year in plot.year_range() {
        let slot = plot.slot(year);
        let gap = u16::from(slot.len >= 3);
        let usable = slot.len - gap;
        let width = (usable / count).max(1);
        let left = slot.start + usable.saturating_sub(width * count) / 2;
        for (index, series) in plot.series.iter().enumerate() {
            let x = left + index as u16 * width;
            if x >= slot.start + slot.len || x >= area.right() {
                continue;
            }
            let width = width.min(area.right() - x);
            let style = plot.theme.series(index);
            let baseline = i32::from(area.bottom()) - 1 - zero.clamp(0, rows - 1);
            let Some(point) = series.indicator.point(year) else {
                let center = x + (width - 1) / 2;
                put(buf, area, center, baseline as u16, NO_DATA, plot.theme.gap);
                continue;
            };
            let value = point.value.number;
            // Rows (0 = top) the bar covers, and the row its label goes on.
            let (top_row, bottom_row, label_row) = if value >= 0.0 {
                let eighths = (plot.scale.steps(value, 8) - f64::from(zero * 8)).round() as i32;
                let eighths = eighths.max(1);
                let full = eighths / 8;
                let part = eighths % 8;
                let bottom = rows - 1 - zero;
                for cell in 0..full + i32::from(part > 0) {
                    let row = bottom - cell;
                    let glyph = if cell == full {
                        if index == 0 {
                            EIGHTHS[(part - 1) as usize]
                        } else if part >= 4 {
                            FILLS[index % FILLS.len()]
                        } else {
                            continue;
                        }
                    } else {
                        FILLS[index % FILLS.len()]
                    };
                    fill(buf, plot, x, width, row, glyph, style);
                }
                let top = bottom - (full + i32::from(part > 0)) + 1;
                (top, bottom, top - 1)
            } else {
                let cells = (f64::from(zero) - plot.scale.steps(value, 1)).round() as i32;
                let top = rows - zero;
                for row in top..top + cells.max(1) {
                    fill(buf, plot, x, width, row, FILLS[index % FILLS.len()], style);
                }
                let bottom = top + cells.max(1) - 1;
                (top, bottom, bottom + 1)
            };
            let marks = flag_marks(point);
            let label = bar_labels(value, usize::from(point.value.decimals), plot.unit)
                .into_iter()
                .map(|l| l + &marks)
                .find(|l| l.width() <= usize::from(width))
                .unwrap_or_else(|| marks.chars().take(usize::from(width)).collect());
            if label.is_empty() {
                continue;
            }
            let center = x + (width - 1) / 2;
            let label_x = center
                .saturating_sub((label.width() as u16).saturating_sub(1) / 2)
                .max(slot.start);
            let label_style = if marks.is_empty() {
                style.add_modifier(Modifier::BOLD)
            } else {
                plot.theme.flag
            };
            if (0..rows).contains(&label_row) {
                let y = area.y + label_row as u16;
                put(buf, area, label_x, y, &label, label_style);
            } else {
                // No room outside the bar: write the label on its end cell, reversed.
                let row = if value >= 0.0 { top_row } else { bottom_row };
                let y = area.y + row.clamp(0, rows - 1) as u16;
                put(
                    buf,
                    area,
                    label_x,
                    y,
                    &label,
                    label_style.add_modifier(Modifier::REVERSED),
                );
            }
        }
    }
}

fn fill(
    buf: &mut Buffer,
    plot: &Plot,
    x: u16,
    width: u16,
    row: i32,
    glyph: &str,
    style: ratatui::style::Style,
) {
    if row < 0 || row >= i32::from(plot.scale.rows) {
        return;
    }
    let y = plot.area.y + row as u16;
    for dx in 0..width {
        buf[(x + dx, y)].set_symbol(glyph).set_style(style);
    }
}
