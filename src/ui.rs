//! Drawing: the frame's layout, then one call per region. Everything here is a pure function
//! of the state, so a frame renders the same into a terminal or a test buffer.

mod chart;
mod format;
mod overview;
mod page;
mod tabs;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::action::BINDINGS;
use crate::app::App;
use crate::theme::Theme;

pub use format::{grouped, with_unit};
pub use tabs::tab_titles;

/// Below this size the layout cannot be read; a message asks for more room instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(area, buf, &self.theme);
            return;
        }
        let [tabs, body, footer] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        tabs::render(&self.data.pages, self.tab(), &self.theme, tabs, buf);
        if let Some(page) = self.data.pages.get(self.tab()) {
            page::render(page, &self.data, &self.theme, body, buf);
        }
        render_footer(self, footer, buf);
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let message = format!(
        "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let lines = [
        Line::styled(message, theme.warning),
        Line::styled("enlarge the window or press q to quit", theme.muted),
    ];
    let height = 2.min(area.height);
    let [_, middle, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    Paragraph::new(lines.to_vec())
        .centered()
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}

/// Key hints from the key table on the left, the dataset's provenance on the right.
fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut hints = Vec::new();
    for binding in BINDINGS {
        let keys = binding.label.split(' ').next().unwrap_or(binding.label);
        hints.push(Span::styled(format!(" {keys}"), theme.key));
        hints.push(Span::styled(
            format!(" {} ", binding.description),
            theme.muted,
        ));
    }
    let data = &app.data;
    let span = data
        .year_span()
        .map(|(a, b)| format!(" · {a}–{b}"))
        .unwrap_or_default();
    let about = format!(
        "{}{span} · {} sources ",
        data.title,
        data.cited_sources().len()
    );
    let about_width = about.chars().count() as u16;
    let hints_width: u16 = hints.iter().map(|s| s.width() as u16).sum();
    if hints_width + about_width <= area.width {
        let [left, right] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(about_width),
        ]));
        Line::from(hints).render(left, buf);
        Line::styled(about, theme.muted).render(right, buf);
    } else {
        Line::from(hints).render(area, buf);
    }
}
