//! How much of a page an area shows: the arithmetic of the page layouts (tiles, charts in a
//! grid, highlights under them), kept apart from the drawing so that the pre-flight card can
//! say, with the very same numbers, which tabs would leave a chart out at a terminal's size.

use ratatui::layout::Rect;

use super::{MIN_HEIGHT, split, too_small};

/// A chart shorter than this shows too few rows to read.
pub const MIN_CHART_HEIGHT: u16 = 7;
/// Two columns of charts need at least this much width each.
const MIN_CHART_WIDTH: u16 = 36;
/// Each row of charts keeps this many rows before highlights take room under them: the
/// highlights give way first, long before a chart would.
const ROOMY_CHART_HEIGHT: u16 = 10;
/// A tile's height beside charts: border, value, change, trend and its years.
pub const TILE_HEIGHT: u16 = 7;
/// On a tall screen tiles grow, so the trend is easy to read from the back row.
const MAX_TILE_HEIGHT: u16 = 11;
const MIN_TILE_HEIGHT: u16 = 4;
/// The tallest terminal the card looks for a fit in.
const TALLEST: u16 = 1000;

/// How the charts are laid out in an area: in how many columns, how many rows they would take,
/// how many rows fit and how many charts are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub columns: u16,
    pub rows: u16,
    pub shown_rows: u16,
    pub hidden: u16,
}

/// The grid `count` charts take in `area`: two columns where they are wide enough and either
/// one column would squash them or the screen is wide; as many rows as fit (at least one).
pub fn grid(count: u16, area: Rect) -> Grid {
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

/// How many tiles a row holds at this width.
pub fn tile_columns(count: usize, width: u16) -> u16 {
    let columns = match width {
        90.. => 3,
        48.. => 2,
        _ => 1,
    };
    columns.min(count.max(1) as u16)
}

/// The rows the overview's tiles take: up to two thirds of the page (but for 12 rows), each
/// row of tiles between the smallest and the largest tile height.
pub fn tiles_height(count: usize, area: Rect) -> u16 {
    let rows = (count as u16).div_ceil(tile_columns(count, area.width));
    // Keep about a third of the page for the highlights.
    let room = area.height - (area.height / 3).min(12);
    let per_row = (room / rows.max(1)).clamp(MIN_TILE_HEIGHT, MAX_TILE_HEIGHT);
    (rows * per_row).min(area.height)
}

/// How `count` tiles are laid out in `area`: columns, the rows that fit, and how many tiles
/// are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TileGrid {
    pub columns: u16,
    pub shown_rows: u16,
    pub hidden: usize,
}

pub fn tile_grid(count: usize, area: Rect) -> TileGrid {
    let columns = tile_columns(count, area.width);
    let rows = (count as u16).div_ceil(columns);
    let shown_rows = rows.min(area.height / MIN_TILE_HEIGHT);
    let hidden = count.saturating_sub(usize::from(shown_rows * columns));
    TileGrid {
        columns,
        shown_rows,
        hidden,
    }
}

/// Where a page's highlights go under its charts, and what is left for the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnderCharts {
    pub charts: Rect,
    /// The rule and the highlights that fit under it (no rows when none fits).
    pub block: Rect,
    pub shown: usize,
    /// The row that says how many highlights were left out, if there is room for it.
    pub note: Option<Rect>,
}

/// The highlights under `charts` charts in `area`, each `heights[i]` rows tall. The charts come
/// first: the highlights take only the rows that leave each row of charts
/// [`ROOMY_CHART_HEIGHT`], and only whole ones, in order. Those left out are counted in a note,
/// which takes a row only where no chart is left out for it.
pub fn under_charts(charts: u16, heights: &[u16], area: Rect) -> UnderCharts {
    let spare = area
        .height
        .saturating_sub(grid(charts, area).rows * ROOMY_CHART_HEIGHT);
    // The rule with its title, then the highlights that fit under it.
    let mut height = 1;
    let shown = heights
        .iter()
        .take_while(|&&lines| {
            let fits = height + lines <= spare;
            if fits {
                height += lines;
            }
            fits
        })
        .count();
    let height = if shown > 0 { height } else { 0 };
    let [rest, block] = split::rows(area, [None, Some(height)]);
    let placed = |charts, note| UnderCharts {
        charts,
        block,
        shown,
        note,
    };
    if shown == heights.len() {
        return placed(rest, None);
    }
    let [above, note] = split::rows(rest, [None, Some(1)]);
    if grid(charts, above).hidden > grid(charts, rest).hidden {
        return placed(rest, None);
    }
    placed(above, Some(note))
}

