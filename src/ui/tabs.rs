//! The tab bar: one numbered title per page, the selected one reversed and bold.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::data::Page;
use crate::theme::Theme;

const SEPARATOR: &str = "│";

/// The tab labels that fit in `width` columns: full titles, else page ids, else numbers.
pub fn tab_titles(pages: &[Page], width: u16) -> Vec<String> {
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
            + pages.len().saturating_sub(1) * SEPARATOR.width();
        if total <= usize::from(width) {
            break;
        }
    }
    labels
}

pub fn render(pages: &[Page], selected: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::with_capacity(pages.len() * 2);
    for (i, label) in tab_titles(pages, area.width).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, theme.border));
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
