//! One page's body: its headline tiles, then its charts in a grid that steps down from two
//! columns to one, and to fewer charts, as the window shrinks, and under the charts the page's
//! highlights where the charts can spare the room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, chart, hidden, overview, split};
use crate::data::Page;

/// A chart shorter than this shows too few rows to read.
const MIN_CHART_HEIGHT: u16 = 7;
/// Two columns of charts need at least this much width each.
const MIN_CHART_WIDTH: u16 = 36;
/// Each row of charts keeps this many rows before highlights take room under them: the
/// highlights give way first, long before a chart would.
const ROOMY_CHART_HEIGHT: u16 = 10;

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
    let area = render_highlights(page, ctx, area, buf);
    render_charts(page, ctx, area, buf);
}

/// How the charts are laid out in an area: in how many columns, how many rows they would take,
/// how many rows fit and how many charts are left out.
struct Grid {
    columns: u16,
    rows: u16,
    shown_rows: u16,
    hidden: u16,
}

fn grid(count: u16, area: Rect) -> Grid {
    let fits_one_column = area.height / count.max(1) > MIN_CHART_HEIGHT;
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
    Grid {
        columns,
        rows,
        shown_rows,
        hidden,
    }
}

/// Draws the page's highlights at the foot of `area` and returns what is left for the charts.
/// The charts come first: the highlights take only the rows that leave each row of charts
/// [`ROOMY_CHART_HEIGHT`], and only whole ones, in order. Those left out are counted in a note,
/// which takes a row only where no chart is left out for it.
fn render_highlights(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) -> Rect {
    if page.highlights.is_empty() {
        return area;
    }
    let count = page.charts.len() as u16;
    let spare = area
        .height
        .saturating_sub(grid(count, area).rows * ROOMY_CHART_HEIGHT);
    let highlights = overview::highlight_lines(page, ctx, area.width);
    // The rule with its title, then the highlights that fit under it.
    let mut height = 1;
    let shown = highlights
        .iter()
        .take_while(|lines| {
            let fits = height + lines.len() as u16 <= spare;
            if fits {
                height += lines.len() as u16;
            }
            fits
        })
        .count();
    let height = if shown > 0 { height } else { 0 };
    let left_out = highlights.len() - shown;
    let [charts, block] = split::rows(area, [None, Some(height)]);
    overview::render_highlight_block(&highlights[..shown], ctx, block, buf);
    if left_out == 0 {
        return charts;
    }
    let [rest, note] = split::rows(charts, [None, Some(1)]);
    if grid(count, rest).hidden > grid(count, charts).hidden {
        return charts;
    }
    hidden::render(left_out, "highlight", "highlights", ctx.theme, note, buf);
    rest
}

fn render_charts(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let count = page.charts.len() as u16;
    let Grid {
        columns,
        shown_rows,
        hidden,
        ..
    } = grid(count, area);
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
