//! One page's body: its headline tiles, then its charts in a grid that steps down from two
//! columns to one, and to fewer charts, as the window shrinks, and under the charts the page's
//! highlights where the charts can spare the room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, chart, fit, hidden, overview, split};
use crate::data::Page;

pub fn render(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    if page.charts.is_empty() {
        overview::render(page, ctx, area, buf);
        return;
    }
    let area = if page.tiles.is_empty() {
        area
    } else {
        let [tiles, rest] = split::rows(area, [Some(fit::TILE_HEIGHT), None]);
        overview::render_tiles(page, ctx, tiles, buf);
        rest
    };
    let area = render_highlights(page, ctx, area, buf);
    render_charts(page, ctx, area, buf);
}

/// Draws the page's highlights at the foot of `area`, where [`fit::under_charts`] puts them,
/// and returns what is left for the charts.
fn render_highlights(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) -> Rect {
    if page.highlights.is_empty() {
        return area;
    }
    let highlights = overview::highlight_lines(page, ctx, area.width);
    let heights: Vec<u16> = highlights.iter().map(|lines| lines.len() as u16).collect();
    let placed = fit::under_charts(page.charts.len() as u16, &heights, area);
    overview::render_highlight_block(&highlights[..placed.shown], ctx, placed.block, buf);
    if let Some(note) = placed.note {
        let left_out = highlights.len() - placed.shown;
        hidden::render(left_out, "highlight", "highlights", ctx.theme, note, buf);
    }
    placed.charts
}

fn render_charts(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let count = page.charts.len() as u16;
    let fit::Grid {
        columns,
        shown_rows,
        hidden,
        ..
    } = fit::grid(count, area);
    let [grid, note] = split::rows(area, [None, Some(u16::from(hidden > 0))]);
    let mut charts = page.charts.iter();
    for row in split::even(grid, shown_rows, false) {
        let in_row = (charts.len() as u16).min(columns);
        let cells = split::even(row, in_row, true);
        for (cell, spec) in cells.into_iter().zip(charts.by_ref()) {
            chart::render(spec, ctx, cell, buf);
        }
    }
    hidden::render(usize::from(hidden), "chart", "charts", ctx.theme, note, buf);
}
