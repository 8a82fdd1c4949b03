//! The note under a grid of tiles or charts that says how many did not fit, so nothing
//! vanishes silently when the window is small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::theme::Theme;

/// ` +N more charts: enlarge the window`, when `hidden` is more than none.
pub fn render(hidden: usize, one: &str, many: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if hidden == 0 {
        return;
    }
    let noun = if hidden == 1 { one } else { many };
    let note = Line::styled(
        format!(" +{hidden} more {noun}: enlarge the window"),
        theme.muted,
    );
    note.render(area, buf);
}
