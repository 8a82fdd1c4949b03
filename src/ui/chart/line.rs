//! Lines by year, broken at missing years and at series breaks, with a marker on every point:
//! the series' own shape, or the flag's mark where the point is flagged. Braille by default;
//! dots between markers in ASCII mode.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as Segment};

use super::flag_marks;
use super::plot::Plot;
use crate::data::Point;

pub(super) fn render(plot: &Plot, buf: &mut Buffer) {
    let area = plot.area;
    let ticks = plot.scale.ticks;
    if ticks.lo < 0.0 && ticks.hi > 0.0 {
        let y = area.y + plot.scale.line_row(0.0);
        for x in area.left()..area.right() {
            buf[(x, y)]
                .set_symbol(plot.ctx.glyphs.zero_line)
                .set_style(plot.ctx.theme.axis);
        }
    }
    plot.draw_breaks(buf);
    // More years than columns: each column shows its years' range, and no markers.
    let dense = plot.years > usize::from(area.width);
    match plot.ctx.glyphs.line_dot {
        None => draw_braille(plot, dense, buf),
        Some(dot) => draw_dots(plot, dot, buf),
    }
    if !dense {
        draw_markers(plot, buf);
    }
}

/// One column's share of a series when years outnumber columns: the lowest and highest value,
/// so spikes stay visible, and the first and last, to join the neighbouring columns.
#[derive(Clone, Copy)]
struct Column {
    low: f64,
    high: f64,
    first: (i32, f64),
    last: (i32, f64),
}

/// Each column of the plot with the points of `series` that fall in it.
fn columns(plot: &Plot, series: usize) -> Vec<Option<Column>> {
    let mut columns: Vec<Option<Column>> = vec![None; usize::from(plot.area.width)];
    for point in &plot.series[series].indicator.points {
        let x = usize::from(plot.slot(point.year).center() - plot.area.x);
        let (year, value) = (point.year, point.value.number);
        let column = columns[x].get_or_insert(Column {
            low: value,
            high: value,
            first: (year, value),
            last: (year, value),
        });
        column.low = column.low.min(value);
        column.high = column.high.max(value);
        column.last = (year, value);
    }
    columns
}

/// Consecutive points of each series that a line joins: no line across a gap or a break.
fn segments<'a>(plot: &'a Plot) -> impl Iterator<Item = (usize, &'a Point, &'a Point)> + 'a {
    plot.series.iter().enumerate().flat_map(|(index, series)| {
        series.indicator.points.windows(2).filter_map(move |pair| {
            let (a, b) = (&pair[0], &pair[1]);
            let joined = b.year == a.year + 1 && !series.indicator.breaks_before(b.year);
            joined.then_some((index, a, b))
        })
    })
}

fn draw_braille(plot: &Plot, dense: bool, buf: &mut Buffer) {
    let area = plot.area;
    let max_dot_y = f64::from(plot.scale.rows * 4 - 1);
    // Canvas coordinates are Braille dots: x in 0..2w, y in 0..4h from the bottom.
    let dot_y = |value: f64| max_dot_y - f64::from(plot.scale.line_dot(value));
    let dot_x = |year: i32| f64::from((plot.slot(year).center() - area.x) * 2);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .background_color(plot.ctx.theme.background())
        .x_bounds([0.0, f64::from(area.width * 2 - 1)])
        .y_bounds([0.0, max_dot_y])
        .paint(|ctx| {
            // One layer per series, so crossing lines keep their own colours.
            for series in 0..plot.series.len() {
                let color = plot.ctx.theme.series_color(series);
                if dense {
                    let indicator = plot.series[series].indicator;
                    let mut previous: Option<Column> = None;
                    for (x, column) in columns(plot, series).into_iter().enumerate() {
                        let Some(column) = column else {
                            previous = None;
                            continue;
                        };
                        let x = (x * 2) as f64;
                        let (low, high) = (dot_y(column.low), dot_y(column.high));
                        ctx.draw(&Segment::new(x, low, x, high, color));
                        if let Some(before) = previous
                            && column.first.0 == before.last.0 + 1
                            && !indicator.breaks_before(column.first.0)
                        {
                            let (y1, y2) = (dot_y(before.last.1), dot_y(column.first.1));
                            ctx.draw(&Segment::new(x - 2.0, y1, x, y2, color));
                        }
                        previous = Some(column);
                    }
                } else {
                    for (_, a, b) in segments(plot).filter(|(index, ..)| *index == series) {
                        let (x1, y1) = (dot_x(a.year), dot_y(a.value.number));
                        let (x2, y2) = (dot_x(b.year), dot_y(b.value.number));
                        ctx.draw(&Segment::new(x1, y1, x2, y2, color));
                    }
                }
                ctx.layer();
            }
        });
    canvas.render(area, buf);
}

