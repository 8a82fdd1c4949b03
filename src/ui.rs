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

use crate::action::{BINDINGS, Command};
use crate::app::App;
use crate::theme::Theme;

pub use format::{grouped, with_unit};
pub use tabs::tab_titles;

/// Below this size the layout cannot be read; a message asks for more room instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// Room kept in the footer for the quit hint.
const QUIT_HINT_WIDTH: usize = 8;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base);
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
    let need = format!("need {MIN_WIDTH}×{MIN_HEIGHT}");
    let have = format!("have {}×{}", area.width, area.height);
    let one_line = format!("terminal too small: {need}, {have}");
    // One line where it fits; otherwise one phrase per line, so nothing wraps mid-phrase.
    let mut lines = if one_line.chars().count() <= usize::from(area.width) {
        vec![Line::styled(one_line, theme.warning)]
    } else {
        ["terminal too small", &need, &have]
            .map(|text| Line::styled(text.to_owned(), theme.warning))
            .to_vec()
    };
    lines.push(Line::styled("enlarge it, or q to quit", theme.muted));
    let height = (lines.len() as u16).min(area.height);
    let [_, middle, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}

/// Key hints from the key table on the left, the dataset's provenance on the right.
fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut hints = Vec::new();
    let mut used = 0;
    for binding in BINDINGS {
        let keys = binding.label.split(' ').next().unwrap_or(binding.label);
        let hint = [
            Span::styled(format!(" {keys}"), theme.key),
            Span::styled(format!(" {} ", binding.description), theme.muted),
        ];
        // Whole hints only, and room is kept for the quit hint, which always shows.
        let width: usize = hint.iter().map(Span::width).sum();
        let is_quit = binding.action == Command::Quit;
        if !is_quit && used + width + QUIT_HINT_WIDTH > usize::from(area.width) {
            continue;
        }
        used += width;
        hints.extend(hint);
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
