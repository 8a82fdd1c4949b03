//! The dataset's annotations on a chart by year, drawn after its bars or lines and only on
//! cells they left blank, so that no annotation ever hides a value, a mark or a label: periods
//! shaded under everything (their background only) with a bracket over their years; callouts
//! beside their point with a pointer to it; reference lines across the plot with their label.
//! Where the text does not fit, a mark stays (the pointer, the bracket's ends, the line) and the
//! readout names the annotation at the cursor's year.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::plot::Plot;
use super::{Series, bar};
use crate::data::{ChartKind, Indicator, Mark, On, Value};
use crate::derive::View;
use crate::ui::Ctx;
use crate::ui::format::figure;

pub(super) fn render(plot: &Plot, kind: ChartKind, buf: &mut Buffer) {
    let annotations = &plot.ctx.annotations;
    for annotation in annotations {
        if let Mark::Period { from, to, .. } = annotation.mark {
            plot.shade_years(from, to, plot.ctx.theme.period, buf);
        }
    }
    for annotation in annotations {
        if let Mark::Callout {
            indicator, year, ..
        } = &annotation.mark
        {
            let target = plot.ctx.data.get(indicator);
            if let Some(point) = anchor(plot, kind, target, *year) {
                callout(plot, point, annotation.text(), buf);
            }
        }
    }
    for annotation in annotations {
        if let Mark::Period { from, to, label } = &annotation.mark {
            period(plot, *from, *to, label, buf);
        }
    }
    for (value, label) in references(plot) {
        reference(plot, kind, value, &label, buf);
    }
}

/// The values of the reference lines drawn on this chart, each with its label as the chart
/// writes it (`OECD average, 2019 · 2.47%`). Only in the levels view: the value is in the
/// indicator's unit, which a derived view does not show.
pub(super) fn references(plot: &Plot) -> Vec<(f64, String)> {
    reference_values(plot.series, plot.unit, plot.ctx)
}

