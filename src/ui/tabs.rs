//! The tab bar: one numbered title per page, the selected one reversed and bold.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::Ctx;
use crate::data::Page;

/// The tab labels that fit in `width` columns: full titles, else page ids, else numbers.
pub fn tab_titles(pages: &[Page], width: u16) -> Vec<String> {
    // Separators are one column wide in both glyph sets.
    const SEPARATOR: usize = 1;
    type Label = dyn Fn(usize, &Page) -> String;
    let styles: [&Label; 3] = [
        &|i, p| format!(" {} {} ", i + 1, p.title),
        &|i, p| format!(" {} {} ", i + 1, p.id),
        &|i, _| format!(" {} ", i + 1),
    ];
    let mut labels = Vec::new();
    for style in styles {
        labels = pages.iter().enumerate().map(|(i, p)| style(i, p)).collect();
        let total: usize = labels.iter().map(|l| l.width()).sum::<usize>()
            + pages.len().saturating_sub(1) * SEPARATOR;
        if total <= usize::from(width) {
            break;
        }
    }
    labels
}

pub fn render(pages: &[Page], selected: usize, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let mut spans = Vec::with_capacity(pages.len() * 2);
    for (i, label) in tab_titles(pages, area.width).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(ctx.glyphs.tab_separator, theme.border));
        }
        let style = if i == selected {
            theme.tab_selected
        } else {
            theme.tab
        };
        spans.push(Span::styled(label, style));
    }
    Line::from(spans).render(area, buf);
}

/// The tab under a click at (`column`, `row`) when the tab bar is `width` columns wide.
pub fn tab_at(pages: &[Page], width: u16, column: u16, row: u16) -> Option<usize> {
    if row != 0 {
        return None;
    }
    let mut x = 0;
    for (index, label) in tab_titles(pages, width).iter().enumerate() {
        let end = x + label.width();
        if (x..end).contains(&usize::from(column)) {
            return Some(index);
        }
        x = end + 1;
    }
    None
}
