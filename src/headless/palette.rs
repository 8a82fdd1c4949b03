//! Terminal colours as CSS hex, for HTML and SVG snapshots that look like the terminal.

use ratatui::style::{Color, Modifier, Style};

use super::sgr;
use crate::theme::Theme;

/// The page's default foreground and background, where the terminal would use its own.
pub fn page(theme: &Theme) -> (String, String) {
    let fg = theme
        .base
        .fg
        .map_or_else(|| "#d0d0d0".to_owned(), |c| hex(c, "#d0d0d0"));
    let bg = theme
        .base
        .bg
        .map_or_else(|| "#1c1c1c".to_owned(), |c| hex(c, "#1c1c1c"));
    (fg, bg)
}

/// A cell's foreground, background and boldness, with reverse video applied.
pub fn cell(style: Style, page: &(String, String)) -> (String, Option<String>, bool) {
    let fg = style.fg.map_or_else(|| page.0.clone(), |c| hex(c, &page.0));
    let bg = style.bg.map(|c| hex(c, &page.1));
    let bold = style.add_modifier.contains(Modifier::BOLD);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg.unwrap_or_else(|| page.1.clone()), Some(fg), bold)
    } else {
        (fg, bg.filter(|bg| bg != &page.1), bold)
    }
}

/// `#rrggbb` for a colour; `reset` stands for the terminal's default.
pub fn hex(color: Color, reset: &str) -> String {
    let (r, g, b) = match color {
        Color::Reset => return reset.to_owned(),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed(i),
        named => indexed(sgr::palette_index(named)),
    };
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The xterm 256-colour palette.
fn indexed(i: u8) -> (u8, u8, u8) {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match i {
        0..=15 => BASIC[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
            let n = i - 16;
            (level(n / 36), level((n / 6) % 6), level(n % 6))
        }
        _ => {
            let gray = 8 + (i - 232) * 10;
            (gray, gray, gray)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xterm_palette() {
        assert_eq!(hex(Color::Indexed(214), "#000"), "#ffaf00");
        assert_eq!(hex(Color::Indexed(232), "#000"), "#080808");
        assert_eq!(hex(Color::Indexed(231), "#000"), "#ffffff");
        assert_eq!(hex(Color::Reset, "#123456"), "#123456");
    }
}
