//! Terminal colours as RGB, for pictures (HTML, SVG, PNG) that look like the terminal.

use std::fmt;

use ratatui::style::{Color, Modifier, Style};

use super::sgr;
use crate::theme::Theme;

/// A colour as red, green and blue; `Display` writes it as CSS hex, `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The page's colours: its default foreground and background, where a terminal would use
/// its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub fg: Rgb,
    pub bg: Rgb,
}

/// A terminal's default ink and paper for a dark theme.
const DEFAULT_FG: Rgb = Rgb(0xd0, 0xd0, 0xd0);
const DEFAULT_BG: Rgb = Rgb(0x1c, 0x1c, 0x1c);

pub fn page(theme: &Theme) -> Page {
    Page {
        fg: theme.base.fg.map_or(DEFAULT_FG, |c| rgb(c, DEFAULT_FG)),
        bg: theme.base.bg.map_or(DEFAULT_BG, |c| rgb(c, DEFAULT_BG)),
    }
}

/// How a cell looks: its ink, its own background where it differs from the page's, and
/// whether it is bold; reverse video applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    pub fg: Rgb,
    pub bg: Option<Rgb>,
    pub bold: bool,
}

pub fn cell(style: Style, page: Page) -> Ink {
    let fg = style.fg.map_or(page.fg, |c| rgb(c, page.fg));
    let bg = style.bg.map(|c| rgb(c, page.bg));
    let bold = style.add_modifier.contains(Modifier::BOLD);
    if style.add_modifier.contains(Modifier::REVERSED) {
        Ink {
            fg: bg.unwrap_or(page.bg),
            bg: Some(fg),
            bold,
        }
    } else {
        Ink {
            fg,
            bg: bg.filter(|&bg| bg != page.bg),
            bold,
        }
    }
}

/// A terminal colour as RGB; `reset` stands for the terminal's default.
pub fn rgb(color: Color, reset: Rgb) -> Rgb {
    let (r, g, b) = match color {
        Color::Reset => return reset,
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed(i),
        named => indexed(sgr::palette_index(named)),
    };
    Rgb(r, g, b)
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
        let black = Rgb(0, 0, 0);
        assert_eq!(rgb(Color::Indexed(214), black).to_string(), "#ffaf00");
        assert_eq!(rgb(Color::Indexed(232), black).to_string(), "#080808");
        assert_eq!(rgb(Color::Indexed(231), black).to_string(), "#ffffff");
        assert_eq!(rgb(Color::Reset, Rgb(1, 2, 3)), Rgb(1, 2, 3));
    }
}
