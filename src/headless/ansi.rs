//! Frames as text with SGR escape sequences, for terminals and `less -R`.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::runs;

pub fn write(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        for run in runs(buf, y) {
            out.push_str(&sgr(run.style));
            out.push_str(&run.text);
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// One SGR sequence that resets, then sets this style.
fn sgr(style: Style) -> String {
    let mut codes = String::from("\x1b[0");
    for (modifier, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::REVERSED, 7),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if style.add_modifier.contains(modifier) {
            let _ = write!(codes, ";{code}");
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color(c, 38)) {
        codes.push(';');
        codes.push_str(&fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color(c, 48)) {
        codes.push(';');
        codes.push_str(&bg);
    }
    codes.push('m');
    codes
}

fn color(color: Color, base: u8) -> Option<String> {
    match color {
        Color::Reset => None,
        Color::Indexed(i) => Some(format!("{base};5;{i}")),
        Color::Rgb(r, g, b) => Some(format!("{base};2;{r};{g};{b}")),
        named => Some(format!("{base};5;{}", super::palette::named_index(named))),
    }
}
