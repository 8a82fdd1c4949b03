//! The headline page: one tile per headline figure (latest value, its year, its change and a
//! small trend with gaps), then the page's highlights as text.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Widget, Wrap};

use super::Ctx;
use super::format::{change, grouped, is_percent, with_unit};
use crate::data::{Flag, Indicator, Page, Tile};

/// A tile's height beside charts: border, value, change, trend and its years.
pub const TILE_HEIGHT: u16 = 7;
/// On a tall screen tiles grow, so the trend is easy to read from the back row.
const MAX_TILE_HEIGHT: u16 = 11;
const MIN_TILE_HEIGHT: u16 = 4;

pub fn render(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let needed = tiles_height(page.tiles.len(), area);
    let [tiles, highlights] = area.layout(&Layout::vertical([
        Constraint::Length(needed),
        Constraint::Fill(1),
    ]));
    render_tiles(page, ctx, tiles, buf);
    render_highlights(page, ctx, highlights, buf);
}

fn columns(count: usize, width: u16) -> u16 {
    let columns = match width {
        90.. => 3,
        48.. => 2,
        _ => 1,
    };
    columns.min(count.max(1) as u16)
}

fn tiles_height(count: usize, area: Rect) -> u16 {
    let rows = (count as u16).div_ceil(columns(count, area.width));
    // Keep about a third of the page for the highlights.
    let room = area.height - (area.height / 3).min(12);
    let per_row = (room / rows.max(1)).clamp(MIN_TILE_HEIGHT, MAX_TILE_HEIGHT);
    (rows * per_row).min(area.height)
}

pub fn render_tiles(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let columns = columns(page.tiles.len(), area.width);
    let rows = (page.tiles.len() as u16).div_ceil(columns);
    let shown_rows = rows.min(area.height / MIN_TILE_HEIGHT);
    let hidden = page
        .tiles
        .len()
        .saturating_sub(usize::from(shown_rows * columns));
    let [area, note] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(hidden > 0)),
    ]));
    super::page::render_hidden_note(hidden, "figure", "figures", theme, note, buf);
    let row_areas = area.layout_vec(&Layout::vertical(vec![
        Constraint::Fill(1);
        usize::from(shown_rows)
    ]));
    let mut tiles = page.tiles.iter();
    for row in row_areas {
        let cells = row.layout_vec(&Layout::horizontal(vec![
            Constraint::Fill(1);
            usize::from(columns)
        ]));
        for cell in cells {
            let Some(tile) = tiles.next() else {
                // A spare cell in the last row explains the marks the tiles and charts use.
                render_key(ctx, cell, buf);
                break;
            };
            if let Some(indicator) = ctx.data.indicator(&tile.indicator) {
                render_tile(tile, indicator, ctx, cell, buf);
            }
        }
    }
}

fn render_key(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let block = Block::bordered()
        .border_set(ctx.glyphs.border)
        .border_style(theme.border)
        .title(Line::styled(" Reading the marks ", theme.title));
    let inner = block.inner(area);
    let marks = Flag::ALL
        .iter()
        .map(|f| (ctx.glyphs.flag(*f).to_string(), f.name(), theme.flag))
        .chain([
            (ctx.glyphs.no_data.to_owned(), "no data", theme.gap),
            (
                ctx.glyphs.series_break.to_owned(),
                "series break",
                theme.break_mark,
            ),
        ]);
    // Pack whole marks into lines, so a symbol never wraps away from its meaning.
    let mut lines: Vec<Line> = vec![Line::default()];
    for (symbol, name, style) in marks {
        let item = [
            Span::styled(symbol, style),
            Span::styled(format!(" {name}  "), theme.muted),
        ];
        let width = item.iter().map(Span::width).sum::<usize>();
        let line = lines
            .last_mut()
            .filter(|l| l.width() + width <= usize::from(inner.width));
        match line {
            Some(line) => line.spans.extend(item),
            None => lines.push(Line::from(item.to_vec())),
        }
    }
    // Half a key would mislead: show it whole or leave the cell empty.
    if lines.len() <= usize::from(inner.height) {
        block.render(area, buf);
        Paragraph::new(lines).render(inner, buf);
    }
}

fn render_tile(tile: &Tile, indicator: &Indicator, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let label = tile.label.as_deref().unwrap_or(&indicator.name);
    let block = Block::bordered()
        .border_set(ctx.glyphs.border)
        .border_style(theme.border)
        .title(Line::styled(format!(" {label} "), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(latest) = indicator.points.last() else {
        return;
    };
    let unit = indicator.unit.as_str();
    let decimals = usize::from(latest.value.decimals);
    let value = with_unit(latest.value.number, decimals, unit);
    let mut marks = String::new();
    for flag in &latest.flags {
        marks.extend([' ', ctx.glyphs.flag(*flag), ' ']);
        marks.push_str(flag.name());
    }
    let value_line = Line::from(vec![
        Span::styled(value, theme.value),
        Span::styled(marks, theme.flag),
        Span::styled(format!(" in {}", latest.year), theme.muted),
    ]);

    let earlier = match tile.since {
        Some(year) => indicator.point(year),
        None => indicator.points.iter().rev().nth(1),
    };
    let change_line = earlier.map(|from| {
        let word = if tile.since.is_some() { "since" } else { "on" };
        let mut then = grouped(from.value.number, usize::from(from.value.decimals));
        if is_percent(unit) {
            then.push('%');
        }
        then.extend(from.flags.iter().map(|f| ctx.glyphs.flag(*f)));
        let delta = change(from.value.number, latest.value.number, decimals, unit);
        let when = format!(" {word} {}", from.year);
        // The earlier value is a bonus: drop it rather than cut the line mid-number.
        let full = delta.chars().count() + when.chars().count() + then.chars().count() + 3;
        let then = if full <= usize::from(inner.width) {
            format!(" ({then})")
        } else {
            String::new()
        };
        Line::from(vec![
            Span::styled(delta, theme.value),
            Span::styled(when + &then, theme.muted),
        ])
    });

    let [value_row, change_row, trend, years] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(inner.height >= 4)),
    ]));
    value_line.render(value_row, buf);
    if let Some(line) = change_line {
        line.render(change_row, buf);
    }
    render_trend(indicator, ctx, trend, years, buf);
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

fn render_highlights(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let (data, theme) = (ctx.data, ctx.theme);
    if area.height < 3 || page.highlights.is_empty() {
        return;
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(" Highlights ", theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut rest = inner;
    for highlight in page.highlights.iter().filter_map(|id| data.highlight(id)) {
        let text = Paragraph::new(Line::from(vec![
            Span::styled("▸ ", theme.key),
            Span::styled(highlight.text.as_str(), theme.text),
            Span::styled(format!(" [{}]", highlight.sources.join(", ")), theme.muted),
        ]))
        .wrap(Wrap { trim: true });
        // A highlight is shown whole or not at all: a cut sentence misleads.
        let height = text.line_count(rest.width) as u16;
        if height > rest.height {
            break;
        }
        let [this, next] = rest.layout(&Layout::vertical([
            Constraint::Length(height),
            Constraint::Fill(1),
        ]));
        text.render(this, buf);
        rest = next;
    }
}
