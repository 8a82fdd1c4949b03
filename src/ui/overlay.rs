//! Panels over the page: the key help, generated from the key table, and the current tab's
//! sources, so "where is this from?" is one key press away.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::format::with_unit;
use super::{Ctx, wrap};
use crate::action::{Mode, rows};
use crate::app::Overlay;
use crate::data::{Indicator, Mark, On, Page, Ref, Source};

pub fn render(overlay: Overlay, page: &Page, mode: Mode, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    match overlay {
        Overlay::Help => render_help(mode, ctx, area, buf),
        Overlay::Sources { scroll } => render_sources(page, scroll, ctx, area, buf),
    }
}

/// A centred panel of at most `width`×`height`, cleared and framed.
fn panel(ctx: &Ctx, title: String, width: u16, height: u16, area: Rect, buf: &mut Buffer) -> Rect {
    let [row] = area.layout(
        &Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center),
    );
    let [cell] = row.layout(
        &Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center),
    );
    Clear.render(cell, buf);
    buf.set_style(cell, ctx.theme.base);
    let block = ctx
        .bordered()
        .border_style(ctx.theme.key)
        .title(Line::styled(title, ctx.theme.title));
    let inner = block.inner(cell);
    block.render(cell, buf);
    inner
}

/// The keys in force, generated from the key table: in a talk its keys first, and each other
/// row with only the keys the talk left it.
fn render_help(mode: Mode, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let rows: Vec<_> = rows(mode)
        .map(|binding| (binding, binding.label_in(mode)))
        .filter(|(_, label)| !label.is_empty())
        .collect();
    let key_width = rows.iter().map(|(_, l)| l.width()).max().unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(binding, label)| {
            Line::from(vec![
                Span::styled(format!(" {label:<key_width$}  "), theme.key),
                Span::styled(binding.description, theme.text),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        " Mouse: click a tab; the wheel moves the year cursor.",
        theme.muted,
    ));
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let height = lines.len() as u16 + 2;
    let title = match mode {
        Mode::Dashboard => " Keys · any key closes ",
        Mode::Talk => " Keys in a talk · any key closes ",
    };
    let inner = panel(ctx, title.to_owned(), width, height, area, buf);
    Paragraph::new(lines).render(inner, buf);
}

fn render_sources(page: &Page, scroll: u16, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(110);
    let height = area.height.saturating_sub(2);
    let title = format!(" Sources · {} · ↑↓ scroll · Esc closes ", page.title);
    let inner = panel(ctx, title, width, height, area, buf);
    let lines: Vec<Line> = ctx
        .data
        .page_indicators(page)
        .into_iter()
        .flat_map(|indicator| indicator_lines(indicator, ctx))
        .chain(reference_lines(page, ctx))
        .flat_map(|line| wrap::indented(&line, inner.width))
        .collect();
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(usize::from(inner.height)));
    wrap::render(&lines[scroll..], inner, buf);
}

fn indicator_lines<'a>(indicator: &'a Indicator, ctx: &Ctx<'a>) -> Vec<Line<'a>> {
    let theme = ctx.theme;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(indicator.name.as_str(), theme.title),
            Span::styled(
                format!(" · {} · {}", indicator.unit, indicator.scope),
                theme.muted,
            ),
        ]),
        Line::styled(indicator.definition.as_str(), theme.text),
    ];
    if !indicator.notes.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Notes: ", theme.value),
            Span::styled(indicator.notes.as_str(), theme.text),
        ]));
    }
    // Each cited source once, in the order the points cite them, with what it supports.
    let mut cited: Vec<&Ref<Source>> = Vec::new();
    for id in indicator.points.iter().flat_map(|p| &p.sources) {
        if !cited.contains(&id) {
            cited.push(id);
        }
    }
    for id in cited {
        let years: Vec<String> = indicator
            .points
            .iter()
            .filter(|p| p.sources.contains(id))
            .map(|p| format!("{} ({})", p.year, p.confidence.name()))
            .collect();
        lines.push(source_line(id, ctx, format!(" · for {}", years.join(", "))));
    }
    lines.push(Line::default());
    lines
}

/// The reference lines on this page's indicators, each a figure with its own sources.
fn reference_lines<'a>(page: &Page, ctx: &Ctx<'a>) -> Vec<Line<'a>> {
    let theme = ctx.theme;
    let indicators = ctx.data.page_indicators(page);
    let mut lines = Vec::new();
    for annotation in &ctx.annotations {
        let Mark::Reference {
            on,
            value,
            label,
            sources,
        } = &annotation.mark
        else {
            continue;
        };
        let unit = match on {
            On::Indicator(target) => {
                let target = ctx.data.get(target);
                let shown = indicators.iter().any(|i| std::ptr::eq(*i, target));
                shown.then_some(target.unit.as_str())
            }
            On::Unit(unit) => indicators
                .iter()
                .any(|i| i.unit == *unit)
                .then_some(unit.as_str()),
        };
        let Some(unit) = unit else {
            continue;
        };
        let number = with_unit(value.number, usize::from(value.decimals), unit);
        lines.push(Line::from(vec![
            Span::styled(format!("Reference line: {label}"), theme.title),
            Span::styled(format!(" · {number}"), theme.muted),
        ]));
        for id in sources {
            lines.push(source_line(id, ctx, String::new()));
        }
        lines.push(Line::default());
    }
    lines
}

/// `  S12 Title · publisher · date · url`, then `what` (the years it supports).
fn source_line<'a>(id: &Ref<Source>, ctx: &Ctx<'a>, what: String) -> Line<'a> {
    let theme = ctx.theme;
    let source = ctx.data.get(id);
    let mut spans = vec![
        Span::styled(format!("  {id} "), theme.key),
        Span::styled(source.title.as_str(), theme.text),
    ];
    for detail in [&source.publisher, &source.date, &source.url] {
        if !detail.is_empty() {
            spans.push(Span::styled(format!(" · {detail}"), theme.muted));
        }
    }
    if !what.is_empty() {
        spans.push(Span::styled(what, theme.muted));
    }
    Line::from(spans)
}
