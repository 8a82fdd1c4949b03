//! One headline tile of the overview: the latest value of an indicator (in large type when
//! the tile is big enough to be read from the back of a room), its year, its change, and a
//! small trend in which missing years stay visible.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::format::{self, figure, with_unit};
use super::{Ctx, split};
use crate::data::{Flag, Indicator, Point, Tile};
use crate::derive::{self, NoChange};

/// Quadrant pixels: each 8×8 glyph takes 4 columns and 4 rows.
const BIG_GLYPH_WIDTH: usize = 4;
const BIG_HEIGHT: u16 = 4;
/// Large type, unit line, change line, two rows of trend and its years.
const BIG_MIN_HEIGHT: u16 = 9;

/// One headline figure: its latest value (large when there is room), year, change and trend.
pub fn render(tile: &Tile, indicator: &Indicator, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let label = tile.label.as_deref().unwrap_or(&indicator.name);
    let block = ctx
        .bordered()
        .title(Line::styled(format!(" {label} "), ctx.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(model) = Model::new(tile, indicator, ctx, inner) else {
        return;
    };
    let big_rows = if model.big.is_some() { BIG_HEIGHT } else { 0 };
    let years_row = u16::from(inner.height >= 4);
    let [big, value, change, trend, years] = split::rows(
        inner,
        [Some(big_rows), Some(1), Some(1), None, Some(years_row)],
    );
    render_big(model.big, ctx, big, buf);
    model.value.render(value, buf);
    model.change.render(change, buf);
    render_trend(indicator, ctx, trend, years, buf);
}

/// What a tile says, worked out for the room inside its border before anything is drawn.
struct Model<'a> {
    /// The latest value in large type, where the tile has room for it.
    big: Option<String>,
    /// The latest value (or, under large type, its unit), its flags and its year.
    value: Line<'a>,
    /// The change since the earlier year, when there is one.
    change: Option<Line<'a>>,
}

impl<'a> Model<'a> {
    /// `None` for an indicator without points: the tile stays an empty frame.
    fn new(tile: &Tile, indicator: &Indicator, ctx: &Ctx, inner: Rect) -> Option<Model<'a>> {
        let latest = indicator.points.last()?;
        let unit = indicator.unit.as_str();
        let number = figure(
            latest.value.number,
            usize::from(latest.value.decimals),
            unit,
        );
        // Large type for the back row, where the tile has room for it.
        let big = (!ctx.glyphs.ascii
            && inner.height >= BIG_MIN_HEIGHT
            && usize::from(inner.width) >= BIG_GLYPH_WIDTH * number.chars().count())
        .then_some(number);
        let value = value_line(latest, unit, big.is_some(), ctx, inner.width);
        let earlier = match tile.since {
            Some(year) => Some(year),
            None => indicator.points.iter().rev().nth(1).map(|p| p.year),
        };
        let change = earlier.map(|from| {
            let stretch = derive::between(indicator, from, latest.year);
            change_line(tile, indicator, &stretch, ctx, inner.width)
        });
        Some(Model { big, value, change })
    }
}

/// The latest value with its unit, flags and year; under large type only the unit. Where the
/// flags' names do not fit in `width`, their marks stand alone, so the year is never cut.
fn value_line<'a>(latest: &Point, unit: &str, big: bool, ctx: &Ctx, width: u16) -> Line<'a> {
    let theme = ctx.theme;
    let value = if big {
        let unit_text = unit.strip_prefix('%').map_or(unit, str::trim_start);
        Span::styled(unit_text.to_owned(), theme.text)
    } else {
        let decimals = usize::from(latest.value.decimals);
        Span::styled(with_unit(latest.value.number, decimals, unit), theme.value)
    };
    let year = Span::styled(format!(" in {}", latest.year), theme.muted);
    let marks = |named: bool| {
        let mut marks = String::new();
        for flag in &latest.flags {
            marks.extend([' ', ctx.glyphs.flag(*flag)]);
            if named {
                marks.push(' ');
                marks.push_str(flag.name());
            }
        }
        marks
    };
    let named = marks(true);
    let fits = value.width() + named.width() + year.width() <= usize::from(width);
    let marks = if fits { named } else { marks(false) };
    Line::from(vec![value, Span::styled(marks, theme.flag), year])
}

