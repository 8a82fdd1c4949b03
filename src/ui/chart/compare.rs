//! One year, many places: a horizontal bar per series, longest first, each with its marker,
//! name, exact value and flag marks; the series without a value that year listed after them as
//! "no data". The year is the chart's own until the year cursor moves, then the cursor's; with a
//! year range, the range's last year, and a mark `╎` on each bar where it stood in the first
//! year, the stretch between shaded, where a change between the two may be computed.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::annotate;
use super::plot::put;
use super::{Series, flag_marks, footnote, series_symbol, title};
use crate::data::{ChartKind, ChartSpec, Flag, Mark, Point};
use crate::derive;
use crate::ui::Ctx;
use crate::ui::format::figure;

/// What a series without a value in the year says instead.
pub(super) const NO_DATA: &str = "no data";

/// One row: a series, where it sits in the chart's list (its marker and colour), its value,
/// and its value in the year range's first year.
struct Row<'a> {
    index: usize,
    label: &'a str,
    point: Option<&'a Point>,
    start: Option<f64>,
    /// The text of a callout on this point, drawn after its value.
    callout: Option<String>,
}

pub(super) fn render(
    spec: &ChartSpec,
    series: &[Series],
    year: i32,
    ctx: &Ctx,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(unit) = series.first().map(|s| s.indicator.unit.as_str()) else {
        return;
    };
    // The range's first year, when the chart shows its last.
    let from = ctx
        .range
        .and_then(|(from, to)| (from < to && to == year).then_some(from));
    let rows = rows(series, year, from, ctx);
    let heading = match ctx.view.label() {
        Some(view) => format!("{}, {year} ({view})", spec.title),
        None => format!("{}, {year}", spec.title),
    };
    let flags: BTreeSet<Flag> = rows
        .iter()
        .filter_map(|r| r.point)
        .flat_map(|p| p.flags.iter().copied())
        .collect();
    let mut footnote = footnote(&flags, std::iter::empty(), ctx);
    if let Some(from) = from.filter(|_| rows.iter().any(|r| r.start.is_some())) {
        footnote.spans.extend([
            Span::styled(format!(" {}", ctx.glyphs.range_start), ctx.theme.value),
            Span::styled(format!(" in {from} "), ctx.theme.muted),
        ]);
    }
    let block = ctx
        .bordered()
        .title(Line::styled(
            title(&heading, unit, area.width),
            ctx.theme.title,
        ))
        .title_bottom(footnote);
    let inner = block.inner(area);
    block.render(area, buf);
    let references = annotate::reference_values(series, unit, ctx);
    render_rows(&rows, unit, &references, ctx, inner, buf);
}

