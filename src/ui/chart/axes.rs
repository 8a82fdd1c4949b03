//! A chart's axes: round ticks with their labels on the left, years along the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use super::plot::Plot;
use crate::data::ChartKind;

/// The y axis line with a tick at each labelled value, the labels right-aligned beside it.
pub(super) fn render_y_axis(
    plot: &Plot,
    kind: ChartKind,
    labels: &[(f64, String)],
    label_area: Rect,
    axis_area: Rect,
    buf: &mut Buffer,
) {
    let style = plot.ctx.theme.axis;
    for y in axis_area.top()..axis_area.bottom() {
        buf[(axis_area.x, y)]
            .set_symbol(plot.ctx.glyphs.axis)
            .set_style(style);
    }
    let mut last_row = None;
    for (value, label) in labels {
        let row = if kind == ChartKind::Bar {
            plot.scale.bar_row(*value)
        } else {
            plot.scale.line_row(*value)
        };
        if last_row == Some(row) {
            continue;
        }
        last_row = Some(row);
        let y = axis_area.y + row;
        buf[(axis_area.x, y)]
            .set_symbol(plot.ctx.glyphs.tick)
            .set_style(style);
        let x = label_area.right() - label.width() as u16;
        buf.set_stringn(x, y, label, label.width(), style);
    }
}

/// Year labels under their slots, every 1, 2, 5 or 10 years so they never collide; the
/// cursor's year is always labelled, reversed.
pub(super) fn render_x_axis(plot: &Plot, area: Rect, buf: &mut Buffer) {
    let per_year = f64::from(plot.area.width) / plot.years as f64;
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|step| per_year * f64::from(*step) >= 5.0)
        .unwrap_or(100);
    let place = |year: i32| {
        let width = year.to_string().width() as u16;
        let x = plot
            .slot(year)
            .center()
            .saturating_sub((width - 1) / 2)
            .min(area.right().saturating_sub(width));
        (x, width)
    };
    let cursor = plot.ctx.cursor.filter(|y| plot.contains_year(*y));
    let reserved = cursor.map(place);
    let mut free_from = area.x;
    for year in plot.year_range().filter(|y| y % step == 0 || step == 1) {
        let (x, width) = place(year);
        let clashes = reserved.is_some_and(|(cx, cw)| x < cx + cw + 1 && cx < x + width + 1);
        if x < free_from || (clashes && Some(year) != cursor) {
            continue;
        }
        buf.set_string(x, area.y, year.to_string(), plot.ctx.theme.axis);
        free_from = x + width + 1;
    }
    if let (Some(year), Some((x, _))) = (cursor, reserved) {
        let style = plot
            .ctx
            .theme
            .axis
            .add_modifier(Modifier::REVERSED | Modifier::BOLD);
        buf.set_string(x, area.y, year.to_string(), style);
    }
}
