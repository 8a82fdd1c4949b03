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

/// What the layout needs to know of `page` in a frame `width` columns wide, with a readout of
/// `readout` lines: its highlights and growth line are wrapped to the body's width, which is
/// the frame's.
pub fn shape(page: &Page, ctx: &Ctx, width: u16, readout: u16) -> fit::Shape {
    let highlights = overview::highlight_lines(page, ctx, width);
    fit::Shape {
        charts: page.charts.len() as u16,
        tiles: page.tiles.len(),
        highlights: highlights.iter().map(|lines| lines.len() as u16).collect(),
        growth_rows: overview::growth_rows(page, ctx, width),
        readout,
    }
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

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use ratatui::widgets::Widget;

    use super::*;
    use crate::action::Action;
    use crate::app::App;
    use crate::data::Dataset;
    use crate::theme::Theme;
    use crate::ui::{Glyphs, readout};

    /// The note a frame shows when `hidden` things are left out, if any.
    fn note(hidden: usize, one: &str, many: &str) -> Option<String> {
        let noun = if hidden == 1 { one } else { many };
        (hidden > 0).then(|| format!("+{hidden} more {noun}: enlarge the window"))
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn what_a_size_shows_is_what_the_dashboard_draws() {
        let data = Dataset::embedded().unwrap();
        let theme = Theme::dark();
        for (index, page) in data.pages.iter().enumerate() {
            let opens = App::new(data.clone()).with_tab(index);
            // The readout as ↓ first shows it (the page's last year), and on its first year.
            let mut last = opens.clone();
            last.update(Action::NextYear, Instant::now());
            let mut first = opens.clone();
            first.update(Action::FirstYear, Instant::now());
            for app in [&opens, &last, &first] {
                let ctx = Ctx {
                    data: &data,
                    theme: &theme,
                    glyphs: Glyphs::new(false),
                    cursor: app.cursor(),
                    range: None,
                    view: crate::derive::View::Levels,
                    annotations: app.shown_annotations(),
                };
                // Around where the grid changes: two columns from 72, always from 100.
                for width in [50, 71, 72, 80, 99, 100, 120] {
                    let readout =
                        readout::rows(&data.page_indicators(page), &ctx, width).len() as u16;
                    let shape = shape(page, &ctx, width, readout);
                    for height in 15..=40 {
                        let area = Rect::new(0, 0, width, height);
                        let mut buf = Buffer::empty(area);
                        app.render(area, &mut buf);
                        let text: String = buf
                            .content
                            .iter()
                            .map(ratatui::buffer::Cell::symbol)
                            .collect();
                        let fit = fit::frame(&shape, width, height, true).unwrap();
                        let hidden = |count: fit::Count| count.total - count.shown;
                        let at =
                            format!("{} at {width}×{height}, cursor {:?}", page.id, app.cursor());
                        // The notes under the charts and under the tiles say what is left out.
                        for (hidden, one, many) in [
                            (hidden(fit.charts), "chart", "charts"),
                            (hidden(fit.figures), "figure", "figures"),
                        ] {
                            match note(hidden, one, many) {
                                Some(note) => assert!(text.contains(&note), "{at}: {note}"),
                                None => assert!(
                                    !text.contains(&format!("more {one}:"))
                                        && !text.contains(&format!("more {many}:")),
                                    "{at}: no {many} should be left out"
                                ),
                            }
                        }
                    }
                }
            }
        }
    }
}