/// How many of a page's highlights fit whole, in order, in `rows` rows under the rule.
pub fn highlights_in(heights: &[u16], rows: u16) -> usize {
    let mut left = rows;
    heights
        .iter()
        .take_while(|&&height| {
            let fits = height <= left;
            if fits {
                left -= height;
            }
            fits
        })
        .count()
}

/// The body keeps this many rows before the readout takes any: it gives way before the charts.
const BODY_BEFORE_READOUT: u16 = 12;

/// The body and, under it, the readout of `readout` lines: as many as leave the body
/// [`BODY_BEFORE_READOUT`] rows.
pub fn readout_rows(body: Rect, readout: u16) -> [Rect; 2] {
    let rows = readout.min(body.height.saturating_sub(BODY_BEFORE_READOUT));
    split::rows(body, [None, Some(rows)])
}

/// What a page is made of, as far as its layout goes: its charts and tiles, the rows each
/// highlight and the overview's growth line take at the width they are drawn at, and the
/// lines of its readout once the year cursor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub charts: u16,
    pub tiles: usize,
    pub highlights: Vec<u16>,
    pub growth_rows: u16,
    pub readout: u16,
}

/// How many of something a frame shows, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub shown: usize,
    pub total: usize,
}

impl Count {
    fn new(total: usize, hidden: usize) -> Count {
        Count {
            shown: total - hidden,
            total,
        }
    }

    pub fn whole(self) -> bool {
        self.shown == self.total
    }
}

/// What a page shows in a frame, as the tab opens (no readout, no overlay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub charts: Count,
    /// Headline figures: tiles.
    pub figures: Count,
    /// Highlights give way first, by design: they do not make a fit incomplete.
    pub highlights: Count,
}

impl Fit {
    /// Every chart and every headline figure is on screen.
    pub fn complete(&self) -> bool {
        self.charts.whole() && self.figures.whole()
    }
}

/// What a page of `shape` shows in its body `area` (the frame without the tab bar and the
/// footer), by the arithmetic its drawing uses (`ui/page.rs`, `ui/overview.rs`).
pub fn body(shape: &Shape, area: Rect) -> Fit {
    let highlights = shape.highlights.len();
    if shape.charts == 0 {
        let needed = tiles_height(shape.tiles, area);
        let [tiles, _, rest] = split::rows(area, [Some(needed), Some(shape.growth_rows), None]);
        let shown = if rest.height < 3 {
            0
        } else {
            highlights_in(&shape.highlights, rest.height - 1)
        };
        return Fit {
            charts: Count::new(0, 0),
            figures: Count::new(shape.tiles, tile_grid(shape.tiles, tiles).hidden),
            highlights: Count::new(highlights, highlights - shown),
        };
    }
    let (figures, area) = if shape.tiles == 0 {
        (Count::new(0, 0), area)
    } else {
        let [tiles, rest] = split::rows(area, [Some(TILE_HEIGHT), None]);
        let hidden = tile_grid(shape.tiles, tiles).hidden;
        (Count::new(shape.tiles, hidden), rest)
    };
    let placed = under_charts(shape.charts, &shape.highlights, area);
    let charts = usize::from(shape.charts);
    Fit {
        charts: Count::new(
            charts,
            usize::from(grid(shape.charts, placed.charts).hidden),
        ),
        figures,
        highlights: Count::new(highlights, highlights - placed.shown),
    }
}

