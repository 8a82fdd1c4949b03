//! The bottom line: key hints from the key table, and the dataset's provenance or, while
//! autoplay runs, its progress towards the next tab; in a talk, where it is (`beat 3/12`),
//! whether this is a detour, and the question a first `q` asks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, split};
use crate::action::{Action, key_of, rows};
use crate::app::App;

/// Room kept for the quit hint, which always shows.
const QUIT_HINT_WIDTH: usize = 9;
/// The autoplay gauge's width in columns.
const GAUGE_WIDTH: usize = 12;

pub fn render(app: &App, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let status = status(app, ctx);
    let status_width = status.width();
    // Hints come first and the status shows in what room is left; but in a talk, where the
    // speaker must see the beat, room is kept for it.
    let room = usize::from(area.width);
    let kept = if app.talk().is_some() {
        status_width
    } else {
        0
    };
    let mode = app.mode();
    let mut hints = Vec::new();
    let mut used = 0;
    for binding in rows(mode) {
        let Some((keys, words)) = binding.hint_in(mode) else {
            continue;
        };
        let hint = [
            Span::styled(format!(" {keys}"), theme.key),
            Span::styled(format!(" {words} "), theme.muted),
        ];
        // Whole hints only, and room is kept for the quit hint.
        let width: usize = hint.iter().map(Span::width).sum();
        let is_quit = binding.action == Action::Quit;
        if !is_quit && used + width + QUIT_HINT_WIDTH + kept > room {
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

/// In a talk, where it is; in focus, which chart and the keys out of it; else autoplay's gauge
/// while it runs; otherwise where the data comes from.
fn status<'a>(app: &App, ctx: &Ctx) -> Line<'a> {
    let theme = ctx.theme;
    let key = |action| key_of(action).unwrap_or_default();
    if let Some(talk) = app.talk() {
        if talk.asking_to_quit() {
            return Line::from(vec![
                Span::styled(" press ", theme.warning),
                Span::styled(key(Action::Quit), theme.warning),
                Span::styled(" again to quit ", theme.warning),
            ]);
        }
        let beats = talk.talk().beats.len();
        let mut spans = vec![Span::styled(
            format!(" beat {}/{beats} ", talk.index() + 1),
            theme.key,
        )];
        if app.is_detour() {
            spans.extend([
                Span::styled("· detour · ", theme.muted),
                Span::styled(key(Action::ReturnToBeat), theme.key),
                Span::styled(" returns ", theme.muted),
            ]);
        }
        return Line::from(spans);
    }
    let charts = ctx.data.pages.get(app.tab()).map_or(0, |p| p.charts.len());
    if let Some(index) = app.focus() {
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