/// ASCII lines: one dot per column between markers, at the interpolated row.
fn draw_dots(plot: &Plot, dot: &str, buf: &mut Buffer) {
    for (index, a, b) in segments(plot) {
        let (x1, x2) = (plot.slot(a.year).center(), plot.slot(b.year).center());
        let (y1, y2) = (
            f64::from(plot.scale.line_row(a.value.number)),
            f64::from(plot.scale.line_row(b.value.number)),
        );
        for x in x1 + 1..x2 {
            let t = f64::from(x - x1) / f64::from(x2 - x1);
            let y = plot.area.y + (y1 + (y2 - y1) * t).round() as u16;
            buf[(x, y)]
                .set_symbol(dot)
                .set_style(plot.ctx.theme.series(index));
        }
    }
}

/// Each point's series marker, so that series stay apart without colour; then each flagged
/// point's mark beside it, right or else left, on a cell that holds only line; where both hold
/// other marks, the flag takes the marker's place, since a flag must never be lost.
fn draw_markers(plot: &Plot, buf: &mut Buffer) {
    let glyphs = &plot.ctx.glyphs;
    let at = |point: &Point| {
        let x = plot.slot(point.year).center();
        (x, plot.area.y + plot.scale.line_row(point.value.number))
    };
    for (index, series) in plot.series.iter().enumerate() {
        let style = plot.ctx.theme.series(index).add_modifier(Modifier::BOLD);
        for point in &series.indicator.points {
            let style = if plot.ctx.cursor == Some(point.year) {
                style.add_modifier(Modifier::REVERSED)
            } else {
                style
            };
            let marker = glyphs.markers[index % glyphs.markers.len()];
            buf[at(point)].set_symbol(marker).set_style(style);
        }
    }
    let only_line = |symbol: &str| {
        Some(symbol) == glyphs.line_dot
            || symbol
                .chars()
                .all(|c| c == ' ' || ('\u{2800}'..='\u{28FF}').contains(&c))
    };
    for (index, series) in plot.series.iter().enumerate() {
        let style = plot.ctx.theme.flag.fg(plot.ctx.theme.series_color(index));
        for point in &series.indicator.points {
            let Some(mark) = flag_marks(point, plot.ctx).chars().next() else {
                continue;
            };
            let (x, y) = at(point);
            let right = (x + 1 < plot.area.right()).then_some(x + 1);
            let left = (x > plot.area.left()).then(|| x - 1);
            let beside = [right, left]
                .into_iter()
                .flatten()
                .find(|&x| only_line(buf[(x, y)].symbol()));
            let mut utf8 = [0; 4];
            let cell = &mut buf[(beside.unwrap_or(x), y)];
            let style = if beside.is_none() {
                // In the marker's place it keeps the marker's bold and cursor reverse.
                cell.style().patch(style)
            } else {
                style
            };
            cell.set_symbol(mark.encode_utf8(&mut utf8))
                .set_style(style);
        }
    }
}
