//! Lines by year in Braille, broken at missing years and at series breaks, with a marker on
//! every point: the series' own shape, or the flag's symbol where the point is flagged.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as Segment};

use super::{Plot, flag_marks};

/// Point markers that tell series apart without colour.
pub const MARKERS: [&str; 6] = ["●", "■", "▲", "◆", "★", "✚"];

pub(super) fn render(plot: &Plot, buf: &mut Buffer) {
    let area = plot.area;
    let ticks = plot.scale.ticks;
    if ticks.lo < 0.0 && ticks.hi > 0.0 {
        let y = area.y + plot.scale.line_row(0.0);
        for x in area.left()..area.right() {
            buf[(x, y)].set_symbol("┈").set_style(plot.theme.axis);
        }
    }
    plot.draw_breaks(buf);

    let max_dot_y = f64::from(plot.scale.rows * 4 - 1);
    // Canvas coordinates are Braille dots: x in 0..2w, y in 0..4h from the bottom.
    let dot = |year: i32, value: f64| {
        let x = f64::from((plot.slot(year).center() - area.x) * 2);
        (x, max_dot_y - f64::from(plot.scale.line_dot(value)))
    };
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .background_color(plot.theme.background())
        .x_bounds([0.0, f64::from(area.width * 2 - 1)])
        .y_bounds([0.0, max_dot_y])
        .paint(|ctx| {
            for (index, series) in plot.series.iter().enumerate() {
                let color = plot.theme.series_color(index);
                for pair in series.indicator.points.windows(2) {
                    let (a, b) = (&pair[0], &pair[1]);
                    if b.year != a.year + 1 || series.indicator.breaks_before(b.year) {
                        continue;
                    }
                    let (x1, y1) = dot(a.year, a.value.number);
                    let (x2, y2) = dot(b.year, b.value.number);
                    ctx.draw(&Segment::new(x1, y1, x2, y2, color));
                }
                ctx.layer();
            }
        });
    canvas.render(area, buf);

    for (index, series) in plot.series.iter().enumerate() {
        let style = plot.theme.series(index).add_modifier(Modifier::BOLD);
        for point in &series.indicator.points {
            let x = plot.slot(point.year).center();
            let y = area.y + plot.scale.line_row(point.value.number);
            let marks = flag_marks(point);
            let (symbol, style) = match marks.chars().next() {
                Some(flag) => (
                    flag.to_string(),
                    style
                        .patch(plot.theme.flag)
                        .fg(plot.theme.series_color(index)),
                ),
                None => (MARKERS[index % MARKERS.len()].to_owned(), style),
            };
            buf[(x, y)].set_symbol(&symbol).set_style(style);
        }
    }
}