/// The reference lines on a chart of these series in `unit`: those on one of the series'
/// indicators or on the unit.
pub(super) fn reference_values(series: &[Series], unit: &str, ctx: &Ctx) -> Vec<(f64, String)> {
    if ctx.view != View::Levels {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for annotation in &ctx.annotations {
        let Mark::Reference {
            on, value, label, ..
        } = &annotation.mark
        else {
            continue;
        };
        let drawn = match on {
            On::Indicator(target) => {
                let id = &ctx.data.get(target).id;
                series.iter().any(|s| s.indicator.id == *id)
            }
            On::Unit(target) => target == unit,
        };
        if drawn {
            lines.push((value.number, reference_label(label, *value, unit)));
        }
    }
    lines
}

/// `OECD average, 2019 · 2.47%`: the label, then the value as the chart's axis writes it.
pub(super) fn reference_label(label: &str, value: Value, unit: &str) -> String {
    let number = figure(value.number, usize::from(value.decimals), unit);
    format!("{label} · {number}")
}

/// The cell a callout on `target`'s point in `year` points at: the point's marker on a line,
/// the end of its bar; `None` where the chart does not show that point.
fn anchor(plot: &Plot, kind: ChartKind, target: &Indicator, year: i32) -> Option<(u16, u16)> {
    let (index, series) = plot
        .series
        .iter()
        .enumerate()
        .find(|(_, s)| s.indicator.id == target.id)?;
    let point = series.indicator.point(year)?;
    match kind {
        ChartKind::Bar => bar::end_cell(plot, index, point),
        ChartKind::Line | ChartKind::Compare => {
            let x = plot.slot(year).center();
            Some((x, plot.area.y + plot.scale.line_row(point.value.number)))
        }
    }
}

/// Nothing drawn here yet (a blank Braille cell is blank too).
fn blank(cell: &Cell) -> bool {
    matches!(cell.symbol(), " " | "\u{2800}")
}

/// Free for an annotation's text: blank, or the cursor's guide, which is only a guide.
fn free(plot: &Plot, cell: &Cell) -> bool {
    blank(cell) || cell.symbol() == plot.ctx.glyphs.cursor
}

/// Whether the `width` cells from `x` on row `y` are inside the plot and free.
fn fits(plot: &Plot, buf: &Buffer, x: i32, y: i32, width: usize) -> bool {
    let area = plot.area;
    let (left, top) = (i32::from(area.left()), i32::from(area.top()));
    let (right, bottom) = (i32::from(area.right()), i32::from(area.bottom()));
    let end = x + width as i32;
    x >= left
        && end <= right
        && (top..bottom).contains(&y)
        && (x..end).all(|cx| free(plot, &buf[(cx as u16, y as u16)]))
}

/// Whether cell `x` of row `y` may border a text: free, or beyond the plot's sides.
fn margin(plot: &Plot, buf: &Buffer, x: i32, y: i32) -> bool {
    let inside = (i32::from(plot.area.left())..i32::from(plot.area.right())).contains(&x);
    !inside || free(plot, &buf[(x as u16, y as u16)])
}

fn write(buf: &mut Buffer, x: i32, y: i32, text: &str, style: Style) {
    buf.set_stringn(x as u16, y as u16, text, text.width(), style);
}

/// The callout's text on a row just above or below its point, a pointer at the point's
/// column; where no row has room, the pointer alone.
fn callout(plot: &Plot, (x, y): (u16, u16), text: &str, buf: &mut Buffer) {
    let style = plot.ctx.theme.annotation;
    let [down, up, _] = plot.ctx.glyphs.callout;
    let (x, y) = (i32::from(x), i32::from(y));
    let rows = [(-1, down), (-2, down), (1, up), (2, up)];
    for (dy, pointer) in rows {
        let pointing_right = format!("{pointer} {text}");
        let pointing_left = format!("{text} {pointer}");
        let width = pointing_right.width() as i32;
        let left_start = x - width + pointer.width() as i32;
        // The text's far end keeps a cell apart from anything else on the row.
        let placements = [
            (x, &pointing_right, x + width),
            (left_start, &pointing_left, left_start - 1),
        ];
        for (start, label, beyond) in placements {
            if fits(plot, buf, start, y + dy, label.width()) && margin(plot, buf, beyond, y + dy) {
                write(buf, start, y + dy, label, style);
                return;
            }
        }
    }
    for (dy, pointer) in rows {
        if fits(plot, buf, x, y + dy, pointer.width()) {
            write(buf, x, y + dy, pointer, style);
            return;
        }
    }
}

/// A bracket over the period's years on the highest row that is free across them, its label
/// inside (`┌─ COVID-19 ─┐`, `┌COVID-19┐`) or, where the years are too narrow, beside it on
/// the same row; where no row is free, the bracket's two ends alone on the highest row that
/// has room for them.
fn period(plot: &Plot, from: i32, to: i32, label: &str, buf: &mut Buffer) {
    let Some((left, right)) = plot.year_columns(from, to) else {
        return;
    };
    let style = plot.ctx.theme.annotation;
    let [open, fill, close] = plot.ctx.glyphs.period;
    let (left, right) = (i32::from(left), i32::from(right));
    let width = (right - left + 1) as usize;
    let rows = i32::from(plot.area.top())..i32::from(plot.area.bottom());
    // Each end with no letter or digit outside it, so that the bracket never reads as part of
    // a bar's label.
    let alone = |x: i32, y: i32, outside: i32| {
        let inside = (i32::from(plot.area.left())..i32::from(plot.area.right())).contains(&outside);
        let text = inside
            && buf[(outside as u16, y as u16)]
                .symbol()
                .chars()
                .any(char::is_alphanumeric);
        fits(plot, buf, x, y, 1) && !text
    };
    let apart = |y: i32| alone(left, y, left - 1) && alone(right, y, right + 1);
    let whole = rows
        .clone()
        .find(|&y| apart(y) && fits(plot, buf, left, y, width));
    let Some(y) = whole else {
        if let Some(y) = rows.into_iter().find(|&y| apart(y)) {
            write(buf, left, y, open, style);
            write(buf, right, y, close, style);
        }
        return;
    };
    let inside = [format!(" {label} "), label.to_owned()]
        .into_iter()
        .find(|text| text.width() + 2 <= width);
    let mut bracket = String::from(open);
    let dashes = width.saturating_sub(2 + inside.as_ref().map_or(0, |t| t.width()));
    bracket.push_str(&fill.repeat(dashes / 2));
    bracket.push_str(inside.as_deref().unwrap_or_default());
    bracket.push_str(&fill.repeat(dashes - dashes / 2));
    if width >= 2 {
        bracket.push_str(close);
    }
    write(buf, left, y, &bracket, style);
    if inside.is_none() {
        // A free cell between the label and the bracket, and one beyond it.
        let width = label.width() as i32;
        let right_of = fits(plot, buf, right + 1, y, label.width() + 1)
            && margin(plot, buf, right + 2 + width, y);
        let left_of = fits(plot, buf, left - 1 - width, y, label.width() + 1)
            && margin(plot, buf, left - 2 - width, y);
        if right_of {
            write(buf, right + 2, y, label, style);
        } else if left_of {
            write(buf, left - 1 - width, y, label, style);
        }
    }
}

/// A dashed line at `value` across the plot's blank cells, its label at the right end of the
/// line where the row has room, else on the row above or below it.
fn reference(plot: &Plot, kind: ChartKind, value: f64, label: &str, buf: &mut Buffer) {
    let row = match kind {
        ChartKind::Bar => plot.scale.bar_row(value),
        ChartKind::Line | ChartKind::Compare => plot.scale.line_row(value),
    };
    let y = i32::from(plot.area.y + row);
    let text = format!(" {label} ");
    let width = text.width();
    let (left, right) = (i32::from(plot.area.left()), i32::from(plot.area.right()));
    // Where the label goes is chosen among the cells the bars and lines left, before the
    // dashes fill them.
    let at = [0, -1, 1].into_iter().find_map(|dy| {
        let mut starts = (left..=right - width as i32).rev();
        starts
            .find(|&x| fits(plot, buf, x, y + dy, width))
            .map(|x| (x, y + dy))
    });
    let dash = plot.ctx.glyphs.reference[0];
    for x in left..right {
        let cell = &mut buf[(x as u16, y as u16)];
        if blank(cell) {
            cell.set_symbol(dash).set_style(plot.ctx.theme.reference);
        }
    }
    if let Some((x, y)) = at {
        write(buf, x, y, &text, plot.ctx.theme.annotation);
    }
}

/// The values (as the view shows them) of the points of these series that a callout is on.
pub(super) fn callout_values(series: &[Series], ctx: &Ctx) -> Vec<f64> {
    let mut values = Vec::new();
    for annotation in &ctx.annotations {
        if let Mark::Callout {
            indicator, year, ..
        } = &annotation.mark
        {
            let id = &ctx.data.get(indicator).id;
            let points = series.iter().filter(|s| s.indicator.id == *id);
            values.extend(
                points
                    .filter_map(|s| s.indicator.point(*year))
                    .map(|p| p.value.number),
            );
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::super::{Model, Series, render_chart, resolve};
    use crate::data::{ChartKind, ChartSpec, Dataset};
    use crate::derive::View;
    use crate::theme::{Theme, ThemeName};
    use crate::ui::{Ctx, Glyphs};

    const ANNOTATED: &str = include_str!("../../../tests/fixtures/valid/annotated.json");

    /// Draws the chart twice on one model (so on the same scales, which reference lines and
    /// callouts may widen): without its annotations and with them. Every cell the first
    /// draws, but for the cursor's guide, the second keeps; returns how many cells differ.
    fn compare(
        data: &Dataset,
        spec: &ChartSpec,
        view: View,
        cursor: Option<i32>,
        ascii: bool,
        area: Rect,
    ) -> usize {
        let theme = Theme::named(ThemeName::Dark);
        let ctx = |annotations| Ctx {
            data,
            theme: &theme,
            glyphs: Glyphs::new(ascii),
            cursor,
            range: None,
            view,
            annotations,
        };
        let shown = ctx(data.annotations.iter().collect());
        let bare = ctx(Vec::new());
        let resolved = resolve(spec, &shown);
        let series = Series::all(&resolved);
        let Some(model) = Model::new(spec, series, &shown, area.width) else {
            return 0;
        };
        let (mut without, mut with) = (Buffer::empty(area), Buffer::empty(area));
        render_chart(&model, &bare, area, &mut without);
        render_chart(&model, &shown, area, &mut with);
        let mut differ = 0;
        for (before, after) in without.content.iter().zip(&with.content) {
            let guide = before.symbol() == shown.glyphs.cursor;
            if !matches!(before.symbol(), " " | "\u{2800}") && !guide {
                assert_eq!(
                    before.symbol(),
                    after.symbol(),
                    "{} at {area:?}, {view:?}, cursor {cursor:?}, ascii {ascii}",
                    spec.title
                );
            }
            differ += usize::from(before != after);
        }
        differ
    }

    #[test]
    fn annotations_never_draw_over_what_the_chart_shows() {
        let data = [
            Dataset::embedded().unwrap(),
            Dataset::parse(ANNOTATED, "annotated.json").unwrap(),
        ];
        let areas = [
            (24, 7),
            (36, 9),
            (50, 12),
            (60, 16),
            (80, 20),
            (120, 30),
            (200, 50),
        ];
        let mut differ = 0;
        for data in &data {
            let charts = data.pages.iter().flat_map(|p| &p.charts);
            for spec in charts.filter(|c| c.kind != ChartKind::Compare) {
                for (width, height) in areas {
                    for view in [View::Levels, View::Change, View::Index] {
                        for cursor in [None, Some(2012), Some(2020), Some(2021), Some(2022)] {
                            for ascii in [false, true] {
                                let area = Rect::new(2, 1, width, height);
                                differ += compare(data, spec, view, cursor, ascii, area);
                            }
                        }
                    }
                }
            }
        }
        assert!(differ > 1000, "annotations were drawn: {differ} cells");
    }
}