/// What a page of `shape` shows in a `width`×`height` terminal, as the tab opens or with the
/// year cursor's readout (`cursor`); `None` where the terminal is too small for the dashboard
/// at all. (`shape` must be measured at this width.)
pub fn frame(shape: &Shape, width: u16, height: u16, cursor: bool) -> Option<Fit> {
    let area = Rect::new(0, 0, width, height);
    if too_small(area) {
        return None;
    }
    let readout = if cursor { shape.readout } else { 0 };
    // The tab bar and the footer take a row each (and outside a talk there is no caption).
    let [_, body_area, _] = split::rows(area, [Some(1), None, Some(1)]);
    let [body_area, _] = readout_rows(body_area, readout);
    Some(body(shape, body_area))
}

/// Whether a `width`×`height` terminal shows every chart and headline figure of a page of
/// `shape`, with the readout and without.
pub fn complete(shape: &Shape, width: u16, height: u16) -> bool {
    [false, true]
        .into_iter()
        .all(|cursor| frame(shape, width, height, cursor).is_some_and(|f| f.complete()))
}

/// The fewest rows at which a `width`-column terminal shows every chart and headline figure of
/// a page of `shape` (measured at this width), with the readout and without; `None` if no
/// height does.
pub fn rows_needed(shape: &Shape, width: u16) -> Option<u16> {
    (MIN_HEIGHT..=TALLEST).find(|&height| complete(shape, width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(width: u16, height: u16) -> Rect {
        Rect::new(0, 0, width, height)
    }

    fn charts(charts: u16, highlights: &[u16]) -> Shape {
        Shape {
            charts,
            tiles: 0,
            highlights: highlights.to_vec(),
            growth_rows: 0,
            readout: 0,
        }
    }

    #[test]
    fn charts_go_in_two_columns_when_wide_and_short_or_very_wide() {
        let columns = |count, width, height| grid(count, area(width, height)).columns;
        assert_eq!(columns(3, 80, 20), 2);
        assert_eq!(columns(3, 71, 20), 1);
        assert_eq!(columns(3, 72, 20), 2);
        // Tall enough for one column of three (more than 7 rows each), narrower than 100.
        assert_eq!(columns(3, 99, 24), 1);
        assert_eq!(columns(3, 99, 23), 2);
        assert_eq!(columns(3, 100, 24), 2);
        assert_eq!(columns(1, 200, 10), 1);
        assert_eq!(columns(0, 200, 10), 1);
    }

    #[test]
    fn charts_that_do_not_fit_are_counted() {
        assert_eq!(
            grid(3, area(80, 13)),
            Grid {
                columns: 2,
                rows: 2,
                shown_rows: 1,
                hidden: 1
            }
        );
        assert_eq!(grid(3, area(80, 14)).hidden, 0);
        assert_eq!(grid(3, area(60, 20)).hidden, 1);
        assert_eq!(grid(3, area(60, 21)).hidden, 0);
        // However small, one row is drawn.
        assert_eq!(grid(2, area(60, 3)).shown_rows, 1);
    }

    #[test]
    fn tiles_take_up_to_three_a_row_and_the_rows_that_fit() {
        assert_eq!(tile_columns(5, 89), 2);
        assert_eq!(tile_columns(5, 90), 3);
        assert_eq!(tile_columns(5, 47), 1);
        assert_eq!(tile_columns(5, 48), 2);
        assert_eq!(tile_columns(2, 120), 2);
        assert_eq!(tile_columns(0, 120), 1);
        assert_eq!(
            tile_grid(5, area(100, 8)),
            TileGrid {
                columns: 3,
                shown_rows: 2,
                hidden: 0
            }
        );
        assert_eq!(tile_grid(5, area(100, 7)).hidden, 2);
        assert_eq!(tile_grid(5, area(100, 3)).hidden, 5);
    }

    #[test]
    fn tiles_leave_a_third_for_the_highlights_and_grow_within_bounds() {
        // 2 rows of tiles in 30 rows: 20 left, 10 a row (under the largest, 11).
        assert_eq!(tiles_height(5, area(100, 30)), 20);
        assert_eq!(tiles_height(5, area(100, 60)), 22);
        // Never less than the smallest tile, never more than the area.
        assert_eq!(tiles_height(5, area(100, 9)), 8);
        assert_eq!(tiles_height(5, area(100, 6)), 6);
        assert_eq!(tiles_height(0, area(100, 30)), 0);
        // At most 12 rows are kept back.
        assert_eq!(tiles_height(1, area(100, 45)), 11);
        assert_eq!(tiles_height(9, area(100, 45)), 33);
    }

    #[test]
    fn highlights_take_only_spare_rows_and_whole_ones() {
        // Three charts in two columns need 2 × 10 rows; 26 leave 6: the rule and 2 + 3 rows.
        let placed = under_charts(3, &[2, 3, 2], area(100, 26));
        assert_eq!(placed.shown, 2);
        assert_eq!((placed.block.y, placed.block.height), (20, 6));
        // One left out, and the note's row takes no chart: it is there.
        assert_eq!(placed.note.map(|n| (n.y, n.height)), Some((19, 1)));
        assert_eq!(placed.charts.height, 19);
        // All of them, no note.
        let placed = under_charts(3, &[2, 3], area(100, 26));
        assert_eq!((placed.shown, placed.note), (2, None));
        assert_eq!(placed.charts.height, 20);
        // No room at all: no rule either.
        let placed = under_charts(3, &[2], area(100, 22));
        assert_eq!((placed.shown, placed.block.height), (0, 0));
        assert_eq!(placed.charts.height, 21);
        // One-line highlights add up: in 3 spare rows, the rule and two of them.
        let placed = under_charts(3, &[1, 1, 1], area(100, 23));
        assert_eq!((placed.shown, placed.block.height), (2, 3));
        // No highlights: the area is the charts'.
        let placed = under_charts(3, &[], area(100, 22));
        assert_eq!((placed.charts, placed.block.height), (area(100, 22), 0));
    }

    #[test]
    fn the_note_about_highlights_never_costs_a_chart() {
        // 14 rows hold two rows of charts (7 each); a note row would leave 13, one row.
        let placed = under_charts(3, &[5], area(80, 14));
        assert_eq!((placed.shown, placed.note), (0, None));
        assert_eq!(placed.charts.height, 14);
        let placed = under_charts(3, &[5], area(80, 15));
        assert_eq!(placed.note.map(|n| n.y), Some(14));
    }

    #[test]
    fn highlights_fit_whole_and_in_order() {
        assert_eq!(highlights_in(&[2, 3, 1], 5), 2);
        assert_eq!(highlights_in(&[2, 3, 1], 6), 3);
        assert_eq!(highlights_in(&[2, 3, 1], 4), 1);
        assert_eq!(highlights_in(&[4, 1], 3), 0);
    }

    #[test]
    fn a_frame_too_small_shows_nothing_and_the_tab_bar_and_footer_take_a_row_each() {
        let shape = charts(3, &[]);
        assert_eq!(frame(&shape, 49, 40, false), None);
        assert_eq!(frame(&shape, 80, 14, false), None);
        // 80×16: a body of 14 rows, two rows of charts.
        let fit = frame(&shape, 80, 16, false);
        assert_eq!(fit.map(|f| f.charts), Some(Count { shown: 3, total: 3 }));
        let fit = frame(&shape, 80, 15, false);
        assert_eq!(fit.map(|f| f.charts), Some(Count { shown: 2, total: 3 }));
        assert_eq!(fit.map(|f| f.complete()), Some(false));
    }

    #[test]
    fn the_readout_takes_rows_only_beyond_the_bodys_twelve() {
        let rows = |height, readout| {
            readout_rows(Rect::new(0, 1, 80, height), readout).map(|r| (r.y, r.height))
        };
        assert_eq!(rows(22, 0), [(1, 22), (23, 0)]);
        assert_eq!(rows(22, 4), [(1, 18), (19, 4)]);
        assert_eq!(rows(22, 30), [(1, 12), (13, 10)]);
        assert_eq!(rows(10, 4), [(1, 10), (11, 0)]);
        // With a readout of 4 lines, 80×24 leaves 18 rows: three charts in two columns fit;
        // with 9 lines, 13 rows: one row of charts.
        let shape = Shape {
            readout: 4,
            ..charts(3, &[])
        };
        assert_eq!(frame(&shape, 80, 24, true).map(|f| f.charts.shown), Some(3));
        let shape = Shape {
            readout: 9,
            ..charts(3, &[])
        };
        assert_eq!(
            frame(&shape, 80, 24, false).map(|f| f.charts.shown),
            Some(3)
        );
        assert_eq!(frame(&shape, 80, 24, true).map(|f| f.charts.shown), Some(2));
        assert!(!complete(&shape, 80, 24));
        assert!(complete(&shape, 80, 25));
        assert_eq!(rows_needed(&shape, 80), Some(25));
    }

    #[test]
    fn tiles_beside_charts_take_their_rows_first() {
        let shape = Shape {
            tiles: 4,
            ..charts(2, &[])
        };
        // 80 columns: two tiles a row, one row of tiles fits in 7: two left out.
        let fit = body(&shape, area(80, 30));
        assert_eq!(fit.figures, Count { shown: 2, total: 4 });
        assert_eq!(fit.charts, Count { shown: 2, total: 2 });
        assert!(!fit.complete());
        // 13 rows after the tiles' 7: one column? No: 2 charts in 72+ columns, 13/2 < 7.
        let fit = body(&shape, area(80, 20));
        assert_eq!(fit.charts, Count { shown: 2, total: 2 });
        let fit = body(&shape, area(60, 20));
        assert_eq!(fit.charts, Count { shown: 1, total: 2 });
    }

    #[test]
    fn the_overview_counts_its_figures_and_highlights() {
        let shape = Shape {
            charts: 0,
            tiles: 5,
            highlights: vec![2, 2, 2],
            growth_rows: 1,
            readout: 0,
        };
        // 100×30 body: tiles 20 rows (2 rows of 3), growth 1, 9 rows: rule + 4 highlights' rows.
        let fit = body(&shape, area(100, 30));
        assert_eq!(fit.figures, Count { shown: 5, total: 5 });
        assert_eq!(fit.highlights, Count { shown: 3, total: 3 });
        assert_eq!(fit.charts, Count { shown: 0, total: 0 });
        let fit = body(&shape, area(100, 18));
        assert_eq!(fit.highlights, Count { shown: 2, total: 3 });
        // 100×12: tiles 8 rows, growth 1, 3 rows: the rule and one highlight; 100×11: 2 rows,
        // too few for the block at all.
        let fit = body(&shape, area(100, 12));
        assert_eq!(fit.highlights, Count { shown: 1, total: 3 });
        let fit = body(&shape, area(100, 11));
        assert_eq!(fit.highlights, Count { shown: 0, total: 3 });
        // 100×13: 4 rows, the rule and 3 under it: one highlight of two rows, not two.
        let fit = body(&shape, area(100, 13));
        assert_eq!(fit.highlights, Count { shown: 1, total: 3 });
        // 100×6: tiles take every row, one row of them: two figures left out, no highlights.
        let fit = body(&shape, area(100, 6));
        assert_eq!(fit.figures, Count { shown: 3, total: 5 });
        assert_eq!(fit.highlights.shown, 0);
        assert!(!fit.complete());
    }

    #[test]
    fn the_rows_needed_are_the_fewest_that_show_everything() {
        let shape = charts(3, &[]);
        // 80 columns: two columns, two rows of 7, plus the tab bar and the footer.
        assert_eq!(rows_needed(&shape, 80), Some(16));
        // 60 columns: one column of three.
        assert_eq!(rows_needed(&shape, 60), Some(23));
        assert_eq!(rows_needed(&shape, 49), None);
        assert_eq!(rows_needed(&charts(1, &[]), 50), Some(MIN_HEIGHT));
        let shape = Shape {
            tiles: 4,
            ..charts(0, &[])
        };
        assert_eq!(rows_needed(&shape, 60), Some(MIN_HEIGHT));
        // More than any terminal has.
        assert_eq!(rows_needed(&charts(300, &[]), 50), None);
    }
}