/// The change from the earlier year to the latest, and the earlier value where it fits in
/// `width`; or why there is none (a lower bound, a series break in between).
fn change_line<'a>(
    tile: &Tile,
    indicator: &Indicator,
    stretch: &derive::Stretch,
    ctx: &Ctx,
    width: u16,
) -> Line<'a> {
    let theme = ctx.theme;
    let word = if tile.since.is_some() { "since" } else { "on" };
    let when = format!(" {word} {}", stretch.from);
    let (change, from) = match (stretch.change, stretch.start) {
        (Ok(change), Some(from)) => (change, from),
        (Err(why), _) => return no_change_line(why, &when, ctx, width),
        // A change has both its points.
        (Ok(_), None) => return Line::default(),
    };
    let unit = indicator.unit.as_str();
    let decimals = stretch.end.map_or(0, |p| usize::from(p.value.decimals));
    let mut then = figure(from.value.number, usize::from(from.value.decimals), unit);
    then.extend(from.flags.iter().map(|f| ctx.glyphs.flag(*f)));
    let delta = format::change(change, decimals);
    // The earlier value is a bonus: drop it rather than cut the line mid-number.
    let full = delta.chars().count() + when.chars().count() + then.chars().count() + 3;
    let then = if full <= usize::from(width) {
        format!(" ({then})")
    } else {
        String::new()
    };
    Line::from(vec![
        Span::styled(delta, theme.value),
        Span::styled(when + &then, theme.muted),
    ])
}

/// Why the tile shows no change: a lower bound (`≥`) or a series break (`┊`) with its year,
/// led by "no change since 2012" or "no change" where that fits in `width`, so the reason
/// itself is never cut.
fn no_change_line<'a>(why: NoChange, when: &str, ctx: &Ctx, width: u16) -> Line<'a> {
    let theme = ctx.theme;
    let (mark, style, reason) = match why {
        NoChange::LowerBound(_) => (
            Some(ctx.glyphs.flag(Flag::LowerBound)),
            theme.flag,
            "lower bound".to_owned(),
        ),
        NoChange::Break(brk) => (
            ctx.glyphs.series_break.chars().next(),
            theme.break_mark,
            format!("break in {}", brk.year),
        ),
        other => (None, theme.muted, format::no_change(other)),
    };
    let mark = mark.map(|m| format!("{m} ")).unwrap_or_default();
    let rest = mark.width() + reason.width();
    let lead = [format!("no change{when}: "), "no change: ".to_owned()]
        .into_iter()
        .find(|lead| lead.width() + rest <= usize::from(width))
        .unwrap_or_default();
    Line::from(vec![
        Span::styled(lead, theme.muted),
        Span::styled(mark, style),
        Span::styled(reason, theme.muted),
    ])
}

/// The latest value in large type, when the tile has room for it.
fn render_big(number: Option<String>, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    if let Some(number) = number {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(ctx.theme.value)
            .lines(vec![Line::from(number)])
            .build()
            .render(area, buf);
    }
}

/// A sparkline over the indicator's years, one stretch of columns per year; missing years
/// show as dots, never as zero.
fn render_trend(indicator: &Indicator, ctx: &Ctx, area: Rect, years: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let (Some(first), Some(last)) = (indicator.points.first(), indicator.points.last()) else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let count = (last.year - first.year + 1) as usize;
    let width = usize::from(area.width);
    // A trend, not a bar chart: scaled from a little below the smallest value so a one-row
    // sparkline still shows the shape. The figures themselves are printed above it.
    let values = || indicator.points.iter().map(|p| p.value.number);
    let (low, high) = (
        values().fold(f64::INFINITY, f64::min),
        values().fold(f64::NEG_INFINITY, f64::max),
    );
    let floor = low - (high - low).max(low.abs() * 0.1) * 0.25;
    // Each column shows the year under it, so the years share the full width.
    let bars: Vec<Option<u64>> = (0..width)
        .map(|column| {
            let year = first.year + (column * count / width) as i32;
            indicator
                .point(year)
                .map(|p| ((p.value.number - floor) / (high - floor) * 1000.0).round() as u64)
        })
        .collect();
    let width = area.width;
    Sparkline::default()
        .data(bars)
        .style(theme.series(0))
        .bar_set(ctx.glyphs.sparkline.clone())
        .absent_value_symbol(ctx.glyphs.no_data)
        .absent_value_style(theme.gap)
        .render(Rect { width, ..area }, buf);
    if years.height > 0 && width >= 9 {
        let from = first.year.to_string();
        let to = last.year.to_string();
        buf.set_string(years.x, years.y, &from, theme.axis);
        buf.set_string(years.x + width - to.len() as u16, years.y, &to, theme.axis);
    }
}
