//! The headline page: one tile per headline figure (latest value, its year, its change and a
//! small trend with gaps), then the page's highlights as text.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Sparkline, Widget, Wrap};

use super::format::{change, grouped, is_percent, with_unit};
use crate::data::{Dataset, Indicator, Page, Tile};
use crate::theme::Theme;

/// A tile's height when there is room: border, value, change, trend and its years.
pub const TILE_HEIGHT: u16 = 7;
const MIN_TILE_HEIGHT: u16 = 4;
const MIN_TILE_WIDTH: u16 = 26;

pub fn render(page: &Page, data: &Dataset, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let needed = tiles_height(page.tiles.len(), area);
    let [tiles, highlights] = area.layout(&Layout::vertical([
        Constraint::Length(needed),
        Constraint::Fill(1),
    ]));
    render_tiles(page, data, theme, tiles, buf);
    render_highlights(page, data, theme, highlights, buf);
}

fn columns(count: usize, width: u16) -> u16 {
    (width / MIN_TILE_WIDTH)
        .clamp(1, 3)
        .min(count.max(1) as u16)
}

fn tiles_height(count: usize, area: Rect) -> u16 {
    let rows = (count as u16).div_ceil(columns(count, area.width));
    let per_row = (area.height / rows.max(1)).clamp(MIN_TILE_HEIGHT, TILE_HEIGHT);
    (rows * per_row).min(area.height)
}

pub fn render_tiles(page: &Page, data: &Dataset, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let columns = columns(page.tiles.len(), area.width);
    let rows = (page.tiles.len() as u16).div_ceil(columns);
    let shown_rows = rows.min(area.height / MIN_TILE_HEIGHT);
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
        for (cell, tile) in cells.into_iter().zip(tiles.by_ref()) {
            if let Some(indicator) = data.indicator(&tile.indicator) {
                render_tile(tile, indicator, theme, cell, buf);
            }
        }
    }
}

fn render_tile(tile: &Tile, indicator: &Indicator, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let label = tile.label.as_deref().unwrap_or(&indicator.name);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
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
        marks.extend([' ', flag.symbol(), ' ']);
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
        then.extend(from.flags.iter().map(|f| f.symbol()));
        Line::from(vec![
            Span::styled(
                change(from.value.number, latest.value.number, decimals, unit),
                theme.value,
            ),
            Span::styled(format!(" {word} {} ({then})", from.year), theme.muted),
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
    render_trend(indicator, theme, trend, years, buf);
}

/// A sparkline over the indicator's years, one stretch of columns per year; missing years
/// show as dots, never as zero.
fn render_trend(indicator: &Indicator, theme: &Theme, area: Rect, years: Rect, buf: &mut Buffer) {
    let (Some(first), Some(last)) = (indicator.points.first(), indicator.points.last()) else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let count = (last.year - first.year + 1) as usize;
    let repeat = (usize::from(area.width) / count).max(1);
    let bars: Vec<Option<u64>> = (first.year..=last.year)
        .flat_map(|year| {
            let value = indicator
                .point(year)
                .map(|p| (p.value.number.max(0.0) * 1000.0).round() as u64);
            std::iter::repeat_n(value, repeat)
        })
        .collect();
    let width = (bars.len() as u16).min(area.width);
    Sparkline::default()
        .data(bars)
        .style(theme.series(0))
        .absent_value_symbol("·")
        .absent_value_style(theme.gap)
        .render(Rect { width, ..area }, buf);
    if years.height > 0 && width >= 9 {
        let from = first.year.to_string();
        let to = last.year.to_string();
        buf.set_string(years.x, years.y, &from, theme.axis);
        buf.set_string(years.x + width - to.len() as u16, years.y, &to, theme.axis);
    }
}

fn render_highlights(page: &Page, data: &Dataset, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || page.highlights.is_empty() {
        return;
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(" Highlights ", theme.title));
    let lines: Vec<Line> = page
        .highlights
        .iter()
        .filter_map(|id| data.highlight(id))
        .map(|h| {
            Line::from(vec![
                Span::styled("▸ ", theme.key),
                Span::styled(h.text.as_str(), theme.text),
                Span::styled(format!(" [{}]", h.sources.join(", ")), theme.muted),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
