//! One page's body: its headline tiles and highlights, then its charts in a grid that steps
//! down from two columns to one, and to fewer charts, as the window shrinks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, chart, hidden, overview, split};
use crate::data::Page;

/// A chart shorter than this shows too few rows to read.
const MIN_CHART_HEIGHT: u16 = 7;
/// Two columns of charts need at least this much width each.
const MIN_CHART_WIDTH: u16 = 36;

pub fn render(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    if page.charts.is_empty() {
        overview::render(page, ctx, area, buf);
        return;
    }
    let area = if page.tiles.is_empty() {
        area
    } else {
        let [tiles, rest] = split::rows(area, [Some(overview::TILE_HEIGHT), None]);
        overview::render_tiles(page, ctx, tiles, buf);
        rest
    };
    render_charts(page, ctx, area, buf);
}

fn render_charts(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let count = page.charts.len() as u16;
    let fits_one_column = area.height / count > MIN_CHART_HEIGHT;
    let columns: u16 = if count > 1
        && area.width >= 2 * MIN_CHART_WIDTH
        && (!fits_one_column || area.width >= 100)
    {
        2
    } else {
        1
    };
    let rows = count.div_ceil(columns);
    let shown_rows = rows.min(area.height / MIN_CHART_HEIGHT).max(1);
    let hidden = count.saturating_sub(shown_rows * columns);
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