/// The series with a value in `year`, largest first (ties in the chart's order), then those
/// without one, in the chart's order; each with its value in `from` where a change from it to
/// `year` may be computed.
fn rows<'a>(series: &'a [Series], year: i32, from: Option<i32>, ctx: &Ctx) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = series
        .iter()
        .enumerate()
        .map(|(index, s)| Row {
            index,
            label: s.label,
            point: s.indicator.point(year),
            start: from
                .map(|from| derive::between(s.indicator, from, year))
                .filter(|stretch| stretch.change.is_ok())
                .and_then(|stretch| stretch.start)
                .map(|p| p.value.number),
            callout: callout(s, year, ctx),
        })
        .collect();
    rows.sort_by(|a, b| match (a.point, b.point) {
        (Some(a), Some(b)) => b.value.number.total_cmp(&a.value.number),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    rows
}

/// The text of the callout on a series' point in `year`, if one shows.
fn callout(series: &Series, year: i32, ctx: &Ctx) -> Option<String> {
    ctx.annotations
        .iter()
        .find_map(|annotation| match &annotation.mark {
            Mark::Callout {
                indicator, text, ..
            } if annotation.covers(year) && ctx.data.get(indicator).id == series.indicator.id => {
                Some(text.clone())
            }
            _ => None,
        })
}

/// Bars narrower than this give way to callouts' text: the callouts keep only their pointer.
const MIN_BAR_WIDTH: usize = 12;

/// Where the bars go: their first column and width, and the values at their two ends.
#[derive(Clone, Copy)]
struct Bars {
    x: u16,
    width: usize,
    lo: f64,
    hi: f64,
}

/// The rows that fit, each `● name  ████████ value`, and a last row counting those that do not;
/// a callout on a row's point after its value (`← text`, or `←` where the bars would get too
/// narrow), and reference lines down the bars (`╎`) with their label on the first free row.
fn render_rows(
    rows: &[Row],
    unit: &str,
    references: &[(f64, String)],
    ctx: &Ctx,
    area: Rect,
    buf: &mut Buffer,
) {
    let height = usize::from(area.height);
    if height == 0 || area.width == 0 {
        return;
    }
    let values: Vec<String> = rows
        .iter()
        .map(|r| match r.point {
            Some(p) => {
                let number = figure(p.value.number, usize::from(p.value.decimals), unit);
                number + &flag_marks(p, ctx)
            }
            None => NO_DATA.to_owned(),
        })
        .collect();
    let width = usize::from(area.width);
    let label_width = rows
        .iter()
        .map(|r| r.label.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    // Marker, space, name, space, bar, space, value.
    let room = width.saturating_sub(label_width + 4);
    let notes = notes(rows, &values, room, ctx);
    let (lo, hi) = rows
        .iter()
        .flat_map(|r| r.point.map(|p| p.value.number).into_iter().chain(r.start))
        .chain(references.iter().map(|(value, _)| *value))
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let bars = Bars {
        x: area.x + (label_width + 3) as u16,
        width: room.saturating_sub(widest(&values, &notes)),
        lo,
        hi,
    };
    let hidden = rows.len().saturating_sub(height);
    let shown = if hidden > 0 { height - 1 } else { rows.len() };
    for (i, ((row, value), note)) in rows.iter().zip(&values).zip(&notes).take(shown).enumerate() {
        let y = area.y + i as u16;
        let style = ctx.theme.series(row.index);
        let marker = series_symbol(ChartKind::Compare, row.index, ctx);
        put(
            buf,
            area,
            area.x,
            y,
            marker,
            style.add_modifier(Modifier::BOLD),
        );
        let label = shorten(row.label, label_width);
        put(buf, area, area.x + 2, y, &label, ctx.theme.text);
        if let Some(point) = row.point {
            let (start, end) = cells(point.value.number, lo, hi, bars.width);
            let fill = ctx.glyphs.fills[0].repeat(end - start);
            put(buf, area, bars.x + start as u16, y, &fill, style);
            if let Some(from) = row.start {
                let scale = |value| edge(value, lo, hi, bars.width);
                let (now, then) = (scale(point.value.number), scale(from));
                let x = |column: usize| bars.x + column as u16;
                for column in now.min(then)..=now.max(then) {
                    if let Some(cell) = buf.cell_mut((x(column), y)) {
                        cell.set_style(ctx.theme.range);
                    }
                }
                let mark = ctx.theme.value.patch(ctx.theme.range);
                put(buf, area, x(then), y, ctx.glyphs.range_start, mark);
            }
        }
        let value_x = bars.x + bars.width as u16 + u16::from(bars.width > 0);
        let value_style = match row.point {
            None => ctx.theme.gap,
            Some(p) if p.flags.is_empty() => ctx.theme.value,
            Some(_) => ctx.theme.flag,
        };
        put(buf, area, value_x, y, value, value_style);
        let note_x = value_x + value.width() as u16;
        put(buf, area, note_x, y, note, ctx.theme.annotation);
    }
    if hidden > 0 {
        let more = format!("+{} more", rows.len() - shown);
        put(
            buf,
            area,
            area.x,
            area.y + shown as u16,
            &more,
            ctx.theme.muted,
        );
    }
    let free_row = (hidden == 0 && shown < height).then(|| area.y + shown as u16);
    for (value, label) in references {
        render_reference(*value, label, bars, shown, free_row, ctx, area, buf);
    }
}

/// Each row's callout, written after its value: ` ← text`, or the pointer alone where the
/// text would leave the bars fewer than [`MIN_BAR_WIDTH`] of the `room` they share with the
/// values.
fn notes(rows: &[Row], values: &[String], room: usize, ctx: &Ctx) -> Vec<String> {
    let pointer = ctx.glyphs.callout[2];
    let notes = |text: bool| -> Vec<String> {
        let note = |r: &Row| match &r.callout {
            Some(callout) if text => format!(" {pointer} {callout}"),
            Some(_) => format!(" {pointer}"),
            None => String::new(),
        };
        rows.iter().map(note).collect()
    };
    let full = notes(true);
    if room.saturating_sub(widest(values, &full)) >= MIN_BAR_WIDTH {
        full
    } else {
        notes(false)
    }
}

/// The widest value with its note.
fn widest(values: &[String], notes: &[String]) -> usize {
    let widths = values.iter().zip(notes).map(|(v, n)| v.width() + n.width());
    widths.max().unwrap_or(0)
}

/// A reference line down the `shown` rows, just beyond the end of a bar of its `value` (longer
/// bars cover it, shorter ones leave it) on the cells the bars left blank; and on `free_row`
/// (the first row under them, if there is one) the line's label beside it.
#[allow(
    clippy::too_many_arguments,
    reason = "the geometry of the rows, passed as it is"
)]
fn render_reference(
    value: f64,
    label: &str,
    bars: Bars,
    shown: usize,
    free_row: Option<u16>,
    ctx: &Ctx,
    area: Rect,
    buf: &mut Buffer,
) {
    if bars.width == 0 {
        return;
    }
    let (start, end) = cells(value, bars.lo, bars.hi, bars.width);
    let column = if value >= 0.0 {
        end
    } else {
        start.saturating_sub(1)
    };
    let x = bars.x + column.min(bars.width - 1) as u16;
    let line = ctx.glyphs.reference[1];
    for y in area.y..area.y + shown as u16 {
        let cell = &mut buf[(x, y)];
        if cell.symbol() == " " {
            cell.set_symbol(line).set_style(ctx.theme.reference);
        }
    }
    let Some(y) = free_row else {
        return;
    };
    put(buf, area, x, y, line, ctx.theme.reference);
    let text = format!(" {label}");
    if text.width() < usize::from(area.right() - x) {
        put(buf, area, x + 1, y, &text, ctx.theme.annotation);
    } else if text.width() <= usize::from(x - area.x) {
        let start = x - text.width() as u16;
        put(
            buf,
            area,
            start,
            y,
            &format!("{label} "),
            ctx.theme.annotation,
        );
    }
}

