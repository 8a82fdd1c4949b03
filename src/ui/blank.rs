//! The blank screen a clicker's "blank" button asks for: the theme's background and nothing
//! else, as a slide show's `B` does, so the audience looks at the speaker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::theme::Theme;

pub fn render(theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    buf.set_style(area, theme.base);
}
