//! The headline page: one tile per headline figure (latest value, its year, its change and a
//! small trend with gaps), then the page's highlights as text (drawn the same way under the
//! charts of a page that has both).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Ctx, fit, format, hidden, split, tile, wrap};
use crate::data::{Flag, Page, Ref};
use crate::derive;

pub fn render(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let needed = fit::tiles_height(page.tiles.len(), area);
    let growth =
        growth_line(page, ctx).map_or_else(Vec::new, |line| wrap::lines(&line, area.width));
    let growth_rows = growth.len() as u16;
    let [tiles, growth_area, highlights] =
        split::rows(area, [Some(needed), Some(growth_rows), None]);
    render_tiles(page, ctx, tiles, buf);
    // Stated whole or not at all.
    if growth_area.height == growth_rows {
        wrap::render(&growth, growth_area, buf);
    }
    render_highlights(page, ctx, highlights, buf);
}

/// The rows the growth line takes at `width` columns (none where the page has none).
pub fn growth_rows(page: &Page, ctx: &Ctx, width: u16) -> u16 {
    growth_line(page, ctx).map_or(0, |line| wrap::lines(&line, width).len() as u16)
}

/// Compound annual growth of the page's `growth` indicators, from the first to the last year
/// with data, labelled as derived.
fn growth_line<'a>(page: &Page, ctx: &Ctx) -> Option<Line<'a>> {
    if page.growth.is_empty() {
        return None;
    }
    let theme = ctx.theme;
    let mut spans = vec![Span::styled(" Growth per year, derived: ", theme.title)];
    for (i, growth) in page.growth.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        let indicator = ctx.data.get(growth);
        // A tile's short label where the page has one for this indicator.
        let label = page
            .tiles
            .iter()
            .find(|t| t.indicator == *growth)
            .and_then(|t| t.label.as_deref())
            .unwrap_or(&indicator.name);
        spans.push(Span::styled(format!("{label} "), theme.text));
        match derive::cagr(indicator) {
            Some((first, last, rate)) => {
                spans.push(Span::styled(format::per_year(rate), theme.value));
                spans.push(Span::styled(
                    format!(" a year, {first}–{last}"),
                    theme.muted,
                ));
            }
            None => spans.push(Span::styled("n/a (gap or break)", theme.muted)),
        }
    }
    Some(Line::from(spans))
}

pub fn render_tiles(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let fit::TileGrid {
        columns,
        shown_rows,
        hidden,
    } = fit::tile_grid(page.tiles.len(), area);
    let [area, note] = split::rows(area, [None, Some(u16::from(hidden > 0))]);
    hidden::render(hidden, "figure", "figures", theme, note, buf);
    let mut tiles = page.tiles.iter();
    for row in split::even(area, shown_rows, false) {
        let cells = split::even(row, columns, true);
        for cell in cells {
            let Some(tile) = tiles.next() else {
                // A spare cell in the last row explains the marks the tiles and charts use.
                render_key(ctx, cell, buf);
                break;
            };
            tile::render(tile, ctx.data.get(&tile.indicator), ctx, cell, buf);
        }
    }
}

fn render_key(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let block = ctx
        .bordered()
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
        wrap::render(&lines, inner, buf);
    }
}

fn render_highlights(page: &Page, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || page.highlights.is_empty() {
        return;
    }
    render_highlight_block(&highlight_lines(page, ctx, area.width), ctx, area, buf);
}

/// Each of the page's highlights, `▸ sentence [sources]`, wrapped to `width` columns: the lines
/// of one highlight each.
pub fn highlight_lines(page: &Page, ctx: &Ctx, width: u16) -> Vec<Vec<Line<'static>>> {
    let (data, theme) = (ctx.data, ctx.theme);
    page.highlights
        .iter()
        .map(|h| data.get(h))
        .map(|highlight| {
            let sources = format!(" [{}]", Ref::join(&highlight.sources, ", "));
            let text = Line::from(vec![
                Span::styled("▸ ", theme.key),
                Span::styled(highlight.text.as_str(), theme.text),
                Span::styled(sources, theme.muted),
            ]);
            wrap::lines(&text, width)
        })
        .collect()
}

/// A " Highlights " rule and under it, in order, the highlights that fit whole: a cut sentence
/// misleads, so the first that does not fit and those after it are left out.
pub fn render_highlight_block(highlights: &[Vec<Line>], ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(" Highlights ", theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let heights: Vec<u16> = highlights.iter().map(|lines| lines.len() as u16).collect();
    let shown = fit::highlights_in(&heights, inner.height);
    let mut rest = inner;
    for lines in &highlights[..shown] {
        let [this, next] = split::rows(rest, [Some(lines.len() as u16), None]);
        wrap::render(lines, this, buf);
        rest = next;
    }
}