/// The columns `[start, end)` of a bar for `value` on a scale from `lo` (≤ 0) to `hi` (≥ 0)
/// over `width` columns, starting at zero; a value other than zero gets at least one column.
fn cells(value: f64, lo: f64, hi: f64, width: usize) -> (usize, usize) {
    let span = hi - lo;
    if width == 0 || span <= 0.0 || !span.is_finite() {
        return (0, 0);
    }
    let at = |v: f64| {
        (((v - lo) / span) * width as f64)
            .round()
            .clamp(0.0, width as f64) as usize
    };
    let (zero, end) = (at(0.0), at(value));
    let (mut start, mut stop) = (zero.min(end), zero.max(end));
    if start == stop && value != 0.0 {
        if value > 0.0 {
            stop = (stop + 1).min(width);
            start = stop - 1;
        } else {
            start = start.saturating_sub(1);
            stop = start + 1;
        }
    }
    (start, stop)
}

/// The column where a bar of `value` ends (see [`cells`]): its last cell, or its first for a
/// value below zero.
fn edge(value: f64, lo: f64, hi: f64, width: usize) -> usize {
    let (start, end) = cells(value, lo, hi, width);
    if value < 0.0 {
        start
    } else {
        end.saturating_sub(1)
    }
}

/// `text` in at most `width` columns, cut with `…` where it is longer.
fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut short = String::new();
    for c in text.chars() {
        if short.width() + c.to_string().width() + 1 > width {
            break;
        }
        short.push(c);
    }
    if width > 0 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;
    use ratatui::buffer::Buffer;

    use super::*;
    use crate::data::Dataset;
    use crate::derive::View;
    use crate::theme::{Theme, ThemeName};
    use crate::ui::Glyphs;

    /// A dataset of `values.len()` series charted in one compare chart of `year`; `None` is a
    /// series without a point that year (it has one the year before, so each series has a
    /// point and the chart's year is checked only where some series has it).
    fn dataset(values: &[Option<(i64, u8)>], year: i32) -> Dataset {
        let flags = ["", "approximate", "rounded", "lower_bound", "derived"];
        let mut indicators = String::new();
        let mut series = String::new();
        for (i, value) in values.iter().enumerate() {
            let mut points = format!(
                r#"{{"year": {}, "value": 1, "confidence": "high", "sources": ["s"]}}"#,
                year - 1
            );
            if let Some((value, flag)) = value {
                let flag = flags[usize::from(*flag) % flags.len()];
                let flags = if flag.is_empty() {
                    String::new()
                } else {
                    format!(r#""{flag}""#)
                };
                write!(
                    points,
                    r#", {{"year": {year}, "value": {value}, "confidence": "high",
                    "flags": [{flags}], "sources": ["s"]}}"#
                )
                .unwrap();
            }
            let comma = if i == 0 { "" } else { "," };
            write!(
                indicators,
                r#"{comma}{{"id": "i{i}", "name": "Series number {i} with a long name",
                "unit": "% of GDP", "points": [{points}]}}"#
            )
            .unwrap();
            write!(series, r#"{comma}{{"indicator": "i{i}"}}"#).unwrap();
        }
        let chart_year = if values.iter().any(Option::is_some) {
            year
        } else {
            year - 1
        };
        let json = format!(
            r#"{{"city": "C", "title": "T", "indicators": [{indicators}],
            "sources": [{{"id": "s", "title": "S"}}],
            "pages": [{{"id": "p", "title": "P", "charts": [{{"title": "Compared",
            "kind": "compare", "year": {chart_year}, "series": [{series}]}}]}}]}}"#
        );
        Dataset::parse(&json, "compare.json").unwrap()
    }

    /// The chart drawn into `area` of a larger buffer whose other cells hold a sentinel.
    fn draw(data: &Dataset, area: Rect, cursor: Option<i32>) -> Buffer {
        let theme = Theme::named(ThemeName::Dark);
        let ctx = Ctx {
            data,
            theme: &theme,
            glyphs: Glyphs::new(false),
            cursor,
            range: None,
            view: View::Levels,
            annotations: Vec::new(),
        };
        let spec = &data.pages[0].charts[0];
        let series: Vec<Series> = data
            .indicators
            .iter()
            .map(|i| Series {
                indicator: i,
                label: &i.name,
            })
            .collect();
        let whole = Rect::new(0, 0, area.right() + 3, area.bottom() + 3);
        let mut buf = Buffer::filled(whole, ratatui::buffer::Cell::new("X"));
        // The chart's own area starts blank, as in a frame.
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buf[(x, y)].reset();
            }
        }
        let year = cursor.or(spec.year).unwrap();
        render(spec, &series, year, &ctx, area, &mut buf);
        buf
    }

    fn text(buf: &Buffer) -> String {
        let area = buf.area;
        (area.top()..area.bottom())
            .map(|y| {
                let row: String = (area.left()..area.right())
                    .map(|x| buf[(x, y)].symbol())
                    .collect();
                row + "\n"
            })
            .collect()
    }

    #[test]
    fn rows_are_sorted_by_value_with_the_missing_ones_last() {
        let data = dataset(
            &[Some((250, 0)), None, Some((490, 2)), Some((300, 3))],
            2019,
        );
        let buf = draw(&data, Rect::new(0, 0, 70, 7), None);
        let screen = text(&buf);
        let rows: Vec<&str> = screen.lines().collect();
        assert!(rows[0].contains("Compared, 2019 · % of GDP"), "{screen}");
        assert!(
            rows[1].contains("number 2") && rows[1].contains("490%≈"),
            "{screen}"
        );
        assert!(
            rows[2].contains("number 3") && rows[2].contains("300%≥"),
            "{screen}"
        );
        assert!(
            rows[3].contains("number 0") && rows[3].contains("250% "),
            "{screen}"
        );
        assert!(
            rows[4].contains("number 1") && rows[4].contains("no data"),
            "{screen}"
        );
        assert!(
            rows[6].contains("≈ rounded") && rows[6].contains("≥ lower bound"),
            "{screen}"
        );
        // Each series keeps its own marker whatever its place.
        assert!(rows[1].contains('▲') && rows[4].contains('■'), "{screen}");
        // The longest bar is the largest value's.
        let bar = |row: &str| row.matches('█').count();
        assert!(
            bar(rows[1]) > bar(rows[2]) && bar(rows[2]) > bar(rows[3]),
            "{screen}"
        );
        assert_eq!(bar(rows[4]), 0, "{screen}");
    }

    #[test]
    fn the_cursor_picks_the_year() {
        let data = dataset(&[Some((250, 0)), None], 2019);
        let screen = text(&draw(&data, Rect::new(0, 0, 70, 6), Some(2018)));
        assert!(screen.contains("Compared, 2018"), "{screen}");
        assert_eq!(screen.matches("no data").count(), 0, "{screen}");
        assert_eq!(screen.matches("1%").count(), 2, "{screen}");
    }

    #[test]
    fn rows_that_do_not_fit_are_counted() {
        let values: Vec<_> = (0..6).map(|i| Some((i64::from(i), 0))).collect();
        let screen = text(&draw(&dataset(&values, 2019), Rect::new(0, 0, 60, 5), None));
        assert!(screen.contains("+4 more"), "{screen}");
    }

    proptest! {
        #[test]
        fn any_size_and_any_missing_values_stay_in_the_area(
            values in proptest::collection::vec(
                proptest::option::of((-1_000_000_000_i64..1_000_000_000, any::<u8>())),
                1..12,
            ),
            x in 0_u16..4,
            y in 0_u16..4,
            width in 0_u16..140,
            height in 0_u16..30,
            cursor in proptest::option::of(2010_i32..2030),
        ) {
            let data = dataset(&values, 2019);
            let area = Rect::new(x, y, width, height);
            let buf = draw(&data, area, cursor);
            for row in buf.area.top()..buf.area.bottom() {
                for col in buf.area.left()..buf.area.right() {
                    if !area.contains((col, row).into()) {
                        prop_assert_eq!(buf[(col, row)].symbol(), "X", "drawn at {},{}", col, row);
                    }
                }
            }
        }
    }

    #[test]
    fn bars_grow_from_zero_and_a_value_gets_a_column() {
        assert_eq!(cells(5.0, 0.0, 10.0, 20), (0, 10));
        assert_eq!(cells(10.0, 0.0, 10.0, 20), (0, 20));
        assert_eq!(cells(0.01, 0.0, 10.0, 20), (0, 1));
        assert_eq!(cells(0.0, 0.0, 10.0, 20), (0, 0));
        assert_eq!(cells(-5.0, -10.0, 10.0, 20), (5, 10));
        assert_eq!(cells(5.0, -10.0, 10.0, 20), (10, 15));
        assert_eq!(cells(-0.01, -10.0, 10.0, 20), (9, 10));
        assert_eq!(cells(5.0, 0.0, 10.0, 0), (0, 0));
        assert_eq!(cells(0.0, 0.0, 0.0, 20), (0, 0));
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("Shenzhen", 8), "Shenzhen");
        assert_eq!(shorten("Shenzhen", 5), "Shen…");
        assert_eq!(shorten("深圳市", 4), "深…");
        assert_eq!(shorten("Shenzhen", 0), "");
    }
}
