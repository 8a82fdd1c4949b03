//! The bottom line: key hints from the key table, and the dataset's provenance or, while
//! autoplay runs, its progress towards the next tab.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, split};
use crate::action::{Action, BINDINGS, key_of};
use crate::app::App;

/// Room kept for the quit hint, which always shows.
const QUIT_HINT_WIDTH: usize = 9;
/// The autoplay gauge's width in columns.
const GAUGE_WIDTH: usize = 12;

pub fn render(app: &App, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let status = status(app, ctx);
    let status_width = status.width();
    // Hints come first; the status shows in what room is left.
    let room = usize::from(area.width);
    let mut hints = Vec::new();
    let mut used = 0;
    for binding in BINDINGS {
        let Some((keys, words)) = binding.hint() else {
            continue;
        };
        let hint = [
            Span::styled(format!(" {keys}"), theme.key),
            Span::styled(format!(" {words} "), theme.muted),
        ];
        // Whole hints only, and room is kept for the quit hint.
        let width: usize = hint.iter().map(Span::width).sum();
        let is_quit = binding.action == Action::Quit;
        if !is_quit && used + width + QUIT_HINT_WIDTH > room {
            continue;
        }
        used += width;
        hints.extend(hint);
    }
    if used + status_width <= usize::from(area.width) {
        let [left, right] = split::columns(area, [None, Some(status_width as u16)]);
        Line::from(hints).render(left, buf);
        status.render(right, buf);
    } else {
        Line::from(hints).render(area, buf);
    }
}

/// In focus, which chart and the keys out of it; else autoplay's gauge while it runs;
/// otherwise where the data comes from.
fn status<'a>(app: &App, ctx: &Ctx) -> Line<'a> {
    let theme = ctx.theme;
    let charts = ctx.data.pages.get(app.tab()).map_or(0, |p| p.charts.len());
    if let Some(index) = app.focus() {
        let key = |action| key_of(action).unwrap_or_default();
        return Line::from(vec![
            Span::styled(format!(" chart {}/{charts} · ", index + 1), theme.muted),
            Span::styled(key(Action::Focus), theme.key),
            Span::styled(" next · ", theme.muted),
            Span::styled(key(Action::Back), theme.key),
            Span::styled(" whole tab", theme.muted),
        ]);
    }
    if let (Some(autoplay), Some(progress)) = (app.autoplay(), app.autoplay_progress()) {
        let filled = (progress * GAUGE_WIDTH as f64).round() as usize;
        let (full, empty) = if ctx.glyphs.ascii {
            ("#", "-")
        } else {
            ("━", "─")
        };
        let left = autoplay.every.as_secs_f64() * (1.0 - progress);
        let state = if autoplay.paused.is_some() {
            " paused (Space) ".to_owned()
        } else {
            format!(" next tab in {left:.0} s ")
        };
        return Line::from(vec![
            Span::styled(" autoplay ", theme.key),
            Span::styled(full.repeat(filled), theme.series(0)),
            Span::styled(empty.repeat(GAUGE_WIDTH - filled), theme.muted),
            Span::styled(state, theme.muted),
        ]);
    }
    Line::styled(app.about().to_owned(), theme.muted)
}
